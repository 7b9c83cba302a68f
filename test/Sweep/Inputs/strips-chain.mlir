// Two 3x3 convolutions (pad 1) on 4x8x8 i8 without bias: the chain worked
// by hand in docs/CostModel.md, "Width strips".
func.func @strips(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
  %wa = cnn.weight : tensor<4x4x3x3xi8>
  %a = cnn.conv2d %x, %wa {padding = array<i64: 1, 1, 1, 1>, name = "a"}
      : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  %wb = cnn.weight : tensor<4x4x3x3xi8>
  %b = cnn.conv2d %a, %wb {padding = array<i64: 1, 1, 1, 1>, name = "b"}
      : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  return %b : tensor<1x4x8x8xi8>
}
