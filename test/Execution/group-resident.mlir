// RUN: cnn-opt %s --cnn-fill-weights=seed=11 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.tiled
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.tiled | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers | FileCheck %s
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers "--cnn-traffic-report=format=json output-file=%t.model.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model.json %t.dma.json | FileCheck %s --check-prefix=TRAFFIC
// With DMA overlapping compute (the tiny target with 16-byte bursts, 1200
// bytes): the next output channel's weights load asynchronously into the
// second copy while one channel computes.
// RUN: cnn-opt %t.mlir "--target=%S/../Transforms/Inputs/latency-target.json,sram_bytes=1200" --merge-layers --lower-to-dma --dma-verify-arena -o %t.async.mlir
// RUN: FileCheck %s --check-prefix=ASYNC < %t.async.mlir
// RUN: cnn-opt %t.async.mlir --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.async
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.async | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir "--target=%S/../Transforms/Inputs/latency-target.json,sram_bytes=1200" --merge-layers "--cnn-traffic-report=format=json output-file=%t.model2.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma2.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model2.json %t.dma2.json | FileCheck %s --check-prefix=TRAFFIC

// Large weights on small maps (merge-layers-resident.mlir, with a bias and
// a residual add): the group keeps whole feature maps in SRAM and streams
// each layer's weights one output channel at a time (mode resident).
// CHECK: cnn.fusion_group {mode = #cnn.fusion_mode<resident>
// SAME: equal: 64 values, {{[1-9][0-9]*}} distinct
// TRAFFIC: equal: 1 groups
// ASYNC: iter_args({{.*}}) -> (!dma.token, !dma.token)
// ASYNC: iter_args({{.*}}) -> (!dma.token)
// ASYNC: cnn.group = "group_0"

func.func @net(%x: tensor<1x16x2x2xi8>) -> tensor<1x16x2x2xi8> {
  %w1 = cnn.weight : tensor<16x16x3x3xi8>
  %b1 = cnn.weight : tensor<16xi32>
  %a = cnn.conv2d %x, %w1, %b1 {padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>, name = "a"}
      : (tensor<1x16x2x2xi8>, tensor<16x16x3x3xi8>, tensor<16xi32>) -> tensor<1x16x2x2xi8>
  %w2 = cnn.weight : tensor<16x16x3x3xi8>
  %c = cnn.conv2d %a, %w2 {padding = array<i64: 1, 1, 1, 1>, name = "c"}
      : (tensor<1x16x2x2xi8>, tensor<16x16x3x3xi8>) -> tensor<1x16x2x2xi8>
  %y = cnn.add %c, %x {name = "y"} : tensor<1x16x2x2xi8>
  return %y : tensor<1x16x2x2xi8>
}
