// RUN: cnn-opt %s --cnn-fill-weights=seed=41 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=2048 --merge-layers | FileCheck %s --check-prefix=ONE
// RUN: cnn-opt %t.mlir --tile-for-sram=800 --merge-layers | FileCheck %s --check-prefix=THREE
// RUN: cnn-opt %t.mlir --tile-for-sram=2048 --merge-layers "--cnn-traffic-report=format=json output-file=%t.m1.json" --lower-to-dma --dma-verify-arena "--dma-traffic-report=format=json output-file=%t.d1.json" --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.r1
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.r1 | FileCheck %s --check-prefix=SAME
// RUN: %python3 %S/Inputs/compare_units.py %t.m1.json %t.d1.json | FileCheck %s --check-prefix=TRAFFIC
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers "--cnn-traffic-report=format=json output-file=%t.m2.json" --lower-to-dma --dma-verify-arena "--dma-traffic-report=format=json output-file=%t.d2.json" --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.r2
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.r2 | FileCheck %s --check-prefix=SAME
// RUN: %python3 %S/Inputs/compare_units.py %t.m2.json %t.d2.json | FileCheck %s --check-prefix=TRAFFIC
// RUN: cnn-opt %t.mlir --tile-for-sram=800 --merge-layers "--cnn-traffic-report=format=json output-file=%t.m3.json" --lower-to-dma --dma-verify-arena "--dma-traffic-report=format=json output-file=%t.d3.json" --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.r3
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.r3 | FileCheck %s --check-prefix=SAME
// RUN: %python3 %S/Inputs/compare_units.py %t.m3.json %t.d3.json | FileCheck %s --check-prefix=TRAFFIC
// With DMA bursts and double buffering (nvdla-small): the weights of each
// output channel load while the previous one computes.
// RUN: cnn-opt %t.mlir --target=nvdla-small,sram_bytes=2048 --merge-layers "--cnn-traffic-report=format=json output-file=%t.m4.json" --lower-to-dma --dma-verify-arena "--dma-traffic-report=format=json output-file=%t.d4.json" --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.r4
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.r4 | FileCheck %s --check-prefix=SAME
// RUN: %python3 %S/Inputs/compare_units.py %t.m4.json %t.d4.json | FileCheck %s --check-prefix=TRAFFIC

// The tail kept on chip: global average pools, fully connected layers and
// softmaxes join groups of mode resident. On an i8 6x6 map: a 3x3 and a
// 1x1 convolution concatenated (12 channels, two parts), a softmax over
// the concatenation's channels at every pixel, a global pool of the
// concatenation and one of the softmax, three fully connected layers (one
// over the whole 12x6x6 concatenation, flattened across its parts), two
// adds (the 10 logits are the output: a softmax over them would round
// all but one to 0). At 2048 bytes the whole network
// is one group; at 1024 two; at 800 the convolutions stream rows and the
// tail forms two groups. Every program computes exactly what the untiled
// reference computes and moves exactly the modeled traffic.
// ONE: cnn.fusion_group {mode = #cnn.fusion_mode<resident>
// ONE-NOT: cnn.fusion_group
// ONE: %t = cnn.add
// ONE-NEXT: cnn.yield
// THREE: cnn.fusion_group {mode = #cnn.fusion_mode<rows>
// THREE: cnn.fusion_group {mode = #cnn.fusion_mode<resident>
// THREE-NEXT: %g = cnn.global_avg_pool
// THREE-NEXT: %f1 = cnn.fully_connected
// THREE: cnn.fusion_group {mode = #cnn.fusion_mode<resident>
// THREE: %t = cnn.add
// SAME: equal: 10 values, {{[5-9]|10}} distinct
// TRAFFIC: equal: {{[1-9]}} groups

func.func @net(%x: tensor<1x6x6x6xi8>) -> tensor<1x10x1x1xi8> {
  %wa = cnn.weight : tensor<8x6x3x3xi8>
  %ba = cnn.weight : tensor<8xi32>
  %a = cnn.conv2d %x, %wa, %ba {padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>, name = "a"}
      : (tensor<1x6x6x6xi8>, tensor<8x6x3x3xi8>, tensor<8xi32>) -> tensor<1x8x6x6xi8>
  %wb = cnn.weight : tensor<4x6x1x1xi8>
  %b = cnn.conv2d %x, %wb {name = "b"} : (tensor<1x6x6x6xi8>, tensor<4x6x1x1xi8>) -> tensor<1x4x6x6xi8>
  %cat = cnn.concat %a, %b {name = "cat"} : (tensor<1x8x6x6xi8>, tensor<1x4x6x6xi8>) -> tensor<1x12x6x6xi8>
  %sm = cnn.softmax %cat {name = "sm"} : tensor<1x12x6x6xi8>
  %g = cnn.global_avg_pool %cat {name = "g"} : tensor<1x12x6x6xi8> -> tensor<1x12x1x1xi8>
  %w1 = cnn.weight : tensor<10x12xi8>
  %b1 = cnn.weight : tensor<10xi32>
  %f1 = cnn.fully_connected %g, %w1, %b1 {name = "f1"}
      : (tensor<1x12x1x1xi8>, tensor<10x12xi8>, tensor<10xi32>) -> tensor<1x10x1x1xi8>
  %w2 = cnn.weight : tensor<10x432xi8>
  %f2 = cnn.fully_connected %cat, %w2 {name = "f2"}
      : (tensor<1x12x6x6xi8>, tensor<10x432xi8>) -> tensor<1x10x1x1xi8>
  %s = cnn.add %f1, %f2 {name = "s"} : tensor<1x10x1x1xi8>
  %gs = cnn.global_avg_pool %sm {name = "gs"} : tensor<1x12x6x6xi8> -> tensor<1x12x1x1xi8>
  %w3 = cnn.weight : tensor<10x12xi8>
  %f3 = cnn.fully_connected %gs, %w3 {name = "f3"}
      : (tensor<1x12x1x1xi8>, tensor<10x12xi8>) -> tensor<1x10x1x1xi8>
  %t = cnn.add %s, %f3 {name = "t"} : tensor<1x10x1x1xi8>
  return %t : tensor<1x10x1x1xi8>
}
