// RUN: cnn-opt %s --cnn-fill-weights=seed=3 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=30 --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.tiled
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.tiled  | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=30 | FileCheck %s

// Pooling with overlapping windows and padding on an odd 9x7 i8 map, at
// 30 bytes: a 3x3 max pool with stride 2 and padding 1 (padding never
// wins), then a 3x3 average pool with stride 1 and padding 1 (the average
// counts only valid elements). Both run one channel at a time; the max
// pool in 2x2 output tiles whose windows overlap (halos read again) and
// clip at the edges, the average pool in column tiles.
// CHECK: %max = cnn.max_pool {{.*}}cnn.tiling = #cnn.tiling<tm = 1, te = 2, tf = 2, tc = 1,
// CHECK: %avg = cnn.avg_pool {{.*}}cnn.tiling = #cnn.tiling<tm = 1, te = 5, tf = 2, tc = 1,
// SAME: equal: 120 values, {{[1-9][0-9]+}} distinct

func.func @net(%x: tensor<1x6x9x7xi8>) -> tensor<1x6x5x4xi8> {
  %m = cnn.max_pool %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                        padding = array<i64: 1, 1, 1, 1>, name = "max"}
      : tensor<1x6x9x7xi8> -> tensor<1x6x5x4xi8>
  %a = cnn.avg_pool %m {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, name = "avg"}
      : tensor<1x6x5x4xi8> -> tensor<1x6x5x4xi8>
  return %a : tensor<1x6x5x4xi8>
}
