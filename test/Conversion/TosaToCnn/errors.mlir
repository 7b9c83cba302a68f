// RUN: cnn-opt --tosa-to-cnn --split-input-file --verify-diagnostics %s

// An op without a cnn equivalent is named.

func.func @sigmoid(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error@+1 {{'tosa.sigmoid' op is not supported by --tosa-to-cnn (no cnn layer computes it)}}
  %y = tosa.sigmoid %x : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @clamp_bounds(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error@+1 {{'tosa.clamp' op cannot be converted to cnn: clamps to [-1, 1]; a float clamp is relu ([0, max]) or relu6 ([0, 6])}}
  %y = tosa.clamp %x {min_val = -1.0 : f32, max_val = 1.0 : f32} : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @concat_width(%a: tensor<1x4x4x8xf32>, %b: tensor<1x4x4x8xf32>) -> tensor<1x4x8x8xf32> {
  // expected-error@+1 {{'tosa.concat' op cannot be converted to cnn: concatenates on axis 2; cnn.concat stacks channels (NHWC axis 3)}}
  %y = tosa.concat %a, %b {axis = 2 : i32} : (tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x8x8xf32>
  return %y : tensor<1x4x8x8xf32>
}

// -----

func.func @transpose_hw(%x: tensor<1x4x6x8xf32>) -> tensor<1x6x4x8xf32> {
  // expected-error@+1 {{'tosa.transpose' op cannot be converted to cnn: transposes by [0, 2, 1, 3]}}
  %y = tosa.transpose %x {perms = array<i32: 0, 2, 1, 3>} : (tensor<1x4x6x8xf32>) -> tensor<1x6x4x8xf32>
  return %y : tensor<1x6x4x8xf32>
}

// -----

func.func @reshape_order(%x: tensor<1x4x4x8xf32>) -> tensor<1x16x8xf32> {
  %s = tosa.const_shape {values = dense<[1, 16, 8]> : tensor<3xindex>} : () -> !tosa.shape<3>
  // expected-error@+1 {{'tosa.reshape' op cannot be converted to cnn: reshapes tensor<1x4x4x8xf32> to tensor<1x16x8xf32>, which is not a feature map in the same NCHW order}}
  %y = tosa.reshape %x, %s : (tensor<1x4x4x8xf32>, !tosa.shape<3>) -> tensor<1x16x8xf32>
  return %y : tensor<1x16x8xf32>
}

// -----

func.func @resize_fraction(%x: tensor<1x4x4x8xf32>) -> tensor<1x7x7x8xf32> {
  %scale = tosa.const_shape {values = dense<[3, 2, 3, 2]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %offset = tosa.const_shape {values = dense<[0, 0]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %border = tosa.const_shape {values = dense<[3, 3]> : tensor<2xindex>} : () -> !tosa.shape<2>
  // expected-error@+1 {{'tosa.resize' op cannot be converted to cnn: scales by 3/2 from 4 to 7; cnn.resize scales by an integer}}
  %y = tosa.resize %x, %scale, %offset, %border {mode = NEAREST_NEIGHBOR} : (tensor<1x4x4x8xf32>, !tosa.shape<4>, !tosa.shape<2>, !tosa.shape<2>) -> tensor<1x7x7x8xf32>
  return %y : tensor<1x7x7x8xf32>
}

// -----

func.func @pad_channels(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x10xf32> {
  %p = tosa.const_shape {values = dense<[0, 0, 0, 0, 0, 0, 1, 1]> : tensor<8xindex>} : () -> !tosa.shape<8>
  %v = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  // expected-error@+1 {{'tosa.pad' op cannot be converted to cnn: pads by [0, 0, 0, 0, 0, 0, 1, 1]; cnn.pad adds rows and columns only}}
  %y = tosa.pad %x, %p, %v : (tensor<1x4x4x8xf32>, !tosa.shape<8>, tensor<1xf32>) -> tensor<1x4x4x10xf32>
  return %y : tensor<1x4x4x10xf32>
}

// -----

// An integer convolution needs the rescale that brings it back to i8.

func.func @accumulator(%x: tensor<1x4x4x8xi8>) -> tensor<1x4x4x8xi32> {
  %w = "tosa.const"() <{values = dense<1> : tensor<8x1x1x8xi8>}> : () -> tensor<8x1x1x8xi8>
  %b = "tosa.const"() <{values = dense<0> : tensor<8xi32>}> : () -> tensor<8xi32>
  %zp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  // expected-error@+1 {{'tosa.conv2d' op cannot be converted to cnn: produces an accumulator of i32, which is converted together with the tosa.rescale that requantizes it to i8}}
  %c = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = i32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x4x4x8xi8>, tensor<8x1x1x8xi8>, tensor<8xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x4x4x8xi32>
  return %c : tensor<1x4x4x8xi32>
}

// -----

func.func @batch(%x: tensor<2x4x4x8xf32>) -> tensor<2x2x2x8xf32> {
  // expected-error@+1 {{'tosa.max_pool2d' op cannot be converted to cnn: reads or produces a tensor<2x4x4x8xf32>, not a static batch-1 NHWC feature map of i8, i16, f16 or f32}}
  %y = tosa.max_pool2d %x {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<2x4x4x8xf32>) -> tensor<2x2x2x8xf32>
  return %y : tensor<2x2x2x8xf32>
}

// -----

// Every function gets the NCHW signature of its cnn form; calls are not
// updated, so they are rejected.

func.func private @block(tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>

func.func @caller(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error@+1 {{'func.call' op calls a function; --tosa-to-cnn gives each function the NCHW signature of its cnn form and does not update calls}}
  %y = func.call @block(%x) : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

// The ops before the end of a chain are reported with the chain: here the
// rescale after an integer convolution produces i16, not the i8 of the
// convolution's input.

func.func @rescale_type(%x: tensor<1x4x4x8xi8>) -> tensor<1x4x4x8xi16> {
  %w = "tosa.const"() <{values = dense<1> : tensor<8x1x1x8xi8>}> : () -> tensor<8x1x1x8xi8>
  %b = "tosa.const"() <{values = dense<0> : tensor<8xi32>}> : () -> tensor<8xi32>
  %zp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  // expected-error@+1 {{'tosa.conv2d' op cannot be converted to cnn: produces an accumulator of i32, which is converted together with the tosa.rescale that requantizes it to i8}}
  %c = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = i32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x4x4x8xi8>, tensor<8x1x1x8xi8>, tensor<8xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x4x4x8xi32>
  %m = "tosa.const"() <{values = dense<1073741824> : tensor<8xi32>}> : () -> tensor<8xi32>
  %s = "tosa.const"() <{values = dense<30> : tensor<8xi8>}> : () -> tensor<8xi8>
  %izp = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %ozp = "tosa.const"() <{values = dense<0> : tensor<1xi16>}> : () -> tensor<1xi16>
  // expected-error@+1 {{'tosa.rescale' op cannot be converted to cnn: ends in i16 values from i8 inputs; a cnn layer's result has the element type of its input}}
  %r = tosa.rescale %c, %m, %s, %izp, %ozp {input_unsigned = false, output_unsigned = false, per_channel = true, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<1x4x4x8xi32>, tensor<8xi32>, tensor<8xi8>, tensor<1xi32>, tensor<1xi16>) -> tensor<1x4x4x8xi16>
  return %r : tensor<1x4x4x8xi16>
}
