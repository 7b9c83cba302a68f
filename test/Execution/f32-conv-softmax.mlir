// RUN: cnn-opt %s --cnn-fill-weights=seed=5 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=160 --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.tiled
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.tiled 1e-5 | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=160 | FileCheck %s

// f32: a 3x3 convolution that splits its 12 input channels at 160 bytes
// (partial sums summed in another order than the reference: equal within
// a relative 1e-5), global average pooling, a fully connected layer and a
// softmax over the 7 classes.
// CHECK: %conv = cnn.conv2d {{.*}}cnn.tiling = #cnn.tiling<tm = {{[0-9]+}}, te = {{[0-9]+}}, tf = {{[0-9]+}}, tc = {{[1-9]|1[01]}},
// SAME: equal: 7 values, 7 distinct

func.func @net(%x: tensor<1x12x5x5xf32>) -> tensor<1x7x1x1xf32> {
  %w = cnn.weight : tensor<8x12x3x3xf32>
  %b = cnn.weight : tensor<8xf32>
  %y = cnn.conv2d %x, %w, %b {padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>, name = "conv"}
      : (tensor<1x12x5x5xf32>, tensor<8x12x3x3xf32>, tensor<8xf32>) -> tensor<1x8x5x5xf32>
  %g = cnn.global_avg_pool %y {name = "gap"} : tensor<1x8x5x5xf32> -> tensor<1x8x1x1xf32>
  %fw = cnn.weight : tensor<7x8xf32>
  %f = cnn.fully_connected %g, %fw {name = "fc"} : (tensor<1x8x1x1xf32>, tensor<7x8xf32>) -> tensor<1x7x1x1xf32>
  %p = cnn.softmax %f {name = "prob"} : tensor<1x7x1x1xf32>
  return %p : tensor<1x7x1x1xf32>
}
