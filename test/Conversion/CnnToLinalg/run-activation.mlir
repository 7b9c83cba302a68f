// Stand-alone activations, i8 and f32, run on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

//   x     = [-5 0 3; 7 127 -128]
//   relu  = max(x, 0)         = [0 0 3; 7 127 0]
//   relu6 = min(max(x, 0), 6) = [0 0 3; 6 6 0]
// f32 relu6: [-1.5 2.5 6.5] -> [0 2.5 6].

// CHECK: sizes = [1, 1, 2, 3]
// CHECK-NEXT: [0, 0, 3],
// CHECK-NEXT: [7, 127, 0]]]]
// CHECK: sizes = [1, 1, 2, 3]
// CHECK-NEXT: [0, 0, 3],
// CHECK-NEXT: [6, 6, 0]]]]
// CHECK: sizes = [1, 1, 1, 3]
// CHECK-NEXT: [0, 2.5, 6]]]]

module {
  func.func @relu(%x: tensor<1x1x2x3xi8>) -> tensor<1x1x2x3xi8> {
    %y = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x1x2x3xi8>
    return %y : tensor<1x1x2x3xi8>
  }

  func.func @relu6(%x: tensor<1x1x2x3xi8>) -> tensor<1x1x2x3xi8> {
    %y = cnn.activation %x {kind = #cnn.activation<relu6>} : tensor<1x1x2x3xi8>
    return %y : tensor<1x1x2x3xi8>
  }

  func.func @relu6_f32(%x: tensor<1x1x1x3xf32>) -> tensor<1x1x1x3xf32> {
    %y = cnn.activation %x {kind = #cnn.activation<relu6>} : tensor<1x1x1x3xf32>
    return %y : tensor<1x1x1x3xf32>
  }

  func.func private @printMemrefI32(memref<*xi32>)
  func.func private @printMemrefF32(memref<*xf32>)

  func.func @print_i8(%t: tensor<1x1x2x3xi8>) {
    %t32 = arith.extsi %t : tensor<1x1x2x3xi8> to tensor<1x1x2x3xi32>
    %m = bufferization.to_buffer %t32 : tensor<1x1x2x3xi32> to memref<1x1x2x3xi32>
    %u = memref.cast %m : memref<1x1x2x3xi32> to memref<*xi32>
    call @printMemrefI32(%u) : (memref<*xi32>) -> ()
    return
  }

  func.func @main() {
    %x = arith.constant dense<[[[[-5, 0, 3], [7, 127, -128]]]]> : tensor<1x1x2x3xi8>
    %r = call @relu(%x) : (tensor<1x1x2x3xi8>) -> tensor<1x1x2x3xi8>
    call @print_i8(%r) : (tensor<1x1x2x3xi8>) -> ()
    %r6 = call @relu6(%x) : (tensor<1x1x2x3xi8>) -> tensor<1x1x2x3xi8>
    call @print_i8(%r6) : (tensor<1x1x2x3xi8>) -> ()

    %xf = arith.constant dense<[[[[-1.5, 2.5, 6.5]]]]> : tensor<1x1x1x3xf32>
    %f = call @relu6_f32(%xf) : (tensor<1x1x1x3xf32>) -> tensor<1x1x1x3xf32>
    %mf = bufferization.to_buffer %f : tensor<1x1x1x3xf32> to memref<1x1x1x3xf32>
    %uf = memref.cast %mf : memref<1x1x1x3xf32> to memref<*xf32>
    call @printMemrefF32(%uf) : (memref<*xf32>) -> ()
    return
  }
}
