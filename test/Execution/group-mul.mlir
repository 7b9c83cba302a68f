// RUN: cnn-opt %s --cnn-fill-weights=seed=17 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=65536 --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.alone
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.alone | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.rows
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.rows | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=8192 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.whole
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.whole | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=2048 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.resident
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.resident | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers | FileCheck %s --check-prefix=ROWS
// RUN: cnn-opt %t.mlir --tile-for-sram=2048 --merge-layers | FileCheck %s --check-prefix=RESIDENT
// RUN: cnn-opt %t.mlir --tile-for-sram=8192 --merge-layers | FileCheck %s --check-prefix=WHOLE
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers "--cnn-traffic-report=format=json output-file=%t.model.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model.json %t.dma.json | FileCheck %s --check-prefix=TRAFFIC
// RUN: cnn-opt %t.mlir --tile-for-sram=2048 --merge-layers "--cnn-traffic-report=format=json output-file=%t.model2.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma2.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model2.json %t.dma2.json | FileCheck %s --check-prefix=TRAFFIC
// RUN: cnn-opt %t.mlir --tile-for-sram=65536 "--cnn-traffic-report=format=json output-file=%t.model3.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma3.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model3.json %t.dma3.json | FileCheck %s --check-prefix=ALONE
// With DMA bursts and double buffering (nvdla-small), alone and merged.
// RUN: cnn-opt %t.mlir --target=nvdla-small,sram_bytes=65536 "--cnn-traffic-report=format=json output-file=%t.model4.json" --lower-to-dma --dma-verify-arena "--dma-traffic-report=format=json output-file=%t.dma4.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model4.json %t.dma4.json | FileCheck %s --check-prefix=ALONE
// RUN: cnn-opt %t.mlir --target=nvdla-small,sram_bytes=4096 --merge-layers "--cnn-traffic-report=format=json output-file=%t.model5.json" --lower-to-dma --dma-verify-arena "--dma-traffic-report=format=json output-file=%t.dma5.json" --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.bursts
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.bursts | FileCheck %s --check-prefix=SAME
// RUN: %python3 %S/Inputs/compare_units.py %t.model5.json %t.dma5.json | FileCheck %s --check-prefix=TRAFFIC

// Two multiplies by per-channel factors on an i8 6x6 map: a squeeze-and-
// excitation block (global pool, two 1x1 convolutions, multiply) and a
// gate from a max pool over the whole input map, which a fusion group can
// only compute once its line buffer holds every row of the input. Alone the
// multiplies stream rows with one factor per channel; merged at 1024 bytes,
// the squeeze's global pool joins fc1 in mode resident and the excitation's
// factors are read whole by a group in mode rows; at 2048 bytes (where the
// 3x3 weights of 2304 bytes do not fit resident) and at 8192 bytes, from
// the global pool on, everything is kept whole while the weights stream
// (mode resident), the whole network in one group at 8192. Every program
// computes exactly what the untiled reference computes and moves exactly
// the modeled traffic.
// SAME: equal: 288 values, {{[1-9][0-9]+}} distinct
// ROWS: cnn.fusion_group {mode = #cnn.fusion_mode<rows>
// ROWS: cnn.mul
// RESIDENT: cnn.fusion_group {mode = #cnn.fusion_mode<resident>
// RESIDENT: cnn.global_avg_pool
// RESIDENT: cnn.mul
// WHOLE: cnn.fusion_group {mode = #cnn.fusion_mode<resident>
// WHOLE-NEXT: cnn.global_avg_pool
// WHOLE-NOT: cnn.fusion_group
// WHOLE: %proj = cnn.conv2d
// WHOLE-NEXT: cnn.yield
// TRAFFIC: equal: {{[1-9]}} groups
// ALONE: equal: 0 groups

func.func @net(%x: tensor<1x16x6x6xi8>) -> tensor<1x8x6x6xi8> {
  %g = cnn.global_avg_pool %x {name = "squeeze"} : tensor<1x16x6x6xi8> -> tensor<1x16x1x1xi8>
  %wf1 = cnn.weight : tensor<4x16x1x1xi8>
  %h = cnn.conv2d %g, %wf1 {name = "fc1", activation = #cnn.activation<relu>}
      : (tensor<1x16x1x1xi8>, tensor<4x16x1x1xi8>) -> tensor<1x4x1x1xi8>
  %wf2 = cnn.weight : tensor<16x4x1x1xi8>
  %bf2 = cnn.weight : tensor<16xi32>
  %s = cnn.conv2d %h, %wf2, %bf2 {name = "fc2"}
      : (tensor<1x4x1x1xi8>, tensor<16x4x1x1xi8>, tensor<16xi32>) -> tensor<1x16x1x1xi8>
  %m = cnn.mul %x, %s {name = "excite"} : (tensor<1x16x6x6xi8>, tensor<1x16x1x1xi8>) -> tensor<1x16x6x6xi8>
  %w2 = cnn.weight : tensor<16x16x3x3xi8>
  %b = cnn.conv2d %m, %w2 {name = "conv2", padding = array<i64: 1, 1, 1, 1>}
      : (tensor<1x16x6x6xi8>, tensor<16x16x3x3xi8>) -> tensor<1x16x6x6xi8>
  %t = cnn.max_pool %x {name = "gate", kernel = array<i64: 6, 6>} : tensor<1x16x6x6xi8> -> tensor<1x16x1x1xi8>
  %n = cnn.mul %b, %t {name = "scale"}
      : (tensor<1x16x6x6xi8>, tensor<1x16x1x1xi8>) -> tensor<1x16x6x6xi8>
  %w3 = cnn.weight : tensor<8x16x1x1xi8>
  %y = cnn.conv2d %n, %w3 {name = "proj"} : (tensor<1x16x6x6xi8>, tensor<8x16x1x1xi8>) -> tensor<1x8x6x6xi8>
  return %y : tensor<1x8x6x6xi8>
}
