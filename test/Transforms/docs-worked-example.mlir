// RUN: cnn-opt %s --tile-for-sram=24576 | FileCheck %s --check-prefix=TILE
// RUN: cnn-opt %s --tile-for-sram=20480 | FileCheck %s --check-prefix=TILE20K
// RUN: cnn-opt %s --tile-for-sram=24576 --merge-layers | FileCheck %s --check-prefix=GROUP
// RUN: cnn-opt %s --tile-for-sram=23903 --merge-layers | FileCheck %s --check-prefix=SPLIT
// RUN: cnn-opt %s --tile-for-sram=24576 --merge-layers --cnn-traffic-report -o /dev/null \
// RUN:   | FileCheck %s --check-prefix=REPORT
// RUN: cnn-opt %s --tile-for-sram=24576 --merge-layers --lower-to-dma --dma-verify-arena \
// RUN:   --dma-traffic-report -o /dev/null | FileCheck %s --check-prefix=DMA

// The worked example of docs/CostModel.md ("A worked example"); every
// number below is derived by hand from the cost model, section by section.
//
// conv: 3x3 convolution, 32 -> 64 channels, 28x28, i8, pad 1, i32 bias.
//   input   32*28*28         = 25,088 B
//   weights 64*32*3*3        = 18,432 B, bias 64*4 = 256 B: 18,688 B
//   output  64*28*28         = 50,176 B
//   Each tensor once would be 93,952 B; MACs 64*28*28*32*9 = 14,450,688.
// proj: 1x1 convolution, 64 -> 8 channels, no bias: weights 512 B, output
//   8*28*28 = 6,272 B, MACs 8*28*28*64 = 401,408.
//
// conv alone at S = 24,576 (section 1). Traffic = input sweep * Fi +
// 18,688 * Fw + 50,176.
//  * The input can never be read just once: unsplit rows and columns with
//    tc = 32 need a 25,088 B input tile (> S); with tc < 32 the c loop is
//    inside m, so the input is read nm times, and nm = 1 needs 64*784*4 B of
//    partial sums. Any split of rows (or columns) into n tiles reads
//    26 + 2n rows (each tile te + 2 rows, one fewer at each image edge), so
//    the input costs at least 30*28*32 = 26,880 B.
//  * Weights read twice or more: >= 37,376 + 26,880 + 50,176 = 114,432.
//  * Weights once with tm < 64 or tc < 32: no e or f loop may be outside
//    the weights' innermost loop, so either the input tile is the whole
//    input (25,088 > S) or the input is read nm >= 2 times:
//    >= 50,176 + 18,688 + 50,176 = 119,040.
//  * Weights once with tm = 64, tc = 32: the weight tile (18,688) stays
//    resident and 5,888 B remain: 32*rows*cols + 64*te*tf <= 5,888. The
//    largest fitting tf for each te, and (26+2ne)*(26+2nf):
//      te=28 tf=1: 2,296   te=14 tf=3: 1,380   te=10 tf=5: 1,216
//      te=7  tf=7: 1,156   te=6  tf=7: 1,224   te=5 tf=10: 1,216
//      te=4 tf=10: 1,280   te=3 tf=14: 1,380   te=2 tf=14: 1,620
//      te=1 tf=28: 2,296
//    te = tf = 7 (4 x 4 tiles) is the minimum: 34*34*32 = 36,992 B.
//  Total 36,992 + 18,688 + 50,176 = 105,856 < 114,432. Buffers: input
//  9*9*32 = 2,592, weights 18,432 + 256 = 18,688, output 64*7*7 = 3,136:
//  24,416 B. Only e and f have more than one trip; the input depends on
//  both and the weights on neither: both reload factors are 1. Every order
//  is equal; the first, m,e,f, is kept.
//
// proj alone at S = 24,576: a 1x1 convolution has no halo, so everything
// once (50,176 + 512 + 6,272 = 56,960) with the fewest tiles: tm = 8, and a
// tile of te*tf outputs needs 64*te*tf + 512 + 8*te*tf <= 24,576, i.e.
// te*tf <= 334: te = 28, tf = 10 (3 tiles; two tiles would need 392).
// Buffer 17,920 + 512 + 2,240 = 20,672.
//
// conv alone at S = 20,480: with tm = 64 only 1,792 B remain for the
// tiles; the best of them (te=3, tf=4 or te=4, tf=3) reads 46*40*32 =
// 58,880 B of input: 127,744 in all. The bound 114,432 of "weights twice"
// is reached by two column halves (tf = 14, te = 28): input 28 rows x 15
// columns twice = 26,880, weights twice = 37,376 (the f loop, 2 trips,
// is outside the m loop and the weights do not depend on f: reload factor
// 2; the one-trip e loop is dropped, so f is the input's innermost loop
// and nothing is outside it: reload factor 1). The input tile is
// 28 x 16 x 32 = 14,336, and tm*(288 + 4 + 392) <= 6,144 gives tm = 8.
// Buffer 14,336 + 2,336 + 3,136 = 19,808. Order: f must be outside m
// (with m outside f the input would be read nm = 8 times); of the orders
// e,f,m / f,m,e / f,e,m the first in the tie-break list is e,f,m.
// (te = 14, tf = 28 ties; the larger te wins.)
//
// The two layers merged at S = 24,576, mode rows (section 2): one row of
// proj per step; at step r proj reads conv row r; conv row r reads x rows
// r-1..r+1. Line buffers: x 3 rows * 28 * 32 = 2,688; conv 1 row (its only
// reader, proj, reads the row of the step) * 28 * 64 = 1,792; proj, read
// by no layer of the group, 1 row * 28 * 8 = 224. Weights 18,688 + 512 =
// 19,200. SRAM need 19,200 + 4,704 = 23,904 <= 24,576.
// Mode resident would keep x and conv whole plus one output channel of
// conv's weights (288 + 4): 25,088 + 50,176 + 292 = 75,556 (> S). At
// 23,903 neither mode fits and the boundary says so.
// Group traffic: x once 25,088 + weights once 19,200 + proj once 6,272 =
// 50,560, against 105,856 + 56,960 = 162,816 alone (68.9% less).
// Energy: 14,852,096 pJ of MACs + 8 * 50,560 * 10 pJ = 4,044,800 pJ of
// DRAM: 18.897 uJ. conv alone: 14,450,688 + 8 * 105,856 * 10 = 22.919 uJ.
//
// The lowered group moves exactly these bytes (--dma-traffic-report).

// TILE: module attributes {cnn.target = #cnn.target<sram = 24576>}
// TILE: %conv = cnn.conv2d
// TILE-SAME: cnn.tiling = #cnn.tiling<tm = 64, te = 7, tf = 7, tc = 32, order = mef, buffer = 24416>
// TILE-SAME: cnn.traffic = #cnn.traffic<input = 36992, weights = 18688, output = 50176>
// TILE: %proj = cnn.conv2d
// TILE-SAME: cnn.tiling = #cnn.tiling<tm = 8, te = 28, tf = 10, tc = 64, order = mef, buffer = 20672>
// TILE-SAME: cnn.traffic = #cnn.traffic<input = 50176, weights = 512, output = 6272>

// TILE20K: %conv = cnn.conv2d
// TILE20K-SAME: cnn.tiling = #cnn.tiling<tm = 8, te = 28, tf = 14, tc = 32, order = efm, buffer = 19808>
// TILE20K-SAME: cnn.traffic = #cnn.traffic<input = 26880, weights = 37376, output = 50176>

// GROUP: %[[G:.*]] = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 23904, weight_bytes = 19200, buffers = [#cnn.line_buffer<tensor = "arg0", rows = 3, bytes = 2688>, #cnn.line_buffer<tensor = "conv", rows = 1, bytes = 1792>, #cnn.line_buffer<tensor = "proj", rows = 1, bytes = 224>], name = "group_0", cnn.cycles = #cnn.cycles<{{[^>]*}}>, cnn.traffic = #cnn.traffic<input = 25088, weights = 19200, output = 6272>
// GROUP-NEXT: %conv = cnn.conv2d
// GROUP-NEXT: %proj = cnn.conv2d
// GROUP-NEXT: cnn.yield %proj
// GROUP-NEXT: }
// GROUP-NEXT: return %[[G]]

// SPLIT-NOT: cnn.fusion_group
// SPLIT: %conv = cnn.conv2d {{.*}}cnn.boundary = "line buffers do not fit: merging 'proj' needs 23904 bytes (whole feature maps: 75556)"

// REPORT:      traffic of @example at SRAM 24,576 bytes
// REPORT:      conv conv2d 14,450,688 36,992 18,688 50,176 105,856 22.919 18,688 18,688 tm=64 te=7 tf=7 tc=32 mef
// REPORT-NEXT: proj conv2d 401,408 50,176 512 6,272 56,960 4.958 512 512 tm=8 te=28 tf=10 tc=64 mef
// REPORT-NEXT: total, layers alone 14,852,096 87,168 19,200 56,448 162,816 27.877 19,200 19,200
// REPORT:      group_0 rows 23,904 14,852,096 25,088 19,200 6,272 50,560 2: conv .. proj
// REPORT-NEXT: network: without merging 162,816 bytes, with merging 50,560 bytes (68.9% less) in 1 group
// REPORT-NEXT: DRAM traffic 50,560 bytes (read 44,288, written 6,272); energy 18.897 uJ = MACs 14.852 + DRAM 4.045 (1 pJ/MAC, 10 pJ/bit)

// DMA:      group_0 group 25,088 19,200 6,272 50,560
// DMA-NEXT: total 25,088 19,200 6,272 50,560

func.func @example(%x: tensor<1x32x28x28xi8>) -> tensor<1x8x28x28xi8> {
  %w = cnn.weight : tensor<64x32x3x3xi8>
  %bias = cnn.weight : tensor<64xi32>
  %conv = cnn.conv2d %x, %w, %bias {padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>, name = "conv"}
      : (tensor<1x32x28x28xi8>, tensor<64x32x3x3xi8>, tensor<64xi32>) -> tensor<1x64x28x28xi8>
  %wp = cnn.weight : tensor<8x64x1x1xi8>
  %proj = cnn.conv2d %conv, %wp {name = "proj"}
      : (tensor<1x64x28x28xi8>, tensor<8x64x1x1xi8>) -> tensor<1x8x28x28xi8>
  return %proj : tensor<1x8x28x28xi8>
}
