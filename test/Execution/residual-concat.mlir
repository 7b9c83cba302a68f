// RUN: cnn-opt %s --cnn-fill-weights=seed=4 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=48 --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.tiled
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.tiled  | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=48 | FileCheck %s

// A residual block, a concat and a grouped convolution on an odd 6x5 i8
// map, at 48 bytes: c1 and c2 (3x3, pad 1) in row and channel tiles, the
// add reading both operands (c2 and the block's input) row by row, the
// concat written in place (c1 and the sum are channel slices of one DRAM
// buffer), and a 3x3 convolution with groups = 2 over the concatenation.
// CHECK: %c1 = cnn.conv2d {{.*}}cnn.tiling = #cnn.tiling<tm = {{[0-9]}}, te = {{[1-5]}},
// CHECK: %g = cnn.conv2d {{.*}}cnn.tiling = #cnn.tiling<tm = {{[1-2]}},
// SAME: equal: 180 values, {{[1-9][0-9]+}} distinct

func.func @net(%x: tensor<1x4x6x5xi8>) -> tensor<1x6x6x5xi8> {
  %w1 = cnn.weight : tensor<4x4x3x3xi8>
  %c1 = cnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>, name = "c1"}
      : (tensor<1x4x6x5xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x6x5xi8>
  %w2 = cnn.weight : tensor<4x4x3x3xi8>
  %c2 = cnn.conv2d %c1, %w2 {padding = array<i64: 1, 1, 1, 1>, name = "c2"}
      : (tensor<1x4x6x5xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x6x5xi8>
  %r = cnn.add %c2, %x {activation = #cnn.activation<relu>, name = "r"} : tensor<1x4x6x5xi8>
  %cat = cnn.concat %r, %c1 {name = "cat"} : (tensor<1x4x6x5xi8>, tensor<1x4x6x5xi8>) -> tensor<1x8x6x5xi8>
  %w3 = cnn.weight : tensor<6x4x3x3xi8>
  %b3 = cnn.weight : tensor<6xi32>
  %g = cnn.conv2d %cat, %w3, %b3 {padding = array<i64: 1, 1, 1, 1>, groups = 2, name = "g"}
      : (tensor<1x8x6x5xi8>, tensor<6x4x3x3xi8>, tensor<6xi32>) -> tensor<1x6x6x5xi8>
  return %g : tensor<1x6x6x5xi8>
}
