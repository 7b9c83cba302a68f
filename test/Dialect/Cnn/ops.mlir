// RUN: cnn-opt %s | cnn-opt | FileCheck %s
// RUN: cnn-opt %s --mlir-print-op-generic | cnn-opt | FileCheck %s
// RUN: cnn-opt %s --emit-bytecode | cnn-opt | FileCheck %s

// Every op of the cnn dialect in every form round-trips through the custom
// form, the generic form and bytecode. Attributes equal to their default are
// elided, and a layer's `name` becomes the SSA name of its result.

// CHECK-LABEL: func.func @weights
func.func @weights() {
  // Shape-only weights of every element type, bias types included.
  // CHECK-NEXT: cnn.weight : tensor<8x3x3x3xi8>
  // CHECK-NEXT: cnn.weight : tensor<8x3x3x3xi16>
  // CHECK-NEXT: cnn.weight : tensor<8xi32>
  // CHECK-NEXT: cnn.weight : tensor<8x3x3x3xf16>
  // CHECK-NEXT: cnn.weight : tensor<8x3x3x3xf32>
  %0 = cnn.weight : tensor<8x3x3x3xi8>
  %1 = cnn.weight : tensor<8x3x3x3xi16>
  %2 = cnn.weight : tensor<8xi32>
  %3 = cnn.weight : tensor<8x3x3x3xf16>
  %4 = cnn.weight : tensor<8x3x3x3xf32>
  // Weights with values: splat, explicit and from a resource blob.
  // CHECK-NEXT: cnn.weight {value = dense<0> : tensor<8xi32>} : tensor<8xi32>
  // CHECK-NEXT: cnn.weight {value = dense<{{\[}}[1, -2], [3, 127]]> : tensor<2x2xi8>} : tensor<2x2xi8>
  // CHECK-NEXT: cnn.weight {value = dense<[5.000000e-01, -1.000000e+00]> : tensor<2xf32>} : tensor<2xf32>
  // CHECK-NEXT: cnn.weight {value = dense_resource<fc_bias> : tensor<2xf16>} : tensor<2xf16>
  %5 = cnn.weight {value = dense<0> : tensor<8xi32>} : tensor<8xi32>
  %6 = cnn.weight {value = dense<[[1, -2], [3, 127]]> : tensor<2x2xi8>} : tensor<2x2xi8>
  %7 = cnn.weight {value = dense<[0.5, -1.0]> : tensor<2xf32>} : tensor<2xf32>
  %8 = cnn.weight {value = dense_resource<fc_bias> : tensor<2xf16>} : tensor<2xf16>
  return
}

// CHECK-LABEL: func.func @conv2d
func.func @conv2d(%x: tensor<1x8x16x16xf32>, %w: tensor<16x8x3x3xf32>,
                  %b: tensor<16xf32>) {
  // Attributes written with their default values are elided.
  // CHECK-NEXT: %conv_defaults = cnn.conv2d %{{.*}}, %{{.*}} {name = "conv_defaults"} : (tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x14x14xf32>
  %0 = cnn.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilation = array<i64: 1, 1>, groups = 1, activation = #cnn.activation<none>, name = "conv_defaults"} : (tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x14x14xf32>
  // Without a name the result is numbered.
  // CHECK-NEXT: %{{[0-9]+}} = cnn.conv2d %{{.*}}, %{{.*}} : (tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x14x14xf32>
  %1 = cnn.conv2d %x, %w : (tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x14x14xf32>
  // With bias, padding and each activation.
  // CHECK-NEXT: %conv_bias = cnn.conv2d %{{.*}}, %{{.*}}, %{{.*}} {name = "conv_bias", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<1x16x16x16xf32>
  // CHECK-NEXT: %conv_relu = cnn.conv2d %{{.*}}, %{{.*}}, %{{.*}} {activation = #cnn.activation<relu>, name = "conv_relu", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<1x16x16x16xf32>
  // CHECK-NEXT: %conv_relu6 = cnn.conv2d %{{.*}}, %{{.*}}, %{{.*}} {activation = #cnn.activation<relu6>, name = "conv_relu6", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<1x16x16x16xf32>
  %2 = cnn.conv2d %x, %w, %b {padding = array<i64: 1, 1, 1, 1>, name = "conv_bias"} : (tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<1x16x16x16xf32>
  %3 = cnn.conv2d %x, %w, %b {padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>, name = "conv_relu"} : (tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<1x16x16x16xf32>
  %4 = cnn.conv2d %x, %w, %b {padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu6>, name = "conv_relu6"} : (tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<1x16x16x16xf32>
  // Strides with asymmetric padding: E = (16 + 0 + 1 - 3) / 2 + 1 = 8,
  // F = (16 + 1 + 0 - 3) / 2 + 1 = 8.
  // CHECK-NEXT: %conv_strided = cnn.conv2d %{{.*}}, %{{.*}} {name = "conv_strided", padding = array<i64: 0, 1, 1, 0>, strides = array<i64: 2, 2>} : (tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x8x8xf32>
  %5 = cnn.conv2d %x, %w {strides = array<i64: 2, 2>, padding = array<i64: 0, 1, 1, 0>, name = "conv_strided"} : (tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x8x8xf32>
  // Dilation 2 spans 5 rows: E = (16 + 2 + 2 - 5) / 1 + 1 = 16; dilation 3
  // spans 7 columns: F = 16 - 7 + 1 = 10.
  // CHECK-NEXT: %conv_dilated = cnn.conv2d %{{.*}}, %{{.*}} {dilation = array<i64: 2, 3>, name = "conv_dilated", padding = array<i64: 2, 2, 0, 0>} : (tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x16x10xf32>
  %6 = cnn.conv2d %x, %w {dilation = array<i64: 2, 3>, padding = array<i64: 2, 2, 0, 0>, name = "conv_dilated"} : (tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x16x10xf32>
  return
}

// CHECK-LABEL: func.func @conv2d_grouped
func.func @conv2d_grouped(%x: tensor<1x8x16x16xf16>) {
  // Depthwise: groups = C = 8, weight Cx1xRxS.
  // CHECK: %depthwise = cnn.conv2d %{{.*}}, %{{.*}} {groups = 8 : i64, name = "depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x8x16x16xf16>, tensor<8x1x3x3xf16>) -> tensor<1x8x16x16xf16>
  %wd = cnn.weight : tensor<8x1x3x3xf16>
  %0 = cnn.conv2d %x, %wd {groups = 8, padding = array<i64: 1, 1, 1, 1>, name = "depthwise"} : (tensor<1x8x16x16xf16>, tensor<8x1x3x3xf16>) -> tensor<1x8x16x16xf16>
  // Depthwise with a channel multiplier of 2: M = 16.
  // CHECK: %depthwise_x2 = cnn.conv2d %{{.*}}, %{{.*}} {groups = 8 : i64, name = "depthwise_x2"} : (tensor<1x8x16x16xf16>, tensor<16x1x3x3xf16>) -> tensor<1x16x14x14xf16>
  %wm = cnn.weight : tensor<16x1x3x3xf16>
  %1 = cnn.conv2d %x, %wm {groups = 8, name = "depthwise_x2"} : (tensor<1x8x16x16xf16>, tensor<16x1x3x3xf16>) -> tensor<1x16x14x14xf16>
  // Two groups of 4 input and 6 output channels.
  // CHECK: %grouped = cnn.conv2d %{{.*}}, %{{.*}} {groups = 2 : i64, name = "grouped"} : (tensor<1x8x16x16xf16>, tensor<12x4x1x1xf16>) -> tensor<1x12x16x16xf16>
  %wg = cnn.weight : tensor<12x4x1x1xf16>
  %2 = cnn.conv2d %x, %wg {groups = 2, name = "grouped"} : (tensor<1x8x16x16xf16>, tensor<12x4x1x1xf16>) -> tensor<1x12x16x16xf16>
  return
}

// CHECK-LABEL: func.func @conv2d_integer
func.func @conv2d_integer(%x8: tensor<1x3x8x8xi8>, %x16: tensor<1x3x8x8xi16>) {
  // Integer layers take a bias of their own type or of i32.
  // CHECK: %conv_i8 = cnn.conv2d %{{.*}}, %{{.*}}, %{{.*}} {activation = #cnn.activation<relu>, name = "conv_i8"} : (tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>, tensor<4xi32>) -> tensor<1x4x6x6xi8>
  // CHECK: %conv_i8_own_bias = cnn.conv2d %{{.*}}, %{{.*}}, %{{.*}} {name = "conv_i8_own_bias"} : (tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>, tensor<4xi8>) -> tensor<1x4x6x6xi8>
  // CHECK: %conv_i16 = cnn.conv2d %{{.*}}, %{{.*}}, %{{.*}} {name = "conv_i16"} : (tensor<1x3x8x8xi16>, tensor<4x3x3x3xi16>, tensor<4xi32>) -> tensor<1x4x6x6xi16>
  %w8 = cnn.weight : tensor<4x3x3x3xi8>
  %b32 = cnn.weight {value = dense<7> : tensor<4xi32>} : tensor<4xi32>
  %b8 = cnn.weight : tensor<4xi8>
  %w16 = cnn.weight : tensor<4x3x3x3xi16>
  %0 = cnn.conv2d %x8, %w8, %b32 {activation = #cnn.activation<relu>, name = "conv_i8"} : (tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>, tensor<4xi32>) -> tensor<1x4x6x6xi8>
  %1 = cnn.conv2d %x8, %w8, %b8 {name = "conv_i8_own_bias"} : (tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>, tensor<4xi8>) -> tensor<1x4x6x6xi8>
  %2 = cnn.conv2d %x16, %w16, %b32 {name = "conv_i16"} : (tensor<1x3x8x8xi16>, tensor<4x3x3x3xi16>, tensor<4xi32>) -> tensor<1x4x6x6xi16>
  return
}

// CHECK-LABEL: func.func @fully_connected
func.func @fully_connected(%x: tensor<1x3x8x8xf32>, %w: tensor<10x192xf32>,
                           %b: tensor<10xf32>) {
  // K = 3 * 8 * 8 = 192.
  // CHECK-NEXT: %fc = cnn.fully_connected %{{.*}}, %{{.*}} {name = "fc"} : (tensor<1x3x8x8xf32>, tensor<10x192xf32>) -> tensor<1x10x1x1xf32>
  // CHECK-NEXT: %fc_bias = cnn.fully_connected %{{.*}}, %{{.*}}, %{{.*}} {activation = #cnn.activation<relu6>, name = "fc_bias"} : (tensor<1x3x8x8xf32>, tensor<10x192xf32>, tensor<10xf32>) -> tensor<1x10x1x1xf32>
  // CHECK:      %fc_i8 = cnn.fully_connected %{{.*}}, %{{.*}}, %{{.*}} {name = "fc_i8"} : (tensor<1x16x1x1xi8>, tensor<4x16xi8>, tensor<4xi32>) -> tensor<1x4x1x1xi8>
  %0 = cnn.fully_connected %x, %w {activation = #cnn.activation<none>, name = "fc"} : (tensor<1x3x8x8xf32>, tensor<10x192xf32>) -> tensor<1x10x1x1xf32>
  %1 = cnn.fully_connected %x, %w, %b {activation = #cnn.activation<relu6>, name = "fc_bias"} : (tensor<1x3x8x8xf32>, tensor<10x192xf32>, tensor<10xf32>) -> tensor<1x10x1x1xf32>
  %x8 = cnn.weight : tensor<1x16x1x1xi8>
  %w8 = cnn.weight : tensor<4x16xi8>
  %b32 = cnn.weight : tensor<4xi32>
  %2 = cnn.fully_connected %x8, %w8, %b32 {name = "fc_i8"} : (tensor<1x16x1x1xi8>, tensor<4x16xi8>, tensor<4xi32>) -> tensor<1x4x1x1xi8>
  return
}

// CHECK-LABEL: func.func @pooling
func.func @pooling(%x: tensor<1x64x112x112xi8>, %y: tensor<1x256x56x56xf16>) {
  // E = (112 + 1 + 1 - 3) / 2 + 1 = 56.
  // CHECK-NEXT: %pool1 = cnn.max_pool %{{.*}} {kernel = array<i64: 3, 3>, name = "pool1", padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<1x64x112x112xi8> -> tensor<1x64x56x56xi8>
  %0 = cnn.max_pool %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, name = "pool1"} : tensor<1x64x112x112xi8> -> tensor<1x64x56x56xi8>
  // Default strides and padding are elided: E = 112 - 2 + 1 = 111.
  // CHECK-NEXT: %pool_defaults = cnn.max_pool %{{.*}} {kernel = array<i64: 2, 2>, name = "pool_defaults"} : tensor<1x64x112x112xi8> -> tensor<1x64x111x111xi8>
  %1 = cnn.max_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, name = "pool_defaults"} : tensor<1x64x112x112xi8> -> tensor<1x64x111x111xi8>
  // "Ceil mode": one more row and column of bottom/right padding,
  // E = (56 + 0 + 1 - 2) / 2 + 1 = 28 for 56 rows.
  // CHECK-NEXT: %avg = cnn.avg_pool %{{.*}} {kernel = array<i64: 2, 2>, name = "avg", strides = array<i64: 2, 2>} : tensor<1x256x56x56xf16> -> tensor<1x256x28x28xf16>
  // CHECK-NEXT: %avg_ceil = cnn.avg_pool %{{.*}} {kernel = array<i64: 3, 3>, name = "avg_ceil", padding = array<i64: 0, 1, 0, 1>, strides = array<i64: 2, 2>} : tensor<1x256x56x56xf16> -> tensor<1x256x28x28xf16>
  %2 = cnn.avg_pool %y {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, name = "avg"} : tensor<1x256x56x56xf16> -> tensor<1x256x28x28xf16>
  %3 = cnn.avg_pool %y {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 0, 1, 0, 1>, name = "avg_ceil"} : tensor<1x256x56x56xf16> -> tensor<1x256x28x28xf16>
  // CHECK-NEXT: %gap = cnn.global_avg_pool %{{.*}} {name = "gap"} : tensor<1x256x56x56xf16> -> tensor<1x256x1x1xf16>
  // CHECK-NEXT: %{{[0-9]+}} = cnn.global_avg_pool %{{.*}} : tensor<1x64x112x112xi8> -> tensor<1x64x1x1xi8>
  %4 = cnn.global_avg_pool %y {name = "gap"} : tensor<1x256x56x56xf16> -> tensor<1x256x1x1xf16>
  %5 = cnn.global_avg_pool %x : tensor<1x64x112x112xi8> -> tensor<1x64x1x1xi8>
  return
}

// CHECK-LABEL: func.func @elementwise
func.func @elementwise(%a: tensor<1x16x8x8xi16>, %b: tensor<1x16x8x8xi16>,
                       %l: tensor<1x10x1x1xf32>) {
  // CHECK-NEXT: %res = cnn.add %{{.*}}, %{{.*}} {name = "res"} : tensor<1x16x8x8xi16>
  // CHECK-NEXT: %res_relu = cnn.add %{{.*}}, %{{.*}} {activation = #cnn.activation<relu>, name = "res_relu"} : tensor<1x16x8x8xi16>
  // CHECK-NEXT: %relu = cnn.activation %{{.*}} {kind = #cnn.activation<relu>, name = "relu"} : tensor<1x16x8x8xi16>
  // CHECK-NEXT: %relu6 = cnn.activation %{{.*}} {kind = #cnn.activation<relu6>, name = "relu6"} : tensor<1x16x8x8xi16>
  // CHECK-NEXT: %prob = cnn.softmax %{{.*}} {name = "prob"} : tensor<1x10x1x1xf32>
  %0 = cnn.add %a, %b {activation = #cnn.activation<none>, name = "res"} : tensor<1x16x8x8xi16>
  %1 = cnn.add %a, %0 {activation = #cnn.activation<relu>, name = "res_relu"} : tensor<1x16x8x8xi16>
  %2 = cnn.activation %1 {kind = #cnn.activation<relu>, name = "relu"} : tensor<1x16x8x8xi16>
  %3 = cnn.activation %2 {kind = #cnn.activation<relu6>, name = "relu6"} : tensor<1x16x8x8xi16>
  %4 = cnn.softmax %l {name = "prob"} : tensor<1x10x1x1xf32>
  return
}

// CHECK-LABEL: func.func @mul
func.func @mul(%x: tensor<1x16x8x8xi8>, %s: tensor<1x16x1x1xi8>,
               %f: tensor<1x4x2x2xf32>) {
  // A per-channel factor, and two maps of one shape.
  // CHECK-NEXT: %scaled = cnn.mul %{{.*}}, %{{.*}} {name = "scaled"} : (tensor<1x16x8x8xi8>, tensor<1x16x1x1xi8>) -> tensor<1x16x8x8xi8>
  // CHECK-NEXT: %square = cnn.mul %{{.*}}, %{{.*}} {activation = #cnn.activation<relu>, name = "square"} : (tensor<1x4x2x2xf32>, tensor<1x4x2x2xf32>) -> tensor<1x4x2x2xf32>
  %0 = cnn.mul %x, %s {name = "scaled"} : (tensor<1x16x8x8xi8>, tensor<1x16x1x1xi8>) -> tensor<1x16x8x8xi8>
  %1 = cnn.mul %f, %f {activation = #cnn.activation<relu>, name = "square"} : (tensor<1x4x2x2xf32>, tensor<1x4x2x2xf32>) -> tensor<1x4x2x2xf32>
  return
}

// CHECK-LABEL: func.func @concat
func.func @concat(%a: tensor<1x64x28x28xi8>, %b: tensor<1x32x28x28xi8>,
                  %c: tensor<1x1x28x28xi8>) {
  // 64 + 32 + 1 = 97 channels.
  // CHECK-NEXT: %one = cnn.concat %{{.*}} {name = "one"} : (tensor<1x64x28x28xi8>) -> tensor<1x64x28x28xi8>
  // CHECK-NEXT: %three = cnn.concat %{{.*}}, %{{.*}}, %{{.*}} {name = "three"} : (tensor<1x64x28x28xi8>, tensor<1x32x28x28xi8>, tensor<1x1x28x28xi8>) -> tensor<1x97x28x28xi8>
  %0 = cnn.concat %a {name = "one"} : (tensor<1x64x28x28xi8>) -> tensor<1x64x28x28xi8>
  %1 = cnn.concat %a, %b, %c {name = "three"} : (tensor<1x64x28x28xi8>, tensor<1x32x28x28xi8>, tensor<1x1x28x28xi8>) -> tensor<1x97x28x28xi8>
  return
}

// CHECK-LABEL: func.func @depth_to_space
func.func @depth_to_space(%x: tensor<1x8x4x4xi8>) {
  // The default mode dcr is elided.
  // CHECK-NEXT: %dcr = cnn.depth_to_space %{{.*}} {block = 2 : i64, name = "dcr"} : tensor<1x8x4x4xi8> -> tensor<1x2x8x8xi8>
  // CHECK-NEXT: %crd = cnn.depth_to_space %{{.*}} {block = 2 : i64, mode = #cnn.depth_to_space_mode<crd>, name = "crd"} : tensor<1x8x4x4xi8> -> tensor<1x2x8x8xi8>
  %0 = cnn.depth_to_space %x {block = 2, mode = #cnn.depth_to_space_mode<dcr>, name = "dcr"} : tensor<1x8x4x4xi8> -> tensor<1x2x8x8xi8>
  %1 = cnn.depth_to_space %x {block = 2, mode = #cnn.depth_to_space_mode<crd>, name = "crd"} : tensor<1x8x4x4xi8> -> tensor<1x2x8x8xi8>
  return
}

// CHECK-LABEL: func.func @sub
func.func @sub(%x: tensor<1x4x8x8xi8>, %m: tensor<1x4x1x1xi8>) {
  // CHECK-NEXT: %centre = cnn.sub %{{.*}}, %{{.*}} {activation = #cnn.activation<relu>, name = "centre"} : (tensor<1x4x8x8xi8>, tensor<1x4x1x1xi8>) -> tensor<1x4x8x8xi8>
  // CHECK-NEXT: %same = cnn.sub %{{.*}}, %{{.*}} {name = "same"} : (tensor<1x4x8x8xi8>, tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8>
  %0 = cnn.sub %x, %m {name = "centre", activation = #cnn.activation<relu>} : (tensor<1x4x8x8xi8>, tensor<1x4x1x1xi8>) -> tensor<1x4x8x8xi8>
  %1 = cnn.sub %x, %x {name = "same"} : (tensor<1x4x8x8xi8>, tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8>
  return
}

// CHECK-LABEL: func.func @prelu
func.func @prelu(%x: tensor<1x4x8x8xi8>, %s: tensor<1x4x1x1xi8>) {
  // CHECK-NEXT: %leaky = cnn.prelu %{{.*}}, %{{.*}} {name = "leaky"} : (tensor<1x4x8x8xi8>, tensor<1x4x1x1xi8>) -> tensor<1x4x8x8xi8>
  %0 = cnn.prelu %x, %s {name = "leaky"} : (tensor<1x4x8x8xi8>, tensor<1x4x1x1xi8>) -> tensor<1x4x8x8xi8>
  return
}

// CHECK-LABEL: func.func @select_channels
func.func @select_channels(%x: tensor<1x4x8x8xi8>) {
  // CHECK-NEXT: %shuffle = cnn.select_channels %{{.*}} {channels = array<i64: 0, 2, 1, 3>, name = "shuffle"} : tensor<1x4x8x8xi8> -> tensor<1x4x8x8xi8>
  // CHECK-NEXT: %again = cnn.select_channels %{{.*}} {channels = array<i64: 3, 3, 3>, name = "again"} : tensor<1x4x8x8xi8> -> tensor<1x3x8x8xi8>
  %0 = cnn.select_channels %x {channels = array<i64: 0, 2, 1, 3>, name = "shuffle"} : tensor<1x4x8x8xi8> -> tensor<1x4x8x8xi8>
  %1 = cnn.select_channels %x {name = "again", channels = array<i64: 3, 3, 3>} : tensor<1x4x8x8xi8> -> tensor<1x3x8x8xi8>
  return
}

// CHECK-LABEL: func.func @pad
func.func @pad(%x: tensor<1x32x112x112xi8>, %y: tensor<1x8x4x4xf32>) {
  // A zero value is the default and elided.
  // CHECK-NEXT: %pad0 = cnn.pad %{{.*}} {name = "pad0", padding = array<i64: 0, 1, 0, 1>} : tensor<1x32x112x112xi8> -> tensor<1x32x113x113xi8>
  // CHECK-NEXT: %pad_min = cnn.pad %{{.*}} {name = "pad_min", padding = array<i64: 1, 1, 1, 1>, value = -1.280000e+02 : f64} : tensor<1x32x112x112xi8> -> tensor<1x32x114x114xi8>
  // CHECK-NEXT: %pad_u8 = cnn.pad %{{.*}} {name = "pad_u8", padding = array<i64: 2, 0, 0, 0>, value = 2.550000e+02 : f64} : tensor<1x32x112x112xi8> -> tensor<1x32x114x112xi8>
  // CHECK-NEXT: %pad_ninf = cnn.pad %{{.*}} {name = "pad_ninf", padding = array<i64: 1, 1, 1, 1>, value = 0xFFF0000000000000 : f64} : tensor<1x8x4x4xf32> -> tensor<1x8x6x6xf32>
  // CHECK-NEXT: %pad_half = cnn.pad %{{.*}} {name = "pad_half", padding = array<i64: 0, 0, 3, 3>, value = 5.000000e-01 : f64} : tensor<1x8x4x4xf32> -> tensor<1x8x4x10xf32>
  %0 = cnn.pad %x {padding = array<i64: 0, 1, 0, 1>, value = 0.0, name = "pad0"} : tensor<1x32x112x112xi8> -> tensor<1x32x113x113xi8>
  %1 = cnn.pad %x {padding = array<i64: 1, 1, 1, 1>, value = -128.0, name = "pad_min"} : tensor<1x32x112x112xi8> -> tensor<1x32x114x114xi8>
  %2 = cnn.pad %x {padding = array<i64: 2, 0, 0, 0>, value = 255.0, name = "pad_u8"} : tensor<1x32x112x112xi8> -> tensor<1x32x114x112xi8>
  %3 = cnn.pad %y {padding = array<i64: 1, 1, 1, 1>, value = 0xFFF0000000000000 : f64, name = "pad_ninf"} : tensor<1x8x4x4xf32> -> tensor<1x8x6x6xf32>
  %4 = cnn.pad %y {padding = array<i64: 0, 0, 3, 3>, value = 0.5, name = "pad_half"} : tensor<1x8x4x4xf32> -> tensor<1x8x4x10xf32>
  return
}

// CHECK-LABEL: func.func @resize
func.func @resize(%x: tensor<1x256x13x13xf16>) {
  // Nearest is the default mode and elided.
  // CHECK-NEXT: %up = cnn.resize %{{.*}} {name = "up", scale = array<i64: 2, 2>} : tensor<1x256x13x13xf16> -> tensor<1x256x26x26xf16>
  // CHECK-NEXT: %up_bilinear = cnn.resize %{{.*}} {mode = #cnn.resize_mode<bilinear>, name = "up_bilinear", scale = array<i64: 4, 1>} : tensor<1x256x13x13xf16> -> tensor<1x256x52x13xf16>
  %0 = cnn.resize %x {scale = array<i64: 2, 2>, mode = #cnn.resize_mode<nearest>, name = "up"} : tensor<1x256x13x13xf16> -> tensor<1x256x26x26xf16>
  %1 = cnn.resize %x {scale = array<i64: 4, 1>, mode = #cnn.resize_mode<bilinear>, name = "up_bilinear"} : tensor<1x256x13x13xf16> -> tensor<1x256x52x13xf16>
  return
}

// Names are sanitised into valid, unique SSA names ("/" becomes "_"); the
// attribute keeps the original spelling for reports.
// CHECK-LABEL: func.func @names
func.func @names(%x: tensor<1x4x4x4xf32>) {
  // CHECK-NEXT: %block1_conv.2 = cnn.softmax %{{.*}} {name = "block1/conv.2"} : tensor<1x4x4x4xf32>
  // CHECK-NEXT: %block1_conv.2_0 = cnn.softmax %block1_conv.2 {name = "block1/conv.2"} : tensor<1x4x4x4xf32>
  // CHECK-NEXT: %_7 = cnn.softmax %block1_conv.2_0 {name = "7"} : tensor<1x4x4x4xf32>
  // CHECK-NEXT: %{{[0-9]+}} = cnn.softmax %_7 {name = ""} : tensor<1x4x4x4xf32>
  %0 = cnn.softmax %x {name = "block1/conv.2"} : tensor<1x4x4x4xf32>
  %1 = cnn.softmax %0 {name = "block1/conv.2"} : tensor<1x4x4x4xf32>
  %2 = cnn.softmax %1 {name = "7"} : tensor<1x4x4x4xf32>
  %3 = cnn.softmax %2 {name = ""} : tensor<1x4x4x4xf32>
  return
}

{-#
  dialect_resources: {
    builtin: {
      fc_bias: "0x0200000000380040"
    }
  }
#-}
