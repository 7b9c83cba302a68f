// A planned module (a fusion group, plan annotations, cnn.target) runs: the
// group's body is inlined and the annotations dropped.
// RUN: cnn-opt --cnn-to-linalg %s | %run_mlir - | FileCheck %s

// conv: one 1x1 weight 32 over one channel, K = 1, shift 4, relu:
//   y = relu((32 * x) >> 4) = relu(2 * x); x = [3, -4] -> [6, 0]
// sum: conv + x = [6 + 3, 0 - 4] = [9, -4]

// CHECK: sizes = [1, 1, 1, 2]
// CHECK-NEXT: [9, -4]]]]

module attributes {cnn.merged, cnn.target = #cnn.target<sram = 1024>} {
  func.func @net(%arg0: tensor<1x1x1x2xi8>) -> tensor<1x1x1x2xi8> {
    %0 = cnn.weight {value = dense<32> : tensor<1x1x1x1xi8>} : tensor<1x1x1x1xi8>
    %1 = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 7, weight_bytes = 1,
        buffers = [#cnn.line_buffer<tensor = "arg0", rows = 1, bytes = 2>,
                   #cnn.line_buffer<tensor = "conv", rows = 1, bytes = 2>,
                   #cnn.line_buffer<tensor = "sum", rows = 1, bytes = 2>],
        name = "group_0"} -> tensor<1x1x1x2xi8> {
      %conv = cnn.conv2d %arg0, %0 {activation = #cnn.activation<relu>, name = "conv"}
          : (tensor<1x1x1x2xi8>, tensor<1x1x1x1xi8>) -> tensor<1x1x1x2xi8>
      %sum = cnn.add %conv, %arg0 {name = "sum"} : tensor<1x1x1x2xi8>
      cnn.yield %sum : tensor<1x1x1x2xi8>
    }
    return %1 : tensor<1x1x1x2xi8>
  }

  func.func private @printMemrefI32(memref<*xi32>)

  func.func @main() {
    %x = arith.constant dense<[[[[3, -4]]]]> : tensor<1x1x1x2xi8>
    %y = call @net(%x) : (tensor<1x1x1x2xi8>) -> tensor<1x1x1x2xi8>
    %y32 = arith.extsi %y : tensor<1x1x1x2xi8> to tensor<1x1x1x2xi32>
    %m = bufferization.to_buffer %y32 : tensor<1x1x1x2xi32> to memref<1x1x1x2xi32>
    %u = memref.cast %m : memref<1x1x1x2xi32> to memref<*xi32>
    call @printMemrefI32(%u) : (memref<*xi32>) -> ()
    return
  }
}
