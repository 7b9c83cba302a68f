// RUN: cnn-opt %s --dma-verify-arena -split-input-file -verify-diagnostics

// A buffer that ends past the arena.
func.func @out_of_bounds() {
  %c1000 = arith.constant 1000 : index
  %arena = memref.alloc() {dma.arena} : memref<1024xi8, 1>
  // expected-error@+1 {{SRAM buffer 'memref<8x8xi8, 1>' at bytes [1000, 1064) does not fit in the arena of 1024 bytes}}
  %v = memref.view %arena[%c1000][] : memref<1024xi8, 1> to memref<8x8xi8, 1>
  return
}

// -----

func.func @negative_offset() {
  %c-4 = arith.constant -4 : index
  %arena = memref.alloc() {dma.arena} : memref<1024xi8, 1>
  // expected-error@+1 {{SRAM buffer 'memref<16xi8, 1>' at bytes [-4, 12) does not fit in the arena of 1024 bytes}}
  %v = memref.view %arena[%c-4][] : memref<1024xi8, 1> to memref<16xi8, 1>
  return
}

// -----

// An f32 buffer must start at a multiple of 4 bytes.
func.func @misaligned() {
  %c2 = arith.constant 2 : index
  %arena = memref.alloc() {dma.arena} : memref<1024xi8, 1>
  // expected-error@+1 {{SRAM buffer 'memref<4x4xf32, 1>' at byte offset 2 is not aligned to its element size of 4 bytes}}
  %v = memref.view %arena[%c2][] : memref<1024xi8, 1> to memref<4x4xf32, 1>
  return
}

// -----

func.func @non_constant_offset(%offset: index) {
  %arena = memref.alloc() {dma.arena} : memref<1024xi8, 1>
  // expected-error@+1 {{SRAM buffer 'memref<16xi8, 1>' at a non-constant offset in the arena of 1024 bytes; the SRAM plan places every buffer at a constant offset}}
  %v = memref.view %arena[%offset][] : memref<1024xi8, 1> to memref<16xi8, 1>
  return
}

// -----

func.func @dynamic_size(%n: index) {
  %c0 = arith.constant 0 : index
  %arena = memref.alloc() {dma.arena} : memref<1024xi8, 1>
  // expected-error@+1 {{SRAM buffer 'memref<?xi8, 1>' has a dynamic size; the SRAM plan needs the size of every buffer}}
  %v = memref.view %arena[%c0][%n] : memref<1024xi8, 1> to memref<?xi8, 1>
  return
}

// -----

// Two buffers of one layer that share bytes [32, 64).
func.func @overlap(%x: memref<64xi8>, %w: memref<64xi8>) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %arena = memref.alloc() {dma.arena} : memref<1024xi8, 1>
  scf.execute_region {
    // expected-note@+1 {{the other buffer}}
    %in = memref.view %arena[%c0][] : memref<1024xi8, 1> to memref<64xi8, 1>
    // expected-error@+1 {{SRAM buffers overlap in layer 'conv1': input buffer 'memref<64xi8, 1>' at bytes [0, 64) and weights buffer 'memref<64xi8, 1>' at bytes [32, 96) of the arena of 1024 bytes}}
    %wb = memref.view %arena[%c32][] : memref<1024xi8, 1> to memref<64xi8, 1>
    dma.load %x, %in {kind = "input"} : memref<64xi8>, memref<64xi8, 1>
    dma.load %w, %wb {kind = "weights"} : memref<64xi8>, memref<64xi8, 1>
    scf.yield
  } {cnn.layer = "conv1"}
  return
}

// -----

// The same bytes viewed twice by different view ops overlap too, also when
// a buffer is used only through a subview, or by compute rather than a DMA.
func.func @same_range(%x: memref<8x8xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : i8
  %arena = memref.alloc() {dma.arena} : memref<1024xi8, 1>
  // expected-note@+1 {{the other buffer}}
  %a = memref.view %arena[%c0][] : memref<1024xi8, 1> to memref<8x8xi8, 1>
  scf.execute_region {
    // expected-error@+1 {{SRAM buffers overlap in layer 'relu': input buffer 'memref<8x8xi8, 1>' at bytes [0, 64) and local buffer 'memref<64xi8, 1>' at bytes [0, 64) of the arena of 1024 bytes}}
    %b = memref.view %arena[%c0][] : memref<1024xi8, 1> to memref<64xi8, 1>
    %row = memref.subview %a[0, 0] [1, 8] [1, 1] : memref<8x8xi8, 1> to memref<1x8xi8, strided<[8, 1]>, 1>
    %xrow = memref.subview %x[0, 0] [1, 8] [1, 1] : memref<8x8xi8> to memref<1x8xi8, strided<[8, 1]>>
    dma.load %xrow, %row {kind = "input"}
        : memref<1x8xi8, strided<[8, 1]>>, memref<1x8xi8, strided<[8, 1]>, 1>
    memref.store %c1, %b[%c0] : memref<64xi8, 1>
    scf.yield
  } {cnn.layer = "relu"}
  return
}

// -----

// A fusion group's region is named by its group. Its layers run one after
// another, so two buffers conflict only when their uses interleave: here
// %in is read again after %out was used.
func.func @group_overlap(%x: memref<16xi16>, %y: memref<16xi16>) {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %arena = memref.alloc() {dma.arena} : memref<64xi8, 1>
  scf.execute_region {
    // expected-note@+1 {{the other buffer}}
    %in = memref.view %arena[%c0][] : memref<64xi8, 1> to memref<16xi16, 1>
    // expected-error@+1 {{SRAM buffers overlap in group 'g0': output/input buffer 'memref<16xi16, 1>' at bytes [0, 32) and output buffer 'memref<16xi16, 1>' at bytes [16, 48) of the arena of 64 bytes}}
    %out = memref.view %arena[%c16][] : memref<64xi8, 1> to memref<16xi16, 1>
    dma.load %x, %in {kind = "input"} : memref<16xi16>, memref<16xi16, 1>
    dma.store %out, %y {kind = "output"} : memref<16xi16, 1>, memref<16xi16>
    dma.store %in, %y {kind = "output"} : memref<16xi16, 1>, memref<16xi16>
    scf.yield
  } {cnn.layer = "conv2", cnn.group = "g0"}
  return
}

// -----

// An asynchronous load keeps its buffer in flight until the wait on its
// token: %next shares bytes with %out, which is stored while %next loads.
// Written synchronously (the load right before the wait) the uses would
// not interleave.
func.func @group_in_flight(%x: memref<16xi16>, %y: memref<16xi16>) {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %arena = memref.alloc() {dma.arena} : memref<64xi8, 1>
  scf.execute_region {
    // expected-note@+1 {{the other buffer}}
    %next = memref.view %arena[%c0][] : memref<64xi8, 1> to memref<16xi16, 1>
    // expected-error@+1 {{SRAM buffers overlap in group 'g1': input buffer 'memref<16xi16, 1>' at bytes [0, 32) and output buffer 'memref<16xi16, 1>' at bytes [16, 48) of the arena of 64 bytes}}
    %out = memref.view %arena[%c16][] : memref<64xi8, 1> to memref<16xi16, 1>
    %t = dma.load_async %x, %next {kind = "input"} : memref<16xi16>, memref<16xi16, 1> -> !dma.token
    dma.store %out, %y {kind = "output"} : memref<16xi16, 1>, memref<16xi16>
    dma.wait %t : !dma.token
    scf.yield
  } {cnn.layer = "conv3", cnn.group = "g1"}
  return
}

// -----

// The arena is the target's SRAM.
module attributes {cnn.target = #cnn.target<sram = 2048>} {
  func.func @target_size() {
    // expected-error@+1 {{SRAM arena of 1024 bytes, but the target's SRAM has 2048 bytes}}
    %arena = memref.alloc() {dma.arena} : memref<1024xi8, 1>
    return
  }
}

// -----

// expected-error@+1 {{expects 'cnn.target' to be a #cnn.target attribute, got 262144 : i64}}
module attributes {cnn.target = 262144} {
  func.func @target_kind() {
    %arena = memref.alloc() {dma.arena} : memref<1024xi8, 1>
    return
  }
}

// -----

func.func @two_arenas() {
  // expected-note@+1 {{the first arena}}
  %a = memref.alloc() {dma.arena} : memref<1024xi8, 1>
  // expected-error@+1 {{a second SRAM arena in function @two_arenas; the SRAM plan has one per function}}
  %b = memref.alloc() {dma.arena} : memref<1024xi8, 1>
  return
}

// -----

func.func @arena_type() {
  // expected-error@+1 {{expects the SRAM arena to be a static memref<Nxi8, 1>, got 'memref<256xi32, 1>'}}
  %arena = memref.alloc() {dma.arena} : memref<256xi32, 1>
  return
}

// -----

func.func @arena_space() {
  // expected-error@+1 {{expects the SRAM arena to be a static memref<Nxi8, 1>, got 'memref<1024xi8>'}}
  %arena = memref.alloc() {dma.arena} : memref<1024xi8>
  return
}
