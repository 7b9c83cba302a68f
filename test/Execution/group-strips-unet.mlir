// RUN: cnn-opt %s --cnn-fill-weights=seed=41 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=600 --merge-layers=width-strips | FileCheck %s --check-prefix=PLAN
// RUN: cnn-opt %t.mlir --tile-for-sram=600 --merge-layers=width-strips "--cnn-traffic-report=format=json output-file=%t.m1.json" --lower-to-dma --dma-verify-arena "--dma-traffic-report=format=json output-file=%t.d1.json" --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.s1
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.s1 | FileCheck %s --check-prefix=SAME
// RUN: %python3 %S/Inputs/compare_units.py %t.m1.json %t.d1.json | FileCheck %s --check-prefix=TRAFFIC
// RUN: cnn-opt %t.mlir --target=nvdla-small,sram_bytes=1600 --merge-layers=width-strips "--cnn-traffic-report=format=json output-file=%t.m2.json" --lower-to-dma --dma-verify-arena "--dma-traffic-report=format=json output-file=%t.d2.json" --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.s2
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.s2 | FileCheck %s --check-prefix=SAME
// RUN: %python3 %S/Inputs/compare_units.py %t.m2.json %t.d2.json | FileCheck %s --check-prefix=TRAFFIC

// A small U-Net in width strips (i8, 3x10x29): a padded convolution, a max
// pool with right padding, a pad of unequal sides, a valid convolution, a
// 1x2 convolution that trims a column, a nearest 2x up-sampling (strips of
// even width: the period is 2 there), a pad of nothing, another trimming
// convolution, the skip concatenation and a last convolution. The pads and
// the up-sampling run inside groups in strips; every program computes
// exactly what the untiled reference computes and moves exactly the
// modeled traffic, on a plain target and a double-buffered one with bursts.
// At 600 bytes the groups of the pad and of the up-sampling keep their
// inputs' halo columns from strip to strip (keep_halo), the last group
// reads them again.
// PLAN: strip_width = {{[0-9]+}}, keep_halo
// PLAN: cnn.pad
// PLAN: strip_width = {{[0-9]+}}, keep_halo
// PLAN: cnn.resize
// PLAN: strip_width = {{[0-9]+}}, buffers
// SAME: equal: 1160 values, {{[1-9][0-9]+}} distinct
// TRAFFIC: equal: {{[1-9]}} groups

func.func @unet(%x: tensor<1x3x10x29xi8>) -> tensor<1x4x10x29xi8> {
  %w0 = cnn.weight : tensor<6x3x3x3xi8>
  %b0 = cnn.weight : tensor<6xi32>
  %c0 = cnn.conv2d %x, %w0, %b0 {padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>, name = "enc"}
      : (tensor<1x3x10x29xi8>, tensor<6x3x3x3xi8>, tensor<6xi32>) -> tensor<1x6x10x29xi8>
  %d = cnn.max_pool %c0 {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 1>, name = "down"}
      : tensor<1x6x10x29xi8> -> tensor<1x6x5x15xi8>
  %p = cnn.pad %d {padding = array<i64: 1, 1, 2, 1>, name = "pad"} : tensor<1x6x5x15xi8> -> tensor<1x6x7x18xi8>
  %w1 = cnn.weight : tensor<6x6x3x3xi8>
  %c1 = cnn.conv2d %p, %w1 {padding = array<i64: 0, 0, 0, 0>, activation = #cnn.activation<relu>, name = "mid"}
      : (tensor<1x6x7x18xi8>, tensor<6x6x3x3xi8>) -> tensor<1x6x5x16xi8>
  %w2 = cnn.weight : tensor<6x6x1x2xi8>
  %c2 = cnn.conv2d %c1, %w2 {name = "fix"}
      : (tensor<1x6x5x16xi8>, tensor<6x6x1x2xi8>) -> tensor<1x6x5x15xi8>
  %u = cnn.resize %c2 {scale = array<i64: 2, 2>, name = "up"} : tensor<1x6x5x15xi8> -> tensor<1x6x10x30xi8>
  %pu = cnn.pad %u {padding = array<i64: 0, 0, 0, 0>, name = "same"} : tensor<1x6x10x30xi8> -> tensor<1x6x10x30xi8>
  %w3 = cnn.weight : tensor<6x6x1x2xi8>
  %c3 = cnn.conv2d %pu, %w3 {name = "crop"} : (tensor<1x6x10x30xi8>, tensor<6x6x1x2xi8>) -> tensor<1x6x10x29xi8>
  %cat = cnn.concat %c3, %c0 {name = "skip"} : (tensor<1x6x10x29xi8>, tensor<1x6x10x29xi8>) -> tensor<1x12x10x29xi8>
  %w4 = cnn.weight : tensor<4x12x3x3xi8>
  %c4 = cnn.conv2d %cat, %w4 {padding = array<i64: 1, 1, 1, 1>, name = "dec"}
      : (tensor<1x12x10x29xi8>, tensor<4x12x3x3xi8>) -> tensor<1x4x10x29xi8>
  return %c4 : tensor<1x4x10x29xi8>
}
