// RUN: cnn-opt --tosa-to-cnn --split-input-file %s | FileCheck %s

// A classifier as exporters write it: the pooled 1x1x1xC map reshaped to a
// row, tosa.matmul by a [1, K, M] constant, tosa.add of the bias. It
// becomes a cnn.fully_connected with an [M, K] weight and an [M] bias; the
// flattened 1x1000 result becomes the NCHW 1x1000x1x1.

// CHECK-LABEL: func.func @matmul_f32
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x1x1xf32>) -> tensor<1x10x1x1xf32>
// CHECK: %[[W:.*]] = cnn.weight : tensor<10x16xf32>
// CHECK: %[[B:.*]] = cnn.weight : tensor<10xf32>
// CHECK: %[[Y:.*]] = cnn.fully_connected %[[X]], %[[W]], %[[B]] {name = "logits"}
// CHECK-SAME: (tensor<1x16x1x1xf32>, tensor<10x16xf32>, tensor<10xf32>) -> tensor<1x10x1x1xf32>
// CHECK-NEXT: return %[[Y]] : tensor<1x10x1x1xf32>
func.func @matmul_f32(%x: tensor<1x1x1x16xf32>) -> tensor<1x10xf32> {
  %s3 = tosa.const_shape {values = dense<[1, 1, 16]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %row = tosa.reshape %x, %s3 : (tensor<1x1x1x16xf32>, !tosa.shape<3>) -> tensor<1x1x16xf32>
  %w = "tosa.const"() <{values = dense_resource<__elided__> : tensor<1x16x10xf32>}> : () -> tensor<1x16x10xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %mm = tosa.matmul %row, %w, %zp, %zp : (tensor<1x1x16xf32>, tensor<1x16x10xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x1x10xf32> loc("logits")
  %b = "tosa.const"() <{values = dense_resource<__elided__> : tensor<1x1x10xf32>}> : () -> tensor<1x1x10xf32>
  %y = tosa.add %mm, %b : (tensor<1x1x10xf32>, tensor<1x1x10xf32>) -> tensor<1x1x10xf32>
  %s2 = tosa.const_shape {values = dense<[1, 10]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %r = tosa.reshape %y, %s2 : (tensor<1x1x10xf32>, !tosa.shape<2>) -> tensor<1x10xf32>
  return %r : tensor<1x10xf32>
}

// -----

// int8, TFLite-style, over a 2x2x2 map flattened in NHWC order
// (k = 4h + 2w + c). cnn flattens in C, H, W order (k' = 4c + 2h + w), so
// the weight columns are reordered: weight[0][k] = k + 1 becomes
// [1, 3, 5, 7, 2, 4, 6, 8]. The bias add and the rescale are absorbed.

// CHECK-LABEL: func.func @matmul_i8_flatten
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x2x2xi8>) -> tensor<1x1x1x1xi8>
// CHECK: %[[W:.*]] = cnn.weight {value = dense<{{\[\[}}1, 3, 5, 7, 2, 4, 6, 8]]> : tensor<1x8xi8>}
// CHECK: %[[B:.*]] = cnn.weight {value = dense<-5> : tensor<1xi32>}
// CHECK: cnn.fully_connected %[[X]], %[[W]], %[[B]]
// CHECK-SAME: (tensor<1x2x2x2xi8>, tensor<1x8xi8>, tensor<1xi32>) -> tensor<1x1x1x1xi8>
// CHECK-NOT: tosa.
func.func @matmul_i8_flatten(%x: tensor<1x2x2x2xi8>) -> tensor<1x1xi8> {
  %s3 = tosa.const_shape {values = dense<[1, 1, 8]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %row = tosa.reshape %x, %s3 : (tensor<1x2x2x2xi8>, !tosa.shape<3>) -> tensor<1x1x8xi8>
  %w = "tosa.const"() <{values = dense<[[[1], [2], [3], [4], [5], [6], [7], [8]]]> : tensor<1x8x1xi8>}> : () -> tensor<1x8x1xi8>
  %azp = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %bzp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %mm = tosa.matmul %row, %w, %azp, %bzp : (tensor<1x1x8xi8>, tensor<1x8x1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x1x1xi32>
  %b = "tosa.const"() <{values = dense<-5> : tensor<1x1x1xi32>}> : () -> tensor<1x1x1xi32>
  %acc = tosa.add %mm, %b : (tensor<1x1x1xi32>, tensor<1x1x1xi32>) -> tensor<1x1x1xi32>
  %m = "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}> : () -> tensor<1xi32>
  %s = "tosa.const"() <{values = dense<35> : tensor<1xi8>}> : () -> tensor<1xi8>
  %izp = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %q = tosa.rescale %acc, %m, %s, %izp, %azp {input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<1x1x1xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x1x1xi8>
  %s2 = tosa.const_shape {values = dense<[1, 1]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %r = tosa.reshape %q, %s2 : (tensor<1x1x1xi8>, !tosa.shape<2>) -> tensor<1x1xi8>
  return %r : tensor<1x1xi8>
}

// -----

// TensorFlow's fully connected: the map reshaped to 1x1x1xK and a 1x1
// tosa.conv2d by an [M, 1, 1, K] weight. The same column reordering:
// weight[o][k] = 8o + k + 1.

// CHECK-LABEL: func.func @conv_as_fully_connected
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x2x2xf32>) -> tensor<1x2x1x1xf32>
// CHECK: %[[W:.*]] = cnn.weight {value = dense<{{\[\[}}1.000000e+00, 3.000000e+00, 5.000000e+00, 7.000000e+00, 2.000000e+00, 4.000000e+00, 6.000000e+00, 8.000000e+00], [9.000000e+00, 1.100000e+01, 1.300000e+01, 1.500000e+01, 1.000000e+01, 1.200000e+01, 1.400000e+01, 1.600000e+01]]> : tensor<2x8xf32>}
// CHECK: cnn.fully_connected %[[X]], %[[W]] {activation = #cnn.activation<relu>}
// CHECK-SAME: (tensor<1x2x2x2xf32>, tensor<2x8xf32>) -> tensor<1x2x1x1xf32>
func.func @conv_as_fully_connected(%x: tensor<1x2x2x2xf32>) -> tensor<1x2xf32> {
  %s4 = tosa.const_shape {values = dense<[1, 1, 1, 8]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %flat = tosa.reshape %x, %s4 : (tensor<1x2x2x2xf32>, !tosa.shape<4>) -> tensor<1x1x1x8xf32>
  %w = "tosa.const"() <{values = dense<[[[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]]], [[[9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0]]]]> : tensor<2x1x1x8xf32>}> : () -> tensor<2x1x1x8xf32>
  %b = "tosa.const"() <{values = dense<0.0> : tensor<2xf32>}> : () -> tensor<2xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %c = tosa.conv2d %flat, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x1x1x8xf32>, tensor<2x1x1x8xf32>, tensor<2xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x1x1x2xf32>
  %a = tosa.clamp %c {min_val = 0.0 : f32, max_val = 3.40282347E+38 : f32} : (tensor<1x1x1x2xf32>) -> tensor<1x1x1x2xf32>
  %s2 = tosa.const_shape {values = dense<[1, 2]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %r = tosa.reshape %a, %s2 : (tensor<1x1x1x2xf32>, !tosa.shape<2>) -> tensor<1x2xf32>
  return %r : tensor<1x2xf32>
}
