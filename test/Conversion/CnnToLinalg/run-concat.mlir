// Channel concatenation, run on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

// a (1 channel) then b (2 channels): channel 0 = a, channels 1-2 = b.
//   a = [1 2; 3 4],  b = [5 6; 7 8], [9 10; 11 12]

// CHECK: sizes = [1, 3, 2, 2]
// CHECK-NEXT: [1, 2],
// CHECK-NEXT: [3, 4]],
// CHECK-NEXT: [5, 6],
// CHECK-NEXT: [7, 8]],
// CHECK-NEXT: [9, 10],
// CHECK-NEXT: [11, 12]]]]

module {
  func.func @net(%a: tensor<1x1x2x2xi8>, %b: tensor<1x2x2x2xi8>) -> tensor<1x3x2x2xi8> {
    %y = cnn.concat %a, %b : (tensor<1x1x2x2xi8>, tensor<1x2x2x2xi8>) -> tensor<1x3x2x2xi8>
    return %y : tensor<1x3x2x2xi8>
  }

  func.func private @printMemrefI32(memref<*xi32>)

  func.func @main() {
    %a = arith.constant dense<[[[[1, 2], [3, 4]]]]> : tensor<1x1x2x2xi8>
    %b = arith.constant dense<[[[[5, 6], [7, 8]], [[9, 10], [11, 12]]]]> : tensor<1x2x2x2xi8>
    %y = call @net(%a, %b) : (tensor<1x1x2x2xi8>, tensor<1x2x2x2xi8>) -> tensor<1x3x2x2xi8>
    %y32 = arith.extsi %y : tensor<1x3x2x2xi8> to tensor<1x3x2x2xi32>
    %m = bufferization.to_buffer %y32 : tensor<1x3x2x2xi32> to memref<1x3x2x2xi32>
    %u = memref.cast %m : memref<1x3x2x2xi32> to memref<*xi32>
    call @printMemrefI32(%u) : (memref<*xi32>) -> ()
    return
  }
}
