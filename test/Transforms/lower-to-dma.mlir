// RUN: cnn-opt %s --tile-for-sram=200 --lower-to-dma | FileCheck %s
// RUN: cnn-opt %s --tile-for-sram=200 --lower-to-dma --dma-traffic-report -o /dev/null | FileCheck %s --check-prefix=TRAFFIC

// The small convolution of tile-for-sram.mlir: 8x4x4 -> 8x4x4, 3x3, pad 1,
// i8, at 200 bytes: tm = 2, tc = 2, te = tf = 4, order m,e,f (the e and f
// loops have one trip each). Buffers, 32-bit partial sums first:
//   partial sums 1x2x4x4 i32 = 128 bytes at 0 (the i8 output tile is
//   written over them in place, also at 0); input 1x2x4x4 i8 = 32 bytes at
//   128; weights 2x2x3x3 i8 = 36 bytes at 160: 196 bytes in all.
// Loops: m over 4 tiles, c over 4 tiles, innermost. The weights depend on
// m and c, the input on c: both load in the c loop (16 loads each). The
// 3x3 kernel on a 4x4 tile with padding all round splits into 3x3 bands
// of valid taps (rows 0, 1-2, 3 against kernel rows 1-2, 0-2, 0-1): 9
// convolutions. Then the tile is requantized (docs/Semantics.md: shift =
// ceil(log2(K)) + 4 with K = 8*3*3 = 72: 7 + 4 = 11) and stored.

// CHECK:      %[[ARENA:.*]] = memref.alloc() {dma.arena} : memref<200xi8, 1>
// CHECK:      %[[OUT:.*]] = memref.alloc() : memref<1x8x4x4xi8>
// CHECK:      scf.execute_region {
// CHECK:        memref.view %[[ARENA]][%c128][] : memref<200xi8, 1> to memref<1x2x4x4xi8, 1>
// CHECK:        memref.view %[[ARENA]][%c160][] : memref<200xi8, 1> to memref<2x2x3x3xi8, 1>
// CHECK:        memref.view %[[ARENA]][%c0][] {dma.in_place} : memref<200xi8, 1> to memref<1x2x4x4xi8, 1>
// CHECK:        %[[PSUM:.*]] = memref.view %[[ARENA]][%{{.*}}][] : memref<200xi8, 1> to memref<1x2x4x4xi32, 1>
// CHECK:        scf.for %[[M:.*]] = %{{.*}} to %c4 step %c1 {
// CHECK:          linalg.fill ins(%{{.*}} : i32) outs(%[[PSUM]]
// CHECK:          scf.for %[[C:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
// CHECK:            dma.load %{{.*}}, %{{.*}} {kind = "weights"} : memref<2x2x3x3xi8, strided<[72, 9, 3, 1], offset: ?>>, memref<2x2x3x3xi8, strided<[18, 9, 3, 1]>, 1>
// CHECK:            dma.load %{{.*}}, %{{.*}} {kind = "input"} : memref<1x2x4x4xi8, strided<[128, 16, 4, 1], offset: ?>>, memref<1x2x4x4xi8, strided<[32, 16, 4, 1]>, 1>
// CHECK-COUNT-9:    linalg.conv_2d_nchw_fchw
// CHECK:          }
// CHECK:          linalg.generic
// CHECK:            arith.constant 11 : i32
// CHECK:            arith.shrsi
// CHECK:          dma.store %{{.*}}, %{{.*}} {kind = "output"} : memref<1x2x4x4xi8, strided<[32, 16, 4, 1]>, 1>, memref<1x2x4x4xi8, strided<[128, 16, 4, 1], offset: ?>>
// CHECK:        }
// CHECK:      } {cnn.layer = "conv"}
// CHECK:      return %[[OUT]]

// The transfers add up to the cost model's traffic (tile-for-sram.mlir):
// 16 weight tiles of 36 bytes = 576, 16 input tiles of 32 = 512, 4 output
// tiles of 32 = 128.
// TRAFFIC: conv layer 512 576 128 1,216

func.func @small_conv(%x: tensor<1x8x4x4xi8>) -> tensor<1x8x4x4xi8> {
  %w = cnn.weight : tensor<8x8x3x3xi8>
  %y = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>, name = "conv"}
      : (tensor<1x8x4x4xi8>, tensor<8x8x3x3xi8>) -> tensor<1x8x4x4xi8>
  return %y : tensor<1x8x4x4xi8>
}
