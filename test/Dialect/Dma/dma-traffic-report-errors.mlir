// RUN: cnn-opt %s --dma-traffic-report -split-input-file -verify-diagnostics -o /dev/null

func.func @dynamic_both(%a: memref<?x8xi8>, %b: memref<?x8xi8, 1>) {
  // expected-error@+1 {{cannot count the bytes of a transfer whose size is dynamic on both sides and not a function of loop indices and constant tables}}
  dma.load %a, %b {kind = "input"} : memref<?x8xi8>, memref<?x8xi8, 1>
  return
}

// -----

func.func @index_elements(%a: memref<4xindex>, %b: memref<4xindex, 1>) {
  // expected-error@+1 {{cannot count the bytes of elements of type 'index'}}
  dma.load %a, %b {kind = "input"} : memref<4xindex>, memref<4xindex, 1>
  return
}

// -----

func.func @upper_bound(%a: memref<4xi8>, %b: memref<4xi8, 1>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error@+1 {{cannot count the transfers in a loop whose upper bound is not a constant; the traffic report needs constant bounds and step}}
  scf.for %i = %c0 to %n step %c1 {
    // expected-note@+1 {{transfer in the loop}}
    dma.load %a, %b {kind = "input"} : memref<4xi8>, memref<4xi8, 1>
  }
  return
}

// -----

func.func @lower_bound(%a: memref<4xi8>, %b: memref<4xi8, 1>, %n: index) {
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  // An enclosing loop outside the layer region counts too, and must be
  // countable.
  // expected-error@+1 {{cannot count the transfers in a loop whose lower bound is not a constant}}
  scf.for %i = %n to %c8 step %c1 {
    scf.execute_region {
      // expected-note@+1 {{transfer in the loop}}
      dma.store %b, %a {kind = "output"} : memref<4xi8, 1>, memref<4xi8>
      scf.yield
    } {cnn.layer = "l"}
  }
  return
}

// -----

func.func @step(%a: memref<4xi8>, %b: memref<4xi8, 1>, %s: index) {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  // expected-error@+1 {{cannot count the transfers in a loop whose step is not a constant}}
  scf.for %i = %c0 to %c8 step %s {
    // expected-note@+1 {{transfer in the loop}}
    dma.load %a, %b {kind = "input"} : memref<4xi8>, memref<4xi8, 1>
  }
  return
}

// -----

func.func @conditional(%a: memref<4xi8>, %b: memref<4xi8, 1>, %c: i1) {
  // expected-error@+1 {{cannot count how many times the transfers in 'scf.if' run; the traffic report counts through scf.for and scf.execute_region}}
  scf.if %c {
    // expected-note@+1 {{transfer in the op}}
    dma.load %a, %b {kind = "input"} : memref<4xi8>, memref<4xi8, 1>
  }
  return
}

// -----

func.func @load_of_output(%a: memref<4xi8>, %b: memref<4xi8, 1>) {
  // expected-error@+1 {{a load of kind "output" has no column in the traffic report, which counts loads of inputs and weights and stores of outputs}}
  dma.load %a, %b {kind = "output"} : memref<4xi8>, memref<4xi8, 1>
  return
}

// -----

func.func @store_of_weights(%a: memref<4xi8>, %b: memref<4xi8, 1>) {
  // expected-error@+1 {{a store of kind "weights" has no column in the traffic report}}
  %t = dma.store_async %b, %a {kind = "weights"} : memref<4xi8, 1>, memref<4xi8> -> !dma.token
  dma.wait %t : !dma.token
  return
}

// -----

// A size read from a table that is not constant.
memref.global "private" @offsets : memref<3xi64> = dense<[0, 5, 7]>

func.func @table_not_constant(%a: memref<16xi8>, %b: memref<16xi8, 1>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %t = memref.get_global @offsets : memref<3xi64>
  scf.for %i = %c0 to %c2 step %c1 {
    %o = memref.load %t[%i] : memref<3xi64>
    %n = arith.index_cast %o : i64 to index
    %src = memref.subview %a[0] [%n] [1] : memref<16xi8> to memref<?xi8, strided<[1]>>
    %dst = memref.subview %b[0] [%n] [1] : memref<16xi8, 1> to memref<?xi8, strided<[1]>, 1>
    // expected-error@+1 {{cannot count the bytes of a transfer whose size is dynamic on both sides and not a function of loop indices and constant tables}}
    dma.load %src, %dst {kind = "weights"} : memref<?xi8, strided<[1]>>, memref<?xi8, strided<[1]>, 1>
  }
  return
}
