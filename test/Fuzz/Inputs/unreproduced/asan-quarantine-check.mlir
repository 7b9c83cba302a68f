// RUN: cnn-opt %s --cnn-fill-weights=seed=8 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t;ref
// RUN: cnn-opt %t.mlir --tile-for-sram=1500 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.tiled
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.tiled | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=1500 --merge-layers | FileCheck %s
// RUN: cnn-opt %t.mlir --tile-for-sram=1500 --merge-layers "--cnn-traffic-report=format=json output-file=%t.model.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model.json %t.dma.json | FileCheck %s --check-prefix=TRAFFIC
// With DMA overlapping compute (the tiny target, 1-byte bursts, 1200
// bytes): two groups in mode rows, pipelined with asynchronous transfers.
// RUN: cnn-opt %t.mlir "--target=%S/../Transforms/Inputs/latency-target.json,sram_bytes=1200,dma_align_bytes=1" --merge-layers --lower-to-dma --dma-verify-arena -o %t.async.mlir
// RUN: FileCheck %s --check-prefix=ASYNC < %t.async.mlir
// RUN: cnn-opt %t.async.mlir --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.async
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.async | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir "--target=%S/../Transforms/Inputs/latency-target.json,sram_bytes=1200,dma_align_bytes=1" --merge-layers "--cnn-traffic-report=format=json output-file=%t.model2.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma2.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model2.json %t.dma2.json | FileCheck %s --check-prefix=TRAFFIC2

// A fusion group of four layers that stream rows through line buffers with
// halos: 3x3 convolution, depthwise 3x3, 3x3 convolution with stride 2,
// 3x3 max pool with padding, on an odd 13x11 i8 map. At 1500 bytes they
// merge (mode rows); the program computes exactly what the untiled
// reference computes, and moves exactly the group's modeled traffic.
// CHECK: cnn.fusion_group {mode = #cnn.fusion_mode<rows>
// CHECK-COUNT c-n4:n.
// SAME: equal: {{[0-9]+}} values, {{[1-9][0-9]+}} distinct
// TRAFFIC: equal: 1 groups
// ASYNC-COUNT-2: cnn.group = "group_
// ASYNC-NOT: dma.load {{.*}}kind = "input"
// TRAFFIC2: equal: 2 groups

func.func @net(%x: tensor<1x3x13x11xi8>) -> tensor<1x8x7x6xi8> {
  %w1 = cnn.weight : tensor<6x3x3x3xi8>
  %b1 = cnn.weight : tensor<6xi32>
  %c1 = cnn.conv2d %x, %w1, %b1 {padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>, name = "c1"}
      : (tensor<1x3x13x11xi8>, tensor<6x3x3x3xi8>, tensor<6xi32>) -> tensor<1x6x13x11xi8>
  %w2 = cnn.weight : tensor<6x1x3x3xi8>
  %d2 = cnn.conv2d %c1, %w2 {padding = array<i64: 1, 1, 1, 1>, groups = 6, name = "dw"}
      : (tensor<1x6x13x11xi8>, tensor<6x1x3x3xi8>) -> tensor<1x6x13x11xi8>
  %w3 = cnn.weight : tensor<8x6x3x3xi8>
  %c3 = cnn.conv2d %d2, %w3 {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, name = "c3"}
      : (tensor<1x6x13x11xi8>, tensor<8x6x3x3xi8>) -> tensor<1x8x7x6xi8>
  %p = cnn.max_pool %c3 {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, name = "pool"}
      : tensor<1x8x7x6xi8> -> tensor<1x8x7x6xi8>
  return %p : tensor<1x8x7x6xi8>
}
