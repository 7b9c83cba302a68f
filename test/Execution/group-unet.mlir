// RUN: cnn-opt %s --cnn-fill-weights=seed=12 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=4096 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.tiled
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.tiled | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=4096 --merge-layers | FileCheck %s
// RUN: cnn-opt %t.mlir --tile-for-sram=4096 --merge-layers "--cnn-traffic-report=format=json output-file=%t.model.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model.json %t.dma.json | FileCheck %s --check-prefix=TRAFFIC

// A U-Net step on an odd 7x5 i8 map, merged in mode rows: padding to 8x6, a
// 3x3 convolution, a 2x2 max pool, nearest up-sampling by 2 and a skip
// concatenation with the padded map, then a 1x1 convolution: rows of the
// skip tensor wait in its line buffer while the down and up path catch up.
// CHECK: cnn.fusion_group {mode = #cnn.fusion_mode<rows>
// SAME: equal: 192 values, {{[1-9][0-9]*}} distinct
// TRAFFIC: equal: 1 groups

func.func @net(%x: tensor<1x2x7x5xi8>) -> tensor<1x4x8x6xi8> {
  %p = cnn.pad %x {padding = array<i64: 0, 1, 0, 1>, name = "pad"} : tensor<1x2x7x5xi8> -> tensor<1x2x8x6xi8>
  %w1 = cnn.weight : tensor<4x2x3x3xi8>
  %c1 = cnn.conv2d %p, %w1 {padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>, name = "c1"}
      : (tensor<1x2x8x6xi8>, tensor<4x2x3x3xi8>) -> tensor<1x4x8x6xi8>
  %d = cnn.max_pool %c1 {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, name = "down"}
      : tensor<1x4x8x6xi8> -> tensor<1x4x4x3xi8>
  %u = cnn.resize %d {scale = array<i64: 2, 2>, name = "up"} : tensor<1x4x4x3xi8> -> tensor<1x4x8x6xi8>
  %cat = cnn.concat %c1, %u {name = "cat"} : (tensor<1x4x8x6xi8>, tensor<1x4x8x6xi8>) -> tensor<1x8x8x6xi8>
  %w2 = cnn.weight : tensor<4x8x1x1xi8>
  %y = cnn.conv2d %cat, %w2 {name = "y"} : (tensor<1x8x8x6xi8>, tensor<4x8x1x1xi8>) -> tensor<1x4x8x6xi8>
  return %y : tensor<1x4x8x6xi8>
}
