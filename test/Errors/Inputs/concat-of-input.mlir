func.func @net(%x: tensor<1x8x5x6xi8>) -> tensor<1x16x5x6xi8> {
  %w1 = cnn.weight : tensor<8x8x3x3xi8>
  %a = cnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>, name = "a"}
      : (tensor<1x8x5x6xi8>, tensor<8x8x3x3xi8>) -> tensor<1x8x5x6xi8>
  %c = cnn.concat %x, %a {name = "concat"} : (tensor<1x8x5x6xi8>, tensor<1x8x5x6xi8>) -> tensor<1x16x5x6xi8>
  return %c : tensor<1x16x5x6xi8>
}
