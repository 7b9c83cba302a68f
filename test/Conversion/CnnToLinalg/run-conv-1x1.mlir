// A 1x1 i8 convolution with an i8 bias and relu, run on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

// K = 2 * 1 * 1 = 2 products, shift = ceil(log2(2)) + 4 = 5: y = acc >> 5.
// The weights are multiples of 32, so each output is a small sum of inputs:
//   m0: w = [32, 0],   bias 0:   y0 = relu(x0)
//   m1: w = [0, 32],   bias 32:  y1 = relu(sat(x1 + 1))
//   m2: w = [32, -32], bias -32: y2 = relu(sat(x0 - x1 - 1))
// The i8 bias is sign-extended (-32, not 224).
//   x0 = [100 -5; 7 0],  x1 = [-100 3; -8 127]
//   y0 = [100 0; 7 0]
//   y1 = [relu(-99) = 0, 4; relu(-7) = 0, sat(128) = 127]
//   y2 = [sat(199) = 127, relu(-9) = 0; 14, relu(-128) = 0]

// CHECK: sizes = [1, 3, 2, 2]
// CHECK-NEXT: [100, 0],
// CHECK-NEXT: [7, 0]],
// CHECK-NEXT: [0, 4],
// CHECK-NEXT: [0, 127]],
// CHECK-NEXT: [127, 0],
// CHECK-NEXT: [14, 0]]]]

module {
  func.func @net(%x: tensor<1x2x2x2xi8>) -> tensor<1x3x2x2xi8> {
    %w = cnn.weight {value = dense<[[[[32]], [[0]]], [[[0]], [[32]]], [[[32]], [[-32]]]]>
                     : tensor<3x2x1x1xi8>} : tensor<3x2x1x1xi8>
    %b = cnn.weight {value = dense<[0, 32, -32]> : tensor<3xi8>} : tensor<3xi8>
    %y = cnn.conv2d %x, %w, %b {name = "pw", activation = #cnn.activation<relu>}
        : (tensor<1x2x2x2xi8>, tensor<3x2x1x1xi8>, tensor<3xi8>) -> tensor<1x3x2x2xi8>
    return %y : tensor<1x3x2x2xi8>
  }

  func.func private @printMemrefI32(memref<*xi32>)

  func.func @main() {
    %x = arith.constant dense<[[[[100, -5], [7, 0]], [[-100, 3], [-8, 127]]]]> : tensor<1x2x2x2xi8>
    %y = call @net(%x) : (tensor<1x2x2x2xi8>) -> tensor<1x3x2x2xi8>
    %y32 = arith.extsi %y : tensor<1x3x2x2xi8> to tensor<1x3x2x2xi32>
    %m = bufferization.to_buffer %y32 : tensor<1x3x2x2xi32> to memref<1x3x2x2xi32>
    %u = memref.cast %m : memref<1x3x2x2xi32> to memref<*xi32>
    call @printMemrefI32(%u) : (memref<*xi32>) -> ()
    return
  }
}
