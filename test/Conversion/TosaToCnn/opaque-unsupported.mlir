// RUN: cnn-opt --tosa-to-cnn=opaque-unsupported=true --verify-diagnostics %s | FileCheck %s

// With opaque-unsupported, an op without a cnn equivalent stays, with a
// warning: it reads and produces NHWC values, and transposes connect it to
// the NCHW cnn layers around it.

// CHECK-LABEL: func.func @keep_sigmoid
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x4x4xf32>) -> tensor<1x8x2x2xf32>
// CHECK: %[[P:.*]] = cnn.max_pool %[[X]]
// CHECK: %[[T:.*]] = tosa.transpose %[[P]] {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x8x2x2xf32>) -> tensor<1x2x2x8xf32>
// CHECK: %[[S:.*]] = tosa.sigmoid %[[T]] : (tensor<1x2x2x8xf32>) -> tensor<1x2x2x8xf32>
// CHECK: %[[U:.*]] = tosa.transpose %[[S]] {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x2x2x8xf32>) -> tensor<1x8x2x2xf32>
// CHECK: %[[R:.*]] = cnn.activation %[[U]] {kind = #cnn.activation<relu6>}
// CHECK: return %[[R]]
func.func @keep_sigmoid(%x: tensor<1x4x4x8xf32>) -> tensor<1x2x2x8xf32> {
  %p = tosa.max_pool2d %x {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x2x2x8xf32>
  // expected-warning@+1 {{'tosa.sigmoid' op is kept as it is: no cnn layer computes it}}
  %s = tosa.sigmoid %p : (tensor<1x2x2x8xf32>) -> tensor<1x2x2x8xf32>
  %r = tosa.clamp %s {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<1x2x2x8xf32>) -> tensor<1x2x2x8xf32>
  return %r : tensor<1x2x2x8xf32>
}
