// RUN: cnn-opt %s --tile-for-sram=512 --merge-layers | FileCheck %s --check-prefix=ROWS
// RUN: cnn-opt %s --tile-for-sram=511 --merge-layers | FileCheck %s --check-prefix=SPLIT
// RUN: cnn-opt %s --tile-for-sram=512 --merge-layers --cnn-traffic-report -o /dev/null | FileCheck %s --check-prefix=REPORT
// A merged module tiled again for another size is merged again for it:
// the group of 512 bytes does not survive at 511, and forms at 512 again.
// RUN: cnn-opt %s --tile-for-sram=512 --merge-layers --tile-for-sram=511 | FileCheck %s --check-prefix=SPLIT
// RUN: cnn-opt %s --tile-for-sram=511 --merge-layers --tile-for-sram=512 | FileCheck %s --check-prefix=ROWS

// Two 3x3 convolutions (pad 1) on 4x8x8 i8, no bias: x -> a -> b.
//
// Mode rows (docs/CostModel.md, section 2): the group runs one row of b
// per step. At step r, b computes row r and reads rows r-1..r+1 of a, so a
// computes row r+1 and reads rows r..r+2 of x. Live rows:
//   x: row r+2 is loaded, a's row r+1 reads from row r: 3 rows;
//   a: row r+1 produced, b's row r reads from r-1: 3 rows;
//   b: read by no layer of the group: the one row of the step.
// A row is 4 channels x 8 columns = 32 bytes: 3*32 + 3*32 + 32 = 224 bytes
// of line buffers + 2 * 4*4*9 = 288 bytes of weights = 512.
// Mode resident needs 548 (x and a whole, 256 + 256, plus one output
// channel of weights, 36), so at 512 the group streams rows.
// Traffic: x once (256), the weights once (288), b once (256) = 800,
// against 656 + 656 = 1,312 with each layer alone.
//
// At 511 bytes neither mode fits: the layers stay alone and the boundary
// says why.

// ROWS:      %[[G:.*]] = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 512, weight_bytes = 288, buffers = [#cnn.line_buffer<tensor = "arg0", rows = 3, bytes = 96>, #cnn.line_buffer<tensor = "a", rows = 3, bytes = 96>, #cnn.line_buffer<tensor = "b", rows = 1, bytes = 32>], name = "group_0", cnn.cycles = #cnn.cycles<compute = 72, dma = 100, estimated = 172>, cnn.traffic = #cnn.traffic<input = 256, weights = 288, output = 256>
// ROWS-NEXT:   %a = cnn.conv2d
// ROWS-NEXT:   %b = cnn.conv2d
// ROWS-NEXT:   cnn.yield %b
// ROWS-NEXT: }
// ROWS-NEXT: return %[[G]]

// SPLIT-NOT: cnn.fusion_group
// SPLIT: %a = cnn.conv2d {{.*}}cnn.boundary = "line buffers do not fit: merging 'b' needs 512 bytes (whole feature maps: 548)"
// SPLIT: %b = cnn.conv2d
// SPLIT-NOT: cnn.boundary

// REPORT: group_0 rows 512 18,432 256 288 256 800 2: a .. b
// REPORT: network: without merging 1,312 bytes, with merging 800 bytes (39.0% less) in 1 group{{$}}

func.func @chain(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
  %w1 = cnn.weight : tensor<4x4x3x3xi8>
  %w2 = cnn.weight : tensor<4x4x3x3xi8>
  %a = cnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>, name = "a"}
      : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  %b = cnn.conv2d %a, %w2 {padding = array<i64: 1, 1, 1, 1>, name = "b"}
      : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  return %b : tensor<1x4x8x8xi8>
}
