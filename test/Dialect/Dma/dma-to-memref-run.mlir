// RUN: cnn-opt %s --dma-verify-arena --dma-to-memref --convert-linalg-to-loops \
// RUN:   --expand-strided-metadata --lower-affine --convert-scf-to-cf \
// RUN:   --finalize-memref-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm \
// RUN:   --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN: | %mlir_runner -e main -entry-point-result=void -shared-libs=%runner_libs \
// RUN: | FileCheck %s

// A lowered layer that adds 1 to a 1x2x4x4 i8 feature map in place, two rows
// at a time: each tile (1x2x2x4, 16 bytes) is loaded into a buffer carved
// from the SRAM arena, computed on there by a linalg op and stored back, the
// second tile's store asynchronously. The map starts as c * 16 + h * 4 + w,
// so it ends as that plus 1.

// CHECK:      sizes = [1, 2, 4, 4]
// CHECK:      [1, 2, 3, 4]
// CHECK-NEXT: [5, 6, 7, 8]
// CHECK-NEXT: [9, 10, 11, 12]
// CHECK-NEXT: [13, 14, 15, 16]
// CHECK-NEXT: [17, 18, 19, 20]
// CHECK-NEXT: [21, 22, 23, 24]
// CHECK-NEXT: [25, 26, 27, 28]
// CHECK-NEXT: [29, 30, 31, 32]

#id = affine_map<(n, c, h, w) -> (n, c, h, w)>

func.func private @printMemrefI32(memref<*xi32>) attributes {llvm.emit_c_interface}

func.func @add_one(%x: memref<1x2x4x4xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %one = arith.constant 1 : i8
  %arena = memref.alloc() {dma.arena} : memref<64xi8, 1>
  scf.execute_region {
    %buf = memref.view %arena[%c0][] : memref<64xi8, 1> to memref<1x2x2x4xi8, 1>
    scf.for %row = %c0 to %c4 step %c2 {
      %tile = memref.subview %x[0, 0, %row, 0] [1, 2, 2, 4] [1, 1, 1, 1]
          : memref<1x2x4x4xi8> to memref<1x2x2x4xi8, strided<[32, 16, 4, 1], offset: ?>>
      dma.load %tile, %buf {kind = "input"}
          : memref<1x2x2x4xi8, strided<[32, 16, 4, 1], offset: ?>>, memref<1x2x2x4xi8, 1>
      linalg.generic {indexing_maps = [#id],
                      iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
          outs(%buf : memref<1x2x2x4xi8, 1>) {
      ^bb0(%v: i8):
        %r = arith.addi %v, %one : i8
        linalg.yield %r : i8
      }
      %t = dma.store_async %buf, %tile {kind = "output"}
          : memref<1x2x2x4xi8, 1>, memref<1x2x2x4xi8, strided<[32, 16, 4, 1], offset: ?>> -> !dma.token
      dma.wait %t : !dma.token
    }
    scf.yield
  } {cnn.layer = "add_one"}
  memref.dealloc %arena : memref<64xi8, 1>
  return
}

func.func @main() {
  %x = memref.alloc() : memref<1x2x4x4xi8>
  linalg.generic {indexing_maps = [#id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      outs(%x : memref<1x2x4x4xi8>) {
  ^bb0(%unused: i8):
    %c = linalg.index 1 : index
    %h = linalg.index 2 : index
    %w = linalg.index 3 : index
    %c16 = arith.constant 16 : index
    %c4 = arith.constant 4 : index
    %cc = arith.muli %c, %c16 : index
    %hh = arith.muli %h, %c4 : index
    %s = arith.addi %cc, %hh : index
    %v = arith.addi %s, %w : index
    %i = arith.index_cast %v : index to i8
    linalg.yield %i : i8
  }
  call @add_one(%x) : (memref<1x2x4x4xi8>) -> ()

  %wide = memref.alloc() : memref<1x2x4x4xi32>
  linalg.generic {indexing_maps = [#id, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : memref<1x2x4x4xi8>) outs(%wide : memref<1x2x4x4xi32>) {
  ^bb0(%v: i8, %unused: i32):
    %e = arith.extsi %v : i8 to i32
    linalg.yield %e : i32
  }
  %u = memref.cast %wide : memref<1x2x4x4xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  memref.dealloc %wide : memref<1x2x4x4xi32>
  memref.dealloc %x : memref<1x2x4x4xi8>
  return
}
