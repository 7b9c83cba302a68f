// RUN: cnn-opt --tosa-to-cnn --split-input-file %s | FileCheck %s

// TOSA is NHWC, cnn NCHW: the function's NHWC arguments and results become
// NCHW, and a flattened result (tensor<1xK>) becomes tensor<1xKx1x1>.

// CHECK-LABEL: func.func @signature
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x6x4xf32>, %[[V:.*]]: tensor<1x7x1x1xf32>) -> (tensor<1x3x3x2xf32>, tensor<1x7x1x1xf32>)
// CHECK: %[[P:.*]] = cnn.max_pool %[[X]]
// CHECK: return %[[P]], %[[V]]
func.func @signature(%x: tensor<1x6x4x3xf32>, %v: tensor<1x7xf32>) -> (tensor<1x3x2x3xf32>, tensor<1x7xf32>) {
  %p = tosa.max_pool2d %x {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x6x4x3xf32>) -> tensor<1x3x2x3xf32>
  return %p, %v : tensor<1x3x2x3xf32>, tensor<1x7xf32>
}

// -----

// An NCHW exporter (PyTorch through torch-mlir) wraps every NHWC layer in
// transposes and applies ReLU, the residual add and the concatenation in
// NCHW. The transposes move after the clamp, add and concat, where the
// inverse pairs cancel; the ones at the arguments and results are the
// boundary. The flattening before the classifier happens in NCHW (C, H, W
// order, as cnn's): the weight columns stay in place.

// CHECK-LABEL: func.func @nchw_exporter
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4x4xf32>) -> tensor<1x1x1x1xf32>
// CHECK: %[[C1:.*]] = cnn.conv2d %[[X]], %{{.*}} {activation = #cnn.activation<relu>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32>
// CHECK: %[[C2:.*]] = cnn.conv2d %[[C1]], %{{.*}} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32>
// CHECK: %[[S:.*]] = cnn.add %[[C2]], %[[C1]] : tensor<1x2x4x4xf32>
// CHECK: %[[CAT:.*]] = cnn.concat %[[S]], %[[C1]] : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x4x4x4xf32>
// CHECK: %[[P:.*]] = cnn.max_pool %[[CAT]] {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x4x4x4xf32> -> tensor<1x4x2x2xf32>
// CHECK: %[[W:.*]] = cnn.weight {value = dense<{{\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00, {{.*}}, 1.600000e+01]]> : tensor<1x16xf32>}
// CHECK: %[[Y:.*]] = cnn.fully_connected %[[P]], %[[W]] : (tensor<1x4x2x2xf32>, tensor<1x16xf32>) -> tensor<1x1x1x1xf32>
// CHECK: return %[[Y]]
// CHECK-NOT: tosa.
func.func @nchw_exporter(%x: tensor<1x2x4x4xf32>) -> tensor<1x1xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %b = "tosa.const"() <{values = dense<0.0> : tensor<2xf32>}> : () -> tensor<2xf32>
  %w_oihw = "tosa.const"() <{values = dense<1.0> : tensor<2x2x1x1xf32>}> : () -> tensor<2x2x1x1xf32>
  %w = tosa.transpose %w_oihw {perms = array<i32: 0, 2, 3, 1>} : (tensor<2x2x1x1xf32>) -> tensor<2x1x1x2xf32>
  %t0 = tosa.transpose %x {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x2x4x4xf32>) -> tensor<1x4x4x2xf32>
  %c1 = tosa.conv2d %t0, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x4x4x2xf32>, tensor<2x1x1x2xf32>, tensor<2xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x4x2xf32>
  %n1 = tosa.transpose %c1 {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x4x4x2xf32>) -> tensor<1x2x4x4xf32>
  %r1 = tosa.clamp %n1 {min_val = 0.0 : f32, max_val = 3.40282347E+38 : f32} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %t1 = tosa.transpose %r1 {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x2x4x4xf32>) -> tensor<1x4x4x2xf32>
  %c2 = tosa.conv2d %t1, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x4x4x2xf32>, tensor<2x1x1x2xf32>, tensor<2xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x4x2xf32>
  %n2 = tosa.transpose %c2 {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x4x4x2xf32>) -> tensor<1x2x4x4xf32>
  %s = tosa.add %n2, %r1 : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %cat = tosa.concat %s, %r1 {axis = 1 : i32} : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x4x4x4xf32>
  %t2 = tosa.transpose %cat {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %p = tosa.max_pool2d %t2 {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x4x4x4xf32>) -> tensor<1x2x2x4xf32>
  %n3 = tosa.transpose %p {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x2x2x4xf32>) -> tensor<1x4x2x2xf32>
  %s2 = tosa.const_shape {values = dense<[1, 16]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %flat = tosa.reshape %n3, %s2 : (tensor<1x4x2x2xf32>, !tosa.shape<2>) -> tensor<1x16xf32>
  %s3 = tosa.const_shape {values = dense<[1, 1, 16]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %row = tosa.reshape %flat, %s3 : (tensor<1x16xf32>, !tosa.shape<3>) -> tensor<1x1x16xf32>
  %lin = "tosa.const"() <{values = dense<[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0]]> : tensor<1x16xf32>}> : () -> tensor<1x16xf32>
  %lint = tosa.transpose %lin {perms = array<i32: 1, 0>} : (tensor<1x16xf32>) -> tensor<16x1xf32>
  %sw = tosa.const_shape {values = dense<[1, 16, 1]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %wm = tosa.reshape %lint, %sw : (tensor<16x1xf32>, !tosa.shape<3>) -> tensor<1x16x1xf32>
  %mm = tosa.matmul %row, %wm, %zp, %zp : (tensor<1x1x16xf32>, tensor<1x16x1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x1x1xf32>
  %s1 = tosa.const_shape {values = dense<[1, 1]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %y = tosa.reshape %mm, %s1 : (tensor<1x1x1xf32>, !tosa.shape<2>) -> tensor<1x1xf32>
  return %y : tensor<1x1xf32>
}
