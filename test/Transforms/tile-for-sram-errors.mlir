// RUN: cnn-opt %s -split-input-file -verify-diagnostics --tile-for-sram=21
// RUN: not cnn-opt %s --tile-for-sram=abc 2>&1 | FileCheck %s --check-prefix=BAD -DVALUE=abc
// RUN: not cnn-opt %s --tile-for-sram=0 2>&1 | FileCheck %s --check-prefix=BAD -DVALUE=0
// RUN: not cnn-opt %s --tile-for-sram=-4096 2>&1 | FileCheck %s --check-prefix=BAD -DVALUE=-4096
// RUN: not cnn-opt %s --tile-for-sram=1.5 2>&1 | FileCheck %s --check-prefix=BAD -DVALUE=1.5
// RUN: not cnn-opt %s --tile-for-sram=256GB 2>&1 | FileCheck %s --check-prefix=BAD -DVALUE=256GB
// RUN: not cnn-opt %s --tile-for-sram=99999999999999999999999 2>&1 | FileCheck %s --check-prefix=BAD -DVALUE=99999999999999999999999
// RUN: not cnn-opt %s --tile-for-sram= 2>&1 | FileCheck %s --check-prefix=BAD -DVALUE=
// RUN: not cnn-opt %s --tile-for-sram=1025GiB 2>&1 | FileCheck %s --check-prefix=BAD -DVALUE=1025GiB
// RUN: not cnn-opt %s --tile-for-sram=2TiB 2>&1 | FileCheck %s --check-prefix=BAD -DVALUE=2TiB
// RUN: cnn-opt %s --tile-for-sram=1TiB -o /dev/null
// RUN: cnn-opt %s --tile-for-sram=1099511627776 -o /dev/null
// RUN: not cnn-opt %s --cnn-tile-for-sram 2>&1 | FileCheck %s --check-prefix=PASS
// RUN: not cnn-opt %s --cnn-tile-for-sram=sram=9223372036854775807 2>&1 | FileCheck %s --check-prefix=PASS-HUGE
// RUN: not cnn-opt %s --tile-for-sram=21 -o %t.out 2>&1 | FileCheck %s --check-prefix=NOOUT
// RUN: not test -s %t.out

// BAD: error: --tile-for-sram expects a positive SRAM size in bytes of at most 1 TiB (e.g. 262144, 256KiB, 1MiB), got '[[VALUE]]'
// PASS: error: cnn-tile-for-sram expects a positive SRAM size in bytes of at most 1 TiB (sram=N), got 0
// PASS-HUGE: error: cnn-tile-for-sram expects a positive SRAM size in bytes of at most 1 TiB (sram=N), got 9223372036854775807
// Without -split-input-file the four layers are one network: one error.
// NOOUT: error: layer 'conv2d_1' needs at least 45 bytes of SRAM for its smallest tile, but the target has 21 bytes (4 layers do not fit)
// NOOUT: note: layer 'conv' needs at least 22 bytes
// NOOUT: note: layer 'conv2d_0' needs at least 22 bytes
// NOOUT: note: layer 'coded' needs at least 22 bytes
// NOOUT-NOT: error: layer

// The smallest tile of this convolution (8x4x4 -> 8x4x4, 3x3, pad 1, i8):
// one output element of one channel with one input channel: a 3x3 input
// window (9 bytes), 9 weights and one 32-bit partial sum: 22 bytes. (With
// all 8 input channels at once it needs 72 + 72 + 1 = 145.)
func.func @too_small(%x: tensor<1x8x4x4xi8>) -> tensor<1x8x4x4xi8> {
  %w = cnn.weight : tensor<8x8x3x3xi8>
  // expected-error@+1 {{layer 'conv' needs at least 22 bytes of SRAM for its smallest tile, but the target has 21 bytes}}
  %y = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>, name = "conv"}
      : (tensor<1x8x4x4xi8>, tensor<8x8x3x3xi8>) -> tensor<1x8x4x4xi8>
  return %y : tensor<1x8x4x4xi8>
}

// -----

// One error names the layer that needs the most (the size from which the
// network fits) and how many layers do not fit; a note names every other
// one. Unnamed layers are named by kind and position. The 5x5 convolution
// needs 45 bytes: its window covers at most the whole 4x4 input channel (16
// bytes; the rest is padding), plus 25 weights and a 4-byte partial sum.
func.func @two_bad(%x: tensor<1x8x4x4xi8>) -> tensor<1x8x4x4xi8> {
  %w = cnn.weight : tensor<8x8x3x3xi8>
  %w5 = cnn.weight : tensor<8x8x5x5xi8>
  // expected-note@+1 {{layer 'conv2d_0' needs at least 22 bytes}}
  %y = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>}
      : (tensor<1x8x4x4xi8>, tensor<8x8x3x3xi8>) -> tensor<1x8x4x4xi8>
  // expected-error@+1 {{layer 'conv2d_1' needs at least 45 bytes of SRAM for its smallest tile, but the target has 21 bytes (2 layers do not fit)}}
  %z = cnn.conv2d %y, %w5 {padding = array<i64: 2, 2, 2, 2>}
      : (tensor<1x8x4x4xi8>, tensor<8x8x5x5xi8>) -> tensor<1x8x4x4xi8>
  return %z : tensor<1x8x4x4xi8>
}

// -----

// Coded weights load in whole output channels (tc = c), or, when that does
// not fit, raw in any tiles: the smallest tile of this 3x3 convolution
// (8 -> 2 channels, i8) is 22 bytes raw (one input channel: a 3x3 window,
// 9 weights, a 4-byte partial sum) and 72 + 38 + 1 = 111 with whole coded
// channels (every input channel's window, the larger coded channel, one
// output byte). The error names the smaller.
func.func @coded_channels(%x: tensor<1x8x3x3xi8>) -> tensor<1x2x1x1xi8> {
  %w = cnn.weight {cnn.compression = #cnn.compression<bytes = 70, scheme = "zrl-rice", channels = [32, 38]>} : tensor<2x8x3x3xi8>
  // expected-error@+1 {{layer 'coded' needs at least 22 bytes of SRAM for its smallest tile, but the target has 21 bytes}}
  %y = cnn.conv2d %x, %w {name = "coded"} : (tensor<1x8x3x3xi8>, tensor<2x8x3x3xi8>) -> tensor<1x2x1x1xi8>
  return %y : tensor<1x2x1x1xi8>
}
