// RUN: cnn-opt %s --cnn-fill-weights=seed=5 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=64 --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.alone
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.alone | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=64 "--cnn-traffic-report=format=json output-file=%t.model.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model.json %t.dma.json | FileCheck %s --check-prefix=TRAFFIC
// RUN: cnn-opt %t.mlir --tile-for-sram=64 | FileCheck %s --check-prefix=ALONE
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.rows
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.rows | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers | FileCheck %s --check-prefix=ROWS
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers "--cnn-traffic-report=format=json output-file=%t.model2.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma2.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model2.json %t.dma2.json | FileCheck %s --check-prefix=TRAFFIC
//
// The same network on 2x3 maps is one group in mode resident at 1024 bytes.
// RUN: sed 's/5x6x/2x3x/g' %s | cnn-opt --cnn-fill-weights=seed=5 -o %t.small.mlir
// RUN: cnn-opt %t.small.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.small.ref
// RUN: cnn-opt %t.small.mlir --tile-for-sram=1024 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.resident
// RUN: %python3 %S/Inputs/compare_outputs.py %t.small.ref %t.resident | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.small.mlir --tile-for-sram=1024 --merge-layers | FileCheck %s --check-prefix=RESIDENT
// RUN: cnn-opt %t.small.mlir --tile-for-sram=1024 --merge-layers "--cnn-traffic-report=format=json output-file=%t.model3.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma3.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model3.json %t.dma3.json | FileCheck %s --check-prefix=TRAFFIC

// Channel selections (ShuffleNet's shuffle of two groups, a slice, and an
// irregular pick with a repeated channel) of a concatenation: alone, each
// output channel streams through SRAM from the input channel it selects;
// in a group, runs of channels are copied as strided views, split where
// the concatenation's parts split them.
//
// Alone, a selection reads only the channels it selects: 'pick' reads 8 of
// the 16 channels of 5x6 i8, 8 * 30 = 240 bytes, and writes 240.
// ALONE: %shuffle = cnn.select_channels {{.*}}cnn.traffic = #cnn.traffic<input = 480, weights = 0, output = 480>
// ALONE: %pick = cnn.select_channels {{.*}}cnn.traffic = #cnn.traffic<input = 240, weights = 0, output = 240>
// ROWS: cnn.fusion_group {mode = #cnn.fusion_mode<rows>
// ROWS: cnn.select_channels
// RESIDENT: cnn.fusion_group {mode = #cnn.fusion_mode<resident>
// RESIDENT: cnn.select_channels
// SAME: equal: {{240|48}} values, {{[1-9][0-9]+}} distinct
// TRAFFIC: equal: {{[0-9]}} groups

func.func @net(%x: tensor<1x8x5x6xi8>) -> tensor<1x8x5x6xi8> {
  %w1 = cnn.weight : tensor<8x8x3x3xi8>
  %a = cnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>, name = "a"}
      : (tensor<1x8x5x6xi8>, tensor<8x8x3x3xi8>) -> tensor<1x8x5x6xi8>
  %w0 = cnn.weight : tensor<8x8x1x1xi8>
  %b = cnn.conv2d %x, %w0 {name = "b"} : (tensor<1x8x5x6xi8>, tensor<8x8x1x1xi8>) -> tensor<1x8x5x6xi8>
  %c = cnn.concat %b, %a {name = "concat"} : (tensor<1x8x5x6xi8>, tensor<1x8x5x6xi8>) -> tensor<1x16x5x6xi8>
  %s = cnn.select_channels %c {channels = array<i64: 0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15>, name = "shuffle"}
      : tensor<1x16x5x6xi8> -> tensor<1x16x5x6xi8>
  %t = cnn.select_channels %s {channels = array<i64: 2, 3, 4, 5, 6, 7, 8, 9>, name = "slice"}
      : tensor<1x16x5x6xi8> -> tensor<1x8x5x6xi8>
  %u = cnn.select_channels %c {channels = array<i64: 15, 3, 3, 9, 12, 1, 0, 7>, name = "pick"}
      : tensor<1x16x5x6xi8> -> tensor<1x8x5x6xi8>
  %w2 = cnn.weight : tensor<8x8x3x3xi8>
  %d = cnn.conv2d %t, %w2 {padding = array<i64: 1, 1, 1, 1>, name = "d"}
      : (tensor<1x8x5x6xi8>, tensor<8x8x3x3xi8>) -> tensor<1x8x5x6xi8>
  %o = cnn.add %d, %u {name = "sum"} : tensor<1x8x5x6xi8>
  return %o : tensor<1x8x5x6xi8>
}
