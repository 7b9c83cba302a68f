func.func @net(%x: tensor<1x8x8x8xi8>) -> tensor<1x6x8x8xi8> {
  %w = cnn.weight : tensor<16x8x3x3xi8>
  %b = cnn.weight : tensor<16xi32>
  %y = cnn.conv2d %x, %w, %b {padding = array<i64: 1, 1, 1, 1>, name = "c1"} : (tensor<1x8x8x8xi8>, tensor<16x8x3x3xi8>, tensor<16xi32>) -> tensor<1x16x8x8xi8>
  %w2 = cnn.weight : tensor<6x16x1x1xi8>
  %z = cnn.conv2d %y, %w2 {name = "c2"} : (tensor<1x16x8x8xi8>, tensor<6x16x1x1xi8>) -> tensor<1x6x8x8xi8>
  return %z : tensor<1x6x8x8xi8>
}
