func.func @net(%x: tensor<1x16x4x4xi8>) -> tensor<1x24x1x1xi8> {
  %w = cnn.weight : tensor<32x16x3x3xi8>
  %b = cnn.weight : tensor<32xi32>
  %y = cnn.conv2d %x, %w, %b {padding = array<i64: 1, 1, 1, 1>, name = "c1", activation = #cnn.activation<relu>} : (tensor<1x16x4x4xi8>, tensor<32x16x3x3xi8>, tensor<32xi32>) -> tensor<1x32x4x4xi8>
  %g = cnn.global_avg_pool %y {name = "gap"} : tensor<1x32x4x4xi8> -> tensor<1x32x1x1xi8>
  %w1 = cnn.weight : tensor<24x32xi8>
  %b1 = cnn.weight : tensor<24xi32>
  %f1 = cnn.fully_connected %g, %w1, %b1 {name = "fc1"} : (tensor<1x32x1x1xi8>, tensor<24x32xi8>, tensor<24xi32>) -> tensor<1x24x1x1xi8>
  %w2 = cnn.weight : tensor<24x512xi8>
  %f2 = cnn.fully_connected %y, %w2 {name = "fc2"} : (tensor<1x32x4x4xi8>, tensor<24x512xi8>) -> tensor<1x24x1x1xi8>
  %s = cnn.add %f1, %f2 {name = "logits"} : tensor<1x24x1x1xi8>
  return %s : tensor<1x24x1x1xi8>
}
