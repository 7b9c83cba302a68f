// RUN: cnn-opt %s --tile-for-sram=4096 --merge-layers | FileCheck %s
// RUN: cnn-opt %s --tile-for-sram=4096 --merge-layers --cnn-traffic-report -o /dev/null | FileCheck %s --check-prefix=REPORT

// Global pooling, fully connected layers and softmax always run alone: the
// boundary before and after them names the layer. The two convolutions
// merge (4x8x8 i8, 3x3: 512 bytes in mode rows, see merge-layers-chain).

// CHECK: cnn.fusion_group
// CHECK: cnn.boundary = "layer 'gap' (global_avg_pool) cannot be merged"
// CHECK: %gap = cnn.global_avg_pool {{.*}}cnn.boundary = "layer 'gap' (global_avg_pool) cannot be merged"
// CHECK: %prob = cnn.softmax
// CHECK-NOT: cnn.boundary

// REPORT: boundaries
// REPORT-NEXT: after 'group_0' (.. 'b'): layer 'gap' (global_avg_pool) cannot be merged
// REPORT-NEXT: after 'gap': layer 'gap' (global_avg_pool) cannot be merged

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
