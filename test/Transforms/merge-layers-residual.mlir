// RUN: cnn-opt %s --tile-for-sram=544 --merge-layers | FileCheck %s

// A residual block on 4x8x8 i8: c1 = conv3x3(x), c2 = conv3x3(c1),
// y = relu(c2 + x). At step r the add computes row r of y, so c2 computes
// row r (reading c1 rows r-1..r+1) and c1 computes row r+1 (reading x rows
// r..r+2). Live rows at that step:
//   x:  row r+2 loaded; c1's row r+1 reads from r, the add's row r reads
//       row r: rows r..r+2, 3 rows (the skip costs no extra row here);
//   c1: row r+1 produced, c2's row r reads from r-1: 3 rows;
//   c2: row r, read by the add in the same step: 1 row; y: 1 row.
// (3 + 3 + 1 + 1) * 32 bytes + weights 2 * 144 = 544. x is read by two
// layers of the group and loaded once: traffic 256 + 288 + 256 = 800.

// CHECK: cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 544, weight_bytes = 288, buffers = [#cnn.line_buffer<tensor = "arg0", rows = 3, bytes = 96>, #cnn.line_buffer<tensor = "c1", rows = 3, bytes = 96>, #cnn.line_buffer<tensor = "c2", rows = 1, bytes = 32>, #cnn.line_buffer<tensor = "y", rows = 1, bytes = 32>], name = "group_0", cnn.cycles = #cnn.cycles<{{[^>]*}}>, cnn.traffic = #cnn.traffic<input = 256, weights = 288, output = 256>
// CHECK: cnn.yield %y

func.func @residual(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
  %w1 = cnn.weight : tensor<4x4x3x3xi8>
  %w2 = cnn.weight : tensor<4x4x3x3xi8>
  %c1 = cnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>, name = "c1"}
      : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  %c2 = cnn.conv2d %c1, %w2 {padding = array<i64: 1, 1, 1, 1>, name = "c2"}
      : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  %y = cnn.add %c2, %x {activation = #cnn.activation<relu>, name = "y"} : tensor<1x4x8x8xi8>
  return %y : tensor<1x4x8x8xi8>
}
