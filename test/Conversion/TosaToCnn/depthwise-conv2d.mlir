// RUN: cnn-opt --tosa-to-cnn --split-input-file %s | FileCheck %s

// tosa.depthwise_conv2d becomes a cnn.conv2d with one group per input
// channel. The [KH, KW, C, M] weight becomes [C*M, 1, KH, KW]: output
// channel c*M + m reads input channel c with weight[kh][kw][c][m].

// A channel multiplier M = 2 (int8, TFLite-style, with its rescale):
// weight[0][kw][c][m] = 1 + m + 2c + 4kw.

// CHECK-LABEL: func.func @depthwise_multiplier
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x6x6xi8>) -> tensor<1x4x6x5xi8>
// CHECK: %[[W:.*]] = cnn.weight {value = dense<{{\[\[\[\[}}1, 5]]], {{\[\[\[}}2, 6]]], {{\[\[\[}}3, 7]]], {{\[\[\[}}4, 8]]]]> : tensor<4x1x1x2xi8>}
// CHECK: %[[B:.*]] = cnn.weight {value = dense<[10, 20, 30, 40]> : tensor<4xi32>}
// CHECK: cnn.conv2d %[[X]], %[[W]], %[[B]] {groups = 2 : i64, name = "dw"}
// CHECK-SAME: (tensor<1x2x6x6xi8>, tensor<4x1x1x2xi8>, tensor<4xi32>) -> tensor<1x4x6x5xi8>
func.func @depthwise_multiplier(%x: tensor<1x6x6x2xi8>) -> tensor<1x6x5x4xi8> {
  %w = "tosa.const"() <{values = dense<[[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]]> : tensor<1x2x2x2xi8>}> : () -> tensor<1x2x2x2xi8>
  %b = "tosa.const"() <{values = dense<[10, 20, 30, 40]> : tensor<4xi32>}> : () -> tensor<4xi32>
  %xzp = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %wzp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %c = tosa.depthwise_conv2d %x, %w, %b, %xzp, %wzp {acc_type = i32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x6x6x2xi8>, tensor<1x2x2x2xi8>, tensor<4xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x6x5x4xi32> loc("dw")
  %m = "tosa.const"() <{values = dense<1073741824> : tensor<4xi32>}> : () -> tensor<4xi32>
  %s = "tosa.const"() <{values = dense<32> : tensor<4xi8>}> : () -> tensor<4xi8>
  %izp = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %r = tosa.rescale %c, %m, %s, %izp, %xzp {input_unsigned = false, output_unsigned = false, per_channel = true, rounding_mode = DOUBLE_ROUND, scale32 = true} : (tensor<1x6x5x4xi32>, tensor<4xi32>, tensor<4xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x6x5x4xi8>
  return %r : tensor<1x6x5x4xi8>
}

// -----

// MobileNet's 3x3 depthwise convolution (M = 1) with stride 2 and
// TensorFlow's SAME padding, in float with ReLU6 ([0, 6]).

// CHECK-LABEL: func.func @depthwise_f32
// CHECK: %[[W:.*]] = cnn.weight : tensor<32x1x3x3xf32>
// CHECK: %[[B:.*]] = cnn.weight : tensor<32xf32>
// CHECK: cnn.conv2d %{{.*}}, %[[W]], %[[B]] {activation = #cnn.activation<relu6>, groups = 32 : i64, padding = array<i64: 0, 1, 0, 1>, strides = array<i64: 2, 2>}
// CHECK-SAME: (tensor<1x32x112x112xf32>, tensor<32x1x3x3xf32>, tensor<32xf32>) -> tensor<1x32x56x56xf32>
func.func @depthwise_f32(%x: tensor<1x112x112x32xf32>) -> tensor<1x56x56x32xf32> {
  %w = "tosa.const"() <{values = dense_resource<__elided__> : tensor<3x3x32x1xf32>}> : () -> tensor<3x3x32x1xf32>
  %b = "tosa.const"() <{values = dense_resource<__elided__> : tensor<32xf32>}> : () -> tensor<32xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %c = tosa.depthwise_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 1, 0, 1>, stride = array<i64: 2, 2>} : (tensor<1x112x112x32xf32>, tensor<3x3x32x1xf32>, tensor<32xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x56x56x32xf32>
  %a = tosa.clamp %c {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<1x56x56x32xf32>) -> tensor<1x56x56x32xf32>
  return %a : tensor<1x56x56x32xf32>
}
