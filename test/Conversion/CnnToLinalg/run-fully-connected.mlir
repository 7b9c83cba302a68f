// A fully connected i8 layer with an i32 bias, run on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

// The 1x2x1x2 input flattens in C, H, W order: x = [1, 2, 3, 4] (channel 0
// is [1, 2], channel 1 is [3, 4]). K = 4 products, shift = ceil(log2(4)) +
// 4 = 6: y = floor((acc + bias) / 64).
//   m0: w = [-64 -64 -64 -64], bias 0:  -640 / 64 = -10
//   m1: w = [0 64 0 0],        bias 0:  64 * x[1] / 64 = 2
//       (a flattening in H, W, C order would put 3 there)
//   m2: w = [16 16 16 16],     bias 40: (160 + 40) / 64 = 3.125 -> 3

// CHECK: sizes = [1, 3, 1, 1]
// CHECK-NEXT: [-10]],
// CHECK-NEXT: [2]],
// CHECK-NEXT: [3]]]]

module {
  func.func @net(%x: tensor<1x2x1x2xi8>) -> tensor<1x3x1x1xi8> {
    %w = cnn.weight {value = dense<[[-64, -64, -64, -64], [0, 64, 0, 0], [16, 16, 16, 16]]>
                     : tensor<3x4xi8>} : tensor<3x4xi8>
    %b = cnn.weight {value = dense<[0, 0, 40]> : tensor<3xi32>} : tensor<3xi32>
    %y = cnn.fully_connected %x, %w, %b {name = "fc"}
        : (tensor<1x2x1x2xi8>, tensor<3x4xi8>, tensor<3xi32>) -> tensor<1x3x1x1xi8>
    return %y : tensor<1x3x1x1xi8>
  }

  func.func private @printMemrefI32(memref<*xi32>)

  func.func @main() {
    %x = arith.constant dense<[[[[1, 2]], [[3, 4]]]]> : tensor<1x2x1x2xi8>
    %y = call @net(%x) : (tensor<1x2x1x2xi8>) -> tensor<1x3x1x1xi8>
    %y32 = arith.extsi %y : tensor<1x3x1x1xi8> to tensor<1x3x1x1xi32>
    %m = bufferization.to_buffer %y32 : tensor<1x3x1x1xi32> to memref<1x3x1x1xi32>
    %u = memref.cast %m : memref<1x3x1x1xi32> to memref<*xi32>
    call @printMemrefI32(%u) : (memref<*xi32>) -> ()
    return
  }
}
