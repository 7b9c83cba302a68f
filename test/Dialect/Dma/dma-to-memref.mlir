// RUN: cnn-opt %s --dma-to-memref -split-input-file | FileCheck %s

// Blocking transfers become copies from source to target, attributes and
// memory spaces unchanged.
// CHECK-LABEL: func.func @blocking
// CHECK-SAME:    (%[[DRAM:.*]]: memref<64x64xi8>, %[[SRAM:.*]]: memref<4x8xi8, 1>
// CHECK:         %[[SUB:.*]] = memref.subview %[[DRAM]]
// CHECK-NEXT:    memref.copy %[[SUB]], %[[SRAM]] : memref<4x8xi8, strided<[64, 1], offset: ?>> to memref<4x8xi8, 1>
// CHECK-NEXT:    memref.copy %[[SRAM]], %[[SUB]] : memref<4x8xi8, 1> to memref<4x8xi8, strided<[64, 1], offset: ?>>
// CHECK-NEXT:    return
func.func @blocking(%dram: memref<64x64xi8>, %sram: memref<4x8xi8, 1>, %i: index) {
  %a = memref.subview %dram[%i, 0] [4, 8] [1, 1]
      : memref<64x64xi8> to memref<4x8xi8, strided<[64, 1], offset: ?>>
  dma.load %a, %sram {kind = "input"}
      : memref<4x8xi8, strided<[64, 1], offset: ?>>, memref<4x8xi8, 1>
  dma.store %sram, %a {kind = "output"}
      : memref<4x8xi8, 1>, memref<4x8xi8, strided<[64, 1], offset: ?>>
  return
}

// -----

// Asynchronous transfers become blocking copies; waits disappear.
// CHECK-LABEL: func.func @async
// CHECK-SAME:    (%[[W:.*]]: memref<16x3x3x3xf32>, %[[BUF:.*]]: memref<16x3x3x3xf32, 1>)
// CHECK-NEXT:    memref.copy %[[W]], %[[BUF]]
// CHECK-NEXT:    memref.copy %[[BUF]], %[[W]]
// CHECK-NEXT:    return
// CHECK-NOT:     dma.
func.func @async(%w: memref<16x3x3x3xf32>, %buf: memref<16x3x3x3xf32, 1>) {
  %t0 = dma.load_async %w, %buf {kind = "weights"}
      : memref<16x3x3x3xf32>, memref<16x3x3x3xf32, 1> -> !dma.token
  dma.wait %t0 : !dma.token
  %t1 = dma.store_async %buf, %w {kind = "output"}
      : memref<16x3x3x3xf32, 1>, memref<16x3x3x3xf32> -> !dma.token
  dma.wait %t1, %t1 : !dma.token, !dma.token
  return
}

// -----

// Double buffering: the token of the next tile's load is carried through
// the loop. The loop loses that iter_arg and keeps the other one.
// CHECK-LABEL: func.func @double_buffer
// CHECK:         memref.copy
// CHECK-NEXT:    %[[SUM:.*]] = scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %{{.*}}) -> (i32) {
// CHECK:           memref.copy
// CHECK:           %[[NEXT:.*]] = arith.addi %[[ACC]]
// CHECK-NEXT:      scf.yield %[[NEXT]] : i32
// CHECK-NEXT:    }
// CHECK-NEXT:    return %[[SUM]] : i32
// CHECK-NOT:     dma.
func.func @double_buffer(%x: memref<8x16xi8>, %a: memref<1x16xi8, 1>) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0 : i32
  %first = memref.subview %x[0, 0] [1, 16] [1, 1]
      : memref<8x16xi8> to memref<1x16xi8, strided<[16, 1]>>
  %t0 = dma.load_async %first, %a {kind = "input"}
      : memref<1x16xi8, strided<[16, 1]>>, memref<1x16xi8, 1> -> !dma.token
  %res:2 = scf.for %i = %c0 to %c8 step %c1 iter_args(%t = %t0, %acc = %zero)
      -> (!dma.token, i32) {
    dma.wait %t : !dma.token
    %row = memref.subview %x[%i, 0] [1, 16] [1, 1]
        : memref<8x16xi8> to memref<1x16xi8, strided<[16, 1], offset: ?>>
    %tn = dma.load_async %row, %a {kind = "input"}
        : memref<1x16xi8, strided<[16, 1], offset: ?>>, memref<1x16xi8, 1> -> !dma.token
    %one = arith.constant 1 : i32
    %next = arith.addi %acc, %one : i32
    scf.yield %tn, %next : !dma.token, i32
  }
  dma.wait %res#0 : !dma.token
  return %res#1 : i32
}

// -----

// A token chosen by an scf.if disappears with the if's result.
// CHECK-LABEL: func.func @if_token
// CHECK:         scf.if %{{.*}} {
// CHECK-NEXT:      memref.copy
// CHECK-NEXT:    } else {
// CHECK-NEXT:      memref.copy
// CHECK-NEXT:    }
// CHECK-NEXT:    return
func.func @if_token(%c: i1, %x: memref<16xi8>, %y: memref<16xi8>, %a: memref<16xi8, 1>) {
  %t = scf.if %c -> !dma.token {
    %t0 = dma.load_async %x, %a {kind = "input"} : memref<16xi8>, memref<16xi8, 1> -> !dma.token
    scf.yield %t0 : !dma.token
  } else {
    %t1 = dma.load_async %y, %a {kind = "input"} : memref<16xi8>, memref<16xi8, 1> -> !dma.token
    scf.yield %t1 : !dma.token
  }
  dma.wait %t : !dma.token
  return
}

// -----

// Layer regions and the arena are kept as they are.
// CHECK-LABEL: func.func @layer
// CHECK:         %[[ARENA:.*]] = memref.alloc() {dma.arena} : memref<64xi8, 1>
// CHECK:         scf.execute_region {
// CHECK-NEXT:      %[[VIEW:.*]] = memref.view %[[ARENA]]
// CHECK-NEXT:      memref.copy %{{.*}}, %[[VIEW]] : memref<1x2x4x4xi8> to memref<1x2x4x4xi8, 1>
// CHECK-NEXT:      scf.yield
// CHECK-NEXT:    } {cnn.layer = "conv1"}
func.func @layer(%x: memref<1x2x4x4xi8>) {
  %c0 = arith.constant 0 : index
  %arena = memref.alloc() {dma.arena} : memref<64xi8, 1>
  scf.execute_region {
    %buf = memref.view %arena[%c0][] : memref<64xi8, 1> to memref<1x2x4x4xi8, 1>
    dma.load %x, %buf {kind = "input"} : memref<1x2x4x4xi8>, memref<1x2x4x4xi8, 1>
    scf.yield
  } {cnn.layer = "conv1"}
  return
}

// -----

// The arena is deallocated in the default memory space, the one upstream
// lowering can free.
// CHECK-LABEL: func.func @dealloc
// CHECK:         %[[ARENA:.*]] = memref.alloc() {dma.arena} : memref<64xi8, 1>
// CHECK-NEXT:    memref.alloc() : memref<16xi8>
// CHECK-NEXT:    %[[CAST:.*]] = memref.memory_space_cast %[[ARENA]] : memref<64xi8, 1> to memref<64xi8>
// CHECK-NEXT:    memref.dealloc %[[CAST]] : memref<64xi8>
// CHECK-NEXT:    memref.dealloc %{{.*}} : memref<16xi8>
func.func @dealloc() {
  %arena = memref.alloc() {dma.arena} : memref<64xi8, 1>
  %dram = memref.alloc() : memref<16xi8>
  memref.dealloc %arena : memref<64xi8, 1>
  memref.dealloc %dram : memref<16xi8>
  return
}

// -----

// A token carried through scf.while, in its operands, its condition and its
// body, disappears from all three.
// CHECK-LABEL: func.func @while_token
// CHECK:         memref.copy
// CHECK-NEXT:    %{{.*}} = scf.while (%[[I:.*]] = %{{.*}}) : (index) -> index {
// CHECK:           scf.condition(%{{.*}}) %[[I]] : index
// CHECK-NEXT:    } do {
// CHECK-NEXT:    ^bb0(%[[J:.*]]: index):
// CHECK-NEXT:      memref.copy
// CHECK-NEXT:      %[[K:.*]] = arith.addi %[[J]]
// CHECK-NEXT:      scf.yield %[[K]] : index
// CHECK-NEXT:    }
// CHECK-NOT:     dma.
func.func @while_token(%x: memref<16xi8>, %a: memref<16xi8, 1>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %t0 = dma.load_async %x, %a {kind = "input"} : memref<16xi8>, memref<16xi8, 1> -> !dma.token
  %r:2 = scf.while (%i = %c0, %t = %t0) : (index, !dma.token) -> (index, !dma.token) {
    %more = arith.cmpi slt, %i, %n : index
    scf.condition(%more) %i, %t : index, !dma.token
  } do {
  ^bb0(%j: index, %u: !dma.token):
    dma.wait %u : !dma.token
    %tn = dma.load_async %x, %a {kind = "input"} : memref<16xi8>, memref<16xi8, 1> -> !dma.token
    %k = arith.addi %j, %c1 : index
    scf.yield %k, %tn : index, !dma.token
  }
  dma.wait %r#1 : !dma.token
  return
}

// -----

// A decode calls the project's decoder for its element type, with the
// bytes in the default memory space, the weights flattened and the number
// of channels.
// CHECK-LABEL: func.func private @cnn_zrl_rice_decode_i16(memref<?xi8, strided<[1], offset: ?>>, memref<?xi16, strided<[1], offset: ?>>, i64) attributes {llvm.emit_c_interface}
// CHECK-LABEL: func.func @decode
// CHECK: %[[B:.*]] = memref.memory_space_cast %{{.*}} : memref<8xi8, 1> to memref<8xi8>
// CHECK: %[[BC:.*]] = memref.cast %[[B]] : memref<8xi8> to memref<?xi8, strided<[1], offset: ?>>
// CHECK: %[[W:.*]] = memref.collapse_shape %{{.*}} {{\[\[}}0, 1, 2, 3{{\]\]}} : memref<3x2x1x1xi16> into memref<6xi16>
// CHECK: %[[WC:.*]] = memref.cast %[[W]] : memref<6xi16> to memref<?xi16, strided<[1], offset: ?>>
// CHECK: %[[N:.*]] = arith.constant 3 : i64
// CHECK: call @cnn_zrl_rice_decode_i16(%[[BC]], %[[WC]], %[[N]])
// CHECK-NOT: dma.decode
func.func @decode(%a: memref<8xi8, 1>, %w: memref<3x2x1x1xi16>) {
  dma.decode %a, %w {scheme = "zrl-rice"} : memref<8xi8, 1>, memref<3x2x1x1xi16>
  return
}
