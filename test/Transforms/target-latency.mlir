// RUN: cnn-opt %s --target=%S/Inputs/latency-target.json | FileCheck %s --check-prefix=OVERLAP
// RUN: cnn-opt %s "--target=%S/Inputs/latency-target.json,dma_overlap=false" | FileCheck %s --check-prefix=SERIAL
// RUN: cnn-opt %s --target=%S/Inputs/latency-target.json --cnn-traffic-report -o /dev/null | FileCheck %s --check-prefix=REPORT

// Hand-worked cycles on the target of Inputs/latency-target.json: 512 bytes
// of SRAM, 2 DRAM bytes and 4 MACs per cycle at 100 MHz, 16-byte DMA
// bursts, DMA overlapping compute (double buffering).
//
// @a: a 1x1 convolution, 3x5x5 -> 2x5x5 i8, no bias. One tile holds
// input 75 + weights 6 + output 50 = 131 bytes, twice with double
// buffering: 262 <= 512. Any split moves more bursts, so one step moves
// the input (75 -> 80 bytes in bursts), the weights (6 -> 16) and the
// output (50 -> 64): 160 bytes = 80 DMA cycles. MACs 2*25*3 = 150 -> 37.5
// compute cycles (38 whole). Overlapped: max(37.5, 80) = 80 cycles;
// serial: 37.5 + 80 = 117.5 -> 118.
//
// OVERLAP: cnn.cycles = #cnn.cycles<compute = 38, dma = 80, estimated = 80>, cnn.tiling = #cnn.tiling<tm = 2, te = 5, tf = 5, tc = 3, order = mef, buffer = 262>, cnn.traffic = #cnn.traffic<input = 80, weights = 16, output = 64>, name = "a"
// SERIAL: cnn.cycles = #cnn.cycles<compute = 38, dma = 80, estimated = 118>, cnn.tiling = #cnn.tiling<tm = 2, te = 5, tf = 5, tc = 3, order = mef, buffer = 131>, cnn.traffic = #cnn.traffic<input = 80, weights = 16, output = 64>, name = "a"
//
// @b: a 1x1 convolution, 4x8x8 -> 4x8x8 i8, no bias (256 + 16 + 256 bytes
// whole: does not fit). Every tiling that fits moves each tensor once in
// whole bursts: 256 + 16 + 256 = 528 bytes = 264 DMA cycles; MACs
// 4*64*4 = 1,024 = 256 compute cycles.
// Double buffered, the tile buffers get 256 bytes: columns in tiles of 3
// (input 8 rows x 3 cols x 4 ch = 96, weights 16, output 96: 208, 416
// held). Three steps (columns 3, 3, 2): compute 96, 96, 64 cycles; DMA
// (96 + 16 + 96) / 2 = 104, 96, (64 + 64) / 2 = 64; the larger of each:
// 104 + 96 + 64 = 264 cycles. (Rows in tiles of 3 tie in traffic, cycles
// and tiles; the larger row tile wins the tie.)
// Serial, the buffers get all 512 bytes: columns in tiles of 4 (128 + 16
// + 128 = 272), and 256 + 264 = 520 cycles.
//
// OVERLAP: cnn.cycles = #cnn.cycles<compute = 256, dma = 264, estimated = 264>, cnn.tiling = #cnn.tiling<tm = 4, te = 8, tf = 3, tc = 4, order = mef, buffer = 416>, cnn.traffic = #cnn.traffic<input = 256, weights = 16, output = 256>, name = "b"
// SERIAL: cnn.cycles = #cnn.cycles<compute = 256, dma = 264, estimated = 520>, cnn.tiling = #cnn.tiling<tm = 4, te = 8, tf = 4, tc = 4, order = mef, buffer = 272>, cnn.traffic = #cnn.traffic<input = 256, weights = 16, output = 256>, name = "b"
//
// The report: 80 cycles at 100 MHz = 0.8 us, 1,250,000 inferences/s; 264
// cycles = 2.64 us, 100e6 / 264 = 378,787.88 inferences/s.
//
// REPORT: latency on target tiny (100 MHz, 4 MACs/cycle, 2 DRAM bytes/cycle, DMA burst 16 B, DMA overlaps compute)
// REPORT: a 38 80 80 0.800 us dma
// REPORT: latency 80 cycles = 0.800 us at 100 MHz, 1250000.00 inferences/s; dma-bound (compute 38 cycles, DMA 80 cycles)
// REPORT: b 256 264 264 2.640 us dma
// REPORT: latency 264 cycles = 2.640 us at 100 MHz, 378787.88 inferences/s; dma-bound (compute 256 cycles, DMA 264 cycles)

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
