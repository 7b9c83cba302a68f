// A 3x3 i8 convolution with stride 2 and one row or column of zero padding
// on every edge, run on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

// Output 3x3: E = F = floor((5 + 1 + 1 - 3) / 2) + 1 = 3. Output (e, f)
// reads input rows 2e-1..2e+1 and columns 2f-1..2f+1; row/column -1 and 5
// are padding, read by the first and last output row and column.
// Every weight is 64 and the bias -32, so acc = 64 * S - 32 with S the sum
// of the valid inputs of the window. K = 1 * 3 * 3 = 9 products, shift =
// ceil(log2(9)) + 4 = 8: y = floor((64 * S - 32) / 256), saturated to i8.
//
//   x = [ 100  100  100  100  100 ]
//       [ 100  100  100  100  100 ]
//       [   1    2    3    4    5 ]
//       [ -50  -60  -70  -80  -90 ]
//       [-120 -120 -120 -120 -120 ]
//
//   (0,0) rows 0-1, cols 0-1: S = 400, 25568 / 256 = 99.875 -> 99
//   (0,1) rows 0-1, cols 1-3: S = 600, 38368 / 256 = 149.875 -> 149 -> 127 (saturated)
//   (0,2) rows 0-1, cols 3-4: S = 400 -> 99
//   (1,0) rows 1-3, cols 0-1: S = 200 + 3 - 110 = 93, 5920 / 256 = 23.125 -> 23
//   (1,1) rows 1-3, cols 1-3: S = 300 + 9 - 210 = 99, 6304 / 256 = 24.625 -> 24
//   (1,2) rows 1-3, cols 3-4: S = 200 + 9 - 170 = 39, 2464 / 256 = 9.625 -> 9
//   (2,0) rows 3-4, cols 0-1: S = -110 - 240 = -350, -22432 / 256 = -87.625 -> -88 (toward -inf)
//   (2,1) rows 3-4, cols 1-3: S = -210 - 360 = -570, -36512 / 256 = -142.625 -> -143 -> -128 (saturated)
//   (2,2) rows 3-4, cols 3-4: S = -170 - 240 = -410, -26272 / 256 = -102.625 -> -103

// CHECK: sizes = [1, 1, 3, 3]
// CHECK-NEXT: [99, 127, 99],
// CHECK-NEXT: [23, 24, 9],
// CHECK-NEXT: [-88, -128, -103]

module {
  func.func @net(%x: tensor<1x1x5x5xi8>) -> tensor<1x1x3x3xi8> {
    %w = cnn.weight {value = dense<64> : tensor<1x1x3x3xi8>} : tensor<1x1x3x3xi8>
    %b = cnn.weight {value = dense<-32> : tensor<1xi32>} : tensor<1xi32>
    %y = cnn.conv2d %x, %w, %b {name = "conv", strides = array<i64: 2, 2>,
                                padding = array<i64: 1, 1, 1, 1>}
        : (tensor<1x1x5x5xi8>, tensor<1x1x3x3xi8>, tensor<1xi32>) -> tensor<1x1x3x3xi8>
    return %y : tensor<1x1x3x3xi8>
  }

  func.func private @printMemrefI32(memref<*xi32>)

  func.func @main() {
    %x = arith.constant dense<[[[[100, 100, 100, 100, 100],
                                 [100, 100, 100, 100, 100],
                                 [1, 2, 3, 4, 5],
                                 [-50, -60, -70, -80, -90],
                                 [-120, -120, -120, -120, -120]]]]> : tensor<1x1x5x5xi8>
    %y = call @net(%x) : (tensor<1x1x5x5xi8>) -> tensor<1x1x3x3xi8>
    %y32 = arith.extsi %y : tensor<1x1x3x3xi8> to tensor<1x1x3x3xi32>
    %m = bufferization.to_buffer %y32 : tensor<1x1x3x3xi32> to memref<1x1x3x3xi32>
    %u = memref.cast %m : memref<1x1x3x3xi32> to memref<*xi32>
    call @printMemrefI32(%u) : (memref<*xi32>) -> ()
    return
  }
}
