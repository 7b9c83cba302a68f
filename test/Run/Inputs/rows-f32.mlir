// An f32 network whose output rows are 10 to 20 values long: convolutions
// 3x3 and 1x1, a depthwise convolution with a column stride of 2, max and
// average pools (weights from --cnn-fill-weights).
func.func @rows(%x: tensor<1x4x12x20xf32>) -> tensor<1x6x12x10xf32> {
  %w1 = cnn.weight : tensor<8x4x3x3xf32>
  %b1 = cnn.weight : tensor<8xf32>
  %c1 = cnn.conv2d %x, %w1, %b1 {padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>, name = "c1"}
      : (tensor<1x4x12x20xf32>, tensor<8x4x3x3xf32>, tensor<8xf32>) -> tensor<1x8x12x20xf32>
  %m = cnn.max_pool %c1 {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, name = "max"}
      : tensor<1x8x12x20xf32> -> tensor<1x8x12x20xf32>
  %w2 = cnn.weight : tensor<8x1x3x3xf32>
  %d2 = cnn.conv2d %m, %w2 {strides = array<i64: 1, 2>, padding = array<i64: 1, 1, 1, 1>, groups = 8, name = "dw"}
      : (tensor<1x8x12x20xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x12x10xf32>
  %a = cnn.avg_pool %d2 {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, name = "avg"}
      : tensor<1x8x12x10xf32> -> tensor<1x8x12x10xf32>
  %w3 = cnn.weight : tensor<6x8x1x1xf32>
  %c3 = cnn.conv2d %a, %w3 {name = "c3"}
      : (tensor<1x8x12x10xf32>, tensor<6x8x1x1xf32>) -> tensor<1x6x12x10xf32>
  return %c3 : tensor<1x6x12x10xf32>
}
