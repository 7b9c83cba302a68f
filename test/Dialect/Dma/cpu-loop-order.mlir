// RUN: cnn-opt %s --cpu-loop-order | FileCheck %s

// Reductions on memrefs whose output rows are at least 8 elements long get
// the loop over the output's innermost dimension innermost, worked out from
// the named ops' definitions: a convolution's loops (n, f, oh, ow, c, kh,
// kw) become (n, f, oh, c, kh, kw, ow), so in the new numbering the input
// is read at (d0, d3, d2 + d4, d5 + d6), the weight at (d1, d3, d4, d5) and
// the output written at (d0, d1, d2, d6). A depthwise convolution with
// stride 2 (n, oh, ow, c, kh, kw) becomes (n, oh, c, kh, kw, ow), a max
// pool (n, c, oh, ow, kh, kw) becomes (n, c, oh, kh, kw, ow). The body is
// unchanged: only a parallel loop moves.

// CHECK-DAG: #[[CIN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d3, d2 + d4, d5 + d6)>
// CHECK-DAG: #[[CW:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d1, d3, d4, d5)>
// CHECK-DAG: #[[COUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d6)>
// CHECK-DAG: #[[DIN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d2, d1 * 2 + d3, d5 * 2 + d4)>
// CHECK-DAG: #[[DW:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d2, d3, d4)>
// CHECK-DAG: #[[DOUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d2, d1, d5)>
// CHECK-DAG: #[[PIN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 + d3, d4 + d5)>
// CHECK-DAG: #[[POUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d5)>

// CHECK-LABEL: func.func @conv
// CHECK: linalg.generic {indexing_maps = [#[[CIN]], #[[CW]], #[[COUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "parallel"]}
// CHECK: arith.extsi
// CHECK: arith.extsi
// CHECK: arith.muli
// CHECK: arith.addi
func.func @conv(%in: memref<1x4x5x12xi8>, %w: memref<6x4x3x3xi8>, %acc: memref<1x6x3x10xi32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%in, %w : memref<1x4x5x12xi8>, memref<6x4x3x3xi8>) outs(%acc : memref<1x6x3x10xi32>)
  return
}

// CHECK-LABEL: func.func @dw
// CHECK: linalg.generic {indexing_maps = [#[[DIN]], #[[DW]], #[[DOUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]}
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @dw(%in: memref<1x4x5x17xf32>, %w: memref<4x3x3xf32>, %acc: memref<1x4x2x8xf32>) {
  linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%in, %w : memref<1x4x5x17xf32>, memref<4x3x3xf32>) outs(%acc : memref<1x4x2x8xf32>)
  return
}

// CHECK-LABEL: func.func @pool
// CHECK: linalg.generic {indexing_maps = [#[[PIN]], #{{.*}}, #[[POUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]}
// CHECK: arith.maximumf
func.func @pool(%in: memref<1x4x5x12xf32>, %win: memref<3x3xf32>, %out: memref<1x4x3x10xf32>) {
  linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%in, %win : memref<1x4x5x12xf32>, memref<3x3xf32>) outs(%out : memref<1x4x3x10xf32>)
  return
}

// Left as they are: a row of 2 (the edge columns of a window layer), a
// matrix-vector product (its matrix would be read down a column in the
// inner loop), an op without a reduction, an op on tensors.
// CHECK-LABEL: func.func @edge
// CHECK-NEXT: linalg.conv_2d_nchw_fchw
func.func @edge(%in: memref<1x4x5x4xi8>, %w: memref<6x4x3x3xi8>, %acc: memref<1x6x3x2xi32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%in, %w : memref<1x4x5x4xi8>, memref<6x4x3x3xi8>) outs(%acc : memref<1x6x3x2xi32>)
  return
}
// CHECK-LABEL: func.func @matvec
// CHECK-NEXT: linalg.matvec
func.func @matvec(%a: memref<16x32xf32>, %x: memref<32xf32>, %y: memref<16xf32>) {
  linalg.matvec ins(%a, %x : memref<16x32xf32>, memref<32xf32>) outs(%y : memref<16xf32>)
  return
}
// CHECK-LABEL: func.func @fill
// CHECK: linalg.fill
func.func @fill(%y: memref<1x6x3x10xi32>) {
  %z = arith.constant 0 : i32
  linalg.fill ins(%z : i32) outs(%y : memref<1x6x3x10xi32>)
  return
}
// CHECK-LABEL: func.func @tensors
// CHECK-NEXT: linalg.conv_2d_nchw_fchw
func.func @tensors(%in: tensor<1x4x5x12xi8>, %w: tensor<6x4x3x3xi8>, %acc: tensor<1x6x3x10xi32>) -> tensor<1x6x3x10xi32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%in, %w : tensor<1x4x5x12xi8>, tensor<6x4x3x3xi8>) outs(%acc : tensor<1x6x3x10xi32>) -> tensor<1x6x3x10xi32>
  return %r : tensor<1x6x3x10xi32>
}
