// RUN: cnn-opt %s --cnn-fill-weights=seed=23 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=65536 --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.alone
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.alone | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=8192 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.rows
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.rows | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=512 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.small
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.small | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=512 --merge-layers | FileCheck %s --check-prefix=ROWS
// RUN: cnn-opt %t.mlir --tile-for-sram=8192 --merge-layers | FileCheck %s --check-prefix=WHOLE
// The reference's integer activations against a Python evaluation of
// docs/Semantics.md on every i8 input.
// RUN: cnn-opt %S/Inputs/activation-table.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.table
// RUN: %python3 %S/Inputs/activation_table.py %t.table | FileCheck %s --check-prefix=TABLE

// The activations of MobileNet v3 and EfficientNet on an i8 network:
// hard-swish fused into a convolution, a squeeze-and-excitation gate with
// hard-sigmoid, x * hard_sigmoid(x) as a cnn.mul of two maps, sigmoid on a
// multiply, tanh as a layer after a concatenation, a leaky ReLU with
// per-channel slopes (cnn.prelu) at the end. Alone, merged at 512 bytes
// (mode rows, the gate's factors read whole) and at 8192 bytes (the whole
// network in one group of mode resident, the squeeze's global pool
// included), the lowered programs compute exactly what the untiled
// reference computes.
// SAME: equal: 288 values, {{[1-9][0-9]+}} distinct
// ROWS: cnn.fusion_group {mode = #cnn.fusion_mode<rows>
// ROWS: cnn.mul
// ROWS: cnn.fusion_group {mode = #cnn.fusion_mode<rows>
// ROWS: cnn.prelu
// WHOLE: cnn.fusion_group {mode = #cnn.fusion_mode<resident>
// WHOLE-NEXT: %conv1 = cnn.conv2d
// WHOLE-NOT: cnn.fusion_group
// WHOLE: cnn.prelu
// WHOLE-NEXT: cnn.yield
// TABLE: equal: 9 activations, 29 inputs each

func.func @net(%x: tensor<1x8x6x6xi8>) -> tensor<1x8x6x6xi8> {
  %w1 = cnn.weight : tensor<8x8x3x3xi8>
  %b1 = cnn.weight : tensor<8xi32>
  %a = cnn.conv2d %x, %w1, %b1 {name = "conv1", padding = array<i64: 1, 1, 1, 1>,
      activation = #cnn.activation<hard_swish>}
      : (tensor<1x8x6x6xi8>, tensor<8x8x3x3xi8>, tensor<8xi32>) -> tensor<1x8x6x6xi8>
  %g = cnn.global_avg_pool %a {name = "squeeze"} : tensor<1x8x6x6xi8> -> tensor<1x8x1x1xi8>
  %wf = cnn.weight : tensor<8x8x1x1xi8>
  %bf = cnn.weight : tensor<8xi32>
  %s = cnn.conv2d %g, %wf, %bf {name = "gate", activation = #cnn.activation<hard_sigmoid>}
      : (tensor<1x8x1x1xi8>, tensor<8x8x1x1xi8>, tensor<8xi32>) -> tensor<1x8x1x1xi8>
  %e = cnn.mul %a, %s {name = "excite"} : (tensor<1x8x6x6xi8>, tensor<1x8x1x1xi8>) -> tensor<1x8x6x6xi8>
  %w2 = cnn.weight : tensor<8x8x1x1xi8>
  %h = cnn.conv2d %e, %w2 {name = "conv2", activation = #cnn.activation<hard_sigmoid>}
      : (tensor<1x8x6x6xi8>, tensor<8x8x1x1xi8>) -> tensor<1x8x6x6xi8>
  %m = cnn.mul %e, %h {name = "swish", activation = #cnn.activation<sigmoid>}
      : (tensor<1x8x6x6xi8>, tensor<1x8x6x6xi8>) -> tensor<1x8x6x6xi8>
  %c = cnn.concat %m, %e {name = "concat"} : (tensor<1x8x6x6xi8>, tensor<1x8x6x6xi8>) -> tensor<1x16x6x6xi8>
  %t = cnn.activation %c {name = "tanh", kind = #cnn.activation<tanh>} : tensor<1x16x6x6xi8>
  %w3 = cnn.weight : tensor<8x16x1x1xi8>
  %p = cnn.conv2d %t, %w3 {name = "proj", activation = #cnn.activation<hard_swish>}
      : (tensor<1x16x6x6xi8>, tensor<8x16x1x1xi8>) -> tensor<1x8x6x6xi8>
  %slopes = cnn.weight : tensor<1x8x1x1xi8>
  %y = cnn.prelu %p, %slopes {name = "prelu"} : (tensor<1x8x6x6xi8>, tensor<1x8x1x1xi8>) -> tensor<1x8x6x6xi8>
  return %y : tensor<1x8x6x6xi8>
}
