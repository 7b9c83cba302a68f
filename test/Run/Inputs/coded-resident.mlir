func.func @net(%x: tensor<1x16x4x4xi8>) -> tensor<1x16x4x4xi8> {
  %w = cnn.weight : tensor<32x16x3x3xi8>
  %b = cnn.weight : tensor<32xi32>
  %y = cnn.conv2d %x, %w, %b {padding = array<i64: 1, 1, 1, 1>, name = "c1", activation = #cnn.activation<relu>} : (tensor<1x16x4x4xi8>, tensor<32x16x3x3xi8>, tensor<32xi32>) -> tensor<1x32x4x4xi8>
  %w2 = cnn.weight : tensor<16x32x3x3xi8>
  %z = cnn.conv2d %y, %w2 {padding = array<i64: 1, 1, 1, 1>, name = "c2"} : (tensor<1x32x4x4xi8>, tensor<16x32x3x3xi8>) -> tensor<1x16x4x4xi8>
  %s = cnn.add %z, %x {name = "res"} : tensor<1x16x4x4xi8>
  return %s : tensor<1x16x4x4xi8>
}
