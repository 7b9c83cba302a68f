// RUN: cnn-opt %s --target=%S/Inputs/latency-target.json | FileCheck %s --check-prefix=OVERLAP
// RUN: cnn-opt %s "--target=%S/Inputs/latency-target.json,dma_overlap=false" | FileCheck %s --check-prefix=SERIAL
// RUN: cnn-opt %s --target=%S/Inputs/latency-target.json --cnn-traffic-report -o /dev/null | FileCheck %s --check-prefix=REPORT

// Hand-worked cycles on the target of Inputs/latency-target.json: 512 bytes
// of SRAM, 2 DRAM bytes and 4 MACs per cycle at 100 MHz, 16-byte DMA
// bursts, DMA overlapping compute (double buffering).
//
// Under overlap the innermost loop with more than one trip is pipelined,
// as --lower-to-dma emits it: its first tile loads alone; while tile i
// computes, tile i + 1 loads and tile i - 1 stores (the larger of the two
// counts); its last tile stores alone.
//
// @a: a 1x1 convolution, 3x5x5 -> 2x5x5 i8, no bias. One tile holds
// input 75 + weights 6 + output 50 = 131 bytes, and moves the input
// (75 -> 80 bytes in bursts), the weights (6 -> 16) and the output
// (50 -> 64): 160 bytes = 80 DMA cycles. MACs 2*25*3 = 150 -> 37.5
// compute cycles (38 whole). Serial: 37.5 + 80 = 117.5 -> 118; overlapped,
// one tile has nothing to overlap: 48 (load) + 37.5 + 32 (store) = 117.5.
// Columns in tiles of 3 and 2 move the same bytes: inputs 5x3x3 = 45 -> 48
// and 30 -> 32, weights 16 once, outputs 30 and 20 -> 32 each (160), and
// hold (45 + 6 + 30) * 2 = 162 bytes. Pipelined: load 48 + 16 = 64 bytes
// (32 cycles); tile 0 computes 90 MACs (22.5) while tile 1's 32 bytes load
// (16): 22.5; tile 1 computes 60 MACs (15) while tile 0's 32 bytes store
// (16): 16; tile 1 stores (16). 32 + 22.5 + 16 + 16 = 86.5 -> 87. Splits
// in three move more bursts (columns 2, 2, 1: outputs 32 + 32 + 16), and
// rows in tiles of 3 tie with columns of 3 (the larger row tile wins).
//
// OVERLAP: cnn.cycles = #cnn.cycles<compute = 38, dma = 80, estimated = 87>, cnn.tiling = #cnn.tiling<tm = 2, te = 5, tf = 3, tc = 3, order = mef, buffer = 162>, cnn.traffic = #cnn.traffic<input = 80, weights = 16, output = 64>, name = "a"
// SERIAL: cnn.cycles = #cnn.cycles<compute = 38, dma = 80, estimated = 118>, cnn.tiling = #cnn.tiling<tm = 2, te = 5, tf = 5, tc = 3, order = mef, buffer = 131>, cnn.traffic = #cnn.traffic<input = 80, weights = 16, output = 64>, name = "a"
//
// @b: a 1x1 convolution, 4x8x8 -> 4x8x8 i8, no bias (256 + 16 + 256 bytes
// whole: does not fit). Every tiling that fits moves each tensor once in
// whole bursts: 256 + 16 + 256 = 528 bytes = 264 DMA cycles; MACs
// 4*64*4 = 1,024 = 256 compute cycles.
// Double buffered, the tile buffers get 256 bytes. Columns one at a time
// (input 8 rows x 1 col x 4 ch = 32, weights 16 loaded once, output 32):
// load 32 + 16 = 48 bytes (24 cycles); each of the 8 tiles computes 128
// MACs (32 cycles) while at most 32 + 32 bytes move (32 cycles): 8 * 32;
// the last store 16. 24 + 256 + 16 = 296. Wider tiles fill and drain the
// pipeline longer: columns of 2, load (64 + 16) / 2 = 40, 4 steps of 64,
// store 32: 328; columns of 3 (3, 3, 2): 56 + 96 + 96 + 64 + 32 = 344;
// columns of 4 hold 272 > 256. (Rows one at a time tie; the larger row
// tile wins.)
// Serial, the buffers get all 512 bytes: columns in tiles of 4 (128 + 16
// + 128 = 272), and 256 + 264 = 520 cycles.
//
// OVERLAP: cnn.cycles = #cnn.cycles<compute = 256, dma = 264, estimated = 296>, cnn.tiling = #cnn.tiling<tm = 4, te = 8, tf = 1, tc = 4, order = mef, buffer = 160>, cnn.traffic = #cnn.traffic<input = 256, weights = 16, output = 256>, name = "b"
// SERIAL: cnn.cycles = #cnn.cycles<compute = 256, dma = 264, estimated = 520>, cnn.tiling = #cnn.tiling<tm = 4, te = 8, tf = 4, tc = 4, order = mef, buffer = 272>, cnn.traffic = #cnn.traffic<input = 256, weights = 16, output = 256>, name = "b"
//
// The report: 87 cycles at 100 MHz = 0.87 us, 100e6 / 87 = 1,149,425.29
// inferences/s; 296 cycles = 2.96 us, 100e6 / 296 = 337,837.84
// inferences/s.
//
// REPORT: latency on target tiny (100 MHz, 4 MACs/cycle, 2 DRAM bytes/cycle, DMA burst 16 B, DMA overlaps compute)
// REPORT: a 38 80 87 0.870 us dma
// REPORT: latency 87 cycles = 0.870 us at 100 MHz, 1149425.29 inferences/s; dma-bound (compute 38 cycles, DMA 80 cycles)
// REPORT: b 256 264 296 2.960 us dma
// REPORT: latency 296 cycles = 2.960 us at 100 MHz, 337837.84 inferences/s; dma-bound (compute 256 cycles, DMA 264 cycles)

func.func @a(%x: tensor<1x3x5x5xi8>) -> tensor<1x2x5x5xi8> {
  %w = cnn.weight : tensor<2x3x1x1xi8>
  %y = cnn.conv2d %x, %w {name = "a"} : (tensor<1x3x5x5xi8>, tensor<2x3x1x1xi8>) -> tensor<1x2x5x5xi8>
  return %y : tensor<1x2x5x5xi8>
}

func.func @b(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
  %w = cnn.weight : tensor<4x4x1x1xi8>
  %y = cnn.conv2d %x, %w {name = "b"} : (tensor<1x4x8x8xi8>, tensor<4x4x1x1xi8>) -> tensor<1x4x8x8xi8>
  return %y : tensor<1x4x8x8xi8>
}
