// Nearest-neighbour resize by [2, 3], run on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

// Output row r reads input row floor(r / 2), column c input column
// floor(c / 3): each input element becomes a 2x3 block.
//   x = [1 2; 3 4]

// CHECK: sizes = [1, 1, 4, 6]
// CHECK-NEXT: [1, 1, 1, 2, 2, 2],
// CHECK-NEXT: [1, 1, 1, 2, 2, 2],
// CHECK-NEXT: [3, 3, 3, 4, 4, 4],
// CHECK-NEXT: [3, 3, 3, 4, 4, 4]]]]

module {
  func.func @net(%x: tensor<1x1x2x2xi8>) -> tensor<1x1x4x6xi8> {
    %y = cnn.resize %x {scale = array<i64: 2, 3>} : tensor<1x1x2x2xi8> -> tensor<1x1x4x6xi8>
    return %y : tensor<1x1x4x6xi8>
  }

  func.func private @printMemrefI32(memref<*xi32>)

  func.func @main() {
    %x = arith.constant dense<[[[[1, 2], [3, 4]]]]> : tensor<1x1x2x2xi8>
    %y = call @net(%x) : (tensor<1x1x2x2xi8>) -> tensor<1x1x4x6xi8>
    %y32 = arith.extsi %y : tensor<1x1x4x6xi8> to tensor<1x1x4x6xi32>
    %m = bufferization.to_buffer %y32 : tensor<1x1x4x6xi32> to memref<1x1x4x6xi32>
    %u = memref.cast %m : memref<1x1x4x6xi32> to memref<*xi32>
    call @printMemrefI32(%u) : (memref<*xi32>) -> ()
    return
  }
}
