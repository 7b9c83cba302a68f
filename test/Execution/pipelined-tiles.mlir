// RUN: cnn-opt %s --cnn-fill-weights=seed=23 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --target=nvdla-small,sram_bytes=1024 --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.small
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.small | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --target=nvdla-small,sram_bytes=4096 --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.large
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.large | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --target=nvdla-small,sram_bytes=1024 "--cnn-traffic-report=format=json output-file=%t.model.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma.json" -o %t.low.mlir
// RUN: %python3 %S/Inputs/compare_units.py %t.model.json %t.dma.json | FileCheck %s --check-prefix=ALONE
// RUN: cnn-opt %t.mlir --target=nvdla-small,sram_bytes=1024 | FileCheck %s --check-prefix=PLAN
// RUN: FileCheck %s --check-prefix=LOWERED < %t.low.mlir

// Layers alone on a target whose DMA overlaps compute (nvdla-small: 8-byte
// bursts, double buffering): each layer's innermost loop of more than one
// trip is pipelined (the next tile loads and the previous one stores
// asynchronously, into and from the second copies of the tile buffers,
// while the current one computes). A 3x3 convolution whose input channels
// are split pipelines its input-channel loop (partial sums stay in one
// copy); the others pipeline a loop of rows, columns or channels and store
// each tile. Every program computes exactly what the untiled reference
// computes and moves exactly the modeled traffic.
// SAME: equal: 10 values, {{[1-9][0-9]*}} distinct
// ALONE: equal: 0 groups
// conv1 splits its input channels (tc < 16): its input-channel loop is
// pipelined, the output stored once after it.
// PLAN: cnn.tiling = #cnn.tiling<tm = {{[0-9]+}}, te = {{[0-9]+}}, tf = {{[0-9]+}}, tc = {{[0-9]+}}, order = {{[a-z]+}}, buffer = {{[0-9]+}}>{{.*}}name = "conv0"
// PLAN: cnn.tiling = #cnn.tiling<tm = {{[0-9]+}}, te = {{[0-9]+}}, tf = {{[0-9]+}}, tc = {{[1-9]|1[0-5]}}, order = {{[a-z]+}}, buffer = {{[0-9]+}}>{{.*}}name = "conv1"
// LOWERED: dma.load_async
// LOWERED: dma.store_async
// LOWERED: dma.wait
// LOWERED: {cnn.layer = "conv0"}
// LOWERED: dma.load_async {{.*}}{kind = "input"}
// LOWERED: dma.load_async {{.*}}{kind = "weights"}
// LOWERED-NOT: dma.store_async
// LOWERED: {cnn.layer = "conv1"}
// LOWERED: dma.store_async
// LOWERED: {cnn.layer = "dw"}
// The grouped convolution computes each group in one tile: no loop of
// tiles to pipeline (groups run one after another).
// LOWERED-NOT: _async
// LOWERED: {cnn.layer = "grouped"}
// LOWERED: dma.load_async
// LOWERED: {cnn.layer = "max"}
// LOWERED: dma.store_async
// LOWERED: {cnn.layer = "avg"}
// LOWERED: dma.load_async {{.*}}{kind = "weights"}
// LOWERED: {cnn.layer = "fc"}

func.func @net(%x: tensor<1x3x12x12xi8>) -> tensor<1x10x1x1xi8> {
  %w0 = cnn.weight : tensor<16x3x3x3xi8>
  %b0 = cnn.weight : tensor<16xi32>
  %c0 = cnn.conv2d %x, %w0, %b0 {padding = array<i64: 1, 1, 1, 1>,
                                 activation = #cnn.activation<relu>, name = "conv0"}
      : (tensor<1x3x12x12xi8>, tensor<16x3x3x3xi8>, tensor<16xi32>) -> tensor<1x16x12x12xi8>
  %w1 = cnn.weight : tensor<16x16x3x3xi8>
  %b1 = cnn.weight : tensor<16xi32>
  %c1 = cnn.conv2d %c0, %w1, %b1 {padding = array<i64: 1, 1, 1, 1>,
                                  activation = #cnn.activation<relu>, name = "conv1"}
      : (tensor<1x16x12x12xi8>, tensor<16x16x3x3xi8>, tensor<16xi32>) -> tensor<1x16x12x12xi8>
  %w2 = cnn.weight : tensor<16x1x3x3xi8>
  %d2 = cnn.conv2d %c1, %w2 {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, groups = 16,
                             name = "dw"}
      : (tensor<1x16x12x12xi8>, tensor<16x1x3x3xi8>) -> tensor<1x16x6x6xi8>
  %w3 = cnn.weight : tensor<16x4x3x3xi8>
  %g3 = cnn.conv2d %d2, %w3 {padding = array<i64: 0, 1, 1, 0>, groups = 4, name = "grouped"}
      : (tensor<1x16x6x6xi8>, tensor<16x4x3x3xi8>) -> tensor<1x16x5x5xi8>
  %m = cnn.max_pool %g3 {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, name = "max"}
      : tensor<1x16x5x5xi8> -> tensor<1x16x5x5xi8>
  %a = cnn.avg_pool %m {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = array<i64: 0, 1, 0, 1>, name = "avg"}
      : tensor<1x16x5x5xi8> -> tensor<1x16x3x3xi8>
  %fw = cnn.weight : tensor<10x144xi8>
  %fb = cnn.weight : tensor<10xi32>
  %f = cnn.fully_connected %a, %fw, %fb {name = "fc"}
      : (tensor<1x16x3x3xi8>, tensor<10x144xi8>, tensor<10xi32>) -> tensor<1x10x1x1xi8>
  return %f : tensor<1x10x1x1xi8>
}
