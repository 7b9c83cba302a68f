// RUN: cnn-opt %s -split-input-file --tile-for-sram=200 | FileCheck %s

// Compressed weights count at their stored size in the fit and in the
// traffic. Fully connected 32 -> 10, i8, i32 bias; raw weights 320 bytes.
//
// Raw (see tile-for-sram.mlir): buffer 32 + 32*tm + 4*tm + tm <= 200 gives
// tm = 4 and traffic 32 + (320 + 40) + 10 = 402.
//
// Compressed to 160 bytes: a weight tile of tm output channels and all 32
// inputs holds tm/10 of the stored bytes: 16*tm. Buffer 32 + 16*tm + 4*tm
// (bias) + tm (output) = 32 + 21*tm <= 200: tm = 5 (137 bytes; tm = 10
// needs 242). Traffic 32 + (160 + 40) + 10 = 242.

// CHECK-LABEL: func.func @raw
// CHECK: cnn.tiling = #cnn.tiling<tm = 4, te = 1, tf = 1, tc = 32, order = mef, buffer = 180>
// CHECK-SAME: cnn.traffic = #cnn.traffic<input = 32, weights = 360, output = 10>
func.func @raw(%x: tensor<1x8x2x2xi8>) -> tensor<1x10x1x1xi8> {
  %w = cnn.weight : tensor<10x32xi8>
  %b = cnn.weight : tensor<10xi32>
  %y = cnn.fully_connected %x, %w, %b
      : (tensor<1x8x2x2xi8>, tensor<10x32xi8>, tensor<10xi32>) -> tensor<1x10x1x1xi8>
  return %y : tensor<1x10x1x1xi8>
}

// -----

// CHECK-LABEL: func.func @compressed
// CHECK: cnn.tiling = #cnn.tiling<tm = 5, te = 1, tf = 1, tc = 32, order = mef, buffer = 137>
// CHECK-SAME: cnn.traffic = #cnn.traffic<input = 32, weights = 200, output = 10>
func.func @compressed(%x: tensor<1x8x2x2xi8>) -> tensor<1x10x1x1xi8> {
  %w = cnn.weight {cnn.compression = #cnn.compression<bytes = 160, scheme = "declared">} : tensor<10x32xi8>
  %b = cnn.weight : tensor<10xi32>
  %y = cnn.fully_connected %x, %w, %b
      : (tensor<1x8x2x2xi8>, tensor<10x32xi8>, tensor<10xi32>) -> tensor<1x10x1x1xi8>
  return %y : tensor<1x10x1x1xi8>
}

