// A depthwise i8 convolution (groups = channels) with bottom and right
// padding and a bias, run on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

// 2x2 kernel, padding [0, 1, 0, 1]: output 3x3, window (e, f) = input rows
// e..e+1, columns f..f+1, row/column 3 is padding.
// K = (C/groups) * R * S = 1 * 2 * 2 = 4, shift = ceil(log2(4)) + 4 = 6.
//
// Channel 0: every weight 64, bias 0: y = (64 * S) >> 6 = S, the window sum.
//   x0 = [1 2 3; 4 5 6; 7 8 9]
//   (0,0) 1+2+4+5 = 12   (0,1) 2+3+5+6 = 16   (0,2) 3+6 = 9
//   (1,0) 4+5+7+8 = 24   (1,1) 5+6+8+9 = 28   (1,2) 6+9 = 15
//   (2,0) 7+8 = 15       (2,1) 8+9 = 17       (2,2) 9
// Channel 1: weights [0 0; 0 64] pick the bottom-right element v of the
// window; bias -1: y = floor((64 * v - 1) / 64) = v - 1 (-1 where v is
// padding: floor(-1/64) = -1).
//   x1 = [10 20 30; 40 50 60; 70 80 90]
//   (0,0) 50-1 = 49  (0,1) 60-1 = 59  (0,2) -1
//   (1,0) 80-1 = 79  (1,1) 90-1 = 89  (1,2) -1
//   (2,*) -1

// CHECK: sizes = [1, 2, 3, 3]
// CHECK-NEXT: [12, 16, 9],
// CHECK-NEXT: [24, 28, 15],
// CHECK-NEXT: [15, 17, 9]],
// CHECK-NEXT: [49, 59, -1],
// CHECK-NEXT: [79, 89, -1],
// CHECK-NEXT: [-1, -1, -1]]]]

module {
  func.func @net(%x: tensor<1x2x3x3xi8>) -> tensor<1x2x3x3xi8> {
    %w = cnn.weight {value = dense<[[[[64, 64], [64, 64]]], [[[0, 0], [0, 64]]]]>
                     : tensor<2x1x2x2xi8>} : tensor<2x1x2x2xi8>
    %b = cnn.weight {value = dense<[0, -1]> : tensor<2xi32>} : tensor<2xi32>
    %y = cnn.conv2d %x, %w, %b {name = "dw", groups = 2, padding = array<i64: 0, 1, 0, 1>}
        : (tensor<1x2x3x3xi8>, tensor<2x1x2x2xi8>, tensor<2xi32>) -> tensor<1x2x3x3xi8>
    return %y : tensor<1x2x3x3xi8>
  }

  func.func private @printMemrefI32(memref<*xi32>)

  func.func @main() {
    %x = arith.constant dense<[[[[1, 2, 3], [4, 5, 6], [7, 8, 9]],
                                [[10, 20, 30], [40, 50, 60], [70, 80, 90]]]]> : tensor<1x2x3x3xi8>
    %y = call @net(%x) : (tensor<1x2x3x3xi8>) -> tensor<1x2x3x3xi8>
    %y32 = arith.extsi %y : tensor<1x2x3x3xi8> to tensor<1x2x3x3xi32>
    %m = bufferization.to_buffer %y32 : tensor<1x2x3x3xi32> to memref<1x2x3x3xi32>
    %u = memref.cast %m : memref<1x2x3x3xi32> to memref<*xi32>
    call @printMemrefI32(%u) : (memref<*xi32>) -> ()
    return
  }
}
