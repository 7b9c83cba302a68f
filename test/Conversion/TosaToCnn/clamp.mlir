// RUN: cnn-opt --tosa-to-cnn --split-input-file %s | FileCheck %s

// Clamps that are not fused: after a pool, a cnn.activation. Float relu is
// [0, max] (any bound at or above the type's largest value), relu6 [0, 6].

// CHECK-LABEL: func.func @clamp_after_pool
// CHECK: %[[P:.*]] = cnn.max_pool
// CHECK: %[[R:.*]] = cnn.activation %[[P]] {kind = #cnn.activation<relu>} : tensor<1x4x2x2xf16>
// CHECK: %[[R6:.*]] = cnn.activation %[[R]] {kind = #cnn.activation<relu6>} : tensor<1x4x2x2xf16>
// CHECK: return %[[R6]]
func.func @clamp_after_pool(%x: tensor<1x4x4x4xf16>) -> tensor<1x2x2x4xf16> {
  %p = tosa.max_pool2d %x {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x4x4x4xf16>) -> tensor<1x2x2x4xf16>
  %r = tosa.clamp %p {min_val = 0.0 : f16, max_val = 65504.0 : f16} : (tensor<1x2x2x4xf16>) -> tensor<1x2x2x4xf16>
  %r6 = tosa.clamp %r {min_val = 0.0 : f16, max_val = 6.0 : f16} : (tensor<1x2x2x4xf16>) -> tensor<1x2x2x4xf16>
  return %r6 : tensor<1x2x2x4xf16>
}

// -----

// A clamp over the whole range of the type does nothing and disappears;
// here the quantized ReLU6 of a zero point -128 and scale 6/255, whose q(6)
// is 127.

// CHECK-LABEL: func.func @clamp_whole_range
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x4xi8>)
// CHECK-NEXT: return %[[X]]
func.func @clamp_whole_range(%x: tensor<1x4x4x4xi8>) -> tensor<1x4x4x4xi8> {
  %r = tosa.clamp %x {min_val = -128 : i8, max_val = 127 : i8} : (tensor<1x4x4x4xi8>) -> tensor<1x4x4x4xi8>
  return %r : tensor<1x4x4x4xi8>
}

// -----

// An integer clamp without a rescale before it: the zero point is 0, so
// [0, 6] is relu6 and [0, 127] relu.

// CHECK-LABEL: func.func @clamp_int
// CHECK: cnn.activation %{{.*}} {kind = #cnn.activation<relu6>} : tensor<1x4x4x4xi8>
// CHECK: cnn.activation %{{.*}} {kind = #cnn.activation<relu>} : tensor<1x4x4x4xi8>
func.func @clamp_int(%x: tensor<1x4x4x4xi8>) -> (tensor<1x4x4x4xi8>, tensor<1x4x4x4xi8>) {
  %r6 = tosa.clamp %x {min_val = 0 : i8, max_val = 6 : i8} : (tensor<1x4x4x4xi8>) -> tensor<1x4x4x4xi8>
  %r = tosa.clamp %x {min_val = 0 : i8, max_val = 127 : i8} : (tensor<1x4x4x4xi8>) -> tensor<1x4x4x4xi8>
  return %r6, %r : tensor<1x4x4x4xi8>, tensor<1x4x4x4xi8>
}
