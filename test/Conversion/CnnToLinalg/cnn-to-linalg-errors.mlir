// RUN: cnn-opt --cnn-to-linalg -split-input-file -verify-diagnostics %s

// The reference lowering computes with the weights' values.
func.func @shape_only_weight(%x: tensor<1x3x8x8xi8>) -> tensor<1x4x8x8xi8> {
  %w = cnn.weight : tensor<4x3x1x1xi8>
  // expected-error@+1 {{'cnn.conv2d' op layer 'conv1': the reference lowering needs weight values: generate the model with cnn-zoo --random-weights}}
  %y = cnn.conv2d %x, %w {name = "conv1"} : (tensor<1x3x8x8xi8>, tensor<4x3x1x1xi8>) -> tensor<1x4x8x8xi8>
  return %y : tensor<1x4x8x8xi8>
}

// -----

// A shape-only bias is reported the same way; an unnamed layer by its op.
func.func @shape_only_bias(%x: tensor<1x2x1x1xi8>) -> tensor<1x3x1x1xi8> {
  %w = cnn.weight {value = dense<1> : tensor<3x2xi8>} : tensor<3x2xi8>
  %b = cnn.weight : tensor<3xi32>
  // expected-error@+1 {{'cnn.fully_connected' op the reference lowering needs weight values}}
  %y = cnn.fully_connected %x, %w, %b : (tensor<1x2x1x1xi8>, tensor<3x2xi8>, tensor<3xi32>) -> tensor<1x3x1x1xi8>
  return %y : tensor<1x3x1x1xi8>
}

// -----

// Every layer that cannot be lowered is reported, not only the first.
func.func @two_layers(%x: tensor<1x1x4x4xi8>) -> tensor<1x1x4x4xi8> {
  %w1 = cnn.weight : tensor<1x1x1x1xi8>
  %w2 = cnn.weight : tensor<1x1x1x1xi8>
  // expected-error@+1 {{layer 'a': the reference lowering needs weight values}}
  %a = cnn.conv2d %x, %w1 {name = "a"} : (tensor<1x1x4x4xi8>, tensor<1x1x1x1xi8>) -> tensor<1x1x4x4xi8>
  // expected-error@+1 {{layer 'b': the reference lowering needs weight values}}
  %b = cnn.conv2d %a, %w2 {name = "b"} : (tensor<1x1x4x4xi8>, tensor<1x1x1x1xi8>) -> tensor<1x1x4x4xi8>
  return %b : tensor<1x1x4x4xi8>
}

// -----

// A shape-only weight read by something other than a layer.
func.func @returned_weight() -> tensor<4xi32> {
  // expected-error@+1 {{'cnn.weight' op the reference lowering needs weight values}}
  %w = cnn.weight : tensor<4xi32>
  return %w : tensor<4xi32>
}
