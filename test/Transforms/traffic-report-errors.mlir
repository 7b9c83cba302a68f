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
