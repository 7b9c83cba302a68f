// RUN: cnn-opt %s --canonicalize --cse | FileCheck %s

// Transfers write their target and waits order memory accesses, so neither
// is dead code, and an SRAM read is not merged with one across them.

// CHECK-LABEL: func.func @not_dead
// CHECK-NEXT:    dma.load
// CHECK-NEXT:    %[[T:.*]] = dma.store_async
// CHECK-NEXT:    dma.wait %[[T]], %[[T]]
// CHECK-NEXT:    dma.store_async
// CHECK-NEXT:    return
func.func @not_dead(%x: memref<16xi8>, %a: memref<16xi8, 1>) {
  dma.load %x, %a {kind = "input"} : memref<16xi8>, memref<16xi8, 1>
  %t = dma.store_async %a, %x {kind = "output"} : memref<16xi8, 1>, memref<16xi8> -> !dma.token
  dma.wait %t, %t : !dma.token, !dma.token
  %unused = dma.store_async %a, %x {kind = "output"} : memref<16xi8, 1>, memref<16xi8> -> !dma.token
  return
}

// CHECK-LABEL: func.func @reads
// CHECK:         %[[R0:.*]] = memref.load %[[A:.*]][
// CHECK-NEXT:    dma.load
// CHECK-NEXT:    %[[R1:.*]] = memref.load %[[A]][
// CHECK-NEXT:    %[[T:.*]] = dma.load_async
// CHECK-NEXT:    dma.wait %[[T]]
// CHECK-NEXT:    %[[R2:.*]] = memref.load %[[A]][
// CHECK-NEXT:    dma.wait %[[T]]
// CHECK-NEXT:    %[[R3:.*]] = memref.load %[[A]][
// CHECK-NEXT:    return %[[R0]], %[[R1]], %[[R2]], %[[R3]]
func.func @reads(%x: memref<16xi8>, %a: memref<16xi8, 1>) -> (i8, i8, i8, i8) {
  %c0 = arith.constant 0 : index
  %r0 = memref.load %a[%c0] : memref<16xi8, 1>
  dma.load %x, %a {kind = "input"} : memref<16xi8>, memref<16xi8, 1>
  %r1 = memref.load %a[%c0] : memref<16xi8, 1>
  %t = dma.load_async %x, %a {kind = "input"} : memref<16xi8>, memref<16xi8, 1> -> !dma.token
  dma.wait %t : !dma.token
  %r2 = memref.load %a[%c0] : memref<16xi8, 1>
  dma.wait %t : !dma.token
  %r3 = memref.load %a[%c0] : memref<16xi8, 1>
  return %r0, %r1, %r2, %r3 : i8, i8, i8, i8
}
