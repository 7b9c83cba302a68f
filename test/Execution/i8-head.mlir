// RUN: cnn-opt %s --cnn-fill-weights=seed=7 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=64 --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.tiled
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.tiled | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=64 | FileCheck %s

// The classifier head of the zoo's i8 networks: global average pooling, a
// fully connected layer split into output- and input-channel tiles at 64
// bytes, and the integer softmax of docs/Semantics.md (f32 inside, scaled
// to 127). The tiled program's 12 probabilities equal the reference's.
// CHECK: %fc = cnn.fully_connected {{.*}}cnn.tiling = #cnn.tiling<tm = {{[0-9]+}}, te = 1, tf = 1, tc = {{[0-9]+}},
// SAME: equal: 12 values

func.func @net(%x: tensor<1x40x3x3xi8>) -> tensor<1x12x1x1xi8> {
  %g = cnn.global_avg_pool %x {name = "gap"} : tensor<1x40x3x3xi8> -> tensor<1x40x1x1xi8>
  %w = cnn.weight : tensor<12x40xi8>
  %b = cnn.weight : tensor<12xi32>
  %f = cnn.fully_connected %g, %w, %b {name = "fc"}
      : (tensor<1x40x1x1xi8>, tensor<12x40xi8>, tensor<12xi32>) -> tensor<1x12x1x1xi8>
  %p = cnn.softmax %f {name = "prob"} : tensor<1x12x1x1xi8>
  return %p : tensor<1x12x1x1xi8>
}
