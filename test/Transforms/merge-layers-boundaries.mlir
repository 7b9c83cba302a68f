// RUN: cnn-opt %s --tile-for-sram=4096 --merge-layers | FileCheck %s
// RUN: cnn-opt %s --tile-for-sram=4096 --merge-layers --cnn-traffic-report -o /dev/null | FileCheck %s --check-prefix=REPORT
// RUN: cnn-opt %s --tile-for-sram=547 --merge-layers | FileCheck %s --check-prefix=SPLIT
// RUN: cnn-opt %s --tile-for-sram=547 --merge-layers --cnn-traffic-report -o /dev/null | FileCheck %s --check-prefix=SPLIT-REPORT

// Global pooling, fully connected layers and softmax need their whole input
// at once: they join groups of mode resident only (the tail kept on chip),
// never mode rows.
//
// i8, 4 channels of 8x8: a map is 256 bytes, each 3x3 convolution's weights
// 4 * 4 * 9 = 144 bytes (36 per output channel), gap and prob 4 bytes.
// Alone: a 256 + 144 + 256 = 656, b 656, gap 256 + 4 = 260, prob 4 + 4 = 8:
// 1580 in all.
// One group in mode resident reads x (256) and the weights (288) once and
// writes prob (4): 548. Its SRAM: x (live at a), a (a..b), b (b..gap), gap
// (gap..prob), prob (prob), and one output channel of a's or b's weights
// (36) while it computes: at a 256 + 256 + 36 = 548, at b the same, at gap
// 256 + 4: the peak is 548.
// CHECK: cnn.fusion_group {mode = #cnn.fusion_mode<resident>, sram_bytes = 548, weight_bytes = 288
// CHECK: cnn.global_avg_pool
// CHECK: cnn.softmax
// CHECK-NEXT: cnn.yield
// CHECK-NOT: cnn.boundary
// REPORT: group_0 resident 548 18,432 256 288 4 548 4: a .. prob
// REPORT-NOT: boundaries
// REPORT: network: without merging 1,580 bytes, with merging 548 bytes

// At 547 bytes the four layers do not fit whole. a and b merge in mode rows
// (512 bytes, see merge-layers-chain: 256 + 288 + 256 = 800), which does
// not run gap; gap and prob form a group of mode resident: b (256, live at
// gap), gap and prob (4 each): 260 bytes of SRAM, 256 + 4 = 260 moved, 8
// less than alone. 800 + 260 = 1060 in all.
// SPLIT: cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 512
// SPLIT: cnn.boundary = "whole feature maps do not fit: merging 'gap' needs 548 bytes; mode rows does not run 'gap' (global_avg_pool)"
// SPLIT: cnn.fusion_group {mode = #cnn.fusion_mode<resident>, sram_bytes = 260
// SPLIT-REPORT: group_1 resident 260 0 256 0 4 260 2: gap .. prob
// SPLIT-REPORT: network: without merging 1,580 bytes, with merging 1,060 bytes

func.func @head(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x1x1xi8> {
  %w1 = cnn.weight : tensor<4x4x3x3xi8>
  %w2 = cnn.weight : tensor<4x4x3x3xi8>
  %a = cnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>, name = "a"}
      : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  %b = cnn.conv2d %a, %w2 {padding = array<i64: 1, 1, 1, 1>, name = "b"}
      : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  %gap = cnn.global_avg_pool %b {name = "gap"} : tensor<1x4x8x8xi8> -> tensor<1x4x1x1xi8>
  %prob = cnn.softmax %gap {name = "prob"} : tensor<1x4x1x1xi8>
  return %prob : tensor<1x4x1x1xi8>
}
