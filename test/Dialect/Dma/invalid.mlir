// RUN: cnn-opt %s -split-input-file -verify-diagnostics

func.func @load_from_sram(%a: memref<4x8xi8, 1>, %b: memref<4x8xi8, 1>) {
  // expected-error@+1 {{'dma.load' op expects the source to be a DRAM memref, outside SRAM memory space 1, got 'memref<4x8xi8, 1>'}}
  dma.load %a, %b {kind = "input"} : memref<4x8xi8, 1>, memref<4x8xi8, 1>
  return
}

// -----

func.func @load_to_dram(%a: memref<4x8xi8>, %b: memref<4x8xi8>) {
  // expected-error@+1 {{'dma.load' op expects the target to be an SRAM memref, in memory space 1, got 'memref<4x8xi8>'}}
  dma.load %a, %b {kind = "input"} : memref<4x8xi8>, memref<4x8xi8>
  return
}

// -----

func.func @load_to_other_space(%a: memref<4x8xi8>, %b: memref<4x8xi8, 2>) {
  // expected-error@+1 {{'dma.load' op expects the target to be an SRAM memref, in memory space 1, got 'memref<4x8xi8, 2>'}}
  dma.load %a, %b {kind = "input"} : memref<4x8xi8>, memref<4x8xi8, 2>
  return
}

// -----

func.func @store_from_dram(%a: memref<4x8xi8>, %b: memref<4x8xi8>) {
  // expected-error@+1 {{'dma.store' op expects the source to be an SRAM memref, in memory space 1, got 'memref<4x8xi8>'}}
  dma.store %a, %b {kind = "output"} : memref<4x8xi8>, memref<4x8xi8>
  return
}

// -----

func.func @store_to_sram(%a: memref<4x8xi8, 1>, %b: memref<4x8xi8, 1>) {
  // expected-error@+1 {{'dma.store' op expects the target to be a DRAM memref, outside SRAM memory space 1, got 'memref<4x8xi8, 1>'}}
  dma.store %a, %b {kind = "output"} : memref<4x8xi8, 1>, memref<4x8xi8, 1>
  return
}

// -----

func.func @element_type(%a: memref<4x8xi8>, %b: memref<4x8xi16, 1>) {
  // expected-error@+1 {{'dma.load' op expects the source and target to have the same element type, got 'i8' and 'i16'}}
  dma.load %a, %b {kind = "input"} : memref<4x8xi8>, memref<4x8xi16, 1>
  return
}

// -----

func.func @rank(%a: memref<4x8xi8>, %b: memref<32xi8, 1>) {
  // expected-error@+1 {{'dma.load' op expects the source and target to have the same rank, got 2 and 1}}
  dma.load %a, %b {kind = "input"} : memref<4x8xi8>, memref<32xi8, 1>
  return
}

// -----

func.func @sizes(%a: memref<4x8xi8, strided<[64, 1], offset: ?>>, %b: memref<4x16xi8, 1>) {
  // expected-error@+1 {{'dma.load' op expects the source and target to have the same sizes, dimension 1 is 8 in the source and 16 in the target}}
  dma.load %a, %b {kind = "input"} : memref<4x8xi8, strided<[64, 1], offset: ?>>, memref<4x16xi8, 1>
  return
}

// -----

func.func @store_sizes(%a: memref<2x8xf32, 1>, %b: memref<?x4xf32>) {
  // expected-error@+1 {{'dma.store' op expects the source and target to have the same sizes, dimension 1 is 8 in the source and 4 in the target}}
  dma.store %a, %b {kind = "output"} : memref<2x8xf32, 1>, memref<?x4xf32>
  return
}

// -----

func.func @kind(%a: memref<4x8xi8>, %b: memref<4x8xi8, 1>) {
  // expected-error@+1 {{'dma.load' op expects kind to be "input", "weights" or "output", got "bias"}}
  dma.load %a, %b {kind = "bias"} : memref<4x8xi8>, memref<4x8xi8, 1>
  return
}

// -----

func.func @missing_kind(%a: memref<4x8xi8>, %b: memref<4x8xi8, 1>) {
  // expected-error@+1 {{'dma.load' op requires attribute 'kind'}}
  dma.load %a, %b : memref<4x8xi8>, memref<4x8xi8, 1>
  return
}

// -----

func.func @kind_not_string(%a: memref<4x8xi8>, %b: memref<4x8xi8, 1>) {
  // expected-error@+1 {{'dma.load' op attribute 'kind' failed to satisfy constraint: which tensor of the layer a transfer moves}}
  dma.load %a, %b {kind = 1 : i64} : memref<4x8xi8>, memref<4x8xi8, 1>
  return
}

// -----

func.func @not_memref(%a: tensor<4x8xi8>, %b: memref<4x8xi8, 1>) {
  // expected-error@+1 {{'dma.load' op operand #0 must be memref of any type values}}
  "dma.load"(%a, %b) {kind = "input"} : (tensor<4x8xi8>, memref<4x8xi8, 1>) -> ()
  return
}

// -----

func.func @load_async_from_sram(%a: memref<4x8xi8, 1>, %b: memref<4x8xi8, 1>) {
  // expected-error@+1 {{'dma.load_async' op expects the source to be a DRAM memref, outside SRAM memory space 1, got 'memref<4x8xi8, 1>'}}
  %t = dma.load_async %a, %b {kind = "weights"} : memref<4x8xi8, 1>, memref<4x8xi8, 1> -> !dma.token
  return
}

// -----

func.func @load_async_kind(%a: memref<4x8xi8>, %b: memref<4x8xi8, 1>) {
  // expected-error@+1 {{'dma.load_async' op expects kind to be "input", "weights" or "output", got ""}}
  %t = dma.load_async %a, %b {kind = ""} : memref<4x8xi8>, memref<4x8xi8, 1> -> !dma.token
  return
}

// -----

func.func @store_async_element_type(%a: memref<4x8xf16, 1>, %b: memref<4x8xf32>) {
  // expected-error@+1 {{'dma.store_async' op expects the source and target to have the same element type, got 'f16' and 'f32'}}
  %t = dma.store_async %a, %b {kind = "output"} : memref<4x8xf16, 1>, memref<4x8xf32> -> !dma.token
  return
}

// -----

func.func @store_async_to_sram(%a: memref<4x8xi8, 1>, %b: memref<4x8xi8, 1>) {
  // expected-error@+1 {{'dma.store_async' op expects the target to be a DRAM memref, outside SRAM memory space 1, got 'memref<4x8xi8, 1>'}}
  %t = dma.store_async %a, %b {kind = "output"} : memref<4x8xi8, 1>, memref<4x8xi8, 1> -> !dma.token
  return
}

// -----

func.func @async_result_type(%a: memref<4x8xi8>, %b: memref<4x8xi8, 1>) {
  // expected-error@+1 {{'dma.load_async' op result #0 must be Completion token of an asynchronous transfer, but got 'i32'}}
  %t = "dma.load_async"(%a, %b) {kind = "input"} : (memref<4x8xi8>, memref<4x8xi8, 1>) -> i32
  return
}

// -----

func.func @wait_not_token(%a: i32) {
  // expected-error@+1 {{'dma.wait' op operand #0 must be variadic of Completion token of an asynchronous transfer, but got 'i32'}}
  "dma.wait"(%a) : (i32) -> ()
  return
}

// -----

func.func @wait_nothing() {
  // expected-error@+1 {{'dma.wait' op expects at least one token}}
  "dma.wait"() : () -> ()
  return
}

// -----

// expected-error@+1 {{unknown  type `signal` in dialect `dma`}}
func.func @bad_type(%t: !dma.signal) {
  return
}

// -----

func.func @decode_scheme(%a: memref<8xi8, 1>, %w: memref<2x4xi8>) {
  // expected-error@+1 {{'dma.decode' op expects scheme "zrl-rice", got "lz4"}}
  dma.decode %a, %w {scheme = "lz4"} : memref<8xi8, 1>, memref<2x4xi8>
  return
}

// -----

func.func @decode_from_dram(%a: memref<8xi8>, %w: memref<2x4xi8>) {
  // expected-error@+1 {{'dma.decode' op expects the source to be bytes in SRAM, a 1-D memref of i8 in memory space 1, got 'memref<8xi8>'}}
  dma.decode %a, %w {scheme = "zrl-rice"} : memref<8xi8>, memref<2x4xi8>
  return
}

// -----

func.func @decode_into_sram(%a: memref<8xi8, 1>, %w: memref<2x4xi8, 1>) {
  // expected-error@+1 {{'dma.decode' op expects the target outside SRAM (the decoder feeds the MAC array), got 'memref<2x4xi8, 1>'}}
  dma.decode %a, %w {scheme = "zrl-rice"} : memref<8xi8, 1>, memref<2x4xi8, 1>
  return
}

// -----

func.func @decode_strided(%a: memref<8xi8, 1>, %w: memref<2x4xi8, strided<[8, 1]>>) {
  // expected-error@+1 {{'dma.decode' op expects the target to be a contiguous memref of i8, i16, i32, f16 or f32 weights, got 'memref<2x4xi8, strided<[8, 1]>>'}}
  dma.decode %a, %w {scheme = "zrl-rice"} : memref<8xi8, 1>, memref<2x4xi8, strided<[8, 1]>>
  return
}
