// Constant padding, run on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

// x = [1 2; 3 4].
// @pad_unsigned: padding [1, 0, 0, 2] (one row on top, two columns on the
// right) with value 255, whose i8 bits are -1:
//   [-1 -1 -1 -1; 1 2 -1 -1; 3 4 -1 -1]
// @pad_signed: padding [0, 1, 1, 0] (one row at the bottom, one column on
// the left) with value -7:
//   [-7 1 2; -7 3 4; -7 -7 -7]

// CHECK: sizes = [1, 1, 3, 4]
// CHECK-NEXT: [-1, -1, -1, -1],
// CHECK-NEXT: [1, 2, -1, -1],
// CHECK-NEXT: [3, 4, -1, -1]]]]
// CHECK: sizes = [1, 1, 3, 3]
// CHECK-NEXT: [-7, 1, 2],
// CHECK-NEXT: [-7, 3, 4],
// CHECK-NEXT: [-7, -7, -7]]]]

module {
  func.func @pad_unsigned(%x: tensor<1x1x2x2xi8>) -> tensor<1x1x3x4xi8> {
    %y = cnn.pad %x {padding = array<i64: 1, 0, 0, 2>, value = 255.0}
        : tensor<1x1x2x2xi8> -> tensor<1x1x3x4xi8>
    return %y : tensor<1x1x3x4xi8>
  }

  func.func @pad_signed(%x: tensor<1x1x2x2xi8>) -> tensor<1x1x3x3xi8> {
    %y = cnn.pad %x {padding = array<i64: 0, 1, 1, 0>, value = -7.0}
        : tensor<1x1x2x2xi8> -> tensor<1x1x3x3xi8>
    return %y : tensor<1x1x3x3xi8>
  }

  func.func private @printMemrefI32(memref<*xi32>)

  func.func @main() {
    %x = arith.constant dense<[[[[1, 2], [3, 4]]]]> : tensor<1x1x2x2xi8>
    %y = call @pad_unsigned(%x) : (tensor<1x1x2x2xi8>) -> tensor<1x1x3x4xi8>
    %y32 = arith.extsi %y : tensor<1x1x3x4xi8> to tensor<1x1x3x4xi32>
    %m = bufferization.to_buffer %y32 : tensor<1x1x3x4xi32> to memref<1x1x3x4xi32>
    %u = memref.cast %m : memref<1x1x3x4xi32> to memref<*xi32>
    call @printMemrefI32(%u) : (memref<*xi32>) -> ()

    %z = call @pad_signed(%x) : (tensor<1x1x2x2xi8>) -> tensor<1x1x3x3xi8>
    %z32 = arith.extsi %z : tensor<1x1x3x3xi8> to tensor<1x1x3x3xi32>
    %mz = bufferization.to_buffer %z32 : tensor<1x1x3x3xi32> to memref<1x1x3x3xi32>
    %uz = memref.cast %mz : memref<1x1x3x3xi32> to memref<*xi32>
    call @printMemrefI32(%uz) : (memref<*xi32>) -> ()
    return
  }
}
