// RUN: cnn-opt %s --cnn-fill-weights=seed=17 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=600 --merge-layers=width-strips | FileCheck %s --check-prefix=PLAN
// RUN: cnn-opt %t.mlir --tile-for-sram=600 --merge-layers=width-strips "--cnn-traffic-report=format=json output-file=%t.m.json" --lower-to-dma --dma-verify-arena "--dma-traffic-report=format=json output-file=%t.d.json" -o %t.low.mlir
// RUN: FileCheck %s --check-prefix=LOW < %t.low.mlir
// RUN: cnn-opt %t.low.mlir --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.kept
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.kept | FileCheck %s --check-prefix=SAME
// RUN: %python3 %S/Inputs/compare_units.py %t.m.json %t.d.json | FileCheck %s --check-prefix=TRAFFIC

// Kept halos, the example worked by hand in docs/CostModel.md
// ("Width strips", kept halos) and in StripPlan.KeptHalosByHand: two 3x3
// convolutions (pad 1) on a wide, short 4x4x32 i8 map without bias. The
// whole width needs 1,184 bytes; at 600 bytes strips of 8 reading their
// halos again would fit (584 bytes) and move 704 + 288 + 512 = 1,504.
// Keeping the 4 halo columns of X a strip shares with the one before in a
// column cache (4 columns x 4 rows x 4 channels = 64 bytes), strips of 6
// fit (592 bytes) and read every column of X once: 512 + 288 + 512 =
// 1,312 bytes.
// PLAN: cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 592, weight_bytes = 288, strip_width = 6, keep_halo, buffers = [#cnn.line_buffer<tensor = "arg0", rows = 3, bytes = 120>, #cnn.line_buffer<tensor = "a", rows = 3, bytes = 96>, #cnn.line_buffer<tensor = "b", rows = 1, bytes = 24>, #cnn.line_buffer<tensor = "arg0", rows = 4, bytes = 64>]
// PLAN-SAME: cnn.traffic = #cnn.traffic<input = 512, weights = 288, output = 512>
//
// The program: strip 0 (columns 0-5 of B) loads X's columns 0-7 of each
// row and leaves 4-7 in the cache; the next strips take 4 columns from the
// cache and load 6 (the last one, B's columns 30-31, only 0: X's 28-31
// are all kept). Every row of X is one DMA load of its new columns; the
// program moves exactly the modeled bytes and computes exactly what the
// untiled reference computes.
// LOW: dma.load {{.*}}kind = "input"{{.*}}memref<1x4x1x8xi8
// LOW-NEXT: memref.subview
// LOW-NEXT: memref.subview
// LOW-NEXT: memref.copy {{.*}} : memref<1x4x1x4xi8, strided<[120, 30, 10, 1], offset: ?>, 1> to memref<1x4x1x4xi8, strided<[64, 16, 4, 1], offset: ?>, 1>
// LOW: scf.for
// LOW: memref.copy {{.*}} : memref<1x4x1x4xi8, strided<[64, 16, 4, 1], offset: ?>, 1> to memref<1x4x1x4xi8, strided<[120, 30, 10, 1], offset: ?>, 1>
// LOW: dma.load {{.*}}kind = "input"{{.*}}memref<1x4x1x6xi8
// LOW-NOT: memref<1x4x1x10xi8, strided<[512
// SAME: equal: 512 values, {{[1-9][0-9]+}} distinct
// TRAFFIC: equal: 1 groups

func.func @kept(%x: tensor<1x4x4x32xi8>) -> tensor<1x4x4x32xi8> {
  %wa = cnn.weight : tensor<4x4x3x3xi8>
  %a = cnn.conv2d %x, %wa {padding = array<i64: 1, 1, 1, 1>, name = "a"}
      : (tensor<1x4x4x32xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x4x32xi8>
  %wb = cnn.weight : tensor<4x4x3x3xi8>
  %b = cnn.conv2d %a, %wb {padding = array<i64: 1, 1, 1, 1>, name = "b"}
      : (tensor<1x4x4x32xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x4x32xi8>
  return %b : tensor<1x4x4x32xi8>
}
