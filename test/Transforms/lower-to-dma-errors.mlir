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

// Weights declared compressed by a ratio have no stream to load.
module attributes {cnn.target = #cnn.target<sram = 4096>} {
  func.func @compressed(%x: tensor<1x8x2x2xi8>) -> tensor<1x10x1x1xi8> {
    // expected-error @+1 {{the weights of layer 'fc' are declared compressed (scheme "declared"), with no coded stream to load: annotate them from their values (--annotate-weight-compression) or plan without compression}}
    %w = cnn.weight {cnn.compression = #cnn.compression<bytes = 160, scheme = "declared">} : tensor<10x32xi8>
    %y = cnn.fully_connected %x, %w {name = "fc", cnn.traffic = #cnn.traffic<input = 32, weights = 160, output = 10>} : (tensor<1x8x2x2xi8>, tensor<10x32xi8>) -> tensor<1x10x1x1xi8>
    return %y : tensor<1x10x1x1xi8>
  }
}

// -----

// A stale annotation: [0, 0, 3, 0] codes to 3 bytes (9 header bits, runs
// and the value: 18 bits), not 2.
module attributes {cnn.target = #cnn.target<sram = 4096>} {
  func.func @stale(%x: tensor<1x4x1x1xi8>) -> tensor<1x2x1x1xi8> {
    // expected-error @+1 {{the cnn.compression of the weights of layer 'conv' does not match their values: output channel 0 codes to 3 bytes, the annotation says 2; run --annotate-weight-compression again}}
    %w = cnn.weight {cnn.compression = #cnn.compression<bytes = 4, scheme = "zrl-rice", channels = [2, 2]>, value = dense<[[[[0]], [[0]], [[3]], [[0]]], [[[0]], [[0]], [[0]], [[0]]]]> : tensor<2x4x1x1xi8>} : tensor<2x4x1x1xi8>
    %y = cnn.conv2d %x, %w {name = "conv", cnn.tiling = #cnn.tiling<tm = 2, te = 1, tf = 1, tc = 4, order = mef, buffer = 11>, cnn.traffic = #cnn.traffic<input = 4, weights = 4, output = 2>} : (tensor<1x4x1x1xi8>, tensor<2x4x1x1xi8>) -> tensor<1x2x1x1xi8>
    return %y : tensor<1x2x1x1xi8>
  }
}

// -----

// Coded weights without values.
module attributes {cnn.target = #cnn.target<sram = 4096>} {
  func.func @no_values(%x: tensor<1x4x1x1xi8>) -> tensor<1x2x1x1xi8> {
    // expected-error @+1 {{the weights of layer 'conv' are coded but have no values to code: --lower-to-dma loads the coded stream of weights with values}}
    %w = cnn.weight {cnn.compression = #cnn.compression<bytes = 5, scheme = "zrl-rice", channels = [3, 2]>} : tensor<2x4x1x1xi8>
    %y = cnn.conv2d %x, %w {name = "conv", cnn.tiling = #cnn.tiling<tm = 2, te = 1, tf = 1, tc = 4, order = mef, buffer = 11>, cnn.traffic = #cnn.traffic<input = 4, weights = 5, output = 2>} : (tensor<1x4x1x1xi8>, tensor<2x4x1x1xi8>) -> tensor<1x2x1x1xi8>
    return %y : tensor<1x2x1x1xi8>
  }
}

// -----

// A tiling that splits the input channels of coded weights.
module attributes {cnn.target = #cnn.target<sram = 4096>} {
  func.func @split_channels(%x: tensor<1x4x1x1xi8>) -> tensor<1x2x1x1xi8> {
    %w = cnn.weight {cnn.compression = #cnn.compression<bytes = 5, scheme = "zrl-rice", channels = [3, 2]>, value = dense<[[[[0]], [[0]], [[3]], [[0]]], [[[0]], [[0]], [[0]], [[0]]]]> : tensor<2x4x1x1xi8>} : tensor<2x4x1x1xi8>
    // expected-error @+1 {{layer 'conv' has coded weights, which load in whole output channels, but its tiling has tc = 2 of 4 input channels: plan again with --tile-for-sram}}
    %y = cnn.conv2d %x, %w {name = "conv", cnn.tiling = #cnn.tiling<tm = 2, te = 1, tf = 1, tc = 2, order = mef, buffer = 20>, cnn.traffic = #cnn.traffic<input = 4, weights = 5, output = 2>} : (tensor<1x4x1x1xi8>, tensor<2x4x1x1xi8>) -> tensor<1x2x1x1xi8>
    return %y : tensor<1x2x1x1xi8>
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

// -----

// A width strip as wide as the group's last layer (8 columns): no strips.
module attributes {cnn.merged, cnn.target = #cnn.target<sram = 416>, cnn.width_strips} {
  func.func @strips(%arg0: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
    %0 = cnn.weight : tensor<4x4x3x3xi8>
    %1 = cnn.weight : tensor<4x4x3x3xi8>
    // expected-error @+1 {{fusion group 'group_0' cannot run in width strips of 8 columns: its strips must be a multiple of 1 columns below its last layer's 8, through convolutions, pools, element-wise layers, concatenations, pads and nearest up-sampling only; run --merge-layers again}}
    %2 = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 416, weight_bytes = 288, strip_width = 8, name = "group_0", cnn.traffic = #cnn.traffic<input = 640, weights = 288, output = 256>} -> tensor<1x4x8x8xi8> {
      %a = cnn.conv2d %arg0, %0 {cnn.tiling = #cnn.tiling<tm = 1, te = 8, tf = 8, tc = 4, order = mef, buffer = 356>, cnn.traffic = #cnn.traffic<input = 256, weights = 144, output = 256>, name = "a", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
      %b = cnn.conv2d %a, %1 {cnn.tiling = #cnn.tiling<tm = 1, te = 8, tf = 8, tc = 4, order = mef, buffer = 356>, cnn.traffic = #cnn.traffic<input = 256, weights = 144, output = 256>, name = "b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
      cnn.yield %b : tensor<1x4x8x8xi8>
    }
    return %2 : tensor<1x4x8x8xi8>
  }
}

// -----

// Kept halos are not lowered when DMA overlaps compute (planning does not
// keep them there): a hand-written keep_halo on such a target.
module attributes {cnn.merged, cnn.target = #cnn.target<sram = 4096, dma_overlap = true>, cnn.width_strips} {
  func.func @kept_overlap(%arg0: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
    %0 = cnn.weight : tensor<4x4x3x3xi8>
    %1 = cnn.weight : tensor<4x4x3x3xi8>
    // expected-error @+1 {{fusion group 'group_0' keeps its halo columns (keep_halo), which is not lowered when DMA overlaps compute; run --merge-layers again}}
    %2 = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 416, weight_bytes = 288, strip_width = 2, keep_halo, name = "group_0", cnn.traffic = #cnn.traffic<input = 256, weights = 288, output = 256>} -> tensor<1x4x8x8xi8> {
      %a = cnn.conv2d %arg0, %0 {cnn.tiling = #cnn.tiling<tm = 1, te = 8, tf = 8, tc = 4, order = mef, buffer = 356>, cnn.traffic = #cnn.traffic<input = 256, weights = 144, output = 256>, name = "a", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
      %b = cnn.conv2d %a, %1 {cnn.tiling = #cnn.tiling<tm = 1, te = 8, tf = 8, tc = 4, order = mef, buffer = 356>, cnn.traffic = #cnn.traffic<input = 256, weights = 144, output = 256>, name = "b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
      cnn.yield %b : tensor<1x4x8x8xi8>
    }
    return %2 : tensor<1x4x8x8xi8>
  }
}

// -----

// A global pool needs its whole input at once: a group of mode rows cannot
// run it (planning puts it in mode resident).
module attributes {cnn.merged, cnn.target = #cnn.target<sram = 4096>} {
  func.func @rows_tail(%arg0: tensor<1x4x8x8xi8>) -> tensor<1x4x1x1xi8> {
    %0 = cnn.weight : tensor<4x4x3x3xi8>
    // expected-error @+1 {{fusion group 'group_0' cannot run in mode 'rows': layer 'gap' (global_avg_pool) needs its whole input at once and runs only in mode 'resident'; run --merge-layers again}}
    %1 = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 600, weight_bytes = 144, name = "group_0", cnn.traffic = #cnn.traffic<input = 256, weights = 144, output = 4>} -> tensor<1x4x1x1xi8> {
      %a = cnn.conv2d %arg0, %0 {cnn.tiling = #cnn.tiling<tm = 1, te = 8, tf = 8, tc = 4, order = mef, buffer = 356>, cnn.traffic = #cnn.traffic<input = 256, weights = 144, output = 256>, name = "a", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
      %gap = cnn.global_avg_pool %a {cnn.traffic = #cnn.traffic<input = 256, weights = 0, output = 4>, name = "gap"} : tensor<1x4x8x8xi8> -> tensor<1x4x1x1xi8>
      cnn.yield %gap : tensor<1x4x1x1xi8>
    }
    return %1 : tensor<1x4x1x1xi8>
  }
}

// -----

// Hand-written or stale tilings are checked, not trusted: a tile larger
// than the layer (or with sizes that would overflow), and a tiling planned
// for a larger SRAM.
module attributes {cnn.target = #cnn.target<sram = 1024>} {
  func.func @too_large(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
    %w = cnn.weight : tensor<4x4x3x3xi8>
    // expected-error @+1 {{layer 'conv': its cnn.tiling (tm = 1000, te = 8, tf = 8, tc = 4) does not fit the layer (4 output channels, 8 rows, 8 columns, 4 input channels per tile at most): plan again with --tile-for-sram}}
    %y = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>, name = "conv", cnn.tiling = #cnn.tiling<tm = 1000, te = 8, tf = 8, tc = 4, order = mef, buffer = 656>, cnn.traffic = #cnn.traffic<input = 256, weights = 144, output = 256>} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
    return %y : tensor<1x4x8x8xi8>
  }
}

// -----

module attributes {cnn.target = #cnn.target<sram = 1024>} {
  func.func @overflow(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
    %w = cnn.weight : tensor<4x4x3x3xi8>
    // expected-error @+1 {{layer 'conv': its cnn.tiling (tm = 4, te = 9223372036854775807, tf = 8, tc = 4) does not fit the layer}}
    %y = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>, name = "conv", cnn.tiling = #cnn.tiling<tm = 4, te = 9223372036854775807, tf = 8, tc = 4, order = mef, buffer = 656>, cnn.traffic = #cnn.traffic<input = 256, weights = 144, output = 256>} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
    return %y : tensor<1x4x8x8xi8>
  }
}

// -----

module attributes {cnn.target = #cnn.target<sram = 100>} {
  func.func @stale(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
    %w = cnn.weight : tensor<4x4x3x3xi8>
    // expected-error @+1 {{layer 'conv': its cnn.tiling needs 656 bytes of SRAM, the target has 100: plan again with --tile-for-sram}}
    %y = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>, name = "conv", cnn.tiling = #cnn.tiling<tm = 4, te = 8, tf = 8, tc = 4, order = mef, buffer = 656>, cnn.traffic = #cnn.traffic<input = 256, weights = 144, output = 256>} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
    return %y : tensor<1x4x8x8xi8>
  }
}

// -----

// A depthwise convolution has no input-channel loop: its tc is its tm.
module attributes {cnn.target = #cnn.target<sram = 1024>} {
  func.func @channelwise(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
    %w = cnn.weight : tensor<4x1x3x3xi8>
    // expected-error @+1 {{layer 'dw': its cnn.tiling (tm = 2, te = 8, tf = 8, tc = 4) does not fit the layer (4 output channels, 8 rows, 8 columns, 4 channels per tile at most, tc = tm): plan again with --tile-for-sram}}
    %y = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>, groups = 4, name = "dw", cnn.tiling = #cnn.tiling<tm = 2, te = 8, tf = 8, tc = 4, order = mef, buffer = 300>, cnn.traffic = #cnn.traffic<input = 256, weights = 36, output = 256>} : (tensor<1x4x8x8xi8>, tensor<4x1x3x3xi8>) -> tensor<1x4x8x8xi8>
    return %y : tensor<1x4x8x8xi8>
  }
}
