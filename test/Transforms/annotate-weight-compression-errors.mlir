// RUN: not cnn-opt %s '--annotate-weight-compression=ratio=1.5' 2>&1 | FileCheck %s --check-prefix=RATIO
// RUN: not cnn-opt %s '--annotate-weight-compression=ratio=-0.5' 2>&1 | FileCheck %s --check-prefix=NEGRATIO
// RUN: not cnn-opt %s '--annotate-weight-compression=prune-sparsity=1' 2>&1 | FileCheck %s --check-prefix=SPARSITY
// RUN: not cnn-opt %s '--annotate-weight-compression=ratio=abc' 2>&1 | FileCheck %s --check-prefix=PARSE
// RUN: not cnn-opt %s '--cnn-tile-for-sram=sram=4096 fm-percent=0' 2>&1 | FileCheck %s --check-prefix=FM

// RATIO: error: --annotate-weight-compression expects 0 < ratio <= 1 (compressed / raw size), got 1.50
// NEGRATIO: error: --annotate-weight-compression expects 0 < ratio <= 1 (compressed / raw size), got -0.50
// SPARSITY: error: --annotate-weight-compression expects 0 <= prune-sparsity < 1, got 1.00
// PARSE: for the --ratio option: 'abc' value invalid for floating point argument!
// FM: error: cnn-tile-for-sram expects fm-percent between 1 and 100, got 0

func.func @f(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
  %w = cnn.weight : tensor<4x4x3x3xi8>
  %y = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>}
      : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  return %y : tensor<1x4x8x8xi8>
}
