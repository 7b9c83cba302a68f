// Every activation on the 29 values add_main.py gives a 1x1x1x29 i8 map
// (9 * (((3w + 5) mod 29) - 14): all multiples of 9 in [-126, 126]), one
// output channel each, then cnn.prelu with the slopes 32 (1/4) and -128
// (-1), and cnn.sub of 100 (saturating at -128); activation_table.py
// checks them.
func.func @table(%x: tensor<1x1x1x29xi8>) -> tensor<1x9x1x29xi8> {
  %r = cnn.activation %x {name = "relu", kind = #cnn.activation<relu>} : tensor<1x1x1x29xi8>
  %r6 = cnn.activation %x {name = "relu6", kind = #cnn.activation<relu6>} : tensor<1x1x1x29xi8>
  %hs = cnn.activation %x {name = "hsig", kind = #cnn.activation<hard_sigmoid>} : tensor<1x1x1x29xi8>
  %hw = cnn.activation %x {name = "hswish", kind = #cnn.activation<hard_swish>} : tensor<1x1x1x29xi8>
  %s = cnn.activation %x {name = "sigmoid", kind = #cnn.activation<sigmoid>} : tensor<1x1x1x29xi8>
  %t = cnn.activation %x {name = "tanh", kind = #cnn.activation<tanh>} : tensor<1x1x1x29xi8>
  %quarter = cnn.weight {value = dense<32> : tensor<1x1x1x1xi8>} : tensor<1x1x1x1xi8>
  %pq = cnn.prelu %x, %quarter {name = "prelu_quarter"} : (tensor<1x1x1x29xi8>, tensor<1x1x1x1xi8>) -> tensor<1x1x1x29xi8>
  %minus = cnn.weight {value = dense<-128> : tensor<1x1x1x1xi8>} : tensor<1x1x1x1xi8>
  %pm = cnn.prelu %x, %minus {name = "prelu_minus_one"} : (tensor<1x1x1x29xi8>, tensor<1x1x1x1xi8>) -> tensor<1x1x1x29xi8>
  %hundred = cnn.weight {value = dense<100> : tensor<1x1x1x1xi8>} : tensor<1x1x1x1xi8>
  %d = cnn.sub %x, %hundred {name = "minus_100"} : (tensor<1x1x1x29xi8>, tensor<1x1x1x1xi8>) -> tensor<1x1x1x29xi8>
  %y = cnn.concat %r, %r6, %hs, %hw, %s, %t, %pq, %pm, %d {name = "table"}
      : (tensor<1x1x1x29xi8>, tensor<1x1x1x29xi8>, tensor<1x1x1x29xi8>, tensor<1x1x1x29xi8>, tensor<1x1x1x29xi8>, tensor<1x1x1x29xi8>, tensor<1x1x1x29xi8>, tensor<1x1x1x29xi8>, tensor<1x1x1x29xi8>) -> tensor<1x9x1x29xi8>
  return %y : tensor<1x9x1x29xi8>
}
