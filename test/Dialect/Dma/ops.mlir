// RUN: cnn-opt %s | FileCheck %s
// RUN: cnn-opt %s | cnn-opt | FileCheck %s
// RUN: cnn-opt %s --mlir-print-op-generic | cnn-opt | FileCheck %s

// CHECK-LABEL: func.func @blocking
// CHECK:       dma.load %{{.*}}, %{{.*}} {kind = "input"} : memref<4x8xi8, strided<[64, 1], offset: ?>>, memref<4x8xi8, 1>
// CHECK:       dma.store %{{.*}}, %{{.*}} {kind = "output"} : memref<4x8xi8, 1>, memref<4x8xi8, strided<[64, 1], offset: ?>>
func.func @blocking(%dram: memref<64x64xi8>, %sram: memref<4x8xi8, 1>, %i: index) {
  %a = memref.subview %dram[%i, 0] [4, 8] [1, 1]
      : memref<64x64xi8> to memref<4x8xi8, strided<[64, 1], offset: ?>>
  dma.load %a, %sram {kind = "input"}
      : memref<4x8xi8, strided<[64, 1], offset: ?>>, memref<4x8xi8, 1>
  dma.store %sram, %a {kind = "output"}
      : memref<4x8xi8, 1>, memref<4x8xi8, strided<[64, 1], offset: ?>>
  return
}

// Tokens, and a wait on several of them.
// CHECK-LABEL: func.func @async
// CHECK:       %[[T0:.*]] = dma.load_async %{{.*}}, %{{.*}} {kind = "weights"} : memref<16x3x3x3xf32>, memref<16x3x3x3xf32, 1> -> !dma.token
// CHECK:       %[[T1:.*]] = dma.store_async %{{.*}}, %{{.*}} {kind = "output"} : memref<16x3x3x3xf32, 1>, memref<16x3x3x3xf32> -> !dma.token
// CHECK:       dma.wait %[[T0]], %[[T1]] : !dma.token, !dma.token
// CHECK:       dma.wait %[[T0]] : !dma.token
func.func @async(%w: memref<16x3x3x3xf32>, %buf: memref<16x3x3x3xf32, 1>) {
  %t0 = dma.load_async %w, %buf {kind = "weights"}
      : memref<16x3x3x3xf32>, memref<16x3x3x3xf32, 1> -> !dma.token
  %t1 = dma.store_async %buf, %w {kind = "output"}
      : memref<16x3x3x3xf32, 1>, memref<16x3x3x3xf32> -> !dma.token
  dma.wait %t0, %t1 : !dma.token, !dma.token
  dma.wait %t0 : !dma.token
  return
}

// A size may be dynamic on either side; other attributes are kept.
// CHECK-LABEL: func.func @dynamic
// CHECK:       dma.load %{{.*}}, %{{.*}} {kind = "input", note = "tail"} : memref<?x8xi16>, memref<4x8xi16, 1>
// CHECK:       dma.store %{{.*}}, %{{.*}} {kind = "output"} : memref<?x?xi16, 1>, memref<4x8xi16>
func.func @dynamic(%a: memref<?x8xi16>, %b: memref<4x8xi16, 1>,
                   %c: memref<?x?xi16, 1>, %d: memref<4x8xi16>) {
  dma.load %a, %b {kind = "input", note = "tail"} : memref<?x8xi16>, memref<4x8xi16, 1>
  dma.store %c, %d {kind = "output"} : memref<?x?xi16, 1>, memref<4x8xi16>
  return
}

// The arena convention: views of one SRAM allocation at constant offsets.
// CHECK-LABEL: func.func @arena
// CHECK:       memref.alloc() {dma.arena} : memref<1024xi8, 1>
// CHECK:       dma.load %{{.*}}, %{{.*}} {kind = "input"} : memref<1x2x4x4xi8>, memref<1x2x4x4xi8, 1>
func.func @arena(%x: memref<1x2x4x4xi8>) {
  %c0 = arith.constant 0 : index
  %arena = memref.alloc() {dma.arena} : memref<1024xi8, 1>
  scf.execute_region {
    %buf = memref.view %arena[%c0][] : memref<1024xi8, 1> to memref<1x2x4x4xi8, 1>
    dma.load %x, %buf {kind = "input"} : memref<1x2x4x4xi8>, memref<1x2x4x4xi8, 1>
    scf.yield
  } {cnn.layer = "conv1"}
  memref.dealloc %arena : memref<1024xi8, 1>
  return
}
