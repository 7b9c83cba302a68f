// RUN: cnn-opt %s --cnn-fill-weights=seed=3 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=65536 --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.alone
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.alone | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=2048 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.rows
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.rows | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=2048 --merge-layers | FileCheck %s --check-prefix=ROWS
// RUN: cnn-opt %t.mlir --tile-for-sram=65536 "--cnn-traffic-report=format=json output-file=%t.model.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model.json %t.dma.json | FileCheck %s --check-prefix=ALONE
// RUN: cnn-opt %t.mlir --tile-for-sram=2048 --merge-layers "--cnn-traffic-report=format=json output-file=%t.model2.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma2.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model2.json %t.dma2.json | FileCheck %s --check-prefix=TRAFFIC

// Bilinear up-sampling of an i8 map by 3 (odd) in rows and 2 in columns,
// then by 2 and 4 (even), between convolutions: alone (a circular buffer of
// two input rows per channel) and merged (mode rows), the lowered programs
// compute exactly what the untiled reference computes and move exactly the
// modeled traffic.
// SAME: equal: 480 values, {{[1-9][0-9]+}} distinct
// ROWS: cnn.fusion_group {mode = #cnn.fusion_mode<rows>
// ROWS: cnn.resize
// ALONE: equal: 0 groups
// TRAFFIC: equal: {{[1-9]}} groups

func.func @net(%x: tensor<1x4x5x3xi8>) -> tensor<1x2x30x8xi8> {
  %w1 = cnn.weight : tensor<4x4x3x3xi8>
  %a = cnn.conv2d %x, %w1 {name = "conv1", padding = array<i64: 1, 1, 1, 1>}
      : (tensor<1x4x5x3xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x5x3xi8>
  %u = cnn.resize %a {name = "up3x2", scale = array<i64: 3, 2>, mode = #cnn.resize_mode<bilinear>}
      : tensor<1x4x5x3xi8> -> tensor<1x4x15x6xi8>
  %w2 = cnn.weight : tensor<2x4x3x3xi8>
  %b = cnn.conv2d %u, %w2 {name = "conv2", padding = array<i64: 1, 1, 1, 1>}
      : (tensor<1x4x15x6xi8>, tensor<2x4x3x3xi8>) -> tensor<1x2x15x6xi8>
  %v = cnn.resize %b {name = "up2x4", scale = array<i64: 2, 4>, mode = #cnn.resize_mode<bilinear>}
      : tensor<1x2x15x6xi8> -> tensor<1x2x30x24xi8>
  %w3 = cnn.weight : tensor<2x2x1x3xi8>
  %y = cnn.conv2d %v, %w3 {name = "conv3", strides = array<i64: 1, 3>}
      : (tensor<1x2x30x24xi8>, tensor<2x2x1x3xi8>) -> tensor<1x2x30x8xi8>
  return %y : tensor<1x2x30x8xi8>
}
