// RUN: cnn-opt --tosa-to-cnn %s | FileCheck %s

// Concatenation on the NHWC channel axis (3) is cnn.concat; a ReLU after it
// has no layer to fuse into and becomes a cnn.activation.

// CHECK-LABEL: func.func @concat_relu
// CHECK-SAME: (%[[A:.*]]: tensor<1x16x8x8xi8>, %[[B:.*]]: tensor<1x32x8x8xi8>) -> tensor<1x48x8x8xi8>
// CHECK: %[[C:.*]] = cnn.concat %[[A]], %[[B]] {name = "mixed"} : (tensor<1x16x8x8xi8>, tensor<1x32x8x8xi8>) -> tensor<1x48x8x8xi8>
// CHECK: %[[R:.*]] = cnn.activation %[[C]] {kind = #cnn.activation<relu>} : tensor<1x48x8x8xi8>
// CHECK: return %[[R]]
func.func @concat_relu(%a: tensor<1x8x8x16xi8>, %b: tensor<1x8x8x32xi8>) -> tensor<1x8x8x48xi8> {
  %c = tosa.concat %a, %b {axis = 3 : i32} : (tensor<1x8x8x16xi8>, tensor<1x8x8x32xi8>) -> tensor<1x8x8x48xi8> loc("mixed")
  %r = tosa.clamp %c {min_val = 0 : i8, max_val = 127 : i8} : (tensor<1x8x8x48xi8>) -> tensor<1x8x8x48xi8>
  return %r : tensor<1x8x8x48xi8>
}
