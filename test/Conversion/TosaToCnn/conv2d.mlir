// RUN: cnn-opt --tosa-to-cnn --split-input-file %s | FileCheck %s

// An int8 convolution as TFLite exports it: zero points as operands, an i32
// accumulator and bias, and the tosa.rescale that requantizes to i8, which
// the cnn layer absorbs. The NHWC argument and result become NCHW, the OHWI
// weight becomes OIHW (values moved: weight[0][kh][kw][i] ->
// weight[0][i][kh][kw]), stride, dilation and the padding [top, bottom,
// left, right] keep their order, the name comes from the NameLoc.

// CHECK-LABEL: func.func @conv_i8
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x8x9xi8>) -> tensor<1x1x4x5xi8>
// CHECK: %[[W:.*]] = cnn.weight {value = dense<{{\[\[\[\[}}1, 3], [5, 7]], {{\[\[}}2, 4], [6, 8]]]]> : tensor<1x2x2x2xi8>} : tensor<1x2x2x2xi8>
// CHECK: %[[B:.*]] = cnn.weight {value = dense<7> : tensor<1xi32>} : tensor<1xi32>
// CHECK: %[[Y:.*]] = cnn.conv2d %[[X]], %[[W]], %[[B]]
// CHECK-SAME: dilation = array<i64: 2, 1>
// CHECK-SAME: name = "conv"
// CHECK-SAME: padding = array<i64: 0, 1, 2, 3>
// CHECK-SAME: strides = array<i64: 2, 3>
// CHECK-SAME: (tensor<1x2x8x9xi8>, tensor<1x2x2x2xi8>, tensor<1xi32>) -> tensor<1x1x4x5xi8>
// CHECK-NEXT: return %[[Y]] : tensor<1x1x4x5xi8>
func.func @conv_i8(%x: tensor<1x8x9x2xi8>) -> tensor<1x4x5x1xi8> {
  %w = "tosa.const"() <{values = dense<[[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]]> : tensor<1x2x2x2xi8>}> : () -> tensor<1x2x2x2xi8>
  %b = "tosa.const"() <{values = dense<7> : tensor<1xi32>}> : () -> tensor<1xi32>
  %xzp = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %wzp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %c = tosa.conv2d %x, %w, %b, %xzp, %wzp {acc_type = i32, dilation = array<i64: 2, 1>, pad = array<i64: 0, 1, 2, 3>, stride = array<i64: 2, 3>} : (tensor<1x8x9x2xi8>, tensor<1x2x2x2xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x4x5x1xi32> loc("conv")
  %m = "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}> : () -> tensor<1xi32>
  %s = "tosa.const"() <{values = dense<30> : tensor<1xi8>}> : () -> tensor<1xi8>
  %izp = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %ozp = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %r = tosa.rescale %c, %m, %s, %izp, %ozp {input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<1x4x5x1xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x4x5x1xi8>
  return %r : tensor<1x4x5x1xi8>
}

// -----

// A TFLite int8 convolution with ReLU6: the clamp of the quantized range
// [output zero point, q(6)] becomes the layer's relu6. The weight is an
// elided resource: a shape-only cnn.weight; the bias as well.

// CHECK-LABEL: func.func @conv_i8_relu6
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x16x16xi8>) -> tensor<1x8x8x8xi8>
// CHECK: %[[W:.*]] = cnn.weight : tensor<8x3x3x3xi8>
// CHECK: %[[B:.*]] = cnn.weight : tensor<8xi32>
// CHECK: cnn.conv2d %[[X]], %[[W]], %[[B]] {activation = #cnn.activation<relu6>, padding = array<i64: 0, 1, 0, 1>, strides = array<i64: 2, 2>}
// CHECK-SAME: -> tensor<1x8x8x8xi8>
// CHECK-NOT: cnn.activation
func.func @conv_i8_relu6(%x: tensor<1x16x16x3xi8>) -> tensor<1x8x8x8xi8> {
  %w = "tosa.const"() <{values = dense_resource<__elided__> : tensor<8x3x3x3xi8>}> : () -> tensor<8x3x3x3xi8>
  %b = "tosa.const"() <{values = dense_resource<__elided__> : tensor<8xi32>}> : () -> tensor<8xi32>
  %xzp = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %wzp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %c = tosa.conv2d %x, %w, %b, %xzp, %wzp {acc_type = i32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 1, 0, 1>, stride = array<i64: 2, 2>} : (tensor<1x16x16x3xi8>, tensor<8x3x3x3xi8>, tensor<8xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x8x8x8xi32>
  %m = "tosa.const"() <{values = dense_resource<__elided__> : tensor<8xi32>}> : () -> tensor<8xi32>
  %s = "tosa.const"() <{values = dense_resource<__elided__> : tensor<8xi8>}> : () -> tensor<8xi8>
  %izp = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %ozp = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %r = tosa.rescale %c, %m, %s, %izp, %ozp {input_unsigned = false, output_unsigned = false, per_channel = true, rounding_mode = DOUBLE_ROUND, scale32 = true} : (tensor<1x8x8x8xi32>, tensor<8xi32>, tensor<8xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x8x8x8xi8>
  %a = tosa.clamp %r {min_val = -128 : i8, max_val = 112 : i8} : (tensor<1x8x8x8xi8>) -> tensor<1x8x8x8xi8>
  return %a : tensor<1x8x8x8xi8>
}

// -----

// A float convolution with ReLU ([0, FLT_MAX], as TensorFlow writes it). A
// zero bias is how exporters write a layer without bias: it is dropped.

// CHECK-LABEL: func.func @conv_f32_relu
// CHECK: %[[W:.*]] = cnn.weight {value = dense<5.000000e-01> : tensor<4x2x1x1xf32>}
// CHECK: cnn.conv2d %{{.*}}, %[[W]] {activation = #cnn.activation<relu>}
// CHECK-SAME: (tensor<1x2x4x4xf32>, tensor<4x2x1x1xf32>) -> tensor<1x4x4x4xf32>
func.func @conv_f32_relu(%x: tensor<1x4x4x2xf32>) -> tensor<1x4x4x4xf32> {
  %w = "tosa.const"() <{values = dense<0.5> : tensor<4x1x1x2xf32>}> : () -> tensor<4x1x1x2xf32>
  %b = "tosa.const"() <{values = dense<0.0> : tensor<4xf32>}> : () -> tensor<4xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %c = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x4x4x2xf32>, tensor<4x1x1x2xf32>, tensor<4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x4x4xf32>
  %a = tosa.clamp %c {min_val = 0.0 : f32, max_val = 3.40282347E+38 : f32} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %a : tensor<1x4x4x4xf32>
}

// -----

// An NCHW exporter: OIHW weight constant transposed to OHWI
// (perms [0, 2, 3, 1]), the NCHW input transposed to NHWC and the result
// back. The weight comes back to OIHW unchanged, the transposes disappear
// and the signature stays NCHW. A bias of one value is broadcast to all
// output channels.

// CHECK-LABEL: func.func @conv_nchw_exporter
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4x4xf16>) -> tensor<1x2x4x4xf16>
// CHECK: %[[W:.*]] = cnn.weight {value = dense<{{\[\[\[\[}}1.000000e+00]], {{\[\[}}2.000000e+00]]], {{\[\[\[}}3.000000e+00]], {{\[\[}}4.000000e+00]]]]> : tensor<2x2x1x1xf16>}
// CHECK: %[[B:.*]] = cnn.weight {value = dense<2.500000e-01> : tensor<2xf16>}
// CHECK: %[[Y:.*]] = cnn.conv2d %[[X]], %[[W]], %[[B]] : (tensor<1x2x4x4xf16>, tensor<2x2x1x1xf16>, tensor<2xf16>) -> tensor<1x2x4x4xf16>
// CHECK: return %[[Y]]
// CHECK-NOT: tosa.
func.func @conv_nchw_exporter(%x: tensor<1x2x4x4xf16>) -> tensor<1x2x4x4xf16> {
  %t = tosa.transpose %x {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x2x4x4xf16>) -> tensor<1x4x4x2xf16>
  %oihw = "tosa.const"() <{values = dense<[[[[1.0]], [[2.0]]], [[[3.0]], [[4.0]]]]> : tensor<2x2x1x1xf16>}> : () -> tensor<2x2x1x1xf16>
  %w = tosa.transpose %oihw {perms = array<i32: 0, 2, 3, 1>} : (tensor<2x2x1x1xf16>) -> tensor<2x1x1x2xf16>
  %b = "tosa.const"() <{values = dense<0.25> : tensor<1xf16>}> : () -> tensor<1xf16>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf16>}> : () -> tensor<1xf16>
  %c = tosa.conv2d %t, %w, %b, %zp, %zp {acc_type = f16, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x4x4x2xf16>, tensor<2x1x1x2xf16>, tensor<1xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<1x4x4x2xf16>
  %y = tosa.transpose %c {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x4x4x2xf16>) -> tensor<1x2x4x4xf16>
  return %y : tensor<1x2x4x4xf16>
}

// -----

// A weight in a dense_resource whose blob is present: its values are read
// and transposed (the blob holds w[0][0][kw][i] = 1, 2, 3, 4 after its
// 4-byte alignment).

// CHECK-LABEL: func.func @conv_resource
// CHECK: cnn.weight {value = dense<{{\[\[\[\[}}1, 3]], {{\[\[}}2, 4]]]]> : tensor<1x2x1x2xi8>}
func.func @conv_resource(%x: tensor<1x4x4x2xi8>) -> tensor<1x4x4x1xi8> {
  %w = "tosa.const"() <{values = dense_resource<conv_w> : tensor<1x1x2x2xi8>}> : () -> tensor<1x1x2x2xi8>
  %b = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %zp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %c = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = i32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 1>, stride = array<i64: 1, 1>} : (tensor<1x4x4x2xi8>, tensor<1x1x2x2xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x4x4x1xi32>
  %m = "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}> : () -> tensor<1xi32>
  %s = "tosa.const"() <{values = dense<30> : tensor<1xi8>}> : () -> tensor<1xi8>
  %izp = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %r = tosa.rescale %c, %m, %s, %izp, %zp {input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<1x4x4x1xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x4x4x1xi8>
  return %r : tensor<1x4x4x1xi8>
}

{-#
  dialect_resources: {
    builtin: {
      conv_w: "0x0100000001020304"
    }
  }
#-}
