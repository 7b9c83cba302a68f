// RUN: cnn-opt %s -split-input-file --canonicalize | FileCheck %s
// RUN: cnn-opt %s -split-input-file --cse | FileCheck %s --check-prefix=CSE

// The greedy rewriter asks every ConstantLike op for its folded value;
// cnn.weight is not ConstantLike because a shape-only weight has none. This
// runs the rewriter over both kinds of weight: used ones stay where they
// are, unused weights and layers (all Pure) are erased.

// CHECK-LABEL: func.func @weights_survive
// CHECK-NEXT:    %[[W:.*]] = cnn.weight : tensor<4x3x3x3xi8>
// CHECK-NEXT:    %[[B:.*]] = cnn.weight {value = dense<1> : tensor<4xi32>} : tensor<4xi32>
// CHECK-NEXT:    %[[C:.*]] = cnn.conv2d %{{.*}}, %[[W]], %[[B]] {name = "conv"}
// CHECK-NEXT:    return %[[C]]
func.func @weights_survive(%x: tensor<1x3x8x8xi8>) -> tensor<1x4x6x6xi8> {
  %w = cnn.weight : tensor<4x3x3x3xi8>
  %b = cnn.weight {value = dense<1> : tensor<4xi32>} : tensor<4xi32>
  %unused_w = cnn.weight : tensor<4x3x3x3xi8>
  %unused_v = cnn.weight {value = dense<2> : tensor<4xi32>} : tensor<4xi32>
  %y = cnn.conv2d %x, %w, %b {name = "conv"} : (tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>, tensor<4xi32>) -> tensor<1x4x6x6xi8>
  %dead = cnn.activation %y {kind = #cnn.activation<relu>, name = "dead"} : tensor<1x4x6x6xi8>
  return %y : tensor<1x4x6x6xi8>
}

// -----

// Two shape-only weights of one type are two tensors: CSE keeps both.
// CSE-LABEL: func.func @distinct_weights
// CSE-COUNT-2: cnn.weight : tensor<4x4x1x1xi8>
func.func @distinct_weights(%x: tensor<1x4x2x2xi8>) -> tensor<1x4x2x2xi8> {
  %w1 = cnn.weight : tensor<4x4x1x1xi8>
  %w2 = cnn.weight : tensor<4x4x1x1xi8>
  %0 = cnn.conv2d %x, %w1 : (tensor<1x4x2x2xi8>, tensor<4x4x1x1xi8>) -> tensor<1x4x2x2xi8>
  %1 = cnn.conv2d %0, %w2 : (tensor<1x4x2x2xi8>, tensor<4x4x1x1xi8>) -> tensor<1x4x2x2xi8>
  return %1 : tensor<1x4x2x2xi8>
}
