// Global average pooling, i8 (arith.divsi: rounded toward zero) and f32,
// run on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

// Each channel of a 2x3 map: H * W = 6 elements.
//   channel 0: 1+2+3+4+5+6 = 21, 21/6 = 3.5 -> i8 3, f32 3.5
//   channel 1: the negation, -21/6 = -3.5 -> i8 -3 (toward zero), f32 -3.5

// CHECK: sizes = [1, 2, 1, 1]
// CHECK-NEXT: [3]],
// CHECK-NEXT: [-3]]]]
// CHECK: sizes = [1, 2, 1, 1]
// CHECK-NEXT: [3.5]],
// CHECK-NEXT: [-3.5]]]]

module {
  func.func @gap_i8(%x: tensor<1x2x2x3xi8>) -> tensor<1x2x1x1xi8> {
    %y = cnn.global_avg_pool %x : tensor<1x2x2x3xi8> -> tensor<1x2x1x1xi8>
    return %y : tensor<1x2x1x1xi8>
  }

  func.func @gap_f32(%x: tensor<1x2x2x3xf32>) -> tensor<1x2x1x1xf32> {
    %y = cnn.global_avg_pool %x : tensor<1x2x2x3xf32> -> tensor<1x2x1x1xf32>
    return %y : tensor<1x2x1x1xf32>
  }

  func.func private @printMemrefI32(memref<*xi32>)
  func.func private @printMemrefF32(memref<*xf32>)

  func.func @main() {
    %x = arith.constant dense<[[[[1, 2, 3], [4, 5, 6]], [[-1, -2, -3], [-4, -5, -6]]]]> : tensor<1x2x2x3xi8>
    %y = call @gap_i8(%x) : (tensor<1x2x2x3xi8>) -> tensor<1x2x1x1xi8>
    %y32 = arith.extsi %y : tensor<1x2x1x1xi8> to tensor<1x2x1x1xi32>
    %m = bufferization.to_buffer %y32 : tensor<1x2x1x1xi32> to memref<1x2x1x1xi32>
    %u = memref.cast %m : memref<1x2x1x1xi32> to memref<*xi32>
    call @printMemrefI32(%u) : (memref<*xi32>) -> ()

    %xf = arith.sitofp %x : tensor<1x2x2x3xi8> to tensor<1x2x2x3xf32>
    %yf = call @gap_f32(%xf) : (tensor<1x2x2x3xf32>) -> tensor<1x2x1x1xf32>
    %mf = bufferization.to_buffer %yf : tensor<1x2x1x1xf32> to memref<1x2x1x1xf32>
    %uf = memref.cast %mf : memref<1x2x1x1xf32> to memref<*xf32>
    call @printMemrefF32(%uf) : (memref<*xf32>) -> ()
    return
  }
}
