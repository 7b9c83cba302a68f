// Element-wise add: i8 sums saturate, then the activation. Run on the CPU.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

//   a = [100 -100; 50 -3],  b = [100 -100; -60 1]
//   a + b in i32 = [200 -200; -10 -2]
//   none:  saturated to i8 = [127 -128; -10 -2]
//   relu6: min(max(y, 0), 6) = [6 0; 0 0]
// f32 with relu: [1.5 -2] + [2.25 1] = [3.75 -1] -> [3.75 0].

// CHECK: sizes = [1, 1, 2, 2]
// CHECK-NEXT: [127, -128],
// CHECK-NEXT: [-10, -2]]]]
// CHECK: sizes = [1, 1, 2, 2]
// CHECK-NEXT: [6, 0],
// CHECK-NEXT: [0, 0]]]]
// CHECK: sizes = [1, 1, 1, 2]
// CHECK-NEXT: [3.75, 0]]]]

module {
  func.func @add(%a: tensor<1x1x2x2xi8>, %b: tensor<1x1x2x2xi8>) -> tensor<1x1x2x2xi8> {
    %y = cnn.add %a, %b : tensor<1x1x2x2xi8>
    return %y : tensor<1x1x2x2xi8>
  }

  func.func @add_relu6(%a: tensor<1x1x2x2xi8>, %b: tensor<1x1x2x2xi8>) -> tensor<1x1x2x2xi8> {
    %y = cnn.add %a, %b {activation = #cnn.activation<relu6>} : tensor<1x1x2x2xi8>
    return %y : tensor<1x1x2x2xi8>
  }

  func.func @add_f32(%a: tensor<1x1x1x2xf32>, %b: tensor<1x1x1x2xf32>) -> tensor<1x1x1x2xf32> {
    %y = cnn.add %a, %b {activation = #cnn.activation<relu>} : tensor<1x1x1x2xf32>
    return %y : tensor<1x1x1x2xf32>
  }

  func.func private @printMemrefI32(memref<*xi32>)
  func.func private @printMemrefF32(memref<*xf32>)

  func.func @print_i8(%t: tensor<1x1x2x2xi8>) {
    %t32 = arith.extsi %t : tensor<1x1x2x2xi8> to tensor<1x1x2x2xi32>
    %m = bufferization.to_buffer %t32 : tensor<1x1x2x2xi32> to memref<1x1x2x2xi32>
    %u = memref.cast %m : memref<1x1x2x2xi32> to memref<*xi32>
    call @printMemrefI32(%u) : (memref<*xi32>) -> ()
    return
  }

  func.func @main() {
    %a = arith.constant dense<[[[[100, -100], [50, -3]]]]> : tensor<1x1x2x2xi8>
    %b = arith.constant dense<[[[[100, -100], [-60, 1]]]]> : tensor<1x1x2x2xi8>
    %y = call @add(%a, %b) : (tensor<1x1x2x2xi8>, tensor<1x1x2x2xi8>) -> tensor<1x1x2x2xi8>
    call @print_i8(%y) : (tensor<1x1x2x2xi8>) -> ()
    %z = call @add_relu6(%a, %b) : (tensor<1x1x2x2xi8>, tensor<1x1x2x2xi8>) -> tensor<1x1x2x2xi8>
    call @print_i8(%z) : (tensor<1x1x2x2xi8>) -> ()

    %af = arith.constant dense<[[[[1.5, -2.0]]]]> : tensor<1x1x1x2xf32>
    %bf = arith.constant dense<[[[[2.25, 1.0]]]]> : tensor<1x1x1x2xf32>
    %f = call @add_f32(%af, %bf) : (tensor<1x1x1x2xf32>, tensor<1x1x1x2xf32>) -> tensor<1x1x1x2xf32>
    %mf = bufferization.to_buffer %f : tensor<1x1x1x2xf32> to memref<1x1x1x2xf32>
    %uf = memref.cast %mf : memref<1x1x1x2xf32> to memref<*xf32>
    call @printMemrefF32(%uf) : (memref<*xf32>) -> ()
    return
  }
}
