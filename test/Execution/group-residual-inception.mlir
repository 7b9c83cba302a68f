// RUN: cnn-opt %s --cnn-fill-weights=seed=10 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=800 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.tiled
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.tiled | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=800 --merge-layers | FileCheck %s
// RUN: cnn-opt %t.mlir --tile-for-sram=800 --merge-layers "--cnn-traffic-report=format=json output-file=%t.model.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model.json %t.dma.json | FileCheck %s --check-prefix=TRAFFIC

// A residual block followed by an inception-style block (1x1 and 3x3
// branches, a concat, a 1x1 convolution) on 4x9x7 i8, merged into one group at 800 bytes:
// the skip rows stay in the input's line buffer until the add reads them,
// and the concatenated branches are read through their line buffers.
// CHECK: cnn.fusion_group {mode = #cnn.fusion_mode<rows>
// SAME: equal: 252 values, {{[1-9][0-9]*}} distinct
// TRAFFIC: equal: 1 groups

func.func @net(%x: tensor<1x4x9x7xi8>) -> tensor<1x4x9x7xi8> {
  %w1 = cnn.weight : tensor<4x4x3x3xi8>
  %w2 = cnn.weight : tensor<4x4x3x3xi8>
  %c1 = cnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>, name = "c1"}
      : (tensor<1x4x9x7xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x9x7xi8>
  %c2 = cnn.conv2d %c1, %w2 {padding = array<i64: 1, 1, 1, 1>, name = "c2"}
      : (tensor<1x4x9x7xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x9x7xi8>
  %y = cnn.add %c2, %x {activation = #cnn.activation<relu>, name = "y"} : tensor<1x4x9x7xi8>
  %wa = cnn.weight : tensor<2x4x1x1xi8>
  %wb = cnn.weight : tensor<2x4x3x3xi8>
  %wc = cnn.weight : tensor<4x4x1x1xi8>
  %b1 = cnn.conv2d %y, %wa {name = "b1"} : (tensor<1x4x9x7xi8>, tensor<2x4x1x1xi8>) -> tensor<1x2x9x7xi8>
  %b2 = cnn.conv2d %y, %wb {padding = array<i64: 1, 1, 1, 1>, name = "b2"}
      : (tensor<1x4x9x7xi8>, tensor<2x4x3x3xi8>) -> tensor<1x2x9x7xi8>
  %cat = cnn.concat %b1, %b2 {name = "cat"} : (tensor<1x2x9x7xi8>, tensor<1x2x9x7xi8>) -> tensor<1x4x9x7xi8>
  %z = cnn.conv2d %cat, %wc {name = "z"} : (tensor<1x4x9x7xi8>, tensor<4x4x1x1xi8>) -> tensor<1x4x9x7xi8>
  return %z : tensor<1x4x9x7xi8>
}
