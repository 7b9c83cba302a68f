// Max pooling with padding on every edge, i8 and f32, run on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

// 3x3 window, stride 2, padding 1: output 2x2, window (e, f) = input rows
// 2e-1..2e+1, columns 2f-1..2f+1 (row/column -1 and 3 are padding). All
// inputs are negative, so a zero read from the padding would win every
// window; padding holds the type's minimum (i8: -128, f32: -inf) and never
// wins, even against -128.
//   x = [ -1  -2    -3 ]
//       [ -4  -5    -6 ]
//       [ -7  -8  -128 ]
//   (0,0) max(-1, -2, -4, -5) = -1     (0,1) max(-2, -3, -5, -6) = -2
//   (1,0) max(-4, -5, -7, -8) = -4     (1,1) max(-5, -6, -8, -128) = -5
// The f32 input is the same with -1.5 in place of -1 and -9 in place of -128.

// CHECK: sizes = [1, 1, 2, 2]
// CHECK-NEXT: [-1, -2],
// CHECK-NEXT: [-4, -5]]]]
// CHECK: sizes = [1, 1, 2, 2]
// CHECK-NEXT: [-1.5, -2],
// CHECK-NEXT: [-4, -5]]]]

module {
  func.func @pool_i8(%x: tensor<1x1x3x3xi8>) -> tensor<1x1x2x2xi8> {
    %y = cnn.max_pool %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>}
        : tensor<1x1x3x3xi8> -> tensor<1x1x2x2xi8>
    return %y : tensor<1x1x2x2xi8>
  }

  func.func @pool_f32(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
    %y = cnn.max_pool %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>}
        : tensor<1x1x3x3xf32> -> tensor<1x1x2x2xf32>
    return %y : tensor<1x1x2x2xf32>
  }

  func.func private @printMemrefI32(memref<*xi32>)
  func.func private @printMemrefF32(memref<*xf32>)

  func.func @main() {
    %x = arith.constant dense<[[[[-1, -2, -3], [-4, -5, -6], [-7, -8, -128]]]]> : tensor<1x1x3x3xi8>
    %y = call @pool_i8(%x) : (tensor<1x1x3x3xi8>) -> tensor<1x1x2x2xi8>
    %y32 = arith.extsi %y : tensor<1x1x2x2xi8> to tensor<1x1x2x2xi32>
    %m = bufferization.to_buffer %y32 : tensor<1x1x2x2xi32> to memref<1x1x2x2xi32>
    %u = memref.cast %m : memref<1x1x2x2xi32> to memref<*xi32>
    call @printMemrefI32(%u) : (memref<*xi32>) -> ()

    %xf = arith.constant dense<[[[[-1.5, -2.0, -3.0], [-4.0, -5.0, -6.0], [-7.0, -8.0, -9.0]]]]> : tensor<1x1x3x3xf32>
    %yf = call @pool_f32(%xf) : (tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
    %mf = bufferization.to_buffer %yf : tensor<1x1x2x2xf32> to memref<1x1x2x2xf32>
    %uf = memref.cast %mf : memref<1x1x2x2xf32> to memref<*xf32>
    call @printMemrefF32(%uf) : (memref<*xf32>) -> ()
    return
  }
}
