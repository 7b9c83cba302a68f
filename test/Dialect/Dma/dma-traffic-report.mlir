// RUN: cnn-opt %s --dma-traffic-report -o /dev/null | FileCheck %s --check-prefix=TEXT
// RUN: cnn-opt %s '--dma-traffic-report=format=json' -o /dev/null | FileCheck %s --check-prefix=JSON
// RUN: cnn-opt %s '--dma-traffic-report=output-file=%t.json format=json' | FileCheck %s --check-prefix=IR
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// RUN: not cnn-opt %s '--dma-traffic-report=output-file=%t.missing/report.txt' -o /dev/null 2>&1 | FileCheck %s --check-prefix=FILE

// FILE: error: cannot write the DMA traffic report: {{.+}}

// Every number below is counted by hand: bytes of one transfer = product of
// its sizes * element bytes; times the trip counts of the loops around it.
//
// conv1 (i8): weights memref<?x27xi8> -> memref<16x27xi8, 1>: the size
//   missing on the DRAM side is read from the SRAM side: 16*27 = 432, once.
//   Loop 0..8 step 2: 4 trips of an input tile 1x3x4x10 = 120 bytes and an
//   output tile 1x16x2x8 = 256 bytes: input 480, output 1,024.
//   A loop 8..4 runs 0 times: its load counts 0. Total 1,936.
// pool (f32, 4 bytes): channel loop 0..4 (4 trips) around rows 0..10 in
//   tiles of 3, the partial last tile in a loop of its own:
//   rows 0..9 step 3 (3 trips) of 1x1x3x8 = 96 bytes, rows 9..10 step 1
//   (1 trip) of 1x1x1x8 = 32 bytes: input 4 * (3*96 + 32) = 1,280;
//   one 1x1x5x4 = 80-byte output per channel: 320. Total 1,600.
// g0 (i16, 2 bytes), a fusion group (cnn.group) run 3 times by a loop
//   outside its region: weights 4x8 = 64 bytes, inputs 1x4x4 = 32 bytes in a
//   4-trip loop, output 2x4x4 = 64 bytes, all asynchronous:
//   weights 3*64 = 192, input 3*4*32 = 384, output 3*64 = 192. Total 768.
// outside layers: a 10-byte weight load: 10.
// Network: input 480 + 1,280 + 384 = 2,144; weights 432 + 192 + 10 = 634;
// output 1,024 + 320 + 192 = 1,536; total 4,314.

// TEXT-LABEL: dma traffic of @net
// TEXT-NEXT:  layer            region  read input  read weights  write output  total
// TEXT-NEXT:  conv1            layer          480           432         1,024  1,936
// TEXT-NEXT:  pool             layer        1,280             0           320  1,600
// TEXT-NEXT:  g0               group          384           192           192    768
// TEXT-NEXT:  (outside layers) -                0            10             0     10
// TEXT-NEXT:  total                         2,144           634         1,536  4,314
// TEXT-LABEL: dma traffic of @empty
// TEXT-NEXT:  layer
// TEXT-NEXT:  total                             0             0             0      0

// JSON:      "networks": [
// JSON:        "layers": [
// JSON-NEXT:     {
// JSON-NEXT:       "name": "conv1",
// JSON-NEXT:       "read_input_bytes": 480,
// JSON-NEXT:       "read_weight_bytes": 432,
// JSON-NEXT:       "region": "layer",
// JSON-NEXT:       "total_bytes": 1936,
// JSON-NEXT:       "write_output_bytes": 1024
// JSON:            "name": "pool",
// JSON-NEXT:       "read_input_bytes": 1280,
// JSON-NEXT:       "read_weight_bytes": 0,
// JSON-NEXT:       "region": "layer",
// JSON-NEXT:       "total_bytes": 1600,
// JSON-NEXT:       "write_output_bytes": 320
// JSON:            "name": "g0",
// JSON-NEXT:       "read_input_bytes": 384,
// JSON-NEXT:       "read_weight_bytes": 192,
// JSON-NEXT:       "region": "group",
// JSON-NEXT:       "total_bytes": 768,
// JSON-NEXT:       "write_output_bytes": 192
// JSON:            "name": "(outside layers)",
// JSON-NEXT:       "read_input_bytes": 0,
// JSON-NEXT:       "read_weight_bytes": 10,
// JSON-NEXT:       "region": "outside",
// JSON-NEXT:       "total_bytes": 10,
// JSON-NEXT:       "write_output_bytes": 0
// JSON:        "network": "net",
// JSON-NEXT:   "total": {
// JSON-NEXT:     "read_input_bytes": 2144,
// JSON-NEXT:     "read_weight_bytes": 634,
// JSON-NEXT:     "total_bytes": 4314,
// JSON-NEXT:     "write_output_bytes": 1536
// JSON:        "layers": [],
// JSON-NEXT:   "network": "empty",
// JSON-NEXT:   "total": {
// JSON-NEXT:     "read_input_bytes": 0,

// The pass does not change the IR.
// IR: func.func @net
// IR: dma.load

func.func @net(%x: memref<1x3x18x10xi8>, %w: memref<?x27xi8>, %y: memref<1x16x8x8xi8>,
               %p: memref<1x4x10x8xf32>, %q: memref<1x4x5x4xf32>,
               %gw: memref<4x8xi16>, %gx: memref<4x4x4xi16>, %gy: memref<2x4x4xi16>,
               %b: memref<10xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %c9 = arith.constant 9 : index
  %c10 = arith.constant 10 : index
  %arena = memref.alloc() {dma.arena} : memref<4096xi8, 1>

  scf.execute_region {
    %wbuf = memref.view %arena[%c0][] : memref<4096xi8, 1> to memref<16x27xi8, 1>
    %xbuf = memref.view %arena[%c0][] : memref<4096xi8, 1> to memref<1x3x4x10xi8, 1>
    %ybuf = memref.view %arena[%c0][] : memref<4096xi8, 1> to memref<1x16x2x8xi8, 1>
    dma.load %w, %wbuf {kind = "weights"} : memref<?x27xi8>, memref<16x27xi8, 1>
    scf.for %h = %c0 to %c8 step %c2 {
      %xt = memref.subview %x[0, 0, %h, 0] [1, 3, 4, 10] [1, 1, 1, 1]
          : memref<1x3x18x10xi8> to memref<1x3x4x10xi8, strided<[540, 180, 10, 1], offset: ?>>
      dma.load %xt, %xbuf {kind = "input"}
          : memref<1x3x4x10xi8, strided<[540, 180, 10, 1], offset: ?>>, memref<1x3x4x10xi8, 1>
      %yt = memref.subview %y[0, 0, %h, 0] [1, 16, 2, 8] [1, 1, 1, 1]
          : memref<1x16x8x8xi8> to memref<1x16x2x8xi8, strided<[1024, 64, 8, 1], offset: ?>>
      dma.store %ybuf, %yt {kind = "output"}
          : memref<1x16x2x8xi8, 1>, memref<1x16x2x8xi8, strided<[1024, 64, 8, 1], offset: ?>>
    }
    scf.for %h = %c8 to %c4 step %c1 {
      %xt = memref.subview %x[0, 0, %h, 0] [1, 3, 4, 10] [1, 1, 1, 1]
          : memref<1x3x18x10xi8> to memref<1x3x4x10xi8, strided<[540, 180, 10, 1], offset: ?>>
      dma.load %xt, %xbuf {kind = "input"}
          : memref<1x3x4x10xi8, strided<[540, 180, 10, 1], offset: ?>>, memref<1x3x4x10xi8, 1>
    }
    scf.yield
  } {cnn.layer = "conv1"}

  scf.execute_region {
    %main = memref.view %arena[%c0][] : memref<4096xi8, 1> to memref<1x1x3x8xf32, 1>
    %tail = memref.view %arena[%c0][] : memref<4096xi8, 1> to memref<1x1x1x8xf32, 1>
    %out = memref.view %arena[%c0][] : memref<4096xi8, 1> to memref<1x1x5x4xf32, 1>
    scf.for %c = %c0 to %c4 step %c1 {
      scf.for %h = %c0 to %c9 step %c3 {
        %pt = memref.subview %p[0, %c, %h, 0] [1, 1, 3, 8] [1, 1, 1, 1]
            : memref<1x4x10x8xf32> to memref<1x1x3x8xf32, strided<[320, 80, 8, 1], offset: ?>>
        dma.load %pt, %main {kind = "input"}
            : memref<1x1x3x8xf32, strided<[320, 80, 8, 1], offset: ?>>, memref<1x1x3x8xf32, 1>
      }
      scf.for %h = %c9 to %c10 step %c1 {
        %pt = memref.subview %p[0, %c, %h, 0] [1, 1, 1, 8] [1, 1, 1, 1]
            : memref<1x4x10x8xf32> to memref<1x1x1x8xf32, strided<[320, 80, 8, 1], offset: ?>>
        dma.load %pt, %tail {kind = "input"}
            : memref<1x1x1x8xf32, strided<[320, 80, 8, 1], offset: ?>>, memref<1x1x1x8xf32, 1>
      }
      %qt = memref.subview %q[0, %c, 0, 0] [1, 1, 5, 4] [1, 1, 1, 1]
          : memref<1x4x5x4xf32> to memref<1x1x5x4xf32, strided<[80, 20, 4, 1], offset: ?>>
      dma.store %out, %qt {kind = "output"}
          : memref<1x1x5x4xf32, 1>, memref<1x1x5x4xf32, strided<[80, 20, 4, 1], offset: ?>>
    }
    scf.yield
  } {cnn.layer = "pool"}

  scf.for %rep = %c0 to %c3 step %c1 {
    scf.execute_region {
      %wb = memref.view %arena[%c0][] : memref<4096xi8, 1> to memref<4x8xi16, 1>
      %xb = memref.view %arena[%c0][] : memref<4096xi8, 1> to memref<1x4x4xi16, 1>
      %yb = memref.view %arena[%c0][] : memref<4096xi8, 1> to memref<2x4x4xi16, 1>
      %tw = dma.load_async %gw, %wb {kind = "weights"}
          : memref<4x8xi16>, memref<4x8xi16, 1> -> !dma.token
      dma.wait %tw : !dma.token
      scf.for %i = %c0 to %c4 step %c1 {
        %xt = memref.subview %gx[%i, 0, 0] [1, 4, 4] [1, 1, 1]
            : memref<4x4x4xi16> to memref<1x4x4xi16, strided<[16, 4, 1], offset: ?>>
        %tx = dma.load_async %xt, %xb {kind = "input"}
            : memref<1x4x4xi16, strided<[16, 4, 1], offset: ?>>, memref<1x4x4xi16, 1> -> !dma.token
        dma.wait %tx : !dma.token
      }
      %ty = dma.store_async %yb, %gy {kind = "output"}
          : memref<2x4x4xi16, 1>, memref<2x4x4xi16> -> !dma.token
      dma.wait %ty : !dma.token
      scf.yield
    } {cnn.layer = "a", cnn.group = "g0"}
  }

  %bb = memref.view %arena[%c0][] : memref<4096xi8, 1> to memref<10xi8, 1>
  dma.load %b, %bb {kind = "weights"} : memref<10xi8>, memref<10xi8, 1>
  return
}

func.func @empty() {
  return
}

func.func private @external(memref<4xi8>)
