// RUN: cnn-opt %s -split-input-file -verify-diagnostics --cnn-traffic-report

// expected-error@+1 {{the traffic report needs a planned module: run --tile-for-sram=<bytes> before it}}
module {
  func.func @f(%x: tensor<1x3x8x8xi8>) -> tensor<1x3x8x8xi8> {
    return %x : tensor<1x3x8x8xi8>
  }
}

// -----

// A layer added after planning has no traffic.
module attributes {cnn.target = #cnn.target<sram = 4096>} {
  func.func @f(%x: tensor<1x3x8x8xi8>) -> tensor<1x3x8x8xi8> {
    // expected-error@+1 {{layer 'late' has no modeled traffic: run --tile-for-sram=<bytes> before the report}}
    %y = cnn.add %x, %x {name = "late"} : tensor<1x3x8x8xi8>
    return %y : tensor<1x3x8x8xi8>
  }
}

// -----

// expected-error@+1 {{expects a positive SRAM size in bytes, got 0}}
module attributes {cnn.target = #cnn.target<sram = 0>} {
}
