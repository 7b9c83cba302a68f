// An f32 convolution with a bias and bottom/right padding, run on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

// 2x2 kernel w = [1 2; 3 4] (not symmetric: a flipped kernel would give
// other numbers), bias 0.5, padding [0, 1, 0, 1]: output 3x3 with
//   y[e][f] = 1*x[e][f] + 2*x[e][f+1] + 3*x[e+1][f] + 4*x[e+1][f+1] + 0.5
// where row/column 3 is zero padding.
//   x = [1 2 3; 4 5 6; 7 8 9]
//   (0,0) 1+4+12+20 = 37   (0,1) 2+6+15+24 = 47   (0,2) 3+18 = 21
//   (1,0) 4+10+21+32 = 67  (1,1) 5+12+24+36 = 77  (1,2) 6+27 = 33
//   (2,0) 7+16 = 23        (2,1) 8+18 = 26        (2,2) 9
// each plus 0.5.

// CHECK: sizes = [1, 1, 3, 3]
// CHECK-NEXT: [37.5, 47.5, 21.5],
// CHECK-NEXT: [67.5, 77.5, 33.5],
// CHECK-NEXT: [23.5, 26.5, 9.5]]]]

module {
  func.func @net(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32> {
    %w = cnn.weight {value = dense<[[[[1.0, 2.0], [3.0, 4.0]]]]> : tensor<1x1x2x2xf32>}
        : tensor<1x1x2x2xf32>
    %b = cnn.weight {value = dense<0.5> : tensor<1xf32>} : tensor<1xf32>
    %y = cnn.conv2d %x, %w, %b {name = "conv", padding = array<i64: 0, 1, 0, 1>}
        : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>, tensor<1xf32>) -> tensor<1x1x3x3xf32>
    return %y : tensor<1x1x3x3xf32>
  }

  func.func private @printMemrefF32(memref<*xf32>)

  func.func @main() {
    %x = arith.constant dense<[[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]]]> : tensor<1x1x3x3xf32>
    %y = call @net(%x) : (tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32>
    %m = bufferization.to_buffer %y : tensor<1x1x3x3xf32> to memref<1x1x3x3xf32>
    %u = memref.cast %m : memref<1x1x3x3xf32> to memref<*xf32>
    call @printMemrefF32(%u) : (memref<*xf32>) -> ()
    return
  }
}
