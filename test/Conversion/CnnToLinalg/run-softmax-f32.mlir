// f32 softmax over channels, run on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

// Two pixels, two channels each: softmax(x) = exp(x - max) / sum exp(x - max).
//   pixel 0: [0, ln 3 = 1.0986123]: exp = [1/3, 1], sum 4/3 -> [0.25, 0.75]
//   pixel 1: [1000, 1000]: exp = [1, 1] -> [0.5, 0.5] (exp(1000) without
//            subtracting the maximum would overflow to inf and give NaN)
// Printed per channel: channel 0 = [0.25, 0.5], channel 1 = [0.75, 0.5].

// CHECK: sizes = [1, 2, 1, 2]
// CHECK-NEXT: [0.25, 0.5]],
// CHECK-NEXT: [0.75, 0.5]]]]

module {
  func.func @net(%x: tensor<1x2x1x2xf32>) -> tensor<1x2x1x2xf32> {
    %y = cnn.softmax %x {name = "prob"} : tensor<1x2x1x2xf32>
    return %y : tensor<1x2x1x2xf32>
  }

  func.func private @printMemrefF32(memref<*xf32>)

  func.func @main() {
    %x = arith.constant dense<[[[[0.0, 1000.0]], [[1.09861229, 1000.0]]]]> : tensor<1x2x1x2xf32>
    %y = call @net(%x) : (tensor<1x2x1x2xf32>) -> tensor<1x2x1x2xf32>
    %m = bufferization.to_buffer %y : tensor<1x2x1x2xf32> to memref<1x2x1x2xf32>
    %u = memref.cast %m : memref<1x2x1x2xf32> to memref<*xf32>
    call @printMemrefF32(%u) : (memref<*xf32>) -> ()
    return
  }
}
