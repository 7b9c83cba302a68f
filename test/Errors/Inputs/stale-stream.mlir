func.func @net(%x: tensor<1x2x10x12xi8>) -> tensor<1x2x10x12xi8> {
  %sum = cnn.add %x, %x {name = "sum"} : tensor<1x2x10x12xi8>
  return %sum : tensor<1x2x10x12xi8>
}
