// RUN: cnn-opt %s --dma-to-memref -split-input-file -verify-diagnostics

// A token that leaves the function has nothing to become.
func.func @returned(%x: memref<16xi8>, %a: memref<16xi8, 1>) -> !dma.token {
  // expected-note@+1 {{token of this transfer}}
  %t = dma.load_async %x, %a {kind = "input"} : memref<16xi8>, memref<16xi8, 1> -> !dma.token
  // expected-error@+1 {{cannot remove the DMA token this op uses; --dma-to-memref removes tokens from dma.wait and from scf.for, scf.if and scf.while}}
  return %t : !dma.token
}

// -----

func.func private @consume(!dma.token)

func.func @passed(%x: memref<16xi8>, %a: memref<16xi8, 1>) {
  // expected-note@+1 {{token of this transfer}}
  %t = dma.load_async %x, %a {kind = "input"} : memref<16xi8>, memref<16xi8, 1> -> !dma.token
  // expected-error@+1 {{cannot remove the DMA token this op uses}}
  func.call @consume(%t) : (!dma.token) -> ()
  return
}
