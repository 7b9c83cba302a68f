// What --backend-count-dma prints for a small lowered program.
// scripts/check-install.sh runs:
//   backend-opt --backend-count-dma count-dma.mlir -o /dev/null | FileCheck count-dma.mlir

// Row tiles of a 64x8 i8 feature map: the outer loop runs 64 / 4 = 16
// times, the inner one 2 times per outer iteration (32 in all).
// dma.load input: a 4x8 tile (32 B) 16 times and a 1x8 row (8 B) 32 times:
// 32 + 8 = 40 B per execution, 32 * 16 + 8 * 32 = 768 B per run.
// dma.load_async weights: 16x3x3x3 f32 = 432 * 4 = 1728 B, once.
// dma.store output: the 4x8 tile, 32 B, 16 times = 512 B.
// CHECK-LABEL: backend-count-dma @tiled
// CHECK-NEXT:    dma.load input: 2 transfers, 40 bytes per execution, 768 bytes per run
// CHECK-NEXT:    dma.load_async weights: 1 transfers, 1728 bytes per execution, 1728 bytes per run
// CHECK-NEXT:    dma.store output: 1 transfers, 32 bytes per execution, 512 bytes per run
// CHECK-NEXT:    total: 4 transfers, 1800 bytes per execution, 3008 bytes per run
func.func @tiled(%x: memref<64x8xi8>, %y: memref<64x8xi8>,
                 %w: memref<16x3x3x3xf32>, %wbuf: memref<16x3x3x3xf32, 1>,
                 %tile: memref<4x8xi8, 1>, %row: memref<1x8xi8, 1>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %c64 = arith.constant 64 : index
  %t = dma.load_async %w, %wbuf {kind = "weights"}
      : memref<16x3x3x3xf32>, memref<16x3x3x3xf32, 1> -> !dma.token
  dma.wait %t : !dma.token
  scf.for %i = %c0 to %c64 step %c4 {
    %in = memref.subview %x[%i, 0] [4, 8] [1, 1]
        : memref<64x8xi8> to memref<4x8xi8, strided<[8, 1], offset: ?>>
    dma.load %in, %tile {kind = "input"}
        : memref<4x8xi8, strided<[8, 1], offset: ?>>, memref<4x8xi8, 1>
    scf.for %j = %c0 to %c2 step %c1 {
      %r = arith.addi %i, %j : index
      %in_row = memref.subview %x[%r, 0] [1, 8] [1, 1]
          : memref<64x8xi8> to memref<1x8xi8, strided<[8, 1], offset: ?>>
      dma.load %in_row, %row {kind = "input"}
          : memref<1x8xi8, strided<[8, 1], offset: ?>>, memref<1x8xi8, 1>
    }
    %out = memref.subview %y[%i, 0] [4, 8] [1, 1]
        : memref<64x8xi8> to memref<4x8xi8, strided<[8, 1], offset: ?>>
    dma.store %tile, %out {kind = "output"}
        : memref<4x8xi8, 1>, memref<4x8xi8, strided<[8, 1], offset: ?>>
  }
  return
}

// One function's counts do not leak into the next one's.
// dma.store_async output: 4x8 i16 = 64 B, once.
// CHECK-LABEL: backend-count-dma @single
// CHECK-NEXT:    dma.store_async output: 1 transfers, 64 bytes per execution, 64 bytes per run
// CHECK-NEXT:    total: 1 transfers, 64 bytes per execution, 64 bytes per run
func.func @single(%buf: memref<4x8xi16, 1>, %d: memref<4x8xi16>) {
  %t = dma.store_async %buf, %d {kind = "output"}
      : memref<4x8xi16, 1>, memref<4x8xi16> -> !dma.token
  dma.wait %t : !dma.token
  return
}

// Declarations have no transfers and print nothing.
// CHECK-NOT: backend-count-dma
func.func private @external(memref<4x8xi8>)
