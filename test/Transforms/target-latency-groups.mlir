// RUN: cnn-opt %s "--target=%S/Inputs/latency-target.json,sram_bytes=64,dma_align_bytes=1" --merge-layers | FileCheck %s
// RUN: cnn-opt %s "--target=%S/Inputs/latency-target.json,sram_bytes=64,dma_align_bytes=1" --merge-layers --lower-to-dma --dma-verify-arena | FileCheck %s --check-prefix=LOWERED

// Hand-worked cycles of fusion groups under DMA overlap, on the target of
// Inputs/latency-target.json with 1-byte bursts: 2 DRAM bytes and 4 MACs
// per cycle; each step's estimate is the larger of its compute and DMA
// cycles. The steps are those --lower-to-dma emits.
//
// @chain, mode rows: two 1x1 convolutions 2 -> 2 -> 2 channels on 4x4 i8
// (weights 4 + 4 bytes, rows of 8 bytes, 16 MACs per row and layer). SRAM
// 8 weights + x and b twice (streamed, 2 rows of 8 each) + a (one row) = 48.
// Four steps, one row each, pipelined: while step i computes (32 MACs = 8
// cycles) the row of step i + 1 loads and the row of step i - 1 stores.
//   before:  weights 8 + x row 0 8 = 16 bytes         -> 8 cycles
//   step 0:  compute 8, load x row 1 (8 bytes, 4)      -> 8
//   step 1:  compute 8, load row 2 + store row 0 (16)  -> 8
//   step 2:  compute 8, load row 3 + store row 1 (16)  -> 8
//   step 3:  compute 8, store row 2 (8 bytes, 4)       -> 8
//   after:   store row 3 (8 bytes)                     -> 4
// compute 32, DMA 8 + 4 + 8 + 8 + 4 + 4 = 36, estimate 44. Mode resident
// would take 16 (x) + 2 * (1 + 8 + 8) + 16 (b) = 66: rows wins.
// CHECK-LABEL: func.func @chain
// CHECK: mode = #cnn.fusion_mode<rows>, sram_bytes = 48
// CHECK-SAME: cnn.cycles = #cnn.cycles<compute = 32, dma = 36, estimated = 44>
//
// @wide, mode resident: two 1x1 convolutions 16 -> 16 -> 16 channels on
// 1x1 maps (weights 256 + 256 bytes: mode rows, which keeps every weight,
// does not fit 64 bytes). The weights stream one output channel (16
// bytes, 8 DMA cycles) at a time, the next channel's loading while one
// computes (16 MACs, 4 cycles):
//   x loads (16 bytes)                                 -> 8
//   a: channel 0's weights 8, then 15 x max(4, 8), then the last channel 4
//      = 132;  b: the same 132
//   b stores (16 bytes)                                -> 8
// compute 2 * 64 = 128, DMA 8 + 2 * 16 * 8 + 8 = 272, estimate 280.
// CHECK-LABEL: func.func @wide
// CHECK: mode = #cnn.fusion_mode<resident>
// CHECK-SAME: cnn.cycles = #cnn.cycles<compute = 128, dma = 272, estimated = 280>

// The programs: the weights and x's row 0 load before the steps; every
// step issues its transfers asynchronously and waits for them after it
// computes; the last row stores last. Line buffers of x and b hold two
// rows (circular), a one.
// LOWERED-LABEL: func.func @chain
// LOWERED: memref.view {{.*}} to memref<1x2x2x4xi8, 1>
// LOWERED: memref.view {{.*}} to memref<1x2x1x4xi8, 1>
// LOWERED: memref.view {{.*}} to memref<1x2x2x4xi8, 1>
// LOWERED: dma.load {{.*}} {kind = "input"}
// LOWERED: dma.load_async {{.*}} {kind = "input"}
// LOWERED: linalg.conv_2d_nchw_fchw
// LOWERED: linalg.conv_2d_nchw_fchw
// LOWERED: dma.wait
// LOWERED: dma.load_async {{.*}} {kind = "input"}
// LOWERED: dma.store_async {{.*}} {kind = "output"}
// LOWERED: dma.wait
// LOWERED: dma.store {{.*}} {kind = "output"}
// LOWERED-NEXT: scf.yield
// Resident: channel 0's weights ahead, then a loop over channels 0..14
// carrying the token of the next channel's load, then the last channel.
// LOWERED-LABEL: func.func @wide
// LOWERED: %[[T0:.*]] = dma.load_async {{.*}} {kind = "weights"}
// LOWERED: scf.for {{.*}} = %c0{{.*}} to %c15{{.*}} iter_args(%[[T:.*]] = %[[T0]]) -> (!dma.token)
// LOWERED: dma.wait %[[T]] : !dma.token
// LOWERED: arith.select
// LOWERED: dma.load_async {{.*}} {kind = "weights"}
// LOWERED: scf.yield

func.func @chain(%x: tensor<1x2x4x4xi8>) -> tensor<1x2x4x4xi8> {
  %wa = cnn.weight : tensor<2x2x1x1xi8>
  %a = cnn.conv2d %x, %wa {name = "a"} : (tensor<1x2x4x4xi8>, tensor<2x2x1x1xi8>) -> tensor<1x2x4x4xi8>
  %wb = cnn.weight : tensor<2x2x1x1xi8>
  %b = cnn.conv2d %a, %wb {name = "b"} : (tensor<1x2x4x4xi8>, tensor<2x2x1x1xi8>) -> tensor<1x2x4x4xi8>
  return %b : tensor<1x2x4x4xi8>
}

func.func @wide(%x: tensor<1x16x1x1xi8>) -> tensor<1x16x1x1xi8> {
  %wa = cnn.weight : tensor<16x16x1x1xi8>
  %a = cnn.conv2d %x, %wa {name = "a"} : (tensor<1x16x1x1xi8>, tensor<16x16x1x1xi8>) -> tensor<1x16x1x1xi8>
  %wb = cnn.weight : tensor<16x16x1x1xi8>
  %b = cnn.conv2d %a, %wb {name = "b"} : (tensor<1x16x1x1xi8>, tensor<16x16x1x1xi8>) -> tensor<1x16x1x1xi8>
  return %b : tensor<1x16x1x1xi8>
}
