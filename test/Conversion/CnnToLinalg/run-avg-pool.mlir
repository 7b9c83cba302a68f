// Average pooling with padding: the sum of the valid (unpadded) elements
// divided by their count, rounded toward zero (arith.divsi). Run on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

// @pool_3x3: 3x3 window, stride 1, padding 1 on every edge: corner windows
// hold 4 valid elements, edge windows 6, the centre 9.
//   x0 = [1 2 3; 4 5 6; 7 8 9]
//   (0,0) 12/4 = 3   (0,1) 21/6 = 3.5 -> 3   (0,2) 16/4 = 4
//   (1,0) 27/6 = 4.5 -> 4   (1,1) 45/9 = 5   (1,2) 33/6 = 5.5 -> 5
//   (2,0) 24/4 = 6   (2,1) 39/6 = 6.5 -> 6   (2,2) 28/4 = 7
// Channel 1 is -x0: the same magnitudes, rounded toward zero (-3.5 -> -3).
// (Dividing by the window size 9 would give 12/9 = 1 at (0,0).)
//
// @pool_2x2_s2: 2x2 window, stride 2, padding [0, 1, 0, 1] on x0: output 2x2,
// window (e, f) = rows 2e..2e+1, columns 2f..2f+1, row/column 3 padding.
//   (0,0) (1+2+4+5)/4 = 3   (0,1) (3+6)/2 = 4.5 -> 4
//   (1,0) (7+8)/2 = 7.5 -> 7   (1,1) 9/1 = 9

// CHECK: sizes = [1, 2, 3, 3]
// CHECK-NEXT: [3, 3, 4],
// CHECK-NEXT: [4, 5, 5],
// CHECK-NEXT: [6, 6, 7]],
// CHECK-NEXT: [-3, -3, -4],
// CHECK-NEXT: [-4, -5, -5],
// CHECK-NEXT: [-6, -6, -7]]]]
// CHECK: sizes = [1, 1, 2, 2]
// CHECK-NEXT: [3, 4],
// CHECK-NEXT: [7, 9]]]]

module {
  func.func @pool_3x3(%x: tensor<1x2x3x3xi8>) -> tensor<1x2x3x3xi8> {
    %y = cnn.avg_pool %x {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>}
        : tensor<1x2x3x3xi8> -> tensor<1x2x3x3xi8>
    return %y : tensor<1x2x3x3xi8>
  }

  func.func @pool_2x2_s2(%x: tensor<1x1x3x3xi8>) -> tensor<1x1x2x2xi8> {
    %y = cnn.avg_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 1, 0, 1>}
        : tensor<1x1x3x3xi8> -> tensor<1x1x2x2xi8>
    return %y : tensor<1x1x2x2xi8>
  }

  func.func private @printMemrefI32(memref<*xi32>)

  func.func @main() {
    %x = arith.constant dense<[[[[1, 2, 3], [4, 5, 6], [7, 8, 9]],
                                [[-1, -2, -3], [-4, -5, -6], [-7, -8, -9]]]]> : tensor<1x2x3x3xi8>
    %y = call @pool_3x3(%x) : (tensor<1x2x3x3xi8>) -> tensor<1x2x3x3xi8>
    %y32 = arith.extsi %y : tensor<1x2x3x3xi8> to tensor<1x2x3x3xi32>
    %m = bufferization.to_buffer %y32 : tensor<1x2x3x3xi32> to memref<1x2x3x3xi32>
    %u = memref.cast %m : memref<1x2x3x3xi32> to memref<*xi32>
    call @printMemrefI32(%u) : (memref<*xi32>) -> ()

    %x2 = arith.constant dense<[[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]]> : tensor<1x1x3x3xi8>
    %z = call @pool_2x2_s2(%x2) : (tensor<1x1x3x3xi8>) -> tensor<1x1x2x2xi8>
    %z32 = arith.extsi %z : tensor<1x1x2x2xi8> to tensor<1x1x2x2xi32>
    %mz = bufferization.to_buffer %z32 : tensor<1x1x2x2xi32> to memref<1x1x2x2xi32>
    %uz = memref.cast %mz : memref<1x1x2x2xi32> to memref<*xi32>
    call @printMemrefI32(%uz) : (memref<*xi32>) -> ()
    return
  }
}
