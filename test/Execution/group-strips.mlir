// RUN: cnn-opt %s --cnn-fill-weights=seed=31 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=600 --merge-layers=width-strips | FileCheck %s --check-prefix=PLAN600
// RUN: cnn-opt %t.mlir --tile-for-sram=600 --merge-layers=width-strips "--cnn-traffic-report=format=json output-file=%t.m1.json" --lower-to-dma --dma-verify-arena "--dma-traffic-report=format=json output-file=%t.d1.json" --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.s1
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.s1 | FileCheck %s --check-prefix=SAME
// RUN: %python3 %S/Inputs/compare_units.py %t.m1.json %t.d1.json | FileCheck %s --check-prefix=TRAFFIC
// RUN: cnn-opt %t.mlir --tile-for-sram=1000 --merge-layers=width-strips "--cnn-traffic-report=format=json output-file=%t.m2.json" --lower-to-dma --dma-verify-arena "--dma-traffic-report=format=json output-file=%t.d2.json" --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.s2
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.s2 | FileCheck %s --check-prefix=SAME
// RUN: %python3 %S/Inputs/compare_units.py %t.m2.json %t.d2.json | FileCheck %s --check-prefix=TRAFFIC
// With DMA bursts and double buffering (nvdla-small): each strip's row
// program pipelined.
// RUN: cnn-opt %t.mlir --target=nvdla-small,sram_bytes=1200 --merge-layers=width-strips | FileCheck %s --check-prefix=PLAN1200
// RUN: cnn-opt %t.mlir --target=nvdla-small,sram_bytes=1200 --merge-layers=width-strips "--cnn-traffic-report=format=json output-file=%t.m3.json" --lower-to-dma --dma-verify-arena "--dma-traffic-report=format=json output-file=%t.d3.json" --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.s3
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.s3 | FileCheck %s --check-prefix=SAME
// RUN: %python3 %S/Inputs/compare_units.py %t.m3.json %t.d3.json | FileCheck %s --check-prefix=TRAFFIC

// Fusion groups in width strips on an i8 map of odd width (3x11x37): a
// padded 3x3 convolution, a strided depthwise convolution, a pointwise one
// with a residual add, a dilated 3x3 convolution (pad 2), a concatenation,
// a padded 3x3 max pool and a projection. At these sizes the groups' line
// buffers do not fit at the whole width, and they run in strips (edge
// strips alone, the others in a loop): every program computes exactly what
// the untiled reference computes and moves exactly the modeled traffic.
// PLAN600: cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = {{[0-9]+}}, weight_bytes = {{[0-9]+}}, strip_width = {{[0-9]+}},
// PLAN600: cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = {{[0-9]+}}, weight_bytes = {{[0-9]+}}, strip_width = {{[0-9]+}},
// PLAN1200: strip_width
// SAME: equal: 456 values, {{[1-9][0-9]+}} distinct
// TRAFFIC: equal: {{[1-9]}} groups

func.func @net(%x: tensor<1x3x11x37xi8>) -> tensor<1x4x6x19xi8> {
  %w0 = cnn.weight : tensor<8x3x3x3xi8>
  %b0 = cnn.weight : tensor<8xi32>
  %c0 = cnn.conv2d %x, %w0, %b0 {padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>, name = "conv0"}
      : (tensor<1x3x11x37xi8>, tensor<8x3x3x3xi8>, tensor<8xi32>) -> tensor<1x8x11x37xi8>
  %w1 = cnn.weight : tensor<8x1x3x3xi8>
  %d1 = cnn.conv2d %c0, %w1 {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, groups = 8, name = "dw1"}
      : (tensor<1x8x11x37xi8>, tensor<8x1x3x3xi8>) -> tensor<1x8x6x19xi8>
  %w2 = cnn.weight : tensor<8x8x1x1xi8>
  %p2 = cnn.conv2d %d1, %w2 {activation = #cnn.activation<relu>, name = "pw1"}
      : (tensor<1x8x6x19xi8>, tensor<8x8x1x1xi8>) -> tensor<1x8x6x19xi8>
  %r = cnn.add %p2, %d1 {name = "res"} : tensor<1x8x6x19xi8>
  %w3 = cnn.weight : tensor<6x8x3x3xi8>
  %c3 = cnn.conv2d %r, %w3 {padding = array<i64: 2, 2, 2, 2>, dilation = array<i64: 2, 2>, name = "dil"}
      : (tensor<1x8x6x19xi8>, tensor<6x8x3x3xi8>) -> tensor<1x6x6x19xi8>
  %cat = cnn.concat %c3, %r {name = "cat"} : (tensor<1x6x6x19xi8>, tensor<1x8x6x19xi8>) -> tensor<1x14x6x19xi8>
  %m = cnn.max_pool %cat {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, name = "pool"}
      : tensor<1x14x6x19xi8> -> tensor<1x14x6x19xi8>
  %w4 = cnn.weight : tensor<4x14x1x1xi8>
  %c4 = cnn.conv2d %m, %w4 {name = "proj"} : (tensor<1x14x6x19xi8>, tensor<4x14x1x1xi8>) -> tensor<1x4x6x19xi8>
  return %c4 : tensor<1x4x6x19xi8>
}
