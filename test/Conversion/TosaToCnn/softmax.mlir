// RUN: cnn-opt --tosa-to-cnn --split-input-file %s | FileCheck %s

// A float softmax as TensorFlow exports it: the maximum subtracted, exp,
// the sum, its reciprocal, the product, all over the channel axis.

// CHECK-LABEL: func.func @softmax
// CHECK-SAME: (%[[X:.*]]: tensor<1x10x1x1xf32>) -> tensor<1x10x1x1xf32>
// CHECK: %[[S:.*]] = cnn.softmax %[[X]] {name = "prob"} : tensor<1x10x1x1xf32>
// CHECK-NEXT: return %[[S]]
func.func @softmax(%x: tensor<1x10xf32>) -> tensor<1x10xf32> {
  %max = tosa.reduce_max %x {axis = 1 : i32} : (tensor<1x10xf32>) -> tensor<1x1xf32>
  %d = tosa.sub %x, %max : (tensor<1x10xf32>, tensor<1x1xf32>) -> tensor<1x10xf32>
  %e = tosa.exp %d : (tensor<1x10xf32>) -> tensor<1x10xf32>
  %sum = tosa.reduce_sum %e {axis = 1 : i32} : (tensor<1x10xf32>) -> tensor<1x1xf32>
  %r = tosa.reciprocal %sum : (tensor<1x1xf32>) -> tensor<1x1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %y = tosa.mul %e, %r, %shift : (tensor<1x10xf32>, tensor<1x1xf32>, tensor<1xi8>) -> tensor<1x10xf32> loc("prob")
  return %y : tensor<1x10xf32>
}

// -----

// Without the maximum, over the channels of a 4-D map.

// CHECK-LABEL: func.func @softmax_map
// CHECK: cnn.softmax %{{.*}} : tensor<1x5x2x3xf16>
func.func @softmax_map(%x: tensor<1x2x3x5xf16>) -> tensor<1x2x3x5xf16> {
  %e = tosa.exp %x : (tensor<1x2x3x5xf16>) -> tensor<1x2x3x5xf16>
  %sum = tosa.reduce_sum %e {axis = 3 : i32} : (tensor<1x2x3x5xf16>) -> tensor<1x2x3x1xf16>
  %r = tosa.reciprocal %sum : (tensor<1x2x3x1xf16>) -> tensor<1x2x3x1xf16>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %y = tosa.mul %r, %e, %shift : (tensor<1x2x3x1xf16>, tensor<1x2x3x5xf16>, tensor<1xi8>) -> tensor<1x2x3x5xf16>
  return %y : tensor<1x2x3x5xf16>
}
