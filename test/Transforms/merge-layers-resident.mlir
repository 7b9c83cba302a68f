// RUN: cnn-opt %s --tile-for-sram=1024 --merge-layers | FileCheck %s --check-prefix=RESIDENT
// RUN: cnn-opt %s --tile-for-sram=271 --merge-layers | FileCheck %s --check-prefix=SPLIT

// Weights large, feature maps small (the late layers of MobileNet): two
// 3x3 convolutions 16 -> 16 (pad 1) on 2x2 maps, i8. Weights 2 * 2,304 =
// 4,608 bytes: mode rows (weights resident) needs more than 1 KiB. Mode
// resident keeps x and a whole (64 + 64) while the first layer runs, then a
// and b (64 + 64), each with one output channel of weights (16*9 = 144):
// 272 bytes.
// Traffic: x 64 + weights 4,608 + b 64 = 4,736. Alone, each layer moves
// 64 + 2,304 + 64 = 2,432 (at 1 KiB: tc=16, tm=6, the input read once,
// the weights once): 4,864. The group saves writing and reading a.
//
// At 271 bytes neither mode fits.

// RESIDENT: cnn.fusion_group {mode = #cnn.fusion_mode<resident>, sram_bytes = 272, weight_bytes = 4608, buffers = [#cnn.line_buffer<tensor = "arg0", rows = 2, bytes = 64>, #cnn.line_buffer<tensor = "a", rows = 2, bytes = 64>, #cnn.line_buffer<tensor = "b", rows = 2, bytes = 64>], name = "group_0", cnn.cycles = #cnn.cycles<{{[^>]*}}>, cnn.traffic = #cnn.traffic<input = 64, weights = 4608, output = 64>

// SPLIT-NOT: cnn.fusion_group
// SPLIT: %a = cnn.conv2d {{.*}}cnn.boundary = "weights do not fit: merging 'b' needs 4608 bytes of weights (whole feature maps: 272)"
// SPLIT-SAME: cnn.traffic = #cnn.traffic<input = 64, weights = 2304, output = 64>

func.func @late(%x: tensor<1x16x2x2xi8>) -> tensor<1x16x2x2xi8> {
  %w1 = cnn.weight : tensor<16x16x3x3xi8>
  %w2 = cnn.weight : tensor<16x16x3x3xi8>
  %a = cnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>, name = "a"}
      : (tensor<1x16x2x2xi8>, tensor<16x16x3x3xi8>) -> tensor<1x16x2x2xi8>
  %b = cnn.conv2d %a, %w2 {padding = array<i64: 1, 1, 1, 1>, name = "b"}
      : (tensor<1x16x2x2xi8>, tensor<16x16x3x3xi8>) -> tensor<1x16x2x2xi8>
  return %b : tensor<1x16x2x2xi8>
}
