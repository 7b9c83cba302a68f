// RUN: cnn-opt %s --cnn-fill-weights=seed=1 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=120 --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.tiled
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.tiled  | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=120 | FileCheck %s

// A 5x5 convolution with stride 2 and unequal padding on all four edges
// (top 2, bottom 1, left 1, right 2) on an odd 11x9 i8 input, with an i32
// bias and relu: the tiled program computes exactly what the
// untiled reference computes (docs/Semantics.md), element for element, at
// 120 bytes where every dimension is split.
// Output rows (11+2+1-5)/2+1 = 5, columns (9+1+2-5)/2+1 = 4. The tiling
// at 120 bytes: one output channel, 3 of 5 rows, 2 of 4 columns and one
// input channel at a time (partial sums), so tiles have two sizes in both
// directions and the input windows are clipped at every edge.
// CHECK: cnn.tiling = #cnn.tiling<tm = 1, te = 3, tf = 2, tc = 1, order = mef
// SAME: equal: 100 values, {{[1-9][0-9]+}} distinct

func.func @net(%x: tensor<1x4x11x9xi8>) -> tensor<1x5x5x4xi8> {
  %w = cnn.weight : tensor<5x4x5x5xi8>
  %b = cnn.weight : tensor<5xi32>
  %y = cnn.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 2, 1, 1, 2>,
                              activation = #cnn.activation<relu>, name = "conv"}
      : (tensor<1x4x11x9xi8>, tensor<5x4x5x5xi8>, tensor<5xi32>) -> tensor<1x5x5x4xi8>
  return %y : tensor<1x5x5x4xi8>
}
