// RUN: cnn-opt --cnn-to-linalg -split-input-file %s | FileCheck %s
// RUN: cnn-opt --cnn-to-linalg -split-input-file %s | FileCheck %s --check-prefix=NOCNN

// Nothing of the cnn dialect is left: no op, no attribute.
// NOCNN-NOT: cnn.

// An i8 convolution: zero padding, i32 accumulation in the named op, and
// one generic that adds the bias, shifts by ceil(log2(3 * 3 * 3)) + 4 = 9,
// saturates, applies relu6 and truncates.
// CHECK-LABEL: func.func @conv_i8
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xi8>)
// CHECK-DAG: %[[W:.*]] = arith.constant dense<1> : tensor<4x3x3x3xi8>
// CHECK-DAG: %[[B:.*]] = arith.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 2] high[0, 0, 1, 2]
// CHECK:   tensor.yield %{{.*}} : i8
// CHECK: } : tensor<1x3x8x8xi8> to tensor<1x3x10x12xi8>
// CHECK: %[[FILL:.*]] = linalg.fill ins(%{{.*}} : i32) outs(%{{.*}} : tensor<1x4x4x4xi32>)
// CHECK: %[[ACC:.*]] = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME: ins(%[[PAD]], %[[W]] : tensor<1x3x10x12xi8>, tensor<4x3x3x3xi8>) outs(%[[FILL]] : tensor<1x4x4x4xi32>)
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[ACC]], %[[B]] : tensor<1x4x4x4xi32>, tensor<4xi32>) outs(%{{.*}} : tensor<1x4x4x4xi8>)
// CHECK: ^bb0(%[[A:.*]]: i32, %[[BV:.*]]: i32, %{{.*}}: i8):
// CHECK:   %[[SUM:.*]] = arith.addi %[[A]], %[[BV]] : i32
// CHECK:   %[[C9:.*]] = arith.constant 9 : i32
// CHECK:   %[[SHR:.*]] = arith.shrsi %[[SUM]], %[[C9]] : i32
// CHECK:   %[[LO:.*]] = arith.constant -128 : i32
// CHECK:   %[[HI:.*]] = arith.constant 127 : i32
// CHECK:   %[[S1:.*]] = arith.maxsi %[[SHR]], %[[LO]] : i32
// CHECK:   %[[S2:.*]] = arith.minsi %[[S1]], %[[HI]] : i32
// CHECK:   %[[R1:.*]] = arith.maxsi %[[S2]], %{{.*}} : i32
// CHECK:   %[[R2:.*]] = arith.minsi %[[R1]], %{{.*}} : i32
// CHECK:   %[[T:.*]] = arith.trunci %[[R2]] : i32 to i8
// CHECK:   linalg.yield %[[T]] : i8
func.func @conv_i8(%x: tensor<1x3x8x8xi8>) -> tensor<1x4x4x4xi8> {
  %w = cnn.weight {value = dense<1> : tensor<4x3x3x3xi8>} : tensor<4x3x3x3xi8>
  %b = cnn.weight {value = dense<[1, 2, 3, 4]> : tensor<4xi32>} : tensor<4xi32>
  %y = cnn.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 2, 2>,
                              dilation = array<i64: 1, 2>, activation = #cnn.activation<relu6>}
      : (tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>, tensor<4xi32>) -> tensor<1x4x4x4xi8>
  return %y : tensor<1x4x4x4xi8>
}

// -----

// i16: the i8 bias is sign-extended, saturation is to the i16 range, and a
// 1x1 kernel over one channel (K = 1) shifts by 4.
// CHECK-LABEL: func.func @conv_i16
// CHECK-NOT: tensor.pad
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-SAME: outs(%{{.*}} : tensor<1x2x4x4xi32>)
// CHECK: ^bb0(%{{.*}}: i32, %[[BV:.*]]: i16, %{{.*}}: i16):
// CHECK:   arith.extsi %[[BV]] : i16 to i32
// CHECK:   arith.constant 4 : i32
// CHECK:   arith.shrsi
// CHECK:   arith.constant -32768 : i32
// CHECK:   arith.constant 32767 : i32
// CHECK:   arith.trunci %{{.*}} : i32 to i16
func.func @conv_i16(%x: tensor<1x1x4x4xi16>) -> tensor<1x2x4x4xi16> {
  %w = cnn.weight {value = dense<3> : tensor<2x1x1x1xi16>} : tensor<2x1x1x1xi16>
  %b = cnn.weight {value = dense<-1> : tensor<2xi16>} : tensor<2xi16>
  %y = cnn.conv2d %x, %w, %b : (tensor<1x1x4x4xi16>, tensor<2x1x1x1xi16>, tensor<2xi16>) -> tensor<1x2x4x4xi16>
  return %y : tensor<1x2x4x4xi16>
}

// -----

// Depthwise: the Cx1xRxS weight is collapsed to CxRxS; K = 1 * 3 * 3 = 9,
// shift 8.
// CHECK-LABEL: func.func @depthwise
// CHECK: %[[W:.*]] = arith.constant dense<2> : tensor<8x1x3x3xi8>
// CHECK: %[[PAD:.*]] = tensor.pad
// CHECK: %[[F:.*]] = tensor.collapse_shape %[[W]] {{\[\[}}0, 1], [2], [3]] : tensor<8x1x3x3xi8> into tensor<8x3x3xi8>
// CHECK: linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
// CHECK-SAME: ins(%[[PAD]], %[[F]] : tensor<1x8x6x6xi8>, tensor<8x3x3xi8>) outs(%{{.*}} : tensor<1x8x4x4xi32>)
// CHECK: arith.constant 8 : i32
func.func @depthwise(%x: tensor<1x8x4x4xi8>) -> tensor<1x8x4x4xi8> {
  %w = cnn.weight {value = dense<2> : tensor<8x1x3x3xi8>} : tensor<8x1x3x3xi8>
  %y = cnn.conv2d %x, %w {groups = 8, padding = array<i64: 1, 1, 1, 1>}
      : (tensor<1x8x4x4xi8>, tensor<8x1x3x3xi8>) -> tensor<1x8x4x4xi8>
  return %y : tensor<1x8x4x4xi8>
}

// -----

// Grouped (groups = 2): input, weight and accumulator are reshaped to expose
// the group; K = (4 / 2) * 3 * 3 = 18, shift ceil(log2(18)) + 4 = 9.
// CHECK-LABEL: func.func @grouped
// CHECK: %[[W:.*]] = arith.constant dense<1> : tensor<6x2x3x3xi8>
// CHECK: %[[IN:.*]] = tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2], [3], [4]] output_shape [1, 2, 2, 5, 5] : tensor<1x4x5x5xi8> into tensor<1x2x2x5x5xi8>
// CHECK: %[[GW:.*]] = tensor.expand_shape %[[W]] {{\[\[}}0, 1], [2], [3], [4]] output_shape [2, 3, 2, 3, 3] : tensor<6x2x3x3xi8> into tensor<2x3x2x3x3xi8>
// CHECK: %[[ACC:.*]] = linalg.conv_2d_ngchw_gfchw
// CHECK-SAME: ins(%[[IN]], %[[GW]] : tensor<1x2x2x5x5xi8>, tensor<2x3x2x3x3xi8>) outs(%{{.*}} : tensor<1x2x3x3x3xi32>)
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[ACC]] {{\[\[}}0], [1, 2], [3], [4]] : tensor<1x2x3x3x3xi32> into tensor<1x6x3x3xi32>
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[FLAT]] : tensor<1x6x3x3xi32>)
// CHECK: arith.constant 9 : i32
func.func @grouped(%x: tensor<1x4x5x5xi8>) -> tensor<1x6x3x3xi8> {
  %w = cnn.weight {value = dense<1> : tensor<6x2x3x3xi8>} : tensor<6x2x3x3xi8>
  %y = cnn.conv2d %x, %w {groups = 2} : (tensor<1x4x5x5xi8>, tensor<6x2x3x3xi8>) -> tensor<1x6x3x3xi8>
  return %y : tensor<1x6x3x3xi8>
}

// -----

// Depthwise with a channel multiplier (groups = C, M = 2C) is a grouped
// convolution with one input channel per group.
// CHECK-LABEL: func.func @depthwise_multiplier
// CHECK: linalg.conv_2d_ngchw_gfchw
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<1x2x1x4x4xi8>, tensor<2x2x1x1x1xi8>)
func.func @depthwise_multiplier(%x: tensor<1x2x4x4xi8>) -> tensor<1x4x4x4xi8> {
  %w = cnn.weight {value = dense<1> : tensor<4x1x1x1xi8>} : tensor<4x1x1x1xi8>
  %y = cnn.conv2d %x, %w {groups = 2} : (tensor<1x2x4x4xi8>, tensor<4x1x1x1xi8>) -> tensor<1x4x4x4xi8>
  return %y : tensor<1x4x4x4xi8>
}

// -----

// f32: accumulation in f32 from zero, then bias and relu; no shift.
// CHECK-LABEL: func.func @conv_f32
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[FILL:.*]] = linalg.fill ins(%[[ZERO]] : f32)
// CHECK: %[[ACC:.*]] = linalg.conv_2d_nchw_fchw
// CHECK-SAME: outs(%[[FILL]] : tensor<1x2x4x4xf32>)
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:.*]]: f32, %[[BV:.*]]: f32, %{{.*}}: f32):
// CHECK:   %[[S:.*]] = arith.addf %[[A]], %[[BV]] : f32
// CHECK:   %[[R:.*]] = arith.maximumf %[[S]], %{{.*}} : f32
// CHECK:   linalg.yield %[[R]] : f32
// CHECK-NOT: arith.shrsi
func.func @conv_f32(%x: tensor<1x1x4x4xf32>) -> tensor<1x2x4x4xf32> {
  %w = cnn.weight {value = dense<0.5> : tensor<2x1x1x1xf32>} : tensor<2x1x1x1xf32>
  %b = cnn.weight {value = dense<0.25> : tensor<2xf32>} : tensor<2xf32>
  %y = cnn.conv2d %x, %w, %b {activation = #cnn.activation<relu>}
      : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}

// -----

// Fully connected: the input flattened in C, H, W order, times the MxK
// weight; K = 2 * 2 * 2 = 8, shift ceil(log2(8)) + 4 = 7.
// CHECK-DAG: #[[CHAN:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @fully_connected
// CHECK: %[[W:.*]] = arith.constant dense<1> : tensor<3x8xi8>
// CHECK: %[[V:.*]] = tensor.collapse_shape %{{.*}} {{\[\[}}0, 1, 2, 3]] : tensor<1x2x2x2xi8> into tensor<8xi8>
// CHECK: %[[ACC:.*]] = linalg.matvec ins(%[[W]], %[[V]] : tensor<3x8xi8>, tensor<8xi8>) outs(%{{.*}} : tensor<3xi32>)
// CHECK: linalg.generic {indexing_maps = [#[[CHAN]], #[[CHAN]], #[[ID]]]
// CHECK-SAME: ins(%[[ACC]], %{{.*}} : tensor<3xi32>, tensor<3xi32>) outs(%{{.*}} : tensor<1x3x1x1xi8>)
// CHECK: arith.constant 7 : i32
func.func @fully_connected(%x: tensor<1x2x2x2xi8>) -> tensor<1x3x1x1xi8> {
  %w = cnn.weight {value = dense<1> : tensor<3x8xi8>} : tensor<3x8xi8>
  %b = cnn.weight {value = dense<0> : tensor<3xi32>} : tensor<3xi32>
  %y = cnn.fully_connected %x, %w, %b : (tensor<1x2x2x2xi8>, tensor<3x8xi8>, tensor<3xi32>) -> tensor<1x3x1x1xi8>
  return %y : tensor<1x3x1x1xi8>
}

// -----

// Max pool: padding and the initial value are the type's minimum.
// CHECK-LABEL: func.func @max_pool
// CHECK: %[[MIN:.*]] = arith.constant -128 : i8
// CHECK: %[[PAD:.*]] = tensor.pad %{{.*}} low[0, 0, 1, 1] high[0, 0, 0, 0]
// CHECK:   tensor.yield %[[MIN]] : i8
// CHECK: %[[WIN:.*]] = tensor.empty() : tensor<3x3xi8>
// CHECK: %[[FILL:.*]] = linalg.fill ins(%{{.*}} : i8) outs(%{{.*}} : tensor<1x2x4x4xi8>)
// CHECK: linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME: ins(%[[PAD]], %[[WIN]] : tensor<1x2x9x9xi8>, tensor<3x3xi8>) outs(%[[FILL]] : tensor<1x2x4x4xi8>)
func.func @max_pool(%x: tensor<1x2x8x8xi8>) -> tensor<1x2x4x4xi8> {
  %y = cnn.max_pool %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 0, 1, 0>}
      : tensor<1x2x8x8xi8> -> tensor<1x2x4x4xi8>
  return %y : tensor<1x2x4x4xi8>
}

// -----

// CHECK-LABEL: func.func @max_pool_f32
// CHECK: arith.constant 0xFF800000 : f32
// CHECK: linalg.pooling_nchw_max
func.func @max_pool_f32(%x: tensor<1x2x8x8xf32>) -> tensor<1x2x4x4xf32> {
  %y = cnn.max_pool %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 0, 1, 0>}
      : tensor<1x2x8x8xf32> -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}

// -----

// Avg pool with padding: the i32 window sum over the zero-padded input is
// divided by the number of valid elements, computed from the window's
// position: rows [e - 1, e - 1 + 3) clipped to [0, 4), likewise columns.
// CHECK-LABEL: func.func @avg_pool
// CHECK: %[[SUM:.*]] = linalg.pooling_nchw_sum
// CHECK-SAME: outs(%{{.*}} : tensor<1x2x4x4xi32>)
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[SUM]] : tensor<1x2x4x4xi32>)
// CHECK: ^bb0(%[[S:.*]]: i32, %{{.*}}: i8):
// CHECK:   %[[E:.*]] = linalg.index 2 : index
// CHECK:   %[[C1:.*]] = arith.constant 1 : index
// CHECK:   %[[START:.*]] = arith.subi %[[E]], %[[C1]] : index
// CHECK:   %[[C3:.*]] = arith.constant 3 : index
// CHECK:   %[[END:.*]] = arith.addi %[[START]], %[[C3]] : index
// CHECK:   %[[C0:.*]] = arith.constant 0 : index
// CHECK:   %[[FIRST:.*]] = arith.maxsi %[[START]], %[[C0]] : index
// CHECK:   %[[C4:.*]] = arith.constant 4 : index
// CHECK:   %[[LAST:.*]] = arith.minsi %[[END]], %[[C4]] : index
// CHECK:   %[[ROWS:.*]] = arith.subi %[[LAST]], %[[FIRST]] : index
// CHECK:   %[[F:.*]] = linalg.index 3 : index
// CHECK:   %[[CSTART:.*]] = arith.subi %[[F]], %[[C1]] : index
// CHECK:   %[[CEND:.*]] = arith.addi %[[CSTART]], %[[C3]] : index
// CHECK:   %[[CFIRST:.*]] = arith.maxsi %[[CSTART]], %[[C0]] : index
// CHECK:   %[[CLAST:.*]] = arith.minsi %[[CEND]], %[[C4]] : index
// CHECK:   %[[COLS:.*]] = arith.subi %[[CLAST]], %[[CFIRST]] : index
// CHECK:   %[[N:.*]] = arith.muli %[[ROWS]], %[[COLS]] : index
// CHECK:   %[[N32:.*]] = arith.index_cast %[[N]] : index to i32
// CHECK:   %[[Q:.*]] = arith.divsi %[[S]], %[[N32]] : i32
// CHECK:   arith.trunci %[[Q]] : i32 to i8
func.func @avg_pool(%x: tensor<1x2x4x4xi8>) -> tensor<1x2x4x4xi8> {
  %y = cnn.avg_pool %x {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>}
      : tensor<1x2x4x4xi8> -> tensor<1x2x4x4xi8>
  return %y : tensor<1x2x4x4xi8>
}

// -----

// Without padding every window holds kh * kw = 4 elements.
// CHECK-LABEL: func.func @avg_pool_unpadded
// CHECK-NOT: tensor.pad
// CHECK: linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK: %[[C4:.*]] = arith.constant 4 : i32
// CHECK: arith.divsi %{{.*}}, %[[C4]] : i32
// CHECK-NOT: linalg.index
func.func @avg_pool_unpadded(%x: tensor<1x2x4x4xi8>) -> tensor<1x2x2x2xi8> {
  %y = cnn.avg_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}
      : tensor<1x2x4x4xi8> -> tensor<1x2x2x2xi8>
  return %y : tensor<1x2x2x2xi8>
}

// -----

// Global average: one window over H x W = 2 x 3, divided by 6.
// CHECK-LABEL: func.func @global_avg_pool
// CHECK: %[[WIN:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK: %[[SUM:.*]] = linalg.pooling_nchw_sum {{.*}} ins(%{{.*}}, %[[WIN]] : tensor<1x4x2x3xf32>, tensor<2x3xf32>) outs(%{{.*}} : tensor<1x4x1x1xf32>)
// CHECK: %[[C6:.*]] = arith.constant 6.000000e+00 : f32
// CHECK: arith.divf %{{.*}}, %[[C6]] : f32
func.func @global_avg_pool(%x: tensor<1x4x2x3xf32>) -> tensor<1x4x1x1xf32> {
  %y = cnn.global_avg_pool %x : tensor<1x4x2x3xf32> -> tensor<1x4x1x1xf32>
  return %y : tensor<1x4x1x1xf32>
}

// -----

// CHECK-LABEL: func.func @add_i8
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:.*]]: i8, %[[B:.*]]: i8, %{{.*}}: i8):
// CHECK:   %[[A32:.*]] = arith.extsi %[[A]] : i8 to i32
// CHECK:   %[[B32:.*]] = arith.extsi %[[B]] : i8 to i32
// CHECK:   %[[S:.*]] = arith.addi %[[A32]], %[[B32]] : i32
// CHECK:   arith.maxsi %[[S]]
// CHECK:   arith.minsi
// CHECK:   arith.maxsi
// CHECK:   arith.trunci %{{.*}} : i32 to i8
// CHECK-NOT: arith.shrsi
func.func @add_i8(%a: tensor<1x2x3x3xi8>, %b: tensor<1x2x3x3xi8>) -> tensor<1x2x3x3xi8> {
  %y = cnn.add %a, %b {activation = #cnn.activation<relu>} : tensor<1x2x3x3xi8>
  return %y : tensor<1x2x3x3xi8>
}

// -----

// CHECK-LABEL: func.func @activation_f32
// CHECK: linalg.generic
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK:   %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:   %[[R:.*]] = arith.maximumf %[[X]], %[[ZERO]] : f32
// CHECK:   %[[SIX:.*]] = arith.constant 6.000000e+00 : f32
// CHECK:   %[[R6:.*]] = arith.minimumf %[[R]], %[[SIX]] : f32
// CHECK:   linalg.yield %[[R6]] : f32
func.func @activation_f32(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32> {
  %y = cnn.activation %x {kind = #cnn.activation<relu6>} : tensor<1x2x3x3xf32>
  return %y : tensor<1x2x3x3xf32>
}

// -----

// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[A:.*]]: tensor<1x2x4x4xi8>, %[[B:.*]]: tensor<1x3x4x4xi8>, %[[C:.*]]: tensor<1x1x4x4xi8>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<1x6x4x4xi8>
// CHECK: %[[I0:.*]] = tensor.insert_slice %[[A]] into %[[E]][0, 0, 0, 0] [1, 2, 4, 4] [1, 1, 1, 1]
// CHECK: %[[I1:.*]] = tensor.insert_slice %[[B]] into %[[I0]][0, 2, 0, 0] [1, 3, 4, 4] [1, 1, 1, 1]
// CHECK: %[[I2:.*]] = tensor.insert_slice %[[C]] into %[[I1]][0, 5, 0, 0] [1, 1, 4, 4] [1, 1, 1, 1]
// CHECK: return %[[I2]]
func.func @concat(%a: tensor<1x2x4x4xi8>, %b: tensor<1x3x4x4xi8>, %c: tensor<1x1x4x4xi8>) -> tensor<1x6x4x4xi8> {
  %y = cnn.concat %a, %b, %c : (tensor<1x2x4x4xi8>, tensor<1x3x4x4xi8>, tensor<1x1x4x4xi8>) -> tensor<1x6x4x4xi8>
  return %y : tensor<1x6x4x4xi8>
}

// -----

// CHECK-LABEL: func.func @pad_f32
// CHECK: %[[V:.*]] = arith.constant -2.500000e+00 : f32
// CHECK: tensor.pad %{{.*}} low[0, 0, 0, 1] high[0, 0, 2, 0]
// CHECK:   tensor.yield %[[V]] : f32
// CHECK: } : tensor<1x1x2x2xf32> to tensor<1x1x4x3xf32>
func.func @pad_f32(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x4x3xf32> {
  %y = cnn.pad %x {padding = array<i64: 0, 2, 1, 0>, value = -2.5} : tensor<1x1x2x2xf32> -> tensor<1x1x4x3xf32>
  return %y : tensor<1x1x4x3xf32>
}

// -----

// Nearest resize: output (r, c) reads input (floor(r / 2), floor(c / 3)).
// CHECK-DAG: #[[SRC:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2 floordiv 2, d3 floordiv 3)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @resize
// CHECK: linalg.generic {indexing_maps = [#[[SRC]], #[[ID]]]
// CHECK-SAME: ins(%{{.*}} : tensor<1x2x2x2xi8>) outs(%{{.*}} : tensor<1x2x4x6xi8>)
// CHECK: ^bb0(%[[IN:.*]]: i8, %{{.*}}: i8):
// CHECK:   linalg.yield %[[IN]] : i8
func.func @resize(%x: tensor<1x2x2x2xi8>) -> tensor<1x2x4x6xi8> {
  %y = cnn.resize %x {scale = array<i64: 2, 3>} : tensor<1x2x2x2xi8> -> tensor<1x2x4x6xi8>
  return %y : tensor<1x2x4x6xi8>
}

// -----

// Softmax over channels: max, exp(x - max), sum, divide.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[PIX:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
// CHECK-LABEL: func.func @softmax
// CHECK: %[[MAX:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[PIX]]], iterator_types = ["parallel", "reduction", "parallel", "parallel"]}
// CHECK:   arith.maximumf
// CHECK: %[[EXP:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[MAX]] : tensor<1x10x1x1xf32>, tensor<1x1x1xf32>)
// CHECK:   arith.subf
// CHECK:   math.exp
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[PIX]]], iterator_types = ["parallel", "reduction", "parallel", "parallel"]} ins(%[[EXP]]
// CHECK:   arith.addf
// CHECK: linalg.generic {{.*}} ins(%[[EXP]], %[[SUM]] : tensor<1x10x1x1xf32>, tensor<1x1x1xf32>)
// CHECK:   arith.divf
func.func @softmax(%x: tensor<1x10x1x1xf32>) -> tensor<1x10x1x1xf32> {
  %y = cnn.softmax %x : tensor<1x10x1x1xf32>
  return %y : tensor<1x10x1x1xf32>
}

// -----

// A planned module: the fusion group's body is inlined, the plan
// annotations and the module's cnn.target disappear.
// CHECK-LABEL: module {
// CHECK-LABEL: func.func @planned
// CHECK: %[[W:.*]] = arith.constant dense<32> : tensor<1x1x1x1xi8>
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-SAME: ins(%{{.*}}, %[[W]] :
// CHECK: %[[CONV:.*]] = linalg.generic
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[CONV]], %{{.*}} :
// CHECK: return %[[SUM]]
module attributes {cnn.merged, cnn.target = #cnn.target<sram = 1024>} {
  func.func @planned(%arg0: tensor<1x1x1x2xi8>) -> tensor<1x1x1x2xi8> {
    %0 = cnn.weight {value = dense<32> : tensor<1x1x1x1xi8>} : tensor<1x1x1x1xi8>
    %1 = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 7, weight_bytes = 1,
        buffers = [#cnn.line_buffer<tensor = "arg0", rows = 1, bytes = 2>,
                   #cnn.line_buffer<tensor = "conv", rows = 1, bytes = 2>,
                   #cnn.line_buffer<tensor = "sum", rows = 1, bytes = 2>],
        name = "group_0", cnn.traffic = #cnn.traffic<input = 2, weights = 1, output = 2>}
        -> tensor<1x1x1x2xi8> {
      %conv = cnn.conv2d %arg0, %0 {activation = #cnn.activation<relu>,
          cnn.tiling = #cnn.tiling<tm = 1, te = 1, tf = 2, tc = 1, order = mef, buffer = 5>,
          cnn.traffic = #cnn.traffic<input = 2, weights = 1, output = 2>, name = "conv"}
          : (tensor<1x1x1x2xi8>, tensor<1x1x1x1xi8>) -> tensor<1x1x1x2xi8>
      %sum = cnn.add %conv, %arg0 {cnn.traffic = #cnn.traffic<input = 4, weights = 0, output = 2>, name = "sum"}
          : tensor<1x1x1x2xi8>
      cnn.yield %sum : tensor<1x1x1x2xi8>
    }
    return %1 : tensor<1x1x1x2xi8>
  }
}
