// RUN: cnn-opt %s -split-input-file -verify-diagnostics

// Every diagnostic of the cnn dialect, op by op. The size bounds (2^40
// elements per tensor, 2^20 per window entry, 2^50 MACs per layer) are
// kMaxTensorElements, kMaxWindowParameter and kMaxLayerMacs in CnnOps.h.

//===----------------------------------------------------------------------===//
// Unknown ops and attributes
//===----------------------------------------------------------------------===//

func.func @unknown_op(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{custom op 'cnn.foo' is unknown}}
  %y = cnn.foo %x : tensor<1x3x8x8xf32>
  return
}

// -----

func.func @unknown_op_generic() {
  // expected-error @+1 {{unregistered operation 'cnn.foo' found in dialect ('cnn') that does not allow unknown operations}}
  "cnn.foo"() : () -> ()
  return
}

// -----

func.func @unknown_attribute(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{unknown attribute `foo` in dialect `cnn`}}
  %y = cnn.add %x, %x {activation = #cnn.foo<relu>} : tensor<1x3x8x8xf32>
  return
}

// -----

func.func @activation_enum_unknown(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{expected ::mlir::cnn::Activation to be one of: none, relu, relu6, hard_sigmoid, hard_swish, sigmoid, tanh}}
  // expected-error @+1 {{failed to parse Cnn_ActivationAttr parameter 'value'}}
  %y = cnn.activation %x {kind = #cnn.activation<gelu>} : tensor<1x3x8x8xf32>
  return
}

// -----

func.func @activation_enum_empty(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{expected valid keyword or string}}
  // expected-error @+1 {{failed to parse Cnn_ActivationAttr parameter 'value'}}
  %y = cnn.activation %x {kind = #cnn.activation<>} : tensor<1x3x8x8xf32>
  return
}

// -----

func.func @resize_mode_enum_unknown(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{expected ::mlir::cnn::ResizeMode to be one of: nearest, bilinear}}
  // expected-error @+1 {{failed to parse Cnn_ResizeModeAttr parameter 'value'}}
  %y = cnn.resize %x {scale = array<i64: 2, 2>, mode = #cnn.resize_mode<cubic>} : tensor<1x3x8x8xf32> -> tensor<1x3x16x16xf32>
  return
}

// -----

func.func @activation_attr_of_wrong_kind(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{attribute 'activation' failed to satisfy constraint: activation: none, relu = max(x, 0), relu6 = min(max(x, 0), 6), hard_sigmoid}}
  %y = cnn.add %x, %x {activation = #cnn.resize_mode<nearest>} : tensor<1x3x8x8xf32>
  return
}

// -----

func.func @activation_attr_integer(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{Invalid attribute `activation` in property conversion: 3 : i32}}
  %y = "cnn.add"(%x, %x) <{activation = 3 : i32}> : (tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @name_not_a_string(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{attribute 'name' failed to satisfy constraint: layer name}}
  %y = cnn.softmax %x {name = 3} : tensor<1x3x8x8xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.weight
//===----------------------------------------------------------------------===//

func.func @weight_dynamic() {
  // expected-error @+1 {{expects a static shape, got 'tensor<?x3x3x3xf32>'}}
  %w = cnn.weight : tensor<?x3x3x3xf32>
  return
}

// -----

func.func @weight_unranked() {
  // expected-error @+1 {{invalid kind of type specified: expected builtin.tensor, but found 'tensor<*xf32>'}}
  %w = cnn.weight : tensor<*xf32>
  return
}

// -----

func.func @weight_memref() {
  // expected-error @+1 {{invalid kind of type specified: expected builtin.tensor, but found 'memref<4xf32>'}}
  %w = cnn.weight : memref<4xf32>
  return
}

// -----

func.func @weight_empty_dim() {
  // expected-error @+1 {{expects the weight to have non-empty dimensions, got 'tensor<0x3x3x3xf32>'}}
  %w = cnn.weight : tensor<0x3x3x3xf32>
  return
}

// -----

// 2^21 * 2^20 = 2^41 elements.
func.func @weight_too_large() {
  // expected-error @+1 {{expects the weight to have at most 2^40 elements, got 'tensor<2097152x1048576xi8>'}}
  %w = cnn.weight : tensor<2097152x1048576xi8>
  return
}

// -----

// The element count overflows int64_t; the verifier must not.
func.func @weight_element_count_overflows() {
  // expected-error @+1 {{expects the weight to have at most 2^40 elements, got 'tensor<4611686018427387904x4611686018427387904xi8>'}}
  %w = cnn.weight : tensor<4611686018427387904x4611686018427387904xi8>
  return
}

// -----

func.func @weight_f64() {
  // expected-error @+1 {{expects element type i8, i16, i32, f16 or f32, got 'f64'}}
  %w = cnn.weight : tensor<4xf64>
  return
}

// -----

func.func @weight_bf16() {
  // expected-error @+1 {{expects element type i8, i16, i32, f16 or f32, got 'bf16'}}
  %w = cnn.weight : tensor<4xbf16>
  return
}

// -----

func.func @weight_i1() {
  // expected-error @+1 {{expects element type i8, i16, i32, f16 or f32, got 'i1'}}
  %w = cnn.weight : tensor<4xi1>
  return
}

// -----

func.func @weight_i64() {
  // expected-error @+1 {{expects element type i8, i16, i32, f16 or f32, got 'i64'}}
  %w = cnn.weight : tensor<4xi64>
  return
}

// -----

func.func @weight_value_shape_mismatch() {
  // expected-error @+1 {{holds values of type 'tensor<8xi32>' but its result type is 'tensor<4xi32>'}}
  %w = cnn.weight {value = dense<0> : tensor<8xi32>} : tensor<4xi32>
  return
}

// -----

func.func @weight_value_element_mismatch() {
  // expected-error @+1 {{holds values of type 'tensor<4xi8>' but its result type is 'tensor<4xi32>'}}
  %w = cnn.weight {value = dense<0> : tensor<4xi8>} : tensor<4xi32>
  return
}

// -----

func.func @weight_value_not_elements() {
  // expected-error @+1 {{attribute 'value' failed to satisfy constraint: constant vector/tensor attribute}}
  %w = cnn.weight {value = 1 : i32} : tensor<4xi32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.conv2d: feature maps
//===----------------------------------------------------------------------===//

func.func @conv_input_rank(%x: tensor<3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects the input to be a 4-D NCHW feature map, got 'tensor<3x8x8xf32>'}}
  %y = cnn.conv2d %x, %w : (tensor<3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_input_batch(%x: tensor<2x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{supports batch 1 only, but the input has batch 2}}
  %y = cnn.conv2d %x, %w : (tensor<2x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_input_dynamic(%x: tensor<1x3x?x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects the input to have a static shape, got 'tensor<1x3x?x8xf32>'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x?x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_input_dynamic_batch(%x: tensor<?x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects the input to have a static shape, got 'tensor<?x3x8x8xf32>'}}
  %y = cnn.conv2d %x, %w : (tensor<?x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_input_empty(%x: tensor<1x3x0x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects the input to have non-empty dimensions, got 'tensor<1x3x0x8xf32>'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x0x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// 2 * 2^20 * 2^20 = 2^41 elements.
func.func @conv_input_too_large(%x: tensor<1x2x1048576x1048576xi8>, %w: tensor<4x2x3x3xi8>) {
  // expected-error @+1 {{expects the input to have at most 2^40 elements, got 'tensor<1x2x1048576x1048576xi8>'}}
  %y = cnn.conv2d %x, %w : (tensor<1x2x1048576x1048576xi8>, tensor<4x2x3x3xi8>) -> tensor<1x4x1048574x1048574xi8>
  return
}

// -----

// C * H overflows int64_t: the verifier must report, not wrap around.
func.func @conv_input_channels_overflow(%x: tensor<1x4611686018427387904x4611686018427387904x8xi8>, %w: tensor<4x4611686018427387904x3x3xi8>) {
  // expected-error @+1 {{expects the input to have at most 2^40 elements}}
  %y = cnn.conv2d %x, %w : (tensor<1x4611686018427387904x4611686018427387904x8xi8>, tensor<4x4611686018427387904x3x3xi8>) -> tensor<1x4x6x6xi8>
  return
}

// -----

func.func @conv_input_i32(%x: tensor<1x3x8x8xi32>, %w: tensor<4x3x3x3xi32>) {
  // expected-error @+1 {{operand #0 must be NCHW feature map (tensor<1xCxHxW>) of i8, i16, f16 or f32 values, but got 'tensor<1x3x8x8xi32>'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xi32>, tensor<4x3x3x3xi32>) -> tensor<1x4x6x6xi32>
  return
}

// -----

func.func @conv_input_bf16(%x: tensor<1x3x8x8xbf16>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{operand #0 must be NCHW feature map (tensor<1xCxHxW>) of i8, i16, f16 or f32 values, but got 'tensor<1x3x8x8xbf16>'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xbf16>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_input_f64(%x: tensor<1x3x8x8xf64>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{operand #0 must be NCHW feature map (tensor<1xCxHxW>) of i8, i16, f16 or f32 values, but got 'tensor<1x3x8x8xf64>'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xf64>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_input_i1(%x: tensor<1x3x8x8xi1>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{operand #0 must be NCHW feature map (tensor<1xCxHxW>) of i8, i16, f16 or f32 values, but got 'tensor<1x3x8x8xi1>'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xi1>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_input_unranked(%x: tensor<*xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{operand #0 must be NCHW feature map (tensor<1xCxHxW>) of i8, i16, f16 or f32 values, but got 'tensor<*xf32>'}}
  %y = cnn.conv2d %x, %w : (tensor<*xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_output_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects the output to be a 4-D NCHW feature map, got 'tensor<4x6x6xf32>'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<4x6x6xf32>
  return
}

// -----

func.func @conv_output_batch(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{supports batch 1 only, but the output has batch 3}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<3x4x6x6xf32>
  return
}

// -----

func.func @conv_output_dynamic(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects the output to have a static shape, got 'tensor<1x4x?x?xf32>'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x?x?xf32>
  return
}

// -----

func.func @conv_output_i32(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{result #0 must be NCHW feature map (tensor<1xCxHxW>) of i8, i16, f16 or f32 values, but got 'tensor<1x4x6x6xi32>'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xi32>
  return
}

// -----

func.func @conv_output_element_type(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects the output to have the element type of the input ('f32'), got 'f16'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf16>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.conv2d: weight and groups
//===----------------------------------------------------------------------===//

func.func @conv_weight_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<4x27xf32>) {
  // expected-error @+1 {{expects the weight (MxC/GxRxS) to have rank 4, got 'tensor<4x27xf32>'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x27xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_weight_dynamic(%x: tensor<1x3x8x8xf32>, %w: tensor<?x3x3x3xf32>) {
  // expected-error @+1 {{expects the weight (MxC/GxRxS) to have a static shape, got 'tensor<?x3x3x3xf32>'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<?x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_weight_empty(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x0x3xf32>) {
  // expected-error @+1 {{expects the weight (MxC/GxRxS) to have non-empty dimensions, got 'tensor<4x3x0x3xf32>'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x0x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// 2^20 * 2^20 * 2 * 1 = 2^41 elements.
func.func @conv_weight_too_large(%x: tensor<1x1048576x8x8xi8>, %w: tensor<1048576x1048576x2x1xi8>) {
  // expected-error @+1 {{expects the weight (MxC/GxRxS) to have at most 2^40 elements, got 'tensor<1048576x1048576x2x1xi8>'}}
  %y = cnn.conv2d %x, %w : (tensor<1x1048576x8x8xi8>, tensor<1048576x1048576x2x1xi8>) -> tensor<1x1048576x7x8xi8>
  return
}

// -----

func.func @conv_weight_f64(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf64>) {
  // expected-error @+1 {{operand #1 must be weight tensor of i8, i16, f16 or f32 values, but got 'tensor<4x3x3x3xf64>'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf64>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_weight_element_type(%x: tensor<1x3x8x8xi8>, %w: tensor<4x3x3x3xi16>) {
  // expected-error @+1 {{expects the weight to have the element type of the input ('i8'), got 'i16'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xi8>, tensor<4x3x3x3xi16>) -> tensor<1x4x6x6xi8>
  return
}

// -----

func.func @conv_weight_from_weight_op(%x: tensor<1x3x8x8xf16>) {
  %w = cnn.weight : tensor<4x3x3x3xf32>
  // expected-error @+1 {{expects the weight to have the element type of the input ('f16'), got 'f32'}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xf16>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf16>
  return
}

// -----

func.func @conv_groups_zero(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects 'groups' >= 1, got 0}}
  %y = cnn.conv2d %x, %w {groups = 0} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_groups_negative(%x: tensor<1x4x8x8xf32>, %w: tensor<4x1x3x3xf32>) {
  // expected-error @+1 {{expects 'groups' >= 1, got -4}}
  %y = cnn.conv2d %x, %w {groups = -4} : (tensor<1x4x8x8xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_groups_int64_min(%x: tensor<1x4x8x8xf32>, %w: tensor<4x1x3x3xf32>) {
  // expected-error @+1 {{expects 'groups' >= 1, got -9223372036854775808}}
  %y = cnn.conv2d %x, %w {groups = -9223372036854775808} : (tensor<1x4x8x8xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_groups_not_integer(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{attribute 'groups' failed to satisfy constraint: 64-bit signless integer attribute}}
  %y = cnn.conv2d %x, %w {groups = 1.5} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_groups_input_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<4x1x3x3xf32>) {
  // expected-error @+1 {{has 3 input channels, not divisible by groups = 2}}
  %y = cnn.conv2d %x, %w {groups = 2} : (tensor<1x3x8x8xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_groups_larger_than_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<4x1x3x3xf32>) {
  // expected-error @+1 {{has 4 input channels, not divisible by groups = 4611686018427387904}}
  %y = cnn.conv2d %x, %w {groups = 4611686018427387904} : (tensor<1x4x8x8xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_groups_output_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<6x1x3x3xf32>) {
  // expected-error @+1 {{has 6 output channels, not divisible by groups = 4}}
  %y = cnn.conv2d %x, %w {groups = 4} : (tensor<1x4x8x8xf32>, tensor<6x1x3x3xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv_weight_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x3x3xf32>) {
  // expected-error @+1 {{expects weight dimension 1 to be input channels / groups = 2, got 4}}
  %y = cnn.conv2d %x, %w {groups = 2} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_weight_channels_ungrouped(%x: tensor<1x3x8x8xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error @+1 {{expects weight dimension 1 to be input channels / groups = 3, got 2}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// A depthwise weight is Cx1xRxS; with groups left at 1 it is wrong.
func.func @conv_depthwise_without_groups(%x: tensor<1x8x8x8xf32>, %w: tensor<8x1x3x3xf32>) {
  // expected-error @+1 {{expects weight dimension 1 to be input channels / groups = 8, got 1}}
  %y = cnn.conv2d %x, %w : (tensor<1x8x8x8xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x6x6xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.conv2d: bias
//===----------------------------------------------------------------------===//

func.func @conv_bias_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<1x4xf32>) {
  // expected-error @+1 {{expects the bias to have rank 1, got 'tensor<1x4xf32>'}}
  %y = cnn.conv2d %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<1x4xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_bias_dynamic(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<?xf32>) {
  // expected-error @+1 {{expects the bias to have a static shape, got 'tensor<?xf32>'}}
  %y = cnn.conv2d %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<?xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_bias_empty(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<0xf32>) {
  // expected-error @+1 {{expects the bias to have non-empty dimensions, got 'tensor<0xf32>'}}
  %y = cnn.conv2d %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<0xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_bias_size(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{expects a bias of 4 elements (one per output channel), got 3}}
  %y = cnn.conv2d %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_bias_float_type(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf16>) {
  // expected-error @+1 {{expects the bias element type to be 'f32', got 'f16'}}
  %y = cnn.conv2d %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf16>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// An i32 bias is for integer layers only.
func.func @conv_bias_i32_on_float(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xi32>) {
  // expected-error @+1 {{expects the bias element type to be 'f32', got 'i32'}}
  %y = cnn.conv2d %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xi32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_bias_integer_type(%x: tensor<1x3x8x8xi8>, %w: tensor<4x3x3x3xi8>, %b: tensor<4xi16>) {
  // expected-error @+1 {{expects the bias element type to be 'i8' or i32, got 'i16'}}
  %y = cnn.conv2d %x, %w, %b : (tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>, tensor<4xi16>) -> tensor<1x4x6x6xi8>
  return
}

// -----

func.func @conv_bias_f64(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf64>) {
  // expected-error @+1 {{operand #2 must be bias tensor (tensor<M>) of i8, i16, i32, f16 or f32 values, but got 'tensor<4xf64>'}}
  %y = cnn.conv2d %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf64>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_too_many_operands(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{operand group starting at #2 requires 0 or 1 element, but found 2}}
  %y = "cnn.conv2d"(%x, %w, %b, %b) : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.conv2d: strides, padding, dilation
//===----------------------------------------------------------------------===//

func.func @conv_strides_length(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects 'strides' to have 2 entries (rows, columns), got 1}}
  %y = cnn.conv2d %x, %w {strides = array<i64: 2>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x3x3xf32>
  return
}

// -----

func.func @conv_strides_zero(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects every entry of 'strides' to be >= 1, got 0}}
  %y = cnn.conv2d %x, %w {strides = array<i64: 1, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_strides_negative(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects every entry of 'strides' to be >= 1, got -1}}
  %y = cnn.conv2d %x, %w {strides = array<i64: -1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// A stride of 2^62 would still give a 1-row output; it is refused anyway so
// that passes can multiply strides by sizes.
func.func @conv_strides_huge(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects every entry of 'strides' to be at most 2^20, got 4611686018427387904}}
  %y = cnn.conv2d %x, %w {strides = array<i64: 4611686018427387904, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x1x6xf32>
  return
}

// -----

func.func @conv_strides_not_array(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{attribute 'strides' failed to satisfy constraint: i64 array: [rows, columns]}}
  %y = cnn.conv2d %x, %w {strides = [1, 1]} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_strides_i32_array(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{attribute 'strides' failed to satisfy constraint: i64 array: [rows, columns]}}
  %y = cnn.conv2d %x, %w {strides = array<i32: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_padding_length(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects 'padding' to have 4 entries (top, bottom, left, right), got 2}}
  %y = cnn.conv2d %x, %w {padding = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @conv_padding_negative(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects every entry of 'padding' to be >= 0, got -1}}
  %y = cnn.conv2d %x, %w {padding = array<i64: 0, 0, -1, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x5xf32>
  return
}

// -----

// Two paddings of 2^62 overflow H + pt + pb.
func.func @conv_padding_huge(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects every entry of 'padding' to be at most 2^20, got 4611686018427387904}}
  %y = cnn.conv2d %x, %w {padding = array<i64: 4611686018427387904, 4611686018427387904, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_dilation_length(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects 'dilation' to have 2 entries (rows, columns), got 3}}
  %y = cnn.conv2d %x, %w {dilation = array<i64: 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_dilation_zero(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects every entry of 'dilation' to be >= 1, got 0}}
  %y = cnn.conv2d %x, %w {dilation = array<i64: 0, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_dilation_negative(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects every entry of 'dilation' to be >= 1, got -3}}
  %y = cnn.conv2d %x, %w {dilation = array<i64: 1, -3>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// (R - 1) * 2^62 overflows.
func.func @conv_dilation_huge(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects every entry of 'dilation' to be at most 2^20, got 4611686018427387904}}
  %y = cnn.conv2d %x, %w {dilation = array<i64: 4611686018427387904, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x1x6xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.conv2d: window and output shape
//===----------------------------------------------------------------------===//

func.func @conv_window_rows(%x: tensor<1x3x4x8xf32>, %w: tensor<4x3x5x3xf32>) {
  // expected-error @+1 {{has a window of 5 rows larger than the padded input (4 rows)}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x4x8xf32>, tensor<4x3x5x3xf32>) -> tensor<1x4x1x6xf32>
  return
}

// -----

// Padding counts: 3 + 1 + 0 = 4 rows still hold no 5-row window.
func.func @conv_window_rows_padded(%x: tensor<1x3x3x8xf32>, %w: tensor<4x3x5x3xf32>) {
  // expected-error @+1 {{has a window of 5 rows larger than the padded input (4 rows)}}
  %y = cnn.conv2d %x, %w {padding = array<i64: 1, 0, 0, 0>} : (tensor<1x3x3x8xf32>, tensor<4x3x5x3xf32>) -> tensor<1x4x1x6xf32>
  return
}

// -----

func.func @conv_window_columns(%x: tensor<1x3x8x2xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{has a window of 3 columns larger than the padded input (2 columns)}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x2xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x1xf32>
  return
}

// -----

// A 3x3 kernel dilated by 4 spans (3 - 1) * 4 + 1 = 9 rows.
func.func @conv_window_dilated(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{has a window of 9 rows larger than the padded input (8 rows)}}
  %y = cnn.conv2d %x, %w {dilation = array<i64: 4, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x1x6xf32>
  return
}

// -----

// E = (8 + 1 + 1 - 3) / 1 + 1 = 8.
func.func @conv_output_rows(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects the output shape 1x4x8x8, got 1x4x6x6}}
  %y = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_output_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects the output shape 1x4x6x6, got 1x3x6x6}}
  %y = cnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x3x6x6xf32>
  return
}

// -----

// Strides round down: E = (224 + 1 + 0 - 3) / 2 + 1 = 112 (floor of 111),
// F = (224 + 0 + 0 - 3) / 2 + 1 = 111.
func.func @conv_output_strided(%x: tensor<1x3x224x224xi8>, %w: tensor<32x3x3x3xi8>) {
  // expected-error @+1 {{expects the output shape 1x32x112x111, got 1x32x112x112}}
  %y = cnn.conv2d %x, %w {strides = array<i64: 2, 2>, padding = array<i64: 1, 0, 0, 0>} : (tensor<1x3x224x224xi8>, tensor<32x3x3x3xi8>) -> tensor<1x32x112x112xi8>
  return
}

// -----

// Dilation 2 makes the 3x3 window 5x5: E = F = 8 - 5 + 1 = 4.
func.func @conv_output_dilated(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects the output shape 1x4x4x4, got 1x4x6x6}}
  %y = cnn.conv2d %x, %w {dilation = array<i64: 2, 2>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// Depthwise: M = 8 output channels, one per group.
func.func @conv_output_depthwise(%x: tensor<1x8x8x8xf32>, %w: tensor<8x1x3x3xf32>) {
  // expected-error @+1 {{expects the output shape 1x8x6x6, got 1x1x6x6}}
  %y = cnn.conv2d %x, %w {groups = 8} : (tensor<1x8x8x8xf32>, tensor<8x1x3x3xf32>) -> tensor<1x1x6x6xf32>
  return
}

// -----

// Every tensor has at most 2^40 elements but the MACs do not:
// M = 2^20, E = F = 2^10, C = 2^20, R = S = 1 gives
// M*E*F*C*R*S = 2^20 * 2^10 * 2^10 * 2^20 = 2^60.
func.func @conv_macs_too_many(%x: tensor<1x1048576x1024x1024xi8>, %w: tensor<1048576x1048576x1x1xi8>) {
  // expected-error @+1 {{expects at most 2^50 multiply-accumulates (M*E*F*C/groups*R*S), got 1152921504606846976}}
  %y = cnn.conv2d %x, %w : (tensor<1x1048576x1024x1024xi8>, tensor<1048576x1048576x1x1xi8>) -> tensor<1x1048576x1024x1024xi8>
  return
}

// -----

// A 2^20 x 2^20 kernel padded by 2^19 - 1 on each side over a 2^20 x 2^20
// input gives a (2^20 - 1) x (2^20 - 1) output, each pixel 2^40 MACs: the
// product, about 2^80, overflows int64_t.
func.func @conv_macs_overflow(%x: tensor<1x1x1048576x1048576xi8>, %w: tensor<1x1x1048576x1048576xi8>) {
  // expected-error @+1 {{expects at most 2^50 multiply-accumulates (M*E*F*C/groups*R*S), got 2^63 or more}}
  %y = cnn.conv2d %x, %w {padding = array<i64: 524287, 524287, 524287, 524287>} : (tensor<1x1x1048576x1048576xi8>, tensor<1x1x1048576x1048576xi8>) -> tensor<1x1x1048575x1048575xi8>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.fully_connected
//===----------------------------------------------------------------------===//

func.func @fc_input_rank(%x: tensor<1x192xf32>, %w: tensor<10x192xf32>) {
  // expected-error @+1 {{expects the input to be a 4-D NCHW feature map, got 'tensor<1x192xf32>'}}
  %y = cnn.fully_connected %x, %w : (tensor<1x192xf32>, tensor<10x192xf32>) -> tensor<1x10x1x1xf32>
  return
}

// -----

func.func @fc_input_batch(%x: tensor<4x3x8x8xf32>, %w: tensor<10x192xf32>) {
  // expected-error @+1 {{supports batch 1 only, but the input has batch 4}}
  %y = cnn.fully_connected %x, %w : (tensor<4x3x8x8xf32>, tensor<10x192xf32>) -> tensor<1x10x1x1xf32>
  return
}

// -----

func.func @fc_input_dynamic(%x: tensor<1x3x8x?xf32>, %w: tensor<10x192xf32>) {
  // expected-error @+1 {{expects the input to have a static shape, got 'tensor<1x3x8x?xf32>'}}
  %y = cnn.fully_connected %x, %w : (tensor<1x3x8x?xf32>, tensor<10x192xf32>) -> tensor<1x10x1x1xf32>
  return
}

// -----

// C*H*W would overflow int64_t.
func.func @fc_input_overflow(%x: tensor<1x4611686018427387904x4611686018427387904x8xf32>, %w: tensor<10x192xf32>) {
  // expected-error @+1 {{expects the input to have at most 2^40 elements}}
  %y = cnn.fully_connected %x, %w : (tensor<1x4611686018427387904x4611686018427387904x8xf32>, tensor<10x192xf32>) -> tensor<1x10x1x1xf32>
  return
}

// -----

func.func @fc_input_f64(%x: tensor<1x3x8x8xf64>, %w: tensor<10x192xf32>) {
  // expected-error @+1 {{operand #0 must be NCHW feature map (tensor<1xCxHxW>) of i8, i16, f16 or f32 values, but got 'tensor<1x3x8x8xf64>'}}
  %y = cnn.fully_connected %x, %w : (tensor<1x3x8x8xf64>, tensor<10x192xf32>) -> tensor<1x10x1x1xf32>
  return
}

// -----

func.func @fc_weight_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<10x3x8x8xf32>) {
  // expected-error @+1 {{expects the weight (MxK) to have rank 2, got 'tensor<10x3x8x8xf32>'}}
  %y = cnn.fully_connected %x, %w : (tensor<1x3x8x8xf32>, tensor<10x3x8x8xf32>) -> tensor<1x10x1x1xf32>
  return
}

// -----

func.func @fc_weight_dynamic(%x: tensor<1x3x8x8xf32>, %w: tensor<?x192xf32>) {
  // expected-error @+1 {{expects the weight (MxK) to have a static shape, got 'tensor<?x192xf32>'}}
  %y = cnn.fully_connected %x, %w : (tensor<1x3x8x8xf32>, tensor<?x192xf32>) -> tensor<1x10x1x1xf32>
  return
}

// -----

func.func @fc_weight_empty(%x: tensor<1x3x8x8xf32>, %w: tensor<0x192xf32>) {
  // expected-error @+1 {{expects the weight (MxK) to have non-empty dimensions, got 'tensor<0x192xf32>'}}
  %y = cnn.fully_connected %x, %w : (tensor<1x3x8x8xf32>, tensor<0x192xf32>) -> tensor<1x10x1x1xf32>
  return
}

// -----

func.func @fc_weight_element_type(%x: tensor<1x3x8x8xf32>, %w: tensor<10x192xf16>) {
  // expected-error @+1 {{expects the weight to have the element type of the input ('f32'), got 'f16'}}
  %y = cnn.fully_connected %x, %w : (tensor<1x3x8x8xf32>, tensor<10x192xf16>) -> tensor<1x10x1x1xf32>
  return
}

// -----

func.func @fc_output_element_type(%x: tensor<1x3x8x8xi8>, %w: tensor<10x192xi8>) {
  // expected-error @+1 {{expects the output to have the element type of the input ('i8'), got 'i16'}}
  %y = cnn.fully_connected %x, %w : (tensor<1x3x8x8xi8>, tensor<10x192xi8>) -> tensor<1x10x1x1xi16>
  return
}

// -----

// K = C*H*W = 3*8*8 = 192.
func.func @fc_weight_k(%x: tensor<1x3x8x8xf32>, %w: tensor<10x64xf32>) {
  // expected-error @+1 {{expects weight dimension 1 to be the flattened input size C*H*W = 192, got 64}}
  %y = cnn.fully_connected %x, %w : (tensor<1x3x8x8xf32>, tensor<10x64xf32>) -> tensor<1x10x1x1xf32>
  return
}

// -----

func.func @fc_bias_size(%x: tensor<1x3x8x8xf32>, %w: tensor<10x192xf32>, %b: tensor<192xf32>) {
  // expected-error @+1 {{expects a bias of 10 elements (one per output channel), got 192}}
  %y = cnn.fully_connected %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<10x192xf32>, tensor<192xf32>) -> tensor<1x10x1x1xf32>
  return
}

// -----

func.func @fc_bias_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<10x192xf32>, %b: tensor<1x10x1x1xf32>) {
  // expected-error @+1 {{expects the bias to have rank 1, got 'tensor<1x10x1x1xf32>'}}
  %y = cnn.fully_connected %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<10x192xf32>, tensor<1x10x1x1xf32>) -> tensor<1x10x1x1xf32>
  return
}

// -----

func.func @fc_bias_type(%x: tensor<1x3x8x8xi16>, %w: tensor<10x192xi16>, %b: tensor<10xi8>) {
  // expected-error @+1 {{expects the bias element type to be 'i16' or i32, got 'i8'}}
  %y = cnn.fully_connected %x, %w, %b : (tensor<1x3x8x8xi16>, tensor<10x192xi16>, tensor<10xi8>) -> tensor<1x10x1x1xi16>
  return
}

// -----

func.func @fc_output_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<10x192xf32>) {
  // expected-error @+1 {{expects the output to be a 4-D NCHW feature map, got 'tensor<1x10xf32>'}}
  %y = cnn.fully_connected %x, %w : (tensor<1x3x8x8xf32>, tensor<10x192xf32>) -> tensor<1x10xf32>
  return
}

// -----

func.func @fc_output_not_1xMx1x1(%x: tensor<1x3x8x8xf32>, %w: tensor<10x192xf32>) {
  // expected-error @+1 {{expects the output shape 1x10x1x1, got 1x1x1x10}}
  %y = cnn.fully_connected %x, %w : (tensor<1x3x8x8xf32>, tensor<10x192xf32>) -> tensor<1x1x1x10xf32>
  return
}

// -----

func.func @fc_output_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<10x192xf32>) {
  // expected-error @+1 {{expects the output shape 1x10x1x1, got 1x12x1x1}}
  %y = cnn.fully_connected %x, %w : (tensor<1x3x8x8xf32>, tensor<10x192xf32>) -> tensor<1x12x1x1xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.max_pool and cnn.avg_pool
//===----------------------------------------------------------------------===//

func.func @max_pool_missing_kernel(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{requires attribute 'kernel'}}
  %y = cnn.max_pool %x : tensor<1x3x8x8xf32> -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @avg_pool_missing_kernel(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{requires attribute 'kernel'}}
  %y = cnn.avg_pool %x {strides = array<i64: 2, 2>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @pool_kernel_length(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects 'kernel' to have 2 entries (rows, columns), got 3}}
  %y = cnn.max_pool %x {kernel = array<i64: 2, 2, 2>} : tensor<1x3x8x8xf32> -> tensor<1x3x7x7xf32>
  return
}

// -----

func.func @pool_kernel_zero(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects every entry of 'kernel' to be >= 1, got 0}}
  %y = cnn.avg_pool %x {kernel = array<i64: 0, 2>} : tensor<1x3x8x8xf32> -> tensor<1x3x9x7xf32>
  return
}

// -----

func.func @pool_kernel_negative(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects every entry of 'kernel' to be >= 1, got -2}}
  %y = cnn.max_pool %x {kernel = array<i64: 2, -2>} : tensor<1x3x8x8xf32> -> tensor<1x3x7x7xf32>
  return
}

// -----

func.func @pool_kernel_huge(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects every entry of 'kernel' to be at most 2^20, got 2097152}}
  %y = cnn.max_pool %x {kernel = array<i64: 2097152, 2>} : tensor<1x3x8x8xf32> -> tensor<1x3x1x7xf32>
  return
}

// -----

func.func @pool_strides_length(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects 'strides' to have 2 entries (rows, columns), got 4}}
  %y = cnn.max_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2, 2, 2>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @pool_strides_zero(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects every entry of 'strides' to be >= 1, got 0}}
  %y = cnn.avg_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 0, 0>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @pool_strides_huge(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects every entry of 'strides' to be at most 2^20, got 9223372036854775807}}
  %y = cnn.avg_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 9223372036854775807, 1>} : tensor<1x3x8x8xf32> -> tensor<1x3x1x7xf32>
  return
}

// -----

func.func @pool_padding_length(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects 'padding' to have 4 entries (top, bottom, left, right), got 3}}
  %y = cnn.max_pool %x {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1>} : tensor<1x3x8x8xf32> -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @pool_padding_negative(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects every entry of 'padding' to be >= 0, got -1}}
  %y = cnn.avg_pool %x {kernel = array<i64: 3, 3>, padding = array<i64: -1, 1, 1, 1>} : tensor<1x3x8x8xf32> -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @pool_padding_huge(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects every entry of 'padding' to be at most 2^20, got 4611686018427387904}}
  %y = cnn.max_pool %x {kernel = array<i64: 3, 3>, padding = array<i64: 0, 4611686018427387904, 0, 0>} : tensor<1x3x8x8xf32> -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @max_pool_padding_not_smaller_than_window(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects padding smaller than the window (2x2), so that no window holds only padding; got padding [2, 0, 0, 0]}}
  %y = cnn.max_pool %x {kernel = array<i64: 2, 2>, padding = array<i64: 2, 0, 0, 0>} : tensor<1x3x8x8xf32> -> tensor<1x3x9x7xf32>
  return
}

// -----

// Columns are compared with the kernel's columns: right padding 1 >= 1.
func.func @avg_pool_padding_not_smaller_than_window(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects padding smaller than the window (3x1), so that no window holds only padding; got padding [1, 1, 0, 1]}}
  %y = cnn.avg_pool %x {kernel = array<i64: 3, 1>, padding = array<i64: 1, 1, 0, 1>} : tensor<1x3x8x8xf32> -> tensor<1x3x8x9xf32>
  return
}

// -----

func.func @pool_window_rows(%x: tensor<1x3x2x8xf32>) {
  // expected-error @+1 {{has a window of 5 rows larger than the padded input (4 rows)}}
  %y = cnn.max_pool %x {kernel = array<i64: 5, 1>, padding = array<i64: 1, 1, 0, 0>} : tensor<1x3x2x8xf32> -> tensor<1x3x1x8xf32>
  return
}

// -----

func.func @pool_window_columns(%x: tensor<1x3x8x2xf32>) {
  // expected-error @+1 {{has a window of 3 columns larger than the padded input (2 columns)}}
  %y = cnn.avg_pool %x {kernel = array<i64: 3, 3>} : tensor<1x3x8x2xf32> -> tensor<1x3x6x1xf32>
  return
}

// -----

// E = (112 + 1 + 1 - 3) / 2 + 1 = 56.
func.func @max_pool_output_shape(%x: tensor<1x64x112x112xi8>) {
  // expected-error @+1 {{expects the output shape 1x64x56x56, got 1x64x55x55}}
  %y = cnn.max_pool %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<1x64x112x112xi8> -> tensor<1x64x55x55xi8>
  return
}

// -----

func.func @avg_pool_output_channels(%x: tensor<1x64x8x8xf16>) {
  // expected-error @+1 {{expects the output shape 1x64x4x4, got 1x32x4x4}}
  %y = cnn.avg_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x64x8x8xf16> -> tensor<1x32x4x4xf16>
  return
}

// -----

func.func @pool_output_element_type(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects the output to have the element type of the input ('f32'), got 'f16'}}
  %y = cnn.max_pool %x {kernel = array<i64: 2, 2>} : tensor<1x3x8x8xf32> -> tensor<1x3x7x7xf16>
  return
}

// -----

func.func @pool_input_rank(%x: tensor<1x3x8x8x1xf32>) {
  // expected-error @+1 {{expects the input to be a 4-D NCHW feature map, got 'tensor<1x3x8x8x1xf32>'}}
  %y = cnn.max_pool %x {kernel = array<i64: 2, 2>} : tensor<1x3x8x8x1xf32> -> tensor<1x3x7x7xf32>
  return
}

// -----

func.func @pool_input_batch(%x: tensor<8x3x8x8xf32>) {
  // expected-error @+1 {{supports batch 1 only, but the input has batch 8}}
  %y = cnn.avg_pool %x {kernel = array<i64: 2, 2>} : tensor<8x3x8x8xf32> -> tensor<8x3x7x7xf32>
  return
}

// -----

func.func @pool_input_dynamic(%x: tensor<1x?x8x8xf32>) {
  // expected-error @+1 {{expects the input to have a static shape, got 'tensor<1x?x8x8xf32>'}}
  %y = cnn.max_pool %x {kernel = array<i64: 2, 2>} : tensor<1x?x8x8xf32> -> tensor<1x3x7x7xf32>
  return
}

// -----

func.func @pool_output_dynamic(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects the output to have a static shape, got 'tensor<1x3x?x7xf32>'}}
  %y = cnn.avg_pool %x {kernel = array<i64: 2, 2>} : tensor<1x3x8x8xf32> -> tensor<1x3x?x7xf32>
  return
}

// -----

func.func @pool_input_i32(%x: tensor<1x3x8x8xi32>) {
  // expected-error @+1 {{operand #0 must be NCHW feature map (tensor<1xCxHxW>) of i8, i16, f16 or f32 values, but got 'tensor<1x3x8x8xi32>'}}
  %y = cnn.max_pool %x {kernel = array<i64: 2, 2>} : tensor<1x3x8x8xi32> -> tensor<1x3x7x7xi32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.global_avg_pool
//===----------------------------------------------------------------------===//

func.func @global_pool_output_spatial(%x: tensor<1x64x7x7xf32>) {
  // expected-error @+1 {{expects the output shape 1x64x1x1, got 1x64x7x7}}
  %y = cnn.global_avg_pool %x : tensor<1x64x7x7xf32> -> tensor<1x64x7x7xf32>
  return
}

// -----

func.func @global_pool_output_channels(%x: tensor<1x64x7x7xf32>) {
  // expected-error @+1 {{expects the output shape 1x64x1x1, got 1x1x1x1}}
  %y = cnn.global_avg_pool %x : tensor<1x64x7x7xf32> -> tensor<1x1x1x1xf32>
  return
}

// -----

func.func @global_pool_output_element_type(%x: tensor<1x64x7x7xi8>) {
  // expected-error @+1 {{expects the output to have the element type of the input ('i8'), got 'f32'}}
  %y = cnn.global_avg_pool %x : tensor<1x64x7x7xi8> -> tensor<1x64x1x1xf32>
  return
}

// -----

func.func @global_pool_input_rank(%x: tensor<64x7x7xf32>) {
  // expected-error @+1 {{expects the input to be a 4-D NCHW feature map, got 'tensor<64x7x7xf32>'}}
  %y = cnn.global_avg_pool %x : tensor<64x7x7xf32> -> tensor<1x64x1x1xf32>
  return
}

// -----

func.func @global_pool_input_batch(%x: tensor<2x64x7x7xf32>) {
  // expected-error @+1 {{supports batch 1 only, but the input has batch 2}}
  %y = cnn.global_avg_pool %x : tensor<2x64x7x7xf32> -> tensor<1x64x1x1xf32>
  return
}

// -----

func.func @global_pool_output_dynamic(%x: tensor<1x64x7x7xf32>) {
  // expected-error @+1 {{expects the output to have a static shape, got 'tensor<1x?x1x1xf32>'}}
  %y = cnn.global_avg_pool %x : tensor<1x64x7x7xf32> -> tensor<1x?x1x1xf32>
  return
}

// -----

func.func @global_pool_output_bf16(%x: tensor<1x64x7x7xf32>) {
  // expected-error @+1 {{result #0 must be NCHW feature map (tensor<1xCxHxW>) of i8, i16, f16 or f32 values, but got 'tensor<1x64x1x1xbf16>'}}
  %y = cnn.global_avg_pool %x : tensor<1x64x7x7xf32> -> tensor<1x64x1x1xbf16>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.mul
//===----------------------------------------------------------------------===//

func.func @mul_rhs_shape(%x: tensor<1x3x8x8xi8>, %s: tensor<1x3x8x1xi8>) {
  // expected-error @+1 {{expects rhs of the shape of lhs (1x3x8x8) or of one factor per channel (1x3x1x1), got 1x3x8x1}}
  %y = cnn.mul %x, %s : (tensor<1x3x8x8xi8>, tensor<1x3x8x1xi8>) -> tensor<1x3x8x8xi8>
  return
}

// -----

func.func @mul_rhs_channels(%x: tensor<1x3x8x8xi8>, %s: tensor<1x4x1x1xi8>) {
  // expected-error @+1 {{expects rhs of the shape of lhs (1x3x8x8) or of one factor per channel (1x3x1x1), got 1x4x1x1}}
  %y = cnn.mul %x, %s : (tensor<1x3x8x8xi8>, tensor<1x4x1x1xi8>) -> tensor<1x3x8x8xi8>
  return
}

// -----

func.func @mul_element_types(%x: tensor<1x3x8x8xi8>, %s: tensor<1x3x1x1xi16>) {
  // expected-error @+1 {{expects the rhs to have the element type of the lhs ('i8'), got 'i16'}}
  %y = cnn.mul %x, %s : (tensor<1x3x8x8xi8>, tensor<1x3x1x1xi16>) -> tensor<1x3x8x8xi8>
  return
}

// -----

func.func @mul_result_type(%x: tensor<1x3x8x8xi8>, %s: tensor<1x3x1x1xi8>) {
  // expected-error @+1 {{expects the result type to be the type of lhs, 'tensor<1x3x8x8xi8>', got 'tensor<1x3x1x1xi8>'}}
  %y = cnn.mul %x, %s : (tensor<1x3x8x8xi8>, tensor<1x3x1x1xi8>) -> tensor<1x3x1x1xi8>
  return
}

// -----

func.func @mul_lhs_rank(%x: tensor<3x8x8xi8>, %s: tensor<1x3x1x1xi8>) {
  // expected-error @+1 {{expects the lhs to be a 4-D NCHW feature map, got 'tensor<3x8x8xi8>'}}
  %y = cnn.mul %x, %s : (tensor<3x8x8xi8>, tensor<1x3x1x1xi8>) -> tensor<3x8x8xi8>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.add
//===----------------------------------------------------------------------===//

func.func @add_operand_types(%a: tensor<1x3x8x8xf32>, %b: tensor<1x3x8x8xf16>) {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %y = "cnn.add"(%a, %b) : (tensor<1x3x8x8xf32>, tensor<1x3x8x8xf16>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @add_operand_shapes(%a: tensor<1x3x8x8xf32>, %b: tensor<1x3x4x4xf32>) {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %y = "cnn.add"(%a, %b) : (tensor<1x3x8x8xf32>, tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @add_result_type(%a: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %y = "cnn.add"(%a, %a) : (tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>) -> tensor<1x6x8x8xf32>
  return
}

// -----

func.func @add_rank(%a: tensor<3x8x8xf32>) {
  // expected-error @+1 {{expects the output to be a 4-D NCHW feature map, got 'tensor<3x8x8xf32>'}}
  %y = cnn.add %a, %a : tensor<3x8x8xf32>
  return
}

// -----

func.func @add_batch(%a: tensor<2x3x8x8xf32>) {
  // expected-error @+1 {{supports batch 1 only, but the output has batch 2}}
  %y = cnn.add %a, %a : tensor<2x3x8x8xf32>
  return
}

// -----

func.func @add_dynamic(%a: tensor<1x3x8x?xf32>) {
  // expected-error @+1 {{expects the output to have a static shape, got 'tensor<1x3x8x?xf32>'}}
  %y = cnn.add %a, %a : tensor<1x3x8x?xf32>
  return
}

// -----

func.func @add_i32(%a: tensor<1x3x8x8xi32>) {
  // expected-error @+1 {{operand #0 must be NCHW feature map (tensor<1xCxHxW>) of i8, i16, f16 or f32 values, but got 'tensor<1x3x8x8xi32>'}}
  %y = cnn.add %a, %a : tensor<1x3x8x8xi32>
  return
}

// -----

func.func @add_bf16(%a: tensor<1x3x8x8xbf16>) {
  // expected-error @+1 {{operand #0 must be NCHW feature map (tensor<1xCxHxW>) of i8, i16, f16 or f32 values, but got 'tensor<1x3x8x8xbf16>'}}
  %y = cnn.add %a, %a : tensor<1x3x8x8xbf16>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.activation
//===----------------------------------------------------------------------===//

func.func @activation_none(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects an activation kind other than 'none' (relu, relu6, hard_sigmoid, hard_swish, sigmoid or tanh), got 'none'}}
  %y = cnn.activation %x {kind = #cnn.activation<none>} : tensor<1x3x8x8xf32>
  return
}

// -----

func.func @activation_missing_kind(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{requires attribute 'kind'}}
  %y = cnn.activation %x : tensor<1x3x8x8xf32>
  return
}

// -----

func.func @activation_types(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %y = "cnn.activation"(%x) <{kind = #cnn.activation<relu>}> : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf16>
  return
}

// -----

func.func @activation_rank(%x: tensor<1x3x8xf32>) {
  // expected-error @+1 {{expects the output to be a 4-D NCHW feature map, got 'tensor<1x3x8xf32>'}}
  %y = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x3x8xf32>
  return
}

// -----

func.func @activation_batch(%x: tensor<0x3x8x8xf32>) {
  // expected-error @+1 {{supports batch 1 only, but the output has batch 0}}
  %y = cnn.activation %x {kind = #cnn.activation<relu6>} : tensor<0x3x8x8xf32>
  return
}

// -----

func.func @activation_i1(%x: tensor<1x3x8x8xi1>) {
  // expected-error @+1 {{operand #0 must be NCHW feature map (tensor<1xCxHxW>) of i8, i16, f16 or f32 values, but got 'tensor<1x3x8x8xi1>'}}
  %y = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x3x8x8xi1>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.softmax
//===----------------------------------------------------------------------===//

func.func @softmax_types(%x: tensor<1x10x1x1xf32>) {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %y = "cnn.softmax"(%x) : (tensor<1x10x1x1xf32>) -> tensor<1x10x1x1xf16>
  return
}

// -----

func.func @softmax_rank(%x: tensor<1x10xf32>) {
  // expected-error @+1 {{expects the output to be a 4-D NCHW feature map, got 'tensor<1x10xf32>'}}
  %y = cnn.softmax %x : tensor<1x10xf32>
  return
}

// -----

func.func @softmax_batch(%x: tensor<5x10x1x1xf32>) {
  // expected-error @+1 {{supports batch 1 only, but the output has batch 5}}
  %y = cnn.softmax %x : tensor<5x10x1x1xf32>
  return
}

// -----

func.func @softmax_dynamic(%x: tensor<1x?x1x1xf32>) {
  // expected-error @+1 {{expects the output to have a static shape, got 'tensor<1x?x1x1xf32>'}}
  %y = cnn.softmax %x : tensor<1x?x1x1xf32>
  return
}

// -----

func.func @softmax_f64(%x: tensor<1x10x1x1xf64>) {
  // expected-error @+1 {{operand #0 must be NCHW feature map (tensor<1xCxHxW>) of i8, i16, f16 or f32 values, but got 'tensor<1x10x1x1xf64>'}}
  %y = cnn.softmax %x : tensor<1x10x1x1xf64>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.concat
//===----------------------------------------------------------------------===//

func.func @concat_no_inputs() {
  // expected-error @+1 {{expects at least one input, got none}}
  %y = cnn.concat : () -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @concat_rows(%a: tensor<1x3x8x8xf32>, %b: tensor<1x5x4x8xf32>) {
  // expected-error @+1 {{concatenates channels only: every input must have 8x8 rows x columns, but input #1 has 4x8}}
  %y = cnn.concat %a, %b : (tensor<1x3x8x8xf32>, tensor<1x5x4x8xf32>) -> tensor<1x8x8x8xf32>
  return
}

// -----

func.func @concat_columns(%a: tensor<1x3x8x8xf32>, %b: tensor<1x3x8x8xf32>, %c: tensor<1x3x8x9xf32>) {
  // expected-error @+1 {{concatenates channels only: every input must have 8x8 rows x columns, but input #2 has 8x9}}
  %y = cnn.concat %a, %b, %c : (tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>, tensor<1x3x8x9xf32>) -> tensor<1x9x8x8xf32>
  return
}

// -----

func.func @concat_element_types(%a: tensor<1x3x8x8xi8>, %b: tensor<1x3x8x8xi16>) {
  // expected-error @+1 {{expects all inputs to have element type 'i8', but input #1 has 'i16'}}
  %y = cnn.concat %a, %b : (tensor<1x3x8x8xi8>, tensor<1x3x8x8xi16>) -> tensor<1x6x8x8xi8>
  return
}

// -----

func.func @concat_output_element_type(%a: tensor<1x3x8x8xi8>, %b: tensor<1x3x8x8xi8>) {
  // expected-error @+1 {{expects the output to have the element type of the inputs ('i8'), got 'f16'}}
  %y = cnn.concat %a, %b : (tensor<1x3x8x8xi8>, tensor<1x3x8x8xi8>) -> tensor<1x6x8x8xf16>
  return
}

// -----

// 3 + 5 + 2 = 10 channels.
func.func @concat_output_channels(%a: tensor<1x3x8x8xf32>, %b: tensor<1x5x8x8xf32>, %c: tensor<1x2x8x8xf32>) {
  // expected-error @+1 {{expects the output shape 1x10x8x8, got 1x8x8x8}}
  %y = cnn.concat %a, %b, %c : (tensor<1x3x8x8xf32>, tensor<1x5x8x8xf32>, tensor<1x2x8x8xf32>) -> tensor<1x8x8x8xf32>
  return
}

// -----

func.func @concat_output_rows(%a: tensor<1x3x8x8xf32>, %b: tensor<1x5x8x8xf32>) {
  // expected-error @+1 {{expects the output shape 1x8x8x8, got 1x8x16x8}}
  %y = cnn.concat %a, %b : (tensor<1x3x8x8xf32>, tensor<1x5x8x8xf32>) -> tensor<1x8x16x8xf32>
  return
}

// -----

// Two inputs of 2^40 channels each: the sum, 2^41, exceeds the output bound.
func.func @concat_output_too_large(%a: tensor<1x1099511627776x1x1xi8>) {
  // expected-error @+1 {{expects the output to have at most 2^40 elements, got 'tensor<1x2199023255552x1x1xi8>'}}
  %y = cnn.concat %a, %a : (tensor<1x1099511627776x1x1xi8>, tensor<1x1099511627776x1x1xi8>) -> tensor<1x2199023255552x1x1xi8>
  return
}

// -----

// The channel count is checked as it is summed, before the output.
func.func @concat_channels_too_many(%a: tensor<1x1099511627776x1x1xi8>) {
  // expected-error @+1 {{expects at most 2^40 channels in all, but inputs #0 to #1 have 2199023255552}}
  %y = cnn.concat %a, %a : (tensor<1x1099511627776x1x1xi8>, tensor<1x1099511627776x1x1xi8>) -> tensor<1x1x1x1xi8>
  return
}

// -----

func.func @concat_input_rank(%a: tensor<1x3x8x8xf32>, %b: tensor<3x8x8xf32>) {
  // expected-error @+1 {{expects the input #1 to be a 4-D NCHW feature map, got 'tensor<3x8x8xf32>'}}
  %y = cnn.concat %a, %b : (tensor<1x3x8x8xf32>, tensor<3x8x8xf32>) -> tensor<1x6x8x8xf32>
  return
}

// -----

func.func @concat_input_batch(%a: tensor<2x3x8x8xf32>) {
  // expected-error @+1 {{supports batch 1 only, but the input #0 has batch 2}}
  %y = cnn.concat %a : (tensor<2x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @concat_input_dynamic(%a: tensor<1x3x8x8xf32>, %b: tensor<1x?x8x8xf32>) {
  // expected-error @+1 {{expects the input #1 to have a static shape, got 'tensor<1x?x8x8xf32>'}}
  %y = cnn.concat %a, %b : (tensor<1x3x8x8xf32>, tensor<1x?x8x8xf32>) -> tensor<1x6x8x8xf32>
  return
}

// -----

func.func @concat_output_batch(%a: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{supports batch 1 only, but the output has batch 2}}
  %y = cnn.concat %a, %a : (tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>) -> tensor<2x3x8x8xf32>
  return
}

// -----

func.func @concat_input_i32(%a: tensor<1x3x8x8xi32>) {
  // expected-error @+1 {{operand #0 must be variadic of NCHW feature map (tensor<1xCxHxW>) of i8, i16, f16 or f32 values, but got 'tensor<1x3x8x8xi32>'}}
  %y = cnn.concat %a : (tensor<1x3x8x8xi32>) -> tensor<1x3x8x8xi32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.pad
//===----------------------------------------------------------------------===//

func.func @pad_missing_padding(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{requires attribute 'padding'}}
  %y = cnn.pad %x : tensor<1x3x8x8xf32> -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @pad_padding_length(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects 'padding' to have 4 entries (top, bottom, left, right), got 2}}
  %y = cnn.pad %x {padding = array<i64: 1, 1>} : tensor<1x3x8x8xf32> -> tensor<1x3x10x10xf32>
  return
}

// -----

func.func @pad_padding_negative(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects every entry of 'padding' to be >= 0, got -2}}
  %y = cnn.pad %x {padding = array<i64: 0, 0, -2, 0>} : tensor<1x3x8x8xf32> -> tensor<1x3x8x6xf32>
  return
}

// -----

// H + pt + pb would overflow.
func.func @pad_padding_huge(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects every entry of 'padding' to be at most 2^20, got 9223372036854775807}}
  %y = cnn.pad %x {padding = array<i64: 9223372036854775807, 9223372036854775807, 0, 0>} : tensor<1x3x8x8xf32> -> tensor<1x3x8x8xf32>
  return
}

// -----

// Rows 8 + 1 + 2 = 11, columns 8 + 0 + 3 = 11.
func.func @pad_output_shape(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects the output shape 1x3x11x11, got 1x3x10x10}}
  %y = cnn.pad %x {padding = array<i64: 1, 2, 0, 3>} : tensor<1x3x8x8xf32> -> tensor<1x3x10x10xf32>
  return
}

// -----

func.func @pad_output_element_type(%x: tensor<1x3x8x8xi8>) {
  // expected-error @+1 {{expects the output to have the element type of the input ('i8'), got 'i16'}}
  %y = cnn.pad %x {padding = array<i64: 1, 1, 1, 1>} : tensor<1x3x8x8xi8> -> tensor<1x3x10x10xi16>
  return
}

// -----

func.func @pad_value_fraction(%x: tensor<1x3x8x8xi8>) {
  // expected-error @+1 {{expects a pad value that 'i8' can hold, an integer in [-128, 255], got 0.5}}
  %y = cnn.pad %x {padding = array<i64: 1, 1, 1, 1>, value = 0.5} : tensor<1x3x8x8xi8> -> tensor<1x3x10x10xi8>
  return
}

// -----

func.func @pad_value_too_large(%x: tensor<1x3x8x8xi8>) {
  // expected-error @+1 {{expects a pad value that 'i8' can hold, an integer in [-128, 255], got 256}}
  %y = cnn.pad %x {padding = array<i64: 1, 1, 1, 1>, value = 256.0} : tensor<1x3x8x8xi8> -> tensor<1x3x10x10xi8>
  return
}

// -----

func.func @pad_value_too_small(%x: tensor<1x3x8x8xi16>) {
  // expected-error @+1 {{expects a pad value that 'i16' can hold, an integer in [-32768, 65535], got -32769}}
  %y = cnn.pad %x {padding = array<i64: 1, 1, 1, 1>, value = -32769.0} : tensor<1x3x8x8xi16> -> tensor<1x3x10x10xi16>
  return
}

// -----

func.func @pad_value_nan(%x: tensor<1x3x8x8xi8>) {
  // expected-error @+1 {{expects a pad value that 'i8' can hold, an integer in [-128, 255], got NaN}}
  %y = cnn.pad %x {padding = array<i64: 1, 1, 1, 1>, value = 0x7FF8000000000000 : f64} : tensor<1x3x8x8xi8> -> tensor<1x3x10x10xi8>
  return
}

// -----

func.func @pad_value_infinity(%x: tensor<1x3x8x8xi8>) {
  // expected-error @+1 {{expects a pad value that 'i8' can hold, an integer in [-128, 255], got -Inf}}
  %y = cnn.pad %x {padding = array<i64: 1, 1, 1, 1>, value = 0xFFF0000000000000 : f64} : tensor<1x3x8x8xi8> -> tensor<1x3x10x10xi8>
  return
}

// -----

func.func @pad_value_not_f64(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{Invalid attribute `value` in property conversion: 1 : i32}}
  %y = "cnn.pad"(%x) <{padding = array<i64: 1, 1, 1, 1>, value = 1 : i32}> : (tensor<1x3x8x8xf32>) -> tensor<1x3x10x10xf32>
  return
}

// -----

func.func @pad_input_rank(%x: tensor<1x3x8x8x8xf32>) {
  // expected-error @+1 {{expects the input to be a 4-D NCHW feature map, got 'tensor<1x3x8x8x8xf32>'}}
  %y = cnn.pad %x {padding = array<i64: 1, 1, 1, 1>} : tensor<1x3x8x8x8xf32> -> tensor<1x3x10x10xf32>
  return
}

// -----

func.func @pad_input_batch(%x: tensor<2x3x8x8xf32>) {
  // expected-error @+1 {{supports batch 1 only, but the input has batch 2}}
  %y = cnn.pad %x {padding = array<i64: 1, 1, 1, 1>} : tensor<2x3x8x8xf32> -> tensor<1x3x10x10xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.resize
//===----------------------------------------------------------------------===//

func.func @resize_missing_scale(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{requires attribute 'scale'}}
  %y = cnn.resize %x : tensor<1x3x8x8xf32> -> tensor<1x3x16x16xf32>
  return
}

// -----

func.func @resize_scale_length(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects 'scale' to have 2 entries (rows, columns), got 1}}
  %y = cnn.resize %x {scale = array<i64: 2>} : tensor<1x3x8x8xf32> -> tensor<1x3x16x16xf32>
  return
}

// -----

func.func @resize_scale_zero(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects every entry of 'scale' to be >= 1, got 0}}
  %y = cnn.resize %x {scale = array<i64: 2, 0>} : tensor<1x3x8x8xf32> -> tensor<1x3x16x16xf32>
  return
}

// -----

func.func @resize_scale_negative(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects every entry of 'scale' to be >= 1, got -2}}
  %y = cnn.resize %x {scale = array<i64: -2, -2>} : tensor<1x3x8x8xf32> -> tensor<1x3x16x16xf32>
  return
}

// -----

// 8 * 2^62 overflows.
func.func @resize_scale_huge(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects every entry of 'scale' to be at most 2^20, got 4611686018427387904}}
  %y = cnn.resize %x {scale = array<i64: 4611686018427387904, 4>} : tensor<1x3x8x8xf32> -> tensor<1x3x16x32xf32>
  return
}

// -----

func.func @resize_output_nearest(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects the output shape 1x3x16x24, got 1x3x16x16}}
  %y = cnn.resize %x {scale = array<i64: 2, 3>} : tensor<1x3x8x8xf32> -> tensor<1x3x16x16xf32>
  return
}

// -----

func.func @resize_output_bilinear(%x: tensor<1x3x8x8xf16>) {
  // expected-error @+1 {{expects the output shape 1x3x32x32, got 1x6x32x32}}
  %y = cnn.resize %x {scale = array<i64: 4, 4>, mode = #cnn.resize_mode<bilinear>} : tensor<1x3x8x8xf16> -> tensor<1x6x32x32xf16>
  return
}

// -----

func.func @resize_output_element_type(%x: tensor<1x3x8x8xf16>) {
  // expected-error @+1 {{expects the output to have the element type of the input ('f16'), got 'f32'}}
  %y = cnn.resize %x {scale = array<i64: 2, 2>} : tensor<1x3x8x8xf16> -> tensor<1x3x16x16xf32>
  return
}

// -----

func.func @resize_input_rank(%x: tensor<3x8x8xf32>) {
  // expected-error @+1 {{expects the input to be a 4-D NCHW feature map, got 'tensor<3x8x8xf32>'}}
  %y = cnn.resize %x {scale = array<i64: 2, 2>} : tensor<3x8x8xf32> -> tensor<1x3x16x16xf32>
  return
}

// -----

func.func @resize_output_dynamic(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects the output to have a static shape, got 'tensor<1x3x?x16xf32>'}}
  %y = cnn.resize %x {scale = array<i64: 2, 2>} : tensor<1x3x8x8xf32> -> tensor<1x3x?x16xf32>
  return
}

// -----

func.func @resize_output_empty(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{expects the output to have non-empty dimensions, got 'tensor<1x3x0x32xf32>'}}
  %y = cnn.resize %x {scale = array<i64: 1, 4>} : tensor<1x3x8x8xf32> -> tensor<1x3x0x32xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.select_channels
//===----------------------------------------------------------------------===//

func.func @select_missing_channels(%x: tensor<1x4x8x8xi8>) {
  // expected-error @+1 {{requires attribute 'channels'}}
  %y = cnn.select_channels %x : tensor<1x4x8x8xi8> -> tensor<1x4x8x8xi8>
  return
}

// -----

func.func @select_no_channels(%x: tensor<1x4x8x8xi8>) {
  // expected-error @+1 {{expects at least one channel to select, got none}}
  %y = cnn.select_channels %x {channels = array<i64>} : tensor<1x4x8x8xi8> -> tensor<1x1x8x8xi8>
  return
}

// -----

func.func @select_channel_too_high(%x: tensor<1x4x8x8xi8>) {
  // expected-error @+1 {{expects every selected channel to be in [0, 4), but output channel 1 selects 4}}
  %y = cnn.select_channels %x {channels = array<i64: 0, 4>} : tensor<1x4x8x8xi8> -> tensor<1x2x8x8xi8>
  return
}

// -----

func.func @select_channel_negative(%x: tensor<1x4x8x8xi8>) {
  // expected-error @+1 {{expects every selected channel to be in [0, 4), but output channel 0 selects -1}}
  %y = cnn.select_channels %x {channels = array<i64: -1>} : tensor<1x4x8x8xi8> -> tensor<1x1x8x8xi8>
  return
}

// -----

func.func @select_output_channels(%x: tensor<1x4x8x8xi8>) {
  // expected-error @+1 {{expects the output shape 1x2x8x8, got 1x4x8x8}}
  %y = cnn.select_channels %x {channels = array<i64: 3, 2>} : tensor<1x4x8x8xi8> -> tensor<1x4x8x8xi8>
  return
}

// -----

func.func @select_output_rows(%x: tensor<1x4x8x8xi8>) {
  // expected-error @+1 {{expects the output shape 1x1x8x8, got 1x1x4x8}}
  %y = cnn.select_channels %x {channels = array<i64: 3>} : tensor<1x4x8x8xi8> -> tensor<1x1x4x8xi8>
  return
}

// -----

func.func @select_element_type(%x: tensor<1x4x8x8xi8>) {
  // expected-error @+1 {{expects the output to have the element type of the input ('i8'), got 'f32'}}
  %y = cnn.select_channels %x {channels = array<i64: 3>} : tensor<1x4x8x8xi8> -> tensor<1x1x8x8xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.prelu
//===----------------------------------------------------------------------===//

func.func @prelu_slope_shape(%x: tensor<1x4x8x8xf32>, %s: tensor<1x1x1x1xf32>) {
  // expected-error @+1 {{expects one slope per channel (1x4x1x1), got 1x1x1x1}}
  %y = cnn.prelu %x, %s : (tensor<1x4x8x8xf32>, tensor<1x1x1x1xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @prelu_slope_type(%x: tensor<1x4x8x8xf32>, %s: tensor<1x4x1x1xf16>) {
  // expected-error @+1 {{expects the slope to have the element type of the input ('f32'), got 'f16'}}
  %y = cnn.prelu %x, %s : (tensor<1x4x8x8xf32>, tensor<1x4x1x1xf16>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @prelu_result(%x: tensor<1x4x8x8xf32>, %s: tensor<1x4x1x1xf32>) {
  // expected-error @+1 {{expects the result type to be the input's, 'tensor<1x4x8x8xf32>', got 'tensor<1x4x8x9xf32>'}}
  %y = cnn.prelu %x, %s : (tensor<1x4x8x8xf32>, tensor<1x4x1x1xf32>) -> tensor<1x4x8x9xf32>
  return
}

// -----

func.func @sub_rhs_shape(%x: tensor<1x4x8x8xf32>, %s: tensor<1x4x8x1xf32>) {
  // expected-error @+1 {{expects rhs of the shape of lhs (1x4x8x8) or of one value per channel (1x4x1x1), got 1x4x8x1}}
  %y = cnn.sub %x, %s : (tensor<1x4x8x8xf32>, tensor<1x4x8x1xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// cnn.depth_to_space
//===----------------------------------------------------------------------===//

func.func @depth_to_space_block_zero(%x: tensor<1x8x4x4xi8>) {
  // expected-error @+1 {{expects a block in [1, 1024], got 0}}
  %y = cnn.depth_to_space %x {block = 0} : tensor<1x8x4x4xi8> -> tensor<1x8x4x4xi8>
  return
}

// -----

func.func @depth_to_space_block_huge(%x: tensor<1x8x4x4xi8>) {
  // expected-error @+1 {{expects a block in [1, 1024], got 4294967296}}
  %y = cnn.depth_to_space %x {block = 4294967296} : tensor<1x8x4x4xi8> -> tensor<1x8x4x4xi8>
  return
}

// -----

func.func @depth_to_space_channels(%x: tensor<1x6x4x4xi8>) {
  // expected-error @+1 {{expects input channels divisible by block * block = 4, got 6}}
  %y = cnn.depth_to_space %x {block = 2} : tensor<1x6x4x4xi8> -> tensor<1x1x8x8xi8>
  return
}

// -----

func.func @depth_to_space_output(%x: tensor<1x8x4x4xi8>) {
  // expected-error @+1 {{expects the output shape 1x2x8x8, got 1x2x4x16}}
  %y = cnn.depth_to_space %x {block = 2} : tensor<1x8x4x4xi8> -> tensor<1x2x4x16xi8>
  return
}

// -----

func.func @depth_to_space_mode(%x: tensor<1x8x4x4xi8>) {
  // expected-error @+2 {{expected ::mlir::cnn::DepthToSpaceMode to be one of: dcr, crd}}
  // expected-error @+1 {{failed to parse}}
  %y = cnn.depth_to_space %x {block = 2, mode = #cnn.depth_to_space_mode<rdc>} : tensor<1x8x4x4xi8> -> tensor<1x2x8x8xi8>
  return
}

// -----

func.func @compression_channels_sum() {
  // expected-error @+1 {{expects channel sizes that add up to bytes (7), got 6}}
  %w = cnn.weight {cnn.compression = #cnn.compression<bytes = 7, scheme = "zrl-rice", channels = [3, 3]>} : tensor<2x4xi8>
  return
}

// -----

func.func @compression_channels_exceed() {
  // expected-error @+1 {{expects channel sizes that add up to bytes (7), but they exceed it}}
  %w = cnn.weight {cnn.compression = #cnn.compression<bytes = 7, scheme = "zrl-rice", channels = [4, 9223372036854775807]>} : tensor<2x4xi8>
  return
}

// -----

func.func @compression_channels_negative() {
  // expected-error @+1 {{expects non-negative channel sizes, got -1}}
  %w = cnn.weight {cnn.compression = #cnn.compression<bytes = 7, scheme = "zrl-rice", channels = [-1, 8]>} : tensor<2x4xi8>
  return
}

// -----

func.func @compression_channels_count() {
  // expected-error @+1 {{'cnn.weight' op has a cnn.compression with 3 channel sizes for 2 output channels}}
  %w = cnn.weight {cnn.compression = #cnn.compression<bytes = 7, scheme = "zrl-rice", channels = [3, 2, 2]>} : tensor<2x4xi8>
  return
}
