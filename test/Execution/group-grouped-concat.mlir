// RUN: cnn-opt %s --cnn-fill-weights=seed=5 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.tiled
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.tiled | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers | FileCheck %s
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers "--cnn-traffic-report=format=json output-file=%t.model.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model.json %t.dma.json | FileCheck %s --check-prefix=TRAFFIC
// RUN: cnn-opt %t.mlir --tile-for-sram=8192 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.rows
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.rows | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=8192 --merge-layers | FileCheck %s --check-prefix=ROWS
// RUN: cnn-opt %t.mlir --tile-for-sram=8192 --merge-layers "--cnn-traffic-report=format=json output-file=%t.model2.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma2.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model2.json %t.dma2.json | FileCheck %s --check-prefix=TRAFFIC
// With 16-byte bursts under DMA overlap at 1200 bytes, a group ending at
// 'concat' would store it while its first part is the network's input,
// which no layer writes into it: the group stops before it.
// RUN: cnn-opt %t.mlir "--target=%S/../Transforms/Inputs/latency-target.json,sram_bytes=1200" --merge-layers --cnn-traffic-report=output-file=- -o /dev/null | FileCheck %s --check-prefix=BOUNDARY
// RUN: cnn-opt %t.mlir "--target=%S/../Transforms/Inputs/latency-target.json,sram_bytes=1200" --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.burst
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.burst | FileCheck %s --check-prefix=SAME
// BOUNDARY: after 'a': concatenation 'concat' leaves the group with the network's input 'arg0', which no layer writes into it

// DenseNet's batch norm after a concatenation, imported as a per-channel
// scale and shift (a depthwise 1x1 convolution), and a grouped 3x3
// convolution (4 groups of 8 input channels) of a concatenation of 16, 8
// and 8 channels, inside a group in mode resident: each output channel
// reads its group's channels from the part of the concatenation that holds
// them; a grouped convolution (2 groups of 16) whose second group reads
// two parts (8 + 8 channels) loops over its groups. In mode rows (at 8192 bytes) the same, and a grouped convolution
// of a plain map loops over its 2 groups.
// CHECK: cnn.fusion_group {mode = #cnn.fusion_mode<resident>
// CHECK: cnn.concat
// CHECK: cnn.conv2d {{.*}}groups = 16
// CHECK: cnn.conv2d {{.*}}groups = 4
// CHECK: cnn.conv2d {{.*}}groups = 2
// ROWS: cnn.fusion_group {mode = #cnn.fusion_mode<rows>
// ROWS: cnn.conv2d {{.*}}groups = 2
// SAME: equal: 32 values, {{[1-9][0-9]+}} distinct
// TRAFFIC: equal: {{[1-9]}} groups

func.func @net(%x: tensor<1x8x2x2xi8>) -> tensor<1x8x2x2xi8> {
  %w1 = cnn.weight : tensor<8x8x3x3xi8>
  %a = cnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>, name = "a"}
      : (tensor<1x8x2x2xi8>, tensor<8x8x3x3xi8>) -> tensor<1x8x2x2xi8>
  %c = cnn.concat %x, %a {name = "concat"} : (tensor<1x8x2x2xi8>, tensor<1x8x2x2xi8>) -> tensor<1x16x2x2xi8>
  %ws = cnn.weight : tensor<16x1x1x1xi8>
  %bs = cnn.weight : tensor<16xi32>
  %n = cnn.conv2d %c, %ws, %bs {groups = 16 : i64, name = "norm", activation = #cnn.activation<relu>}
      : (tensor<1x16x2x2xi8>, tensor<16x1x1x1xi8>, tensor<16xi32>) -> tensor<1x16x2x2xi8>
  %c2 = cnn.concat %n, %c {name = "concat2"} : (tensor<1x16x2x2xi8>, tensor<1x16x2x2xi8>) -> tensor<1x32x2x2xi8>
  %w2 = cnn.weight : tensor<16x8x3x3xi8>
  %y = cnn.conv2d %c2, %w2 {groups = 4 : i64, padding = array<i64: 1, 1, 1, 1>, name = "grouped"}
      : (tensor<1x32x2x2xi8>, tensor<16x8x3x3xi8>) -> tensor<1x16x2x2xi8>
  %w4 = cnn.weight : tensor<16x16x3x3xi8>
  %st = cnn.conv2d %c2, %w4 {groups = 2 : i64, padding = array<i64: 1, 1, 1, 1>, name = "straddle"}
      : (tensor<1x32x2x2xi8>, tensor<16x16x3x3xi8>) -> tensor<1x16x2x2xi8>
  %s = cnn.add %y, %st {name = "sum"} : tensor<1x16x2x2xi8>
  %w3 = cnn.weight : tensor<8x8x3x3xi8>
  %z = cnn.conv2d %s, %w3 {groups = 2 : i64, padding = array<i64: 1, 1, 1, 1>, name = "plain"}
      : (tensor<1x16x2x2xi8>, tensor<8x8x3x3xi8>) -> tensor<1x8x2x2xi8>
  return %z : tensor<1x8x2x2xi8>
}
