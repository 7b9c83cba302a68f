// RUN: cnn-opt --tosa-to-cnn --split-input-file %s | FileCheck %s

// A residual add with ReLU: the clamp after the add becomes its activation.

// CHECK-LABEL: func.func @add_relu
// CHECK-SAME: (%[[A:.*]]: tensor<1x8x4x4xf32>, %[[B:.*]]: tensor<1x8x4x4xf32>)
// CHECK: %[[S:.*]] = cnn.add %[[A]], %[[B]] {activation = #cnn.activation<relu>, name = "res"} : tensor<1x8x4x4xf32>
// CHECK-NEXT: return %[[S]]
func.func @add_relu(%a: tensor<1x4x4x8xf32>, %b: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %s = tosa.add %a, %b : (tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> loc("res")
  %r = tosa.clamp %s {min_val = 0.0 : f32, max_val = 3.40282347E+38 : f32} : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %r : tensor<1x4x4x8xf32>
}

// -----

// An int8 add as TFLite exports it: both operands rescaled to i32, added,
// and rescaled back to i8. One cnn.add; the scales are dropped.

// CHECK-LABEL: func.func @add_i8
// CHECK-SAME: (%[[A:.*]]: tensor<1x8x4x4xi8>, %[[B:.*]]: tensor<1x8x4x4xi8>)
// CHECK: %[[S:.*]] = cnn.add %[[A]], %[[B]] : tensor<1x8x4x4xi8>
// CHECK-NEXT: return %[[S]]
func.func @add_i8(%a: tensor<1x4x4x8xi8>, %b: tensor<1x4x4x8xi8>) -> tensor<1x4x4x8xi8> {
  %m = "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}> : () -> tensor<1xi32>
  %s20 = "tosa.const"() <{values = dense<20> : tensor<1xi8>}> : () -> tensor<1xi8>
  %s50 = "tosa.const"() <{values = dense<50> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zp8 = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zp32 = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %a32 = tosa.rescale %a, %m, %s20, %zp8, %zp32 {input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<1x4x4x8xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi32>) -> tensor<1x4x4x8xi32>
  %b32 = tosa.rescale %b, %m, %s20, %zp8, %zp32 {input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<1x4x4x8xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi32>) -> tensor<1x4x4x8xi32>
  %s = tosa.add %a32, %b32 : (tensor<1x4x4x8xi32>, tensor<1x4x4x8xi32>) -> tensor<1x4x4x8xi32>
  %y = tosa.rescale %s, %m, %s50, %zp32, %zp8 {input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<1x4x4x8xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x4x4x8xi8>
  return %y : tensor<1x4x4x8xi8>
}

// -----

// An add whose result has another reader keeps a separate activation: the
// clamp's input is also returned.

// CHECK-LABEL: func.func @add_two_readers
// CHECK: %[[S:.*]] = cnn.add %{{.*}}, %{{.*}} : tensor<1x8x4x4xf32>
// CHECK: %[[R:.*]] = cnn.activation %[[S]] {kind = #cnn.activation<relu6>} : tensor<1x8x4x4xf32>
// CHECK: return %[[R]], %[[S]]
func.func @add_two_readers(%a: tensor<1x4x4x8xf32>, %b: tensor<1x4x4x8xf32>) -> (tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>) {
  %s = tosa.add %a, %b : (tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %r = tosa.clamp %s {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %r, %s : tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>
}

// -----

// The int8 residual of a MobileNet v2 block as TFLite exports it: the
// projection convolution and its rescale, the add of the rescaled
// projection and block input, then a concatenation whose input is only
// requantized (an i8 -> i8 rescale, which disappears).

// CHECK-LABEL: func.func @residual_i8
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x4x4xi8>) -> tensor<1x16x4x4xi8>
// CHECK: %[[P:.*]] = cnn.conv2d %[[X]], %{{.*}}, %{{.*}} {name = "project"}
// CHECK-NEXT: %[[S:.*]] = cnn.add %[[P]], %[[X]] {name = "add"} : tensor<1x8x4x4xi8>
// CHECK-NEXT: %[[C:.*]] = cnn.concat %[[S]], %[[X]]
// CHECK-NEXT: return %[[C]]
func.func @residual_i8(%x: tensor<1x4x4x8xi8>) -> tensor<1x4x4x16xi8> {
  %w = "tosa.const"() <{values = dense_resource<__elided__> : tensor<8x1x1x8xi8>}> : () -> tensor<8x1x1x8xi8>
  %b = "tosa.const"() <{values = dense_resource<__elided__> : tensor<8xi32>}> : () -> tensor<8xi32>
  %zp = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %wzp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %m = "tosa.const"() <{values = dense<1073741824> : tensor<8xi32>}> : () -> tensor<8xi32>
  %s = "tosa.const"() <{values = dense<30> : tensor<8xi8>}> : () -> tensor<8xi8>
  %m1 = "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}> : () -> tensor<1xi32>
  %s1 = "tosa.const"() <{values = dense<30> : tensor<1xi8>}> : () -> tensor<1xi8>
  %z32 = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %c = tosa.conv2d %x, %w, %b, %zp, %wzp {acc_type = i32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x4x4x8xi8>, tensor<8x1x1x8xi8>, tensor<8xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x4x4x8xi32> loc("project")
  %r = tosa.rescale %c, %m, %s, %z32, %zp {input_unsigned = false, output_unsigned = false, per_channel = true, rounding_mode = DOUBLE_ROUND, scale32 = true} : (tensor<1x4x4x8xi32>, tensor<8xi32>, tensor<8xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x4x4x8xi8>
  %a32 = tosa.rescale %r, %m1, %s1, %zp, %z32 {input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<1x4x4x8xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi32>) -> tensor<1x4x4x8xi32>
  %b32 = tosa.rescale %x, %m1, %s1, %zp, %z32 {input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<1x4x4x8xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi32>) -> tensor<1x4x4x8xi32>
  %sum = tosa.add %a32, %b32 : (tensor<1x4x4x8xi32>, tensor<1x4x4x8xi32>) -> tensor<1x4x4x8xi32> loc("add")
  %y = tosa.rescale %sum, %m1, %s1, %z32, %zp {input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<1x4x4x8xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x4x4x8xi8>
  %xr = tosa.rescale %x, %m1, %s1, %zp, %zp {input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<1x4x4x8xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x4x4x8xi8>
  %cat = tosa.concat %y, %xr {axis = 3 : i32} : (tensor<1x4x4x8xi8>, tensor<1x4x4x8xi8>) -> tensor<1x4x4x16xi8>
  return %cat : tensor<1x4x4x16xi8>
}
