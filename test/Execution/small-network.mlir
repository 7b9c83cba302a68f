// RUN: cnn-opt %s --cnn-fill-weights=seed=6 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=96 --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.tiled
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.tiled | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=96 "--cnn-traffic-report=format=json output-file=%t.model.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma.json" -o /dev/null
// RUN: %python3 %S/../Integration/Inputs/compare_dma.py %t.model.json %t.dma.json small | FileCheck %s --check-prefix=TRAFFIC

// A small MobileNet-like network on a 3x17x15 i8 image at 96 bytes of SRAM,
// where every layer is tiled: a strided 3x3 convolution, depthwise and
// pointwise pairs (one strided), a residual add, a max pool, global
// average pooling and a fully connected head. The tiled program's 10
// scores equal the untiled reference's, and the bytes its DMA transfers
// move equal the cost model's (both reports print the same total).
// SAME: equal: 10 values
// TRAFFIC: small: equal

func.func @net(%x: tensor<1x3x17x15xi8>) -> tensor<1x10x1x1xi8> {
  %w0 = cnn.weight : tensor<8x3x3x3xi8>
  %b0 = cnn.weight : tensor<8xi32>
  %c0 = cnn.conv2d %x, %w0, %b0 {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>,
                                 activation = #cnn.activation<relu6>, name = "conv0"}
      : (tensor<1x3x17x15xi8>, tensor<8x3x3x3xi8>, tensor<8xi32>) -> tensor<1x8x9x8xi8>
  %w1 = cnn.weight : tensor<8x1x3x3xi8>
  %d1 = cnn.conv2d %c0, %w1 {padding = array<i64: 1, 1, 1, 1>, groups = 8,
                             activation = #cnn.activation<relu6>, name = "dw1"}
      : (tensor<1x8x9x8xi8>, tensor<8x1x3x3xi8>) -> tensor<1x8x9x8xi8>
  %w2 = cnn.weight : tensor<16x8x1x1xi8>
  %p2 = cnn.conv2d %d1, %w2 {activation = #cnn.activation<relu>, name = "pw1"}
      : (tensor<1x8x9x8xi8>, tensor<16x8x1x1xi8>) -> tensor<1x16x9x8xi8>
  %w3 = cnn.weight : tensor<16x1x3x3xi8>
  %d3 = cnn.conv2d %p2, %w3 {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, groups = 16,
                             name = "dw2"}
      : (tensor<1x16x9x8xi8>, tensor<16x1x3x3xi8>) -> tensor<1x16x5x4xi8>
  %w4 = cnn.weight : tensor<16x16x1x1xi8>
  %p4 = cnn.conv2d %d3, %w4 {name = "pw2"}
      : (tensor<1x16x5x4xi8>, tensor<16x16x1x1xi8>) -> tensor<1x16x5x4xi8>
  %r = cnn.add %p4, %d3 {activation = #cnn.activation<relu>, name = "res"} : tensor<1x16x5x4xi8>
  %m = cnn.max_pool %r {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = array<i64: 0, 1, 0, 0>, name = "pool"}
      : tensor<1x16x5x4xi8> -> tensor<1x16x3x2xi8>
  %g = cnn.global_avg_pool %m {name = "gap"} : tensor<1x16x3x2xi8> -> tensor<1x16x1x1xi8>
  %fw = cnn.weight : tensor<10x16xi8>
  %fb = cnn.weight : tensor<10xi32>
  %f = cnn.fully_connected %g, %fw, %fb {name = "fc"}
      : (tensor<1x16x1x1xi8>, tensor<10x16xi8>, tensor<10xi32>) -> tensor<1x10x1x1xi8>
  return %f : tensor<1x10x1x1xi8>
}
