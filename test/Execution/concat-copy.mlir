// RUN: cnn-opt %s --cnn-fill-weights=seed=3 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=64 --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.alone
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.alone | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=64 "--cnn-traffic-report=format=json output-file=%t.model.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model.json %t.dma.json | FileCheck %s --check-prefix=TRAFFIC
// RUN: cnn-opt %t.mlir --tile-for-sram=64 | FileCheck %s
// RUN: cnn-opt %t.mlir --tile-for-sram=64 --merge-layers | FileCheck %s --check-prefix=SMALL
// RUN: cnn-opt %t.mlir --tile-for-sram=64 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.merged
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.merged | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=64 --merge-layers | cnn-opt --tile-for-sram=64 | FileCheck %s --check-prefix=REPLANNED

// A concatenation outside fusion groups is a DRAM buffer its parts'
// producers write into. The function's input has no producer, and a tensor
// in two such concatenations is written into the later one only: planning
// copies those parts with an identity select_channels (8 x 2 x 4 = 64
// bytes read and written each), which the model counts and the lowering
// runs, alone and after merging (which forms no group at 64 bytes).
// Re-planning removes the old copies first and adds the ones the new plan
// needs.
// CHECK: %concat_copy_0 = cnn.select_channels %arg0 {channels = array<i64: 0, 1, 2, 3, 4, 5, 6, 7>, cnn.concat_copy, {{.*}}cnn.traffic = #cnn.traffic<input = 64, weights = 0, output = 64>
// CHECK: %concat_copy_1 = cnn.select_channels %a
// CHECK: %concat = cnn.concat %concat_copy_0, %concat_copy_1
// CHECK: %again = cnn.concat %a, %concat
// SMALL: cnn.concat %concat_copy_0, %concat_copy_1
// REPLANNED-COUNT-2: cnn.select_channels
// REPLANNED-NOT: cnn.select_channels
// SAME: equal: 192 values, {{[1-9][0-9]+}} distinct
// TRAFFIC: equal: {{[0-9]}} groups

func.func @net(%x: tensor<1x8x2x4xi8>) -> tensor<1x24x2x4xi8> {
  %w1 = cnn.weight : tensor<8x8x3x3xi8>
  %a = cnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>, name = "a"}
      : (tensor<1x8x2x4xi8>, tensor<8x8x3x3xi8>) -> tensor<1x8x2x4xi8>
  %c = cnn.concat %x, %a {name = "concat"} : (tensor<1x8x2x4xi8>, tensor<1x8x2x4xi8>) -> tensor<1x16x2x4xi8>
  %d = cnn.concat %a, %c {name = "again"} : (tensor<1x8x2x4xi8>, tensor<1x16x2x4xi8>) -> tensor<1x24x2x4xi8>
  return %d : tensor<1x24x2x4xi8>
}
