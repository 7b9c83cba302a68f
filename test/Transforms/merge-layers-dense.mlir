// RUN: cnn-opt %s --tile-for-sram=264 --merge-layers | FileCheck %s

// A dense block on 2x8x8 i8 (growth 2): c1 = conv3x3(x),
// cat1 = concat(x, c1), c2 = conv3x3(cat1), cat2 = concat(x, c1, c2),
// t = conv1x1(cat2) (a transition to 2 channels). x and c1 are read by
// three and two later layers, so their rows stay live longer.
// At step r, t computes row r (reading cat2, so x, c1, c2, row r); c2
// computes row r (reading cat1, so x and c1, rows r-1..r+1); c1 computes
// row r+1 (reading x rows r..r+2). Live rows (rows of 2 x 8 = 16 bytes):
//   x:  row r+2 loaded; c2's row r reads from r-1: rows r-1..r+2, 4 rows;
//   c1: row r+1 produced; c2's row r reads from r-1: 3 rows;
//   c2: row r, read by t in the same step: 1 row; t: 1 row.
// Weights 2*2*9 + 2*4*9 + 2*6 = 120. Mode rows: 120 + (4+3+1+1)*16 = 264.
// (Mode resident keeps x, c1, c2 and t whole at the last layer: 518.)
// Traffic: x 128 + weights 120 + t 128 = 376.

// CHECK: cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 264, weight_bytes = 120, buffers = [#cnn.line_buffer<tensor = "arg0", rows = 4, bytes = 64>, #cnn.line_buffer<tensor = "c1", rows = 3, bytes = 48>, #cnn.line_buffer<tensor = "c2", rows = 1, bytes = 16>, #cnn.line_buffer<tensor = "t", rows = 1, bytes = 16>], name = "group_0", cnn.cycles = #cnn.cycles<{{[^>]*}}>, cnn.traffic = #cnn.traffic<input = 128, weights = 120, output = 128>
// CHECK: cnn.yield %t

func.func @dense(%x: tensor<1x2x8x8xi8>) -> tensor<1x2x8x8xi8> {
  %w1 = cnn.weight : tensor<2x2x3x3xi8>
  %w2 = cnn.weight : tensor<2x4x3x3xi8>
  %w3 = cnn.weight : tensor<2x6x1x1xi8>
  %c1 = cnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>, name = "c1"}
      : (tensor<1x2x8x8xi8>, tensor<2x2x3x3xi8>) -> tensor<1x2x8x8xi8>
  %cat1 = cnn.concat %x, %c1 {name = "cat1"} : (tensor<1x2x8x8xi8>, tensor<1x2x8x8xi8>) -> tensor<1x4x8x8xi8>
  %c2 = cnn.conv2d %cat1, %w2 {padding = array<i64: 1, 1, 1, 1>, name = "c2"}
      : (tensor<1x4x8x8xi8>, tensor<2x4x3x3xi8>) -> tensor<1x2x8x8xi8>
  %cat2 = cnn.concat %x, %c1, %c2 {name = "cat2"}
      : (tensor<1x2x8x8xi8>, tensor<1x2x8x8xi8>, tensor<1x2x8x8xi8>) -> tensor<1x6x8x8xi8>
  %t = cnn.conv2d %cat2, %w3 {name = "t"} : (tensor<1x6x8x8xi8>, tensor<2x6x1x1xi8>) -> tensor<1x2x8x8xi8>
  return %t : tensor<1x2x8x8xi8>
}
