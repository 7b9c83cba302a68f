// RUN: cnn-opt %s --cnn-fill-weights=seed=9 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=264 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.tiled
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.tiled | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=264 --merge-layers | FileCheck %s
// RUN: cnn-opt %t.mlir --tile-for-sram=264 --merge-layers "--cnn-traffic-report=format=json output-file=%t.model.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model.json %t.dma.json | FileCheck %s --check-prefix=TRAFFIC

// The dense block of merge-layers-dense.mlir as one group in mode rows at
// 264 bytes (its line buffers worked out there): x and c1 are read through
// two concats (views of their line buffers, never written to DRAM).
// CHECK: cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 264
// SAME: equal: 128 values, {{[1-9][0-9]*}} distinct
// TRAFFIC: equal: 1 groups, 376 bytes

func.func @net(%x: tensor<1x2x8x8xi8>) -> tensor<1x2x8x8xi8> {
  %w1 = cnn.weight : tensor<2x2x3x3xi8>
  %w2 = cnn.weight : tensor<2x4x3x3xi8>
  %w3 = cnn.weight : tensor<2x6x1x1xi8>
  %c1 = cnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>, name = "c1"}
      : (tensor<1x2x8x8xi8>, tensor<2x2x3x3xi8>) -> tensor<1x2x8x8xi8>
  %cat1 = cnn.concat %x, %c1 {name = "cat1"} : (tensor<1x2x8x8xi8>, tensor<1x2x8x8xi8>) -> tensor<1x4x8x8xi8>
  %c2 = cnn.conv2d %cat1, %w2 {padding = array<i64: 1, 1, 1, 1>, name = "c2"}
      : (tensor<1x4x8x8xi8>, tensor<2x4x3x3xi8>) -> tensor<1x2x8x8xi8>
  %cat2 = cnn.concat %x, %c1, %c2 {name = "cat2"}
      : (tensor<1x2x8x8xi8>, tensor<1x2x8x8xi8>, tensor<1x2x8x8xi8>) -> tensor<1x6x8x8xi8>
  %t = cnn.conv2d %cat2, %w3 {name = "t"} : (tensor<1x6x8x8xi8>, tensor<2x6x1x1xi8>) -> tensor<1x2x8x8xi8>
  return %t : tensor<1x2x8x8xi8>
}
