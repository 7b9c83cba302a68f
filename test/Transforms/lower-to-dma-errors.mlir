// RUN: cnn-opt %s --lower-to-dma --split-input-file --verify-diagnostics

// Every error of --lower-to-dma. Plans (cnn.target, cnn.traffic) are
// written by hand so that each case reaches the check it is about.

// expected-error @+1 {{--lower-to-dma needs a planned module: run --tile-for-sram=<bytes> before it}}
module {
  func.func @unplanned(%a: tensor<1x8x4x4xi8>, %b: tensor<1x8x4x4xi8>) -> tensor<1x8x4x4xi8> {
    %c = cnn.add %a, %b : tensor<1x8x4x4xi8>
    return %c : tensor<1x8x4x4xi8>
  }
}

// -----

// expected-error @+1 {{--lower-to-dma moves raw feature maps: plan without fm-percent}}
module attributes {cnn.target = #cnn.target<sram = 64, fm_percent = 50>} {
  func.func @fm(%a: tensor<1x8x4x4xi8>, %b: tensor<1x8x4x4xi8>) -> tensor<1x8x4x4xi8> {
    %c = cnn.add %a, %b {cnn.traffic = #cnn.traffic<input = 128, weights = 0, output = 64>} : tensor<1x8x4x4xi8>
    return %c : tensor<1x8x4x4xi8>
  }
}

// -----

// expected-error @+1 {{--lower-to-dma moves raw weights: plan without --annotate-weight-compression}}
module attributes {cnn.target = #cnn.target<sram = 4096>} {
  func.func @compressed(%x: tensor<1x8x2x2xi8>) -> tensor<1x10x1x1xi8> {
    %w = cnn.weight {cnn.compression = #cnn.compression<bytes = 160, scheme = "declared">} : tensor<10x32xi8>
    %y = cnn.fully_connected %x, %w {cnn.traffic = #cnn.traffic<input = 32, weights = 160, output = 10>} : (tensor<1x8x2x2xi8>, tensor<10x32xi8>) -> tensor<1x10x1x1xi8>
    return %y : tensor<1x10x1x1xi8>
  }
}

// -----

// An op of another dialect in the network (a TOSA import not converted).
module attributes {cnn.target = #cnn.target<sram = 4096>} {
  func.func @foreign(%a: tensor<1x8x4x4xi8>) -> tensor<1x8x4x4xi8> {
    // expected-error @+1 {{'tensor.empty' is not a cnn layer: --lower-to-dma lowers networks of cnn layers only (TOSA imports with --tosa-to-cnn first)}}
    %e = tensor.empty() : tensor<1x8x4x4xi8>
    %c = cnn.add %a, %e {cnn.traffic = #cnn.traffic<input = 256, weights = 0, output = 128>} : tensor<1x8x4x4xi8>
    return %c : tensor<1x8x4x4xi8>
  }
}

// -----

module attributes {cnn.target = #cnn.target<sram = 4096>} {
  func.func @untiled(%a: tensor<1x8x4x4xi8>, %b: tensor<1x8x4x4xi8>) -> tensor<1x8x4x4xi8> {
    // expected-error @+1 {{layer 'add_0' has no tiling: run --tile-for-sram=<bytes> before --lower-to-dma}}
    %c = cnn.add %a, %b : tensor<1x8x4x4xi8>
    return %c : tensor<1x8x4x4xi8>
  }
}

// -----

// An unnamed layer is named as the reports name it.
module attributes {cnn.target = #cnn.target<sram = 8>} {
  func.func @small(%a: tensor<1x8x4x4xi8>, %b: tensor<1x8x4x4xi8>) -> tensor<1x8x4x4xi8> {
    // expected-error @+1 {{layer 'add_0' needs at least 12 bytes of SRAM to stream it, but the target has 8}}
    %c = cnn.add %a, %b {cnn.traffic = #cnn.traffic<input = 256, weights = 0, output = 128>} : tensor<1x8x4x4xi8>
    return %c : tensor<1x8x4x4xi8>
  }
}

// -----

module attributes {cnn.target = #cnn.target<sram = 12>} {
  func.func @bilinear(%x: tensor<1x4x4x4xi8>) -> tensor<1x4x8x8xi8> {
    // expected-error @+1 {{layer 'up' needs at least 16 bytes of SRAM to stream it, but the target has 12}}
    %y = cnn.resize %x {mode = #cnn.resize_mode<bilinear>, name = "up", scale = array<i64: 2, 2>, cnn.traffic = #cnn.traffic<input = 64, weights = 0, output = 256>} : tensor<1x4x4x4xi8> -> tensor<1x4x8x8xi8>
    return %y : tensor<1x4x8x8xi8>
  }
}

// -----

// A concatenation of a network input cannot be written in place.
module attributes {cnn.target = #cnn.target<sram = 4096>} {
  func.func @concat_arg(%a: tensor<1x4x4x4xi8>, %b: tensor<1x4x4x4xi8>) -> tensor<1x8x4x4xi8> {
    %c = cnn.add %a, %b {name = "sum", cnn.traffic = #cnn.traffic<input = 128, weights = 0, output = 64>} : tensor<1x4x4x4xi8>
    // expected-error @+1 {{layer 'cat': each concatenated tensor must be produced by a layer and be part of one concat only, to be written in place}}
    %d = cnn.concat %c, %a {name = "cat", cnn.traffic = #cnn.traffic<input = 0, weights = 0, output = 0>} : (tensor<1x4x4x4xi8>, tensor<1x4x4x4xi8>) -> tensor<1x8x4x4xi8>
    return %d : tensor<1x8x4x4xi8>
  }
}
