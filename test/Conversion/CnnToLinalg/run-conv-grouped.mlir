// A grouped i8 convolution (groups = 2, two output channels per group), run
// on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

// Input channels 0-1 feed output channels 0-1, input channels 2-3 feed
// output channels 2-3. K = (4 / 2) * 1 * 1 = 2, shift = 1 + 4 = 5, and the
// weights are multiples of 32, so y = the weighted sum with weights / 32:
//   m0: [32, 32]  -> x0 + x1 = [1+10, 2+20] = [11, 22]
//   m1: [32, 0]   -> x0      = [1, 2]
//   m2: [32, -32] -> x2 - x3 = [5-1, 6-10] = [4, -4]
//   m3: [0, 32]   -> x3      = [1, 10]

// CHECK: sizes = [1, 4, 1, 2]
// CHECK-NEXT: [11, 22]],
// CHECK-NEXT: [1, 2]],
// CHECK-NEXT: [4, -4]],
// CHECK-NEXT: [1, 10]]]]

module {
  func.func @net(%x: tensor<1x4x1x2xi8>) -> tensor<1x4x1x2xi8> {
    %w = cnn.weight {value = dense<[[[[32]], [[32]]], [[[32]], [[0]]],
                                    [[[32]], [[-32]]], [[[0]], [[32]]]]>
                     : tensor<4x2x1x1xi8>} : tensor<4x2x1x1xi8>
    %y = cnn.conv2d %x, %w {name = "grouped", groups = 2}
        : (tensor<1x4x1x2xi8>, tensor<4x2x1x1xi8>) -> tensor<1x4x1x2xi8>
    return %y : tensor<1x4x1x2xi8>
  }

  func.func private @printMemrefI32(memref<*xi32>)

  func.func @main() {
    %x = arith.constant dense<[[[[1, 2]], [[10, 20]], [[5, 6]], [[1, 10]]]]> : tensor<1x4x1x2xi8>
    %y = call @net(%x) : (tensor<1x4x1x2xi8>) -> tensor<1x4x1x2xi8>
    %y32 = arith.extsi %y : tensor<1x4x1x2xi8> to tensor<1x4x1x2xi32>
    %m = bufferization.to_buffer %y32 : tensor<1x4x1x2xi32> to memref<1x4x1x2xi32>
    %u = memref.cast %m : memref<1x4x1x2xi32> to memref<*xi32>
    call @printMemrefI32(%u) : (memref<*xi32>) -> ()
    return
  }
}
