// A multiply by per-channel factors (squeeze-and-excitation): the factors
// are read whole, so a group waits for them, and the line buffers say so.
// RUN: cnn-opt --tile-for-sram=4096 --merge-layers --split-input-file %s | FileCheck %s --check-prefix=SE
// RUN: cnn-opt --tile-for-sram=4096 --merge-layers --cnn-traffic-report --split-input-file %s -o /dev/null | FileCheck %s --check-prefix=SE-REPORT
// RUN: cnn-opt --tile-for-sram=1000 --merge-layers --split-input-file %s | FileCheck %s --check-prefix=SE1000
// RUN: cnn-opt --tile-for-sram=1000 --merge-layers --cnn-traffic-report --split-input-file %s -o /dev/null | FileCheck %s --check-prefix=SE1000-REPORT
// RUN: cnn-opt --tile-for-sram=400 --merge-layers --split-input-file %s | FileCheck %s --check-prefix=GATE400
// RUN: cnn-opt --tile-for-sram=300 --merge-layers --split-input-file %s | FileCheck %s --check-prefix=GATE300

// i8, 8 channels of 8x8: a row of a map is 8 * 8 = 64 bytes, a map 512.
// Alone (every tensor fits at 4096, each read once, written once):
//   conv1 512 + 576 + 512 = 1600; squeeze 512 + 8 = 520; fc1 8 + 16 + 2
//   = 26; fc2 2 + 16 + 8 = 26; excite 512 + 8 + 512 = 1032; conv2 512 +
//   64 + 512 = 1088: 4292 in all.
// At 4096 the whole network is one group of mode resident (the global pool
// needs its whole input): x once (512), every weight once (576 + 16 + 16 +
// 64 = 672), conv2 once (512): 1696. Its SRAM: x (live at conv1), conv1
// (conv1 .. excite), squeeze, fc1, fc2, excite, conv2 whole, and one
// output channel of the layer computing: at conv1 512 + 512 + 72 = 1096,
// at excite 512 + 8 + 512 = 1032, at conv2 512 + 512 + 8 = 1032: 1096.
// SE: cnn.fusion_group {mode = #cnn.fusion_mode<resident>, sram_bytes = 1096, weight_bytes = 672
// SE: cnn.mul %conv1, %fc2
// SE-REPORT: excite mul 0 520 0 512 1,032
// SE-REPORT: total, layers alone {{.*}} 4,292
// SE-REPORT: group_0 resident 1,096 40,992 512 672 512 1,696 6: conv1 .. conv2
// SE-REPORT: network: without merging 4,292 bytes, with merging 1,696 bytes
// At 1000 nothing from conv1 to excite fits whole (conv1, fc2 and excite
// are live at excite: 1032). conv1 runs alone (1600); squeeze and fc1 form
// a group of mode resident: conv1 read once (512), fc1's weights (16),
// fc1 written (2): 530, in conv1 512 + squeeze 8 = 520 bytes at squeeze
// (at fc1: squeeze 8 + fc1 2 + one output channel of its weights 8). fc2 .. conv2 run in mode rows: fc1
// (2) and conv1 (512) read once, weights 16 + 64 = 80, conv2 written
// (512): 1106. One row of conv2 per step (8 steps): at step 0 conv2 needs
// row 0 of excite, which needs row 0 of conv1 and all of fc2 (one row,
// kept to the last step), which needs fc1: every buffer holds one row.
// SRAM: weights 80 + conv1, excite, conv2 3 * 64 + fc2 8 + fc1 2 = 282.
// In all 1600 + 530 + 1106 = 3236.
// SE1000: cnn.fusion_group {mode = #cnn.fusion_mode<resident>, sram_bytes = 520, weight_bytes = 16
// SE1000: cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 282, weight_bytes = 80, buffers = [#cnn.line_buffer<tensor = "fc1", rows = 1, bytes = 2>, #cnn.line_buffer<tensor = "fc2", rows = 1, bytes = 8>, #cnn.line_buffer<tensor = "conv1", rows = 1, bytes = 64>, #cnn.line_buffer<tensor = "excite", rows = 1, bytes = 64>, #cnn.line_buffer<tensor = "conv2", rows = 1, bytes = 64>]
// SE1000: cnn.mul %conv1, %fc2 {{.*}}cnn.traffic = #cnn.traffic<input = 520, weights = 0, output = 512>
// SE1000-REPORT: group_0 resident 520 16 512 16 2 530 2: squeeze .. fc1
// SE1000-REPORT: group_1 rows 282 4,112 514 80 512 1,106 3: fc2 .. conv2
// SE1000-REPORT: after 'conv1': whole feature maps do not fit: merging 'squeeze' needs 1096 bytes; mode rows does not run 'squeeze' (global_avg_pool)
// SE1000-REPORT: network: without merging 4,292 bytes, with merging 3,236 bytes
func.func @se(%x: tensor<1x8x8x8xi8>) -> tensor<1x8x8x8xi8> {
  %w1 = cnn.weight : tensor<8x8x3x3xi8>
  %a = cnn.conv2d %x, %w1 {name = "conv1", padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>}
      : (tensor<1x8x8x8xi8>, tensor<8x8x3x3xi8>) -> tensor<1x8x8x8xi8>
  %g = cnn.global_avg_pool %a {name = "squeeze"} : tensor<1x8x8x8xi8> -> tensor<1x8x1x1xi8>
  %wf1 = cnn.weight : tensor<2x8x1x1xi8>
  %h = cnn.conv2d %g, %wf1 {name = "fc1", activation = #cnn.activation<relu>}
      : (tensor<1x8x1x1xi8>, tensor<2x8x1x1xi8>) -> tensor<1x2x1x1xi8>
  %wf2 = cnn.weight : tensor<8x2x1x1xi8>
  %s = cnn.conv2d %h, %wf2 {name = "fc2"}
      : (tensor<1x2x1x1xi8>, tensor<8x2x1x1xi8>) -> tensor<1x8x1x1xi8>
  %m = cnn.mul %a, %s {name = "excite"} : (tensor<1x8x8x8xi8>, tensor<1x8x1x1xi8>) -> tensor<1x8x8x8xi8>
  %w2 = cnn.weight : tensor<8x8x1x1xi8>
  %y = cnn.conv2d %m, %w2 {name = "conv2"} : (tensor<1x8x8x8xi8>, tensor<8x8x1x1xi8>) -> tensor<1x8x8x8xi8>
  return %y : tensor<1x8x8x8xi8>
}

// -----

// The factors come from a max pool over the whole 8x8 map (4 channels, a
// row 32 bytes, a map 256): the multiply's first row needs all of them, so
// in one group the input's line buffer holds all 8 rows at step 0.
// Alone: gate 256 + 4 = 260, scale 256 + 4 + 256 = 516, proj 256 + 16 +
// 256 = 528: 1304.
// At 400 the three merge: the input once (256), weights (16), proj (256):
// 528. Mode rows: input 8 rows (256) + gate 4 + scale 32 + proj 32 +
// weights 16 = 340 (mode resident would need 516: scale and its inputs
// whole).
// GATE400: cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 340, weight_bytes = 16, buffers = [#cnn.line_buffer<tensor = "arg0", rows = 8, bytes = 256>, #cnn.line_buffer<tensor = "gate", rows = 1, bytes = 4>, #cnn.line_buffer<tensor = "scale", rows = 1, bytes = 32>, #cnn.line_buffer<tensor = "proj", rows = 1, bytes = 32>]
// GATE400-SAME: cnn.traffic = #cnn.traffic<input = 256, weights = 16, output = 256>
// At 300 neither mode of the three fits. gate + scale (256 + 4 + 32 = 292)
// would move 256 + 256 = 512 and leave proj alone (528): 1040; gate alone
// (260) and scale + proj (input 1 row 32 + gate 4 + scale 32 + proj 32 +
// weights 16 = 116 bytes; traffic 256 + 4 + 16 + 256 = 532) move 792.
// GATE300: cnn.max_pool {{.*}}cnn.traffic = #cnn.traffic<input = 256, weights = 0, output = 4>
// GATE300: cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 116, weight_bytes = 16
// GATE300-SAME: cnn.traffic = #cnn.traffic<input = 260, weights = 16, output = 256>
func.func @gate(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
  %s = cnn.max_pool %x {name = "gate", kernel = array<i64: 8, 8>} : tensor<1x4x8x8xi8> -> tensor<1x4x1x1xi8>
  %m = cnn.mul %x, %s {name = "scale"} : (tensor<1x4x8x8xi8>, tensor<1x4x1x1xi8>) -> tensor<1x4x8x8xi8>
  %w = cnn.weight : tensor<4x4x1x1xi8>
  %y = cnn.conv2d %m, %w {name = "proj"} : (tensor<1x4x8x8xi8>, tensor<4x4x1x1xi8>) -> tensor<1x4x8x8xi8>
  return %y : tensor<1x4x8x8xi8>
}
