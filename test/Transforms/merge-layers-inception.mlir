// RUN: cnn-opt %s --tile-for-sram=256 --merge-layers | FileCheck %s

// An inception-style block on 4x8x8 i8: b1 = conv1x1(x) and b2 =
// conv3x3(x) (2 channels each), cat = concat(b1, b2), y = conv1x1(cat).
// The concat is a view: its parts hold its rows, it has no buffer.
// At step r, y computes row r and reads cat (so b1 and b2) row r; b2's row
// r reads x rows r-1..r+1, b1's row r reads x row r. Live rows:
//   x:  row r+1 loaded, b2's row r reads from r-1: 3 rows (96 bytes);
//   b1: row r, read through cat by y in the same step: 1 row (16 bytes);
//   b2: likewise 1 row (16 bytes); y: 1 row (32 bytes).
// Weights 2*4 + 2*4*9 + 4*4 = 96. Mode rows: 96 + 96 + 16 + 16 + 32 = 256.
// (Mode resident: x, b1 and b2 whole with b2's weights: 548.)
// Traffic: x 256 + weights 96 + y 256 = 608; alone the layers move
// 392 + 456 + 0 + 528 = 1,376 with enough SRAM.

// CHECK: cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 256, weight_bytes = 96, buffers = [#cnn.line_buffer<tensor = "arg0", rows = 3, bytes = 96>, #cnn.line_buffer<tensor = "b1", rows = 1, bytes = 16>, #cnn.line_buffer<tensor = "b2", rows = 1, bytes = 16>, #cnn.line_buffer<tensor = "y", rows = 1, bytes = 32>], name = "group_0", cnn.cycles = #cnn.cycles<{{[^>]*}}>, cnn.traffic = #cnn.traffic<input = 256, weights = 96, output = 256>
// CHECK-NEXT: %b1 = cnn.conv2d
// CHECK-NEXT: %b2 = cnn.conv2d
// CHECK-NEXT: %cat = cnn.concat
// CHECK-NEXT: %y = cnn.conv2d
// CHECK-NEXT: cnn.yield %y

func.func @inception(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
  %w1 = cnn.weight : tensor<2x4x1x1xi8>
  %w2 = cnn.weight : tensor<2x4x3x3xi8>
  %w3 = cnn.weight : tensor<4x4x1x1xi8>
  %b1 = cnn.conv2d %x, %w1 {name = "b1"} : (tensor<1x4x8x8xi8>, tensor<2x4x1x1xi8>) -> tensor<1x2x8x8xi8>
  %b2 = cnn.conv2d %x, %w2 {padding = array<i64: 1, 1, 1, 1>, name = "b2"}
      : (tensor<1x4x8x8xi8>, tensor<2x4x3x3xi8>) -> tensor<1x2x8x8xi8>
  %cat = cnn.concat %b1, %b2 {name = "cat"} : (tensor<1x2x8x8xi8>, tensor<1x2x8x8xi8>) -> tensor<1x4x8x8xi8>
  %y = cnn.conv2d %cat, %w3 {name = "y"} : (tensor<1x4x8x8xi8>, tensor<4x4x1x1xi8>) -> tensor<1x4x8x8xi8>
  return %y : tensor<1x4x8x8xi8>
}
