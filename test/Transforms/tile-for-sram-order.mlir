// The flag takes a bare byte count and keeps its place among other passes:
// the last --tile-for-sram wins, whichever order they come in.
// RUN: cnn-opt %s --tile-for-sram=1024 --tile-for-sram=262144 | FileCheck %s --check-prefix=LAST256K
// RUN: cnn-opt %s --tile-for-sram=262144 --tile-for-sram=1024 | FileCheck %s --check-prefix=LAST1K
// RUN: cnn-opt %s --tile-for-sram=256KiB | FileCheck %s --check-prefix=LAST256K
// RUN: cnn-opt %s --tile-for-sram=256K | FileCheck %s --check-prefix=LAST256K
// RUN: cnn-opt %s --pass-pipeline='builtin.module(tile-for-sram{1024},canonicalize,tile-for-sram{262144})' | FileCheck %s --check-prefix=LAST256K
// RUN: cnn-opt %s '--cnn-tile-for-sram=sram=1024' | FileCheck %s --check-prefix=LAST1K
// A report between two plannings sees the first one.
// RUN: cnn-opt %s --tile-for-sram=1024 --cnn-traffic-report --tile-for-sram=262144 | FileCheck %s --check-prefix=BETWEEN

// LAST256K: module attributes {cnn.target = #cnn.target<sram = 262144>}
// LAST256K: cnn.tiling = #cnn.tiling<tm = 16, te = 8, tf = 8, tc = 16
// LAST1K: module attributes {cnn.target = #cnn.target<sram = 1024>}
// LAST1K-NOT: tm = 16, te = 8, tf = 8, tc = 16
// BETWEEN: traffic of @f at SRAM 1,024 bytes
// BETWEEN: module attributes {cnn.target = #cnn.target<sram = 262144>}

func.func @f(%x: tensor<1x16x8x8xi8>) -> tensor<1x16x8x8xi8> {
  %w = cnn.weight : tensor<16x16x3x3xi8>
  %y = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>}
      : (tensor<1x16x8x8xi8>, tensor<16x16x3x3xi8>) -> tensor<1x16x8x8xi8>
  return %y : tensor<1x16x8x8xi8>
}
