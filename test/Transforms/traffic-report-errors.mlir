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

// expected-error@+1 {{expects a positive SRAM size in bytes of at most 1 TiB, got 0}}
module attributes {cnn.target = #cnn.target<sram = 0>} {
}

// -----

// expected-error@+1 {{expects a positive dram_bytes_per_cycle, got -2}}
module attributes {cnn.target = #cnn.target<sram = 1024, dram_bytes_per_cycle = -2>} {
}

// -----

// expected-error@+1 {{expects a positive macs_per_cycle, got 0}}
module attributes {cnn.target = #cnn.target<sram = 1024, macs_per_cycle = 0>} {
}

// -----

// expected-error@+1 {{expects a positive clock_mhz, got 0}}
module attributes {cnn.target = #cnn.target<sram = 1024, clock_mhz = 0>} {
}

// -----

// expected-error@+1 {{expects dma_align between 1 and 1048576, got 0}}
module attributes {cnn.target = #cnn.target<sram = 1024, dma_align = 0>} {
}

// -----

// expected-error@+1 {{expects energies between 0 and 1e6 pJ, got pj_per_mac = -1, pj_per_bit = 10}}
module attributes {cnn.target = #cnn.target<sram = 1024, pj_per_mac = -1>} {
}

// -----

// An energy that makes the report's figures infinite.
// expected-error@+1 {{expects energies between 0 and 1e6 pJ, got pj_per_mac = 1, pj_per_bit = 1e+308}}
module attributes {cnn.target = #cnn.target<sram = 1024, pj_per_bit = 1.0e+308>} {
}

// -----

// expected-error@+1 {{expects a positive SRAM size in bytes of at most 1 TiB, got 9223372036854775807}}
module attributes {cnn.target = #cnn.target<sram = 9223372036854775807>} {
}

// -----

// expected-error@+2 {{expected true or false}}
// expected-error@+1 {{failed to parse Cnn_TargetAttr parameter 'dma_overlap'}}
module attributes {cnn.target = #cnn.target<sram = 1024, dma_overlap = 1>} {
}

// -----

// expected-error@+1 {{expects clock_mhz between 0.001 and 1000000, got 1e-09}}
module attributes {cnn.target = #cnn.target<sram = 1024, clock_mhz = 1.0e-9>} {
}

// -----

// A hand-edited cnn.traffic: the 3x3 convolution of 4 to 4 channels on
// 8x8 i8 in one tile of 8x8 outputs per output channel reads its input and
// weights once and writes its output once (256, 144, 256), not 100.
module attributes {cnn.target = #cnn.target<sram = 416>} {
  func.func @f(%arg0: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
    %0 = cnn.weight : tensor<4x4x3x3xi8>
    // expected-error@+1 {{layer 'a': its cnn.traffic (input = 100, weights = 144, output = 256) is not what its plan moves on this target (input = 256, weights = 144, output = 256): plan again with --tile-for-sram}}
    %a = cnn.conv2d %arg0, %0 {cnn.tiling = #cnn.tiling<tm = 1, te = 8, tf = 8, tc = 4, order = mef, buffer = 356>, cnn.traffic = #cnn.traffic<input = 100, weights = 144, output = 256>, name = "a", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
    return %a : tensor<1x4x8x8xi8>
  }
}

// -----

// A plan made for another SRAM: its tiling needs 356 bytes, the target
// has 300.
module attributes {cnn.target = #cnn.target<sram = 300>} {
  func.func @f(%arg0: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
    %0 = cnn.weight : tensor<4x4x3x3xi8>
    // expected-error@+1 {{layer 'a': its cnn.tiling needs 356 bytes of SRAM, the target has 300: plan again with --tile-for-sram}}
    %a = cnn.conv2d %arg0, %0 {cnn.tiling = #cnn.tiling<tm = 1, te = 8, tf = 8, tc = 4, order = mef, buffer = 356>, cnn.traffic = #cnn.traffic<input = 256, weights = 144, output = 256>, name = "a", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
    return %a : tensor<1x4x8x8xi8>
  }
}

// -----

// A hand-edited group: strips of 2 columns of the chain worked by hand in
// docs/CostModel.md ("Width strips") read 640 bytes of X, not 256.
module attributes {cnn.merged, cnn.target = #cnn.target<sram = 416>, cnn.width_strips} {
  func.func @strips(%arg0: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
    %0 = cnn.weight : tensor<4x4x3x3xi8>
    %1 = cnn.weight : tensor<4x4x3x3xi8>
    // expected-error@+1 {{fusion group 'group_0': its cnn.traffic (input = 256, weights = 288, output = 256) is not what its plan moves on this target (input = 640, weights = 288, output = 256): run --merge-layers again}}
    %2 = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 416, weight_bytes = 288, strip_width = 2, name = "group_0", cnn.traffic = #cnn.traffic<input = 256, weights = 288, output = 256>} -> tensor<1x4x8x8xi8> {
      %a = cnn.conv2d %arg0, %0 {cnn.tiling = #cnn.tiling<tm = 1, te = 8, tf = 8, tc = 4, order = mef, buffer = 356>, cnn.traffic = #cnn.traffic<input = 256, weights = 144, output = 256>, name = "a", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
      %b = cnn.conv2d %a, %1 {cnn.tiling = #cnn.tiling<tm = 1, te = 8, tf = 8, tc = 4, order = mef, buffer = 356>, cnn.traffic = #cnn.traffic<input = 256, weights = 144, output = 256>, name = "b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
      cnn.yield %b : tensor<1x4x8x8xi8>
    }
    return %2 : tensor<1x4x8x8xi8>
  }
}

// -----

// A hand-edited group size: strips of 2 columns of the same chain need 288
// bytes of weights and 128 of line buffers, 416, not 300.
module attributes {cnn.merged, cnn.target = #cnn.target<sram = 416>, cnn.width_strips} {
  func.func @strips(%arg0: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
    %0 = cnn.weight : tensor<4x4x3x3xi8>
    %1 = cnn.weight : tensor<4x4x3x3xi8>
    // expected-error@+1 {{fusion group 'group_0': its sram_bytes (300) is not what its plan needs (416 bytes, the target has 416): run --merge-layers again}}
    %2 = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 300, weight_bytes = 288, strip_width = 2, name = "group_0", cnn.traffic = #cnn.traffic<input = 640, weights = 288, output = 256>} -> tensor<1x4x8x8xi8> {
      %a = cnn.conv2d %arg0, %0 {cnn.tiling = #cnn.tiling<tm = 1, te = 8, tf = 8, tc = 4, order = mef, buffer = 356>, cnn.traffic = #cnn.traffic<input = 256, weights = 144, output = 256>, name = "a", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
      %b = cnn.conv2d %a, %1 {cnn.tiling = #cnn.tiling<tm = 1, te = 8, tf = 8, tc = 4, order = mef, buffer = 356>, cnn.traffic = #cnn.traffic<input = 256, weights = 144, output = 256>, name = "b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
      cnn.yield %b : tensor<1x4x8x8xi8>
    }
    return %2 : tensor<1x4x8x8xi8>
  }
}
