// RUN: cnn-opt %s -split-input-file -verify-diagnostics --merge-layers

// expected-error@+1 {{--merge-layers needs the SRAM size: run --tile-for-sram=<bytes> before it}}
module {
  func.func @f(%x: tensor<1x3x8x8xi8>) -> tensor<1x3x8x8xi8> {
    return %x : tensor<1x3x8x8xi8>
  }
}

// -----

module attributes {cnn.target = #cnn.target<sram = 4096>} {
  func.func @f(%x: tensor<1x3x8x8xi8>) -> tensor<1x3x8x8xi8> {
    // expected-error@+1 {{layer 'late' has no tiling: run --tile-for-sram=<bytes> before --merge-layers}}
    %y = cnn.add %x, %x {name = "late"} : tensor<1x3x8x8xi8>
    return %y : tensor<1x3x8x8xi8>
  }
}

// -----

module attributes {cnn.target = #cnn.target<sram = 4096>} {
  func.func @f(%x: tensor<1x3x8x8xi8>) -> tensor<1x3x8x8xi8> {
    // expected-error@+1 {{the network is already merged: --merge-layers runs once, on a network without fusion groups}}
    %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} -> tensor<1x3x8x8xi8> {
      %a = cnn.add %x, %x {cnn.traffic = #cnn.traffic<input = 384, weights = 0, output = 192>} : tensor<1x3x8x8xi8>
      %b = cnn.add %a, %a {cnn.traffic = #cnn.traffic<input = 384, weights = 0, output = 192>} : tensor<1x3x8x8xi8>
      cnn.yield %b : tensor<1x3x8x8xi8>
    }
    return %g : tensor<1x3x8x8xi8>
  }
}
