// RUN: cnn-opt %s -split-input-file --tile-for-sram=262144 | FileCheck %s --check-prefix=S256K
// RUN: cnn-opt %s -split-input-file --tile-for-sram=1MiB | FileCheck %s --check-prefix=S1M
// RUN: cnn-opt %s -split-input-file --tile-for-sram=200 | FileCheck %s --check-prefix=S200

// The worked example of the cost model (docs/CostModel.md): VGG16 conv4_2,
// i8, 512x28x28 -> 512x28x28, 3x3, pad 1, no bias.
//
// At 256 KiB: tm=6, tc=512, te=28, tf=14, order e,f,m. Buffers: input
// min(27+3,28) x min(13+3,28) x 512 = 229,376; weights 6*512*9 = 27,648;
// output 6*28*14 = 2,352; sum 259,376 (tm=7 would need 264,376). Traffic:
// the two column halves each read 28 rows x 15 columns of the input:
// 28*30*512 = 430,080; the m loop (86 trips) is inside the f loop (2 trips),
// so the weights are read twice: 2 * 2,359,296 = 4,718,592; the output is
// written once: 401,408. Total 5,550,080. (te=14, tf=28 ties; the tie-break
// prefers the larger te.)
//
// At 1 MiB every tensor moves once: 401,408 + 2,359,296 + 401,408 =
// 3,162,112, with the whole input resident (tc=512, te=tf=28): tm is the
// largest candidate ceil(512/k) with 401,408 + tm*(4,608 + 784) <= 1 MiB,
// i.e. tm = 103 (k=5; tm=128 would need 1,091,584), five m tiles; buffer
// 401,408 + 103*4,608 + 103*784 = 956,784. Every order has the one m loop
// left; the first, m,e,f, is kept.

// S256K: module attributes {cnn.target = #cnn.target<sram = 262144>}
// S256K-LABEL: func.func @vgg16_conv4_2
// S256K: cnn.conv2d
// S256K-SAME: cnn.tiling = #cnn.tiling<tm = 6, te = 28, tf = 14, tc = 512, order = efm, buffer = 259376>
// S256K-SAME: cnn.traffic = #cnn.traffic<input = 430080, weights = 4718592, output = 401408>
// S1M: module attributes {cnn.target = #cnn.target<sram = 1048576>}
// S1M-LABEL: func.func @vgg16_conv4_2
// S1M: cnn.conv2d
// S1M-SAME: cnn.tiling = #cnn.tiling<tm = 103, te = 28, tf = 28, tc = 512, order = mef, buffer = 956784>
// S1M-SAME: cnn.traffic = #cnn.traffic<input = 401408, weights = 2359296, output = 401408>
func.func @vgg16_conv4_2(%x: tensor<1x512x28x28xi8>) -> tensor<1x512x28x28xi8> {
  %w = cnn.weight : tensor<512x512x3x3xi8>
  %y = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>}
      : (tensor<1x512x28x28xi8>, tensor<512x512x3x3xi8>) -> tensor<1x512x28x28xi8>
  return %y : tensor<1x512x28x28xi8>
}

// -----

// A small convolution, i8: 8x4x4 -> 8x4x4, 3x3, pad 1, no bias. Weights
// 576 bytes, input 128, output 128.
//
// At 200 bytes nothing with one input-channel tile fits well: with tc=8 the
// whole-row tiles need 128 + 88*tm > 200, and single-row tiles (te=1) force
// either the input (order m,e: 8 x 320) or the weights (order e,m: 4 x 576)
// to be re-read: 2,752 at best. Splitting the input channels keeps 32-bit
// partial sums (4 bytes per output): with tc=2, te=tf=4, the buffer is
// 4*4*2 + tm*2*9 + tm*16*4 = 32 + 82*tm <= 200, so tm=2 (196 bytes). The
// c loop is innermost and the input does not depend on m, so the input is
// read nm = 4 times: 4*128 = 512; the weights once: 576; the output once:
// 128. Total 1,216. (tc=1, tm=2 moves the same bytes in 32 tiles instead of
// 16; every other tiling moves more.) Only the m and c loops have more than
// one trip, so every order is the same; the first, m,e,f, is kept.
//
// At 256 KiB everything fits at once: one tile, 832 bytes.

// S200-LABEL: func.func @small_conv
// S200: cnn.tiling = #cnn.tiling<tm = 2, te = 4, tf = 4, tc = 2, order = mef, buffer = 196>
// S200-SAME: cnn.traffic = #cnn.traffic<input = 512, weights = 576, output = 128>
// S256K-LABEL: func.func @small_conv
// S256K: cnn.tiling = #cnn.tiling<tm = 8, te = 4, tf = 4, tc = 8, order = mef, buffer = 832>
// S256K-SAME: cnn.traffic = #cnn.traffic<input = 128, weights = 576, output = 128>
func.func @small_conv(%x: tensor<1x8x4x4xi8>) -> tensor<1x8x4x4xi8> {
  %w = cnn.weight : tensor<8x8x3x3xi8>
  %y = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>}
      : (tensor<1x8x4x4xi8>, tensor<8x8x3x3xi8>) -> tensor<1x8x4x4xi8>
  return %y : tensor<1x8x4x4xi8>
}

// -----

// Depthwise 3x3, 8x4x4, pad 1, i8, weights 72 bytes. At 200 bytes a tile of
// tm channels with whole rows needs 16*tm (input) + 9*tm (weights) + 16*tm
// (output) = 41*tm, so tm = 4 (164 bytes; the candidates are 1,2,3,4,8).
// Input, weights and output each move once (the input depends on every
// loop; the weights on the only loop): 128 + 72 + 128 = 328.
//
// A max pool 2x2 stride 2 on the result: 8x4x4 -> 8x2x2: a tile of tm
// channels needs 16*tm + 4*tm = 20*tm: all 8 channels fit (160 bytes).
// Traffic: input 128 once, output 32.
//
// Fully connected 32 -> 10 with an i32 bias: a 1x1 convolution on a 1x1
// input with C = 32. With tc = 32 the buffer is 32 + tm*32 + tm*4 (bias) +
// tm = 32 + 37*tm <= 200: tm = 4 (180 bytes; candidates of 10 are
// 1,2,3,4,5,10). Only the m loop remains and the input does not depend on
// it, so everything moves once: 32 + (320 + 40) + 10 = 402.
//
// The add and the concat do not depend on tiling: the add reads both inputs
// (2 x 10) and writes 10; the concat moves nothing (its producers write into
// the concatenated tensor).

// S200-LABEL: func.func @mixed
// S200: cnn.conv2d
// S200-SAME: cnn.tiling = #cnn.tiling<tm = 4, te = 4, tf = 4, tc = 4, order = mef, buffer = 164>
// S200-SAME: cnn.traffic = #cnn.traffic<input = 128, weights = 72, output = 128>
// S200: cnn.max_pool
// S200-SAME: cnn.tiling = #cnn.tiling<tm = 8, te = 2, tf = 2, tc = 8, order = mef, buffer = 160>
// S200-SAME: cnn.traffic = #cnn.traffic<input = 128, weights = 0, output = 32>
// S200: cnn.fully_connected
// S200-SAME: cnn.tiling = #cnn.tiling<tm = 4, te = 1, tf = 1, tc = 32, order = mef, buffer = 180>
// S200-SAME: cnn.traffic = #cnn.traffic<input = 32, weights = 360, output = 10>
// S200: cnn.add
// S200-NOT: cnn.tiling
// S200-SAME: cnn.traffic = #cnn.traffic<input = 20, weights = 0, output = 10>
// S200: cnn.concat
// S200-SAME: cnn.traffic = #cnn.traffic<input = 0, weights = 0, output = 0>
func.func @mixed(%x: tensor<1x8x4x4xi8>) -> tensor<1x20x1x1xi8> {
  %w = cnn.weight : tensor<8x1x3x3xi8>
  %0 = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>, groups = 8}
      : (tensor<1x8x4x4xi8>, tensor<8x1x3x3xi8>) -> tensor<1x8x4x4xi8>
  %1 = cnn.max_pool %0 {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}
      : tensor<1x8x4x4xi8> -> tensor<1x8x2x2xi8>
  %fw = cnn.weight : tensor<10x32xi8>
  %fb = cnn.weight : tensor<10xi32>
  %2 = cnn.fully_connected %1, %fw, %fb
      : (tensor<1x8x2x2xi8>, tensor<10x32xi8>, tensor<10xi32>) -> tensor<1x10x1x1xi8>
  %3 = cnn.add %2, %2 : tensor<1x10x1x1xi8>
  %4 = cnn.concat %3, %2 : (tensor<1x10x1x1xi8>, tensor<1x10x1x1xi8>) -> tensor<1x20x1x1xi8>
  return %4 : tensor<1x20x1x1xi8>
}
