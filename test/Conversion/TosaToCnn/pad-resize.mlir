// RUN: cnn-opt --tosa-to-cnn --split-input-file %s | FileCheck %s

// tosa.pad pads [N before, N after, H before, H after, W before, W after,
// C before, C after]; cnn.pad takes [top, bottom, left, right]. The pad
// value is kept (an int8 exporter pads with the zero point).

// CHECK-LABEL: func.func @pad_i8
// CHECK: cnn.pad %{{.*}} {padding = array<i64: 0, 1, 2, 3>, value = -1.280000e+02 : f64} : tensor<1x8x6x6xi8> -> tensor<1x8x7x11xi8>
func.func @pad_i8(%x: tensor<1x6x6x8xi8>) -> tensor<1x7x11x8xi8> {
  %p = tosa.const_shape {values = dense<[0, 0, 0, 1, 2, 3, 0, 0]> : tensor<8xindex>} : () -> !tosa.shape<8>
  %v = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %y = tosa.pad %x, %p, %v : (tensor<1x6x6x8xi8>, !tosa.shape<8>, tensor<1xi8>) -> tensor<1x7x11x8xi8>
  return %y : tensor<1x7x11x8xi8>
}

// -----

// Nearest-neighbour up-sampling by 2: scale 2/1, offset -1 and border 0
// make TOSA's rounding sample row floor(r / 2), which is cnn.resize's
// nearest.

// CHECK-LABEL: func.func @resize_nearest
// CHECK: cnn.resize %{{.*}} {name = "up", scale = array<i64: 2, 2>} : tensor<1x8x13x13xi8> -> tensor<1x8x26x26xi8>
func.func @resize_nearest(%x: tensor<1x13x13x8xi8>) -> tensor<1x26x26x8xi8> {
  %scale = tosa.const_shape {values = dense<[2, 1, 2, 1]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %offset = tosa.const_shape {values = dense<[-1, -1]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %border = tosa.const_shape {values = dense<[0, 0]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %y = tosa.resize %x, %scale, %offset, %border {mode = NEAREST_NEIGHBOR} : (tensor<1x13x13x8xi8>, !tosa.shape<4>, !tosa.shape<2>, !tosa.shape<2>) -> tensor<1x26x26x8xi8> loc("up")
  return %y : tensor<1x26x26x8xi8>
}

// -----

// Bilinear up-sampling by 3 rows and 2 columns with half-pixel centres:
// scale n/d = 6/2 and 4/2, offset (d - n) / 2 = -2 and -1.

// CHECK-LABEL: func.func @resize_bilinear
// CHECK: cnn.resize %{{.*}} {mode = #cnn.resize_mode<bilinear>, scale = array<i64: 3, 2>} : tensor<1x4x5x5xf32> -> tensor<1x4x15x10xf32>
func.func @resize_bilinear(%x: tensor<1x5x5x4xf32>) -> tensor<1x15x10x4xf32> {
  %scale = tosa.const_shape {values = dense<[6, 2, 4, 2]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %offset = tosa.const_shape {values = dense<[-2, -1]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %border = tosa.const_shape {values = dense<[2, 1]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %y = tosa.resize %x, %scale, %offset, %border {mode = BILINEAR} : (tensor<1x5x5x4xf32>, !tosa.shape<4>, !tosa.shape<2>, !tosa.shape<2>) -> tensor<1x15x10x4xf32>
  return %y : tensor<1x15x10x4xf32>
}
