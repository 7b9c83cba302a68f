func.func @net(%x: tensor<1x8x16x16xi8>) -> tensor<1x8x16x16xi8> {
  %w = cnn.weight : tensor<16x8x3x3xi8>
  %b = cnn.weight : tensor<16xi32>
  %y = cnn.conv2d %x, %w, %b {padding = array<i64: 1, 1, 1, 1>, name = "c1", activation = #cnn.activation<relu>} : (tensor<1x8x16x16xi8>, tensor<16x8x3x3xi8>, tensor<16xi32>) -> tensor<1x16x16x16xi8>
  %w2 = cnn.weight : tensor<16x1x3x3xi8>
  %d = cnn.conv2d %y, %w2 {padding = array<i64: 1, 1, 1, 1>, groups = 16, name = "dw"} : (tensor<1x16x16x16xi8>, tensor<16x1x3x3xi8>) -> tensor<1x16x16x16xi8>
  %w3 = cnn.weight : tensor<8x16x1x1xi8>
  %z = cnn.conv2d %d, %w3 {name = "c2"} : (tensor<1x16x16x16xi8>, tensor<8x16x1x1xi8>) -> tensor<1x8x16x16xi8>
  return %z : tensor<1x8x16x16xi8>
}
