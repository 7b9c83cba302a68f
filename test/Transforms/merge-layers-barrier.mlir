// RUN: cnn-opt %s --split-input-file --tile-for-sram=256KiB --merge-layers | FileCheck %s
// RUN: cnn-opt %s --split-input-file --tile-for-sram=256KiB --merge-layers --cnn-traffic-report -o /dev/null | FileCheck %s --check-prefix=REPORT

// A group never crosses an op that is not a layer: the op stays where it
// is, between the layers before it and the layers after it, and the
// boundary names it. The layers on either side still merge.

// CHECK-LABEL: func.func @arith
// CHECK: cnn.fusion_group {{.*}}cnn.boundary = "'arith.addi' between 'b' and 'c' is not a layer: a group does not cross it"
// CHECK: %b = cnn.conv2d
// CHECK: arith.addi
// CHECK: cnn.fusion_group
// CHECK: %c = cnn.conv2d
// CHECK: %d = cnn.conv2d
// REPORT: after 'group_0' (.. 'b'): 'arith.addi' between 'b' and 'c' is not a layer: a group does not cross it
func.func @arith(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
  %w = cnn.weight : tensor<4x4x3x3xi8>
  %a = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>, name = "a"} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  %b = cnn.conv2d %a, %w {padding = array<i64: 1, 1, 1, 1>, name = "b"} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  %n = arith.addi %b, %b : tensor<1x4x8x8xi8>
  %c = cnn.conv2d %n, %w {padding = array<i64: 1, 1, 1, 1>, name = "c"} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  %d = cnn.conv2d %c, %w {padding = array<i64: 1, 1, 1, 1>, name = "d"} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  return %d : tensor<1x4x8x8xi8>
}

// -----

// A call between two layers that does not even read them.
// CHECK-LABEL: func.func @call
// CHECK-NOT: cnn.fusion_group
// CHECK: %a = cnn.conv2d {{.*}}cnn.boundary = "'func.call' between 'a' and 'b' is not a layer: a group does not cross it"
// CHECK-NEXT: call @side
// CHECK: %b = cnn.conv2d
func.func private @side() -> ()
func.func @call(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
  %w = cnn.weight : tensor<4x4x3x3xi8>
  %a = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>, name = "a"} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  func.call @side() : () -> ()
  %b = cnn.conv2d %a, %w {padding = array<i64: 1, 1, 1, 1>, name = "b"} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  return %b : tensor<1x4x8x8xi8>
}
