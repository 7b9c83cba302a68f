// RUN: cnn-opt %s --dma-traffic-report -o /dev/null | FileCheck %s

// A transfer whose size depends on the loop index through a constant table
// (the coded output channels of a weight, docs/Backends.md) is counted
// execution by execution. Channel k moves bytes [t[k], t[k + 1]): 5, 2 and
// 9 bytes, each channel loaded twice by the outer loop: 2 * 16 = 32.

// CHECK: ch  layer  0  32  0  32
memref.global "private" constant @offsets : memref<4xi64> = dense<[0, 5, 7, 16]>

func.func @channels(%a: memref<16xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %arena = memref.alloc() {dma.arena} : memref<64xi8, 1>
  %buf = memref.view %arena[%c0][] : memref<64xi8, 1> to memref<9xi8, 1>
  %t = memref.get_global @offsets : memref<4xi64>
  scf.execute_region {
    scf.for %r = %c0 to %c2 step %c1 {
      scf.for %k = %c0 to %c3 step %c1 {
        %k1 = arith.addi %k, %c1 : index
        %o0 = memref.load %t[%k] : memref<4xi64>
        %o1 = memref.load %t[%k1] : memref<4xi64>
        %b0 = arith.index_cast %o0 : i64 to index
        %b1 = arith.index_cast %o1 : i64 to index
        %n = arith.subi %b1, %b0 : index
        %src = memref.subview %a[%b0] [%n] [1] : memref<16xi8> to memref<?xi8, strided<[1], offset: ?>>
        %dst = memref.subview %buf[0] [%n] [1] : memref<9xi8, 1> to memref<?xi8, strided<[1]>, 1>
        dma.load %src, %dst {kind = "weights"} : memref<?xi8, strided<[1], offset: ?>>, memref<?xi8, strided<[1]>, 1>
      }
    }
    scf.yield
  } {cnn.layer = "ch"}
  return
}
