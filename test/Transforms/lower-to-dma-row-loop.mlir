// RUN: cnn-opt %s --tile-for-sram=600 --merge-layers --lower-to-dma | FileCheck %s

// Two 3x3 convolutions (pad 1) on 4x8x8 i8 merged in mode rows (the
// example of unittests/Analysis/RowProgramTest.cpp, worked by hand there):
// step 0 is the prologue; steps 1..5 load one row of %x and compute one
// row of each layer, the loop of 5 trips; steps 6 and 7 are the epilogue.
// The line buffers are circular (x and a hold 3 rows, b one): a row's
// place is its index modulo the buffer's rows, and no row is ever copied
// inside the SRAM.

// CHECK-LABEL: func.func @chain
// CHECK: memref.view {{.*}} to memref<1x4x3x8xi8, 1>
// CHECK: memref.view {{.*}} to memref<1x4x3x8xi8, 1>
// CHECK: memref.view {{.*}} to memref<1x4x1x8xi8, 1>
// CHECK-NOT: memref.copy
// Prologue: rows 0..2 of x, one row at a time.
// CHECK: scf.for %[[J:.*]] = %{{.*}} to %c3 step
// CHECK: dma.load {{.*}} {kind = "input"} : memref<1x4x1x8xi8
// CHECK: dma.store {{.*}} {kind = "output"} : memref<1x4x1x8xi8, strided<[32, 8, 8, 1]>, 1>, memref<1x4x1x8xi8, strided<[256, 64, 8, 1]>>
// The steady state: x row k + 3 at (k + 3) mod 3.
// CHECK: scf.for %[[K:.*]] = %{{.*}} to %c5 step
// CHECK: %[[ROW:.*]] = arith.addi %[[K]], %c3{{.*}} : index
// CHECK: arith.remui %[[ROW]], %c3{{.*}} : index
// CHECK: dma.load {{.*}} {kind = "input"}
// CHECK-COUNT-18: linalg.conv_2d_nchw_fchw
// CHECK: dma.store {{.*}} {kind = "output"}
// CHECK: }
// Epilogue: rows 6 and 7 of b.
// CHECK: dma.store {{.*}} {kind = "output"} {{.*}} offset: 48>>
// CHECK: dma.store {{.*}} {kind = "output"} {{.*}} offset: 56>>
// CHECK-NOT: dma.
// CHECK: return

func.func @chain(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
  %wa = cnn.weight : tensor<4x4x3x3xi8>
  %a = cnn.conv2d %x, %wa {padding = array<i64: 1, 1, 1, 1>, name = "a"}
      : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  %wb = cnn.weight : tensor<4x4x3x3xi8>
  %b = cnn.conv2d %a, %wb {padding = array<i64: 1, 1, 1, 1>, name = "b"}
      : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  return %b : tensor<1x4x8x8xi8>
}
