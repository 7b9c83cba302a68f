// RUN: cnn-opt %s --cnn-fill-weights=seed=2 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=40 --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.tiled
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.tiled  | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=40 | FileCheck %s

// A depthwise 3x3 convolution (16 channels, pad 1, relu6) and a pointwise
// 1x1 convolution (16 -> 12, bias) on an odd 7x6 i8 map, at 40 bytes: the
// depthwise layer runs one channel, 2 rows and 3 columns at a time, the
// pointwise layer 2 output channels, one row, 3 columns and one input
// channel (partial sums, the bias with the first one). Tiled and untiled
// results are identical.
// CHECK: %dw = cnn.conv2d {{.*}}cnn.tiling = #cnn.tiling<tm = 1, te = 2, tf = 3, tc = 1,
// CHECK: %pw = cnn.conv2d {{.*}}cnn.tiling = #cnn.tiling<tm = 2, te = 1, tf = 3, tc = 1,
// SAME: equal: 504 values, {{[1-9][0-9]+}} distinct

func.func @net(%x: tensor<1x16x7x6xi8>) -> tensor<1x12x7x6xi8> {
  %w1 = cnn.weight : tensor<16x1x3x3xi8>
  %y1 = cnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>, groups = 16,
                            activation = #cnn.activation<relu6>, name = "dw"}
      : (tensor<1x16x7x6xi8>, tensor<16x1x3x3xi8>) -> tensor<1x16x7x6xi8>
  %w2 = cnn.weight : tensor<12x16x1x1xi8>
  %b2 = cnn.weight : tensor<12xi32>
  %y2 = cnn.conv2d %y1, %w2, %b2 {name = "pw"}
      : (tensor<1x16x7x6xi8>, tensor<12x16x1x1xi8>, tensor<12xi32>) -> tensor<1x12x7x6xi8>
  return %y2 : tensor<1x12x7x6xi8>
}
