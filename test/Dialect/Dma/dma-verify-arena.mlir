// RUN: cnn-opt %s --dma-verify-arena | FileCheck %s

// A valid plan for an SRAM of 1 KiB. conv1 uses bytes [0, 256) for its
// input, [256, 512) for its weights (twice the same view, through a
// subview) and [512, 1024) for its output; conv2 reuses [0, 512) and
// [512, 1024) for other buffers, which is fine: the layers run one after the
// other. A view defined outside both regions and used by both is one buffer.
// The pass does not change the IR.

// CHECK-LABEL: func.func @reuse
// CHECK:       memref.alloc() {dma.arena} : memref<1024xi8, 1>
// CHECK:       } {cnn.layer = "conv1"}
// CHECK:       } {cnn.layer = "conv2"}

module attributes {cnn.target = #cnn.target<sram = 1024>} {
  func.func @reuse(%x: memref<1x4x8x8xi8>, %w: memref<16x16xi8>, %y: memref<1x8x8x8xi8>,
                   %z: memref<128xf32>) {
    %c0 = arith.constant 0 : index
    %c256 = arith.constant 256 : index
    %c512 = arith.constant 512 : index
    %arena = memref.alloc() {dma.arena} : memref<1024xi8, 1>
    %in = memref.view %arena[%c0][] : memref<1024xi8, 1> to memref<1x4x8x8xi8, 1>
    scf.execute_region {
      %wbuf = memref.view %arena[%c256][] : memref<1024xi8, 1> to memref<16x16xi8, 1>
      %out = memref.view %arena[%c512][] : memref<1024xi8, 1> to memref<1x8x8x8xi8, 1>
      dma.load %x, %in {kind = "input"} : memref<1x4x8x8xi8>, memref<1x4x8x8xi8, 1>
      dma.load %w, %wbuf {kind = "weights"} : memref<16x16xi8>, memref<16x16xi8, 1>
      %half = memref.subview %wbuf[0, 0] [8, 16] [1, 1]
          : memref<16x16xi8, 1> to memref<8x16xi8, strided<[16, 1]>, 1>
      %whalf = memref.subview %w[0, 0] [8, 16] [1, 1]
          : memref<16x16xi8> to memref<8x16xi8, strided<[16, 1]>>
      dma.load %whalf, %half {kind = "weights"}
          : memref<8x16xi8, strided<[16, 1]>>, memref<8x16xi8, strided<[16, 1]>, 1>
      dma.store %out, %y {kind = "output"} : memref<1x8x8x8xi8, 1>, memref<1x8x8x8xi8>
      scf.yield
    } {cnn.layer = "conv1"}
    scf.execute_region {
      %acc = memref.view %arena[%c512][] : memref<1024xi8, 1> to memref<128xf32, 1>
      %tmp = memref.view %arena[%c256][] : memref<1024xi8, 1> to memref<64xf32, 1>
      dma.load %x, %in {kind = "input"} : memref<1x4x8x8xi8>, memref<1x4x8x8xi8, 1>
      %f0 = arith.constant 0.0 : f32
      memref.store %f0, %tmp[%c0] : memref<64xf32, 1>
      dma.store %acc, %z {kind = "output"} : memref<128xf32, 1>, memref<128xf32>
      scf.yield
    } {cnn.layer = "conv2"}
    memref.dealloc %arena : memref<1024xi8, 1>
    return
  }
}

// -----

// In a fusion group, whose layers run one after another, two buffers whose
// uses do not interleave may share bytes: the first layer's input and the
// second layer's output.
// CHECK-LABEL: func.func @group_time_sharing
func.func @group_time_sharing(%x: memref<16xi16>, %y: memref<16xi16>) {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %arena = memref.alloc() {dma.arena} : memref<64xi8, 1>
  scf.execute_region {
    %in = memref.view %arena[%c0][] : memref<64xi8, 1> to memref<16xi16, 1>
    %out = memref.view %arena[%c8][] : memref<64xi8, 1> to memref<16xi16, 1>
    dma.load %x, %in {kind = "input"} : memref<16xi16>, memref<16xi16, 1>
    dma.store %out, %y {kind = "output"} : memref<16xi16, 1>, memref<16xi16>
    scf.yield
  } {cnn.layer = "g1", cnn.group = "g1"}
  return
}
