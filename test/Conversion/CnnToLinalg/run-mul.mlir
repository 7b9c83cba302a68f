// Element-wise product with a per-channel factor: i8 products shifted right
// by 7 (the factor is a fixed-point fraction), saturated, then the
// activation. Run on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

// Channel 0, s = 64 (0.5): x = [100 -100; 50 -3]
//   products [6400 -6400; 3200 -192] >> 7 = [50 -50; 25 -2] (floor: -1.5 -> -2)
// Channel 1, s = -128 (-1.0): x = [127 -128; 1 0]
//   products [-16256 16384; -128 0] >> 7 = [-127 128; -1 0], saturated:
//   128 -> 127.
// CHECK: sizes = [1, 2, 2, 2]
// CHECK-NEXT: [50, -50],
// CHECK-NEXT: [25, -2]],
// CHECK-NEXT: [-127, 127],
// CHECK-NEXT: [-1, 0]]]]
// The same with relu: negatives become 0.
// CHECK: sizes = [1, 2, 2, 2]
// CHECK-NEXT: [50, 0],
// CHECK-NEXT: [25, 0]],
// CHECK-NEXT: [0, 127],
// CHECK-NEXT: [0, 0]]]]
// f32, broadcast 0.5 with relu: [1.5 -2] * 0.5 = [0.75 -1] -> [0.75 0];
// f32, same shape: [1.5 -2] * [2 3] = [3 -6].
// CHECK: sizes = [1, 1, 1, 2]
// CHECK-NEXT: [0.75, 0]]]]
// CHECK: sizes = [1, 1, 1, 2]
// CHECK-NEXT: [3, -6]]]]

module {
  func.func @mul(%x: tensor<1x2x2x2xi8>, %s: tensor<1x2x1x1xi8>) -> tensor<1x2x2x2xi8> {
    %y = cnn.mul %x, %s : (tensor<1x2x2x2xi8>, tensor<1x2x1x1xi8>) -> tensor<1x2x2x2xi8>
    return %y : tensor<1x2x2x2xi8>
  }

  func.func @mul_relu(%x: tensor<1x2x2x2xi8>, %s: tensor<1x2x1x1xi8>) -> tensor<1x2x2x2xi8> {
    %y = cnn.mul %x, %s {activation = #cnn.activation<relu>} : (tensor<1x2x2x2xi8>, tensor<1x2x1x1xi8>) -> tensor<1x2x2x2xi8>
    return %y : tensor<1x2x2x2xi8>
  }

  func.func @mul_f32(%x: tensor<1x1x1x2xf32>, %s: tensor<1x1x1x1xf32>) -> tensor<1x1x1x2xf32> {
    %y = cnn.mul %x, %s {activation = #cnn.activation<relu>} : (tensor<1x1x1x2xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x1x2xf32>
    return %y : tensor<1x1x1x2xf32>
  }

  func.func @mul_f32_maps(%x: tensor<1x1x1x2xf32>, %z: tensor<1x1x1x2xf32>) -> tensor<1x1x1x2xf32> {
    %y = cnn.mul %x, %z : (tensor<1x1x1x2xf32>, tensor<1x1x1x2xf32>) -> tensor<1x1x1x2xf32>
    return %y : tensor<1x1x1x2xf32>
  }

  func.func private @printMemrefI32(memref<*xi32>)
  func.func private @printMemrefF32(memref<*xf32>)

  func.func @print_i8(%t: tensor<1x2x2x2xi8>) {
    %t32 = arith.extsi %t : tensor<1x2x2x2xi8> to tensor<1x2x2x2xi32>
    %m = bufferization.to_buffer %t32 : tensor<1x2x2x2xi32> to memref<1x2x2x2xi32>
    %u = memref.cast %m : memref<1x2x2x2xi32> to memref<*xi32>
    call @printMemrefI32(%u) : (memref<*xi32>) -> ()
    return
  }

  func.func @print_f32(%t: tensor<1x1x1x2xf32>) {
    %m = bufferization.to_buffer %t : tensor<1x1x1x2xf32> to memref<1x1x1x2xf32>
    %u = memref.cast %m : memref<1x1x1x2xf32> to memref<*xf32>
    call @printMemrefF32(%u) : (memref<*xf32>) -> ()
    return
  }

  func.func @main() {
    %x = arith.constant dense<[[[[100, -100], [50, -3]], [[127, -128], [1, 0]]]]> : tensor<1x2x2x2xi8>
    %s = arith.constant dense<[[[[64]], [[-128]]]]> : tensor<1x2x1x1xi8>
    %y = call @mul(%x, %s) : (tensor<1x2x2x2xi8>, tensor<1x2x1x1xi8>) -> tensor<1x2x2x2xi8>
    call @print_i8(%y) : (tensor<1x2x2x2xi8>) -> ()
    %r = call @mul_relu(%x, %s) : (tensor<1x2x2x2xi8>, tensor<1x2x1x1xi8>) -> tensor<1x2x2x2xi8>
    call @print_i8(%r) : (tensor<1x2x2x2xi8>) -> ()

    %xf = arith.constant dense<[[[[1.5, -2.0]]]]> : tensor<1x1x1x2xf32>
    %sf = arith.constant dense<[[[[0.5]]]]> : tensor<1x1x1x1xf32>
    %zf = arith.constant dense<[[[[2.0, 3.0]]]]> : tensor<1x1x1x2xf32>
    %f = call @mul_f32(%xf, %sf) : (tensor<1x1x1x2xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x1x2xf32>
    call @print_f32(%f) : (tensor<1x1x1x2xf32>) -> ()
    %g = call @mul_f32_maps(%xf, %zf) : (tensor<1x1x1x2xf32>, tensor<1x1x1x2xf32>) -> tensor<1x1x1x2xf32>
    call @print_f32(%g) : (tensor<1x1x1x2xf32>) -> ()
    return
  }
}
