// RUN: cnn-opt %s --tile-for-sram=200 --cnn-traffic-report -o /dev/null | FileCheck %s --check-prefix=TEXT
// RUN: cnn-opt %s --tile-for-sram=200 '--cnn-traffic-report=format=json' -o /dev/null | FileCheck %s --check-prefix=JSON
// RUN: cnn-opt %s --tile-for-sram=200 '--cnn-traffic-report=pj-per-mac=2 pj-per-bit=1' -o /dev/null | FileCheck %s --check-prefix=ENERGY
// RUN: not cnn-opt %s --tile-for-sram=4096 '--cnn-traffic-report=pj-per-bit=-1' 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// RUN: not cnn-opt %s --tile-for-sram=4096 '--cnn-traffic-report=pj-per-mac=nan format=json' 2>&1 | FileCheck %s --check-prefix=NAN
// RUN: not cnn-opt %s --tile-for-sram=4096 '--cnn-traffic-report=pj-per-bit=1e308 format=json' 2>&1 | FileCheck %s --check-prefix=HUGE

// Energy figures are checked where they are read: a negative, not-a-number
// or huge figure would make the report's energies invalid JSON (nan, inf).
// NEGATIVE: error: energy figures must be between 0 and 1e6 pJ (pj-per-mac 1.00, pj-per-bit -1.00)
// NAN: error: energy figures must be between 0 and 1e6 pJ (pj-per-mac nan
// NAN-NOT: "energy_pj"
// HUGE: error: energy figures must be between 0 and 1e6 pJ (pj-per-mac 1.00, pj-per-bit 1
// HUGE-NOT: "energy_pj"

// The layers of @mixed in tile-for-sram.mlir, whose tilings at 200 bytes
// are worked out there: depthwise 128 + 72 + 128, pool 128 + 0 + 32,
// fully connected 32 + 360 + 10, add 20 + 0 + 10, concat 0.
// Totals: input 128+128+32+20 = 308; weights 72+360 = 432; output
// 128+32+10+10 = 180; all 920 bytes. MACs: depthwise 8*4*4*9 = 1,152, fully
// connected 10*32 = 320; 1,472 in all.
// Energy at 1 pJ/MAC and 10 pJ/bit: 1,472 + 8*920*10 = 75,072 pJ
// = 0.075 uJ (MACs 0.001, DRAM 0.074). At 2 pJ/MAC and 1 pJ/bit:
// 2,944 + 7,360 = 10,304 pJ.
//
// Latency on the default target: 256 MACs and 8 DRAM bytes per cycle at
// 800 MHz, DMA not overlapping compute, so a layer takes its compute
// cycles plus its DMA cycles, each count rounded up to a whole cycle:
//   dw:    1,152 / 256 = 4.5 -> 5;  328 / 8 = 41;    4.5 + 41 = 45.5 -> 46
//   pool:  0;                       160 / 8 = 20;    20
//   fc:    320 / 256 = 1.25 -> 2;   402 / 8 = 50.25 -> 51; 51.5 -> 52
//   add_3: 0;                       30 / 8 = 3.75 -> 4;    4
//   concat_4: nothing moves: 0 cycles, no bound.
// Layers run one after another: 7 compute, 116 DMA, 122 cycles; DMA is the
// larger part everywhere. 122 cycles at 800 MHz = 152.5 ns, 800e6 / 122 =
// 6,557,377.05 inferences/s. 20 cycles = 25 ns, 52 = 65 ns, 4 = 5 ns.

// TEXT-LABEL: traffic of @mixed at SRAM 200 bytes
// The last columns are the weight bytes, raw and stored (no compression
// here): depthwise 8*9 = 72, fully connected 320 + 40 (i32 bias) = 360.
// TEXT:      dw    conv2d          1,152   128    72   128   328   0.027    72    72  tm=4 te=4 tf=4 tc=4 mef
// TEXT-NEXT: pool  max_pool            0   128     0    32   160   0.013     0     0  tm=8 te=2 tf=2 tc=8 mef
// TEXT-NEXT: fc    fully_connected   320    32   360    10   402   0.032   360   360  tm=4 te=1 tf=1 tc=32 mef
// TEXT-NEXT: add_3 add                 0    20     0    10    30   0.002     0     0  -
// TEXT-NEXT: concat_4 concat           0     0     0     0     0   0.000     0     0  -
// TEXT-NEXT: total               1,472   308   432   180   920   0.075   432   432
// TEXT-NEXT: weights: raw 432 bytes, stored 432 bytes (100.0%)
// TEXT-NEXT: DRAM traffic 920 bytes (read 740, written 180); energy 0.075 uJ = MACs 0.001 + DRAM 0.074 (1 pJ/MAC, 10 pJ/bit)
// TEXT-NEXT: latency on target default (800 MHz, 256 MACs/cycle, 8 DRAM bytes/cycle, DMA burst 1 B, DMA does not overlap compute)
// TEXT-NEXT: layer / group   compute cycles   DMA cycles   cycles   time   bound
// TEXT-NEXT: dw         5    41    46  0.05{{[78]}} us  dma
// TEXT-NEXT: pool       0    20    20  0.025 us  dma
// TEXT-NEXT: fc         2    51    52  0.065 us  dma
// TEXT-NEXT: add_3      0     4     4  0.005 us  dma
// TEXT-NEXT: concat_4   0     0     0  0.000 us  -
// TEXT-NEXT: total      7   116   122  0.15{{[23]}} us  dma
// TEXT-NEXT: latency 122 cycles = 0.15{{[23]}} us at 800 MHz, 6557377.05 inferences/s; dma-bound (compute 7 cycles, DMA 116 cycles)

// JSON:      "network": "mixed"
// JSON:      "sram_bytes": 200,
// JSON:      "total": {
// JSON-NEXT:   "dram_energy_pj": 73600,
// JSON-NEXT:   "energy_pj": 75072,
// JSON-NEXT:   "latency": {
// JSON-NEXT:     "bound": "dma",
// JSON-NEXT:     "compute_cycles": 7,
// JSON-NEXT:     "cycles": 122,
// JSON-NEXT:     "dma_cycles": 116,
// JSON-NEXT:     "inferences_per_second": 6557377.04{{[0-9]*}},
// JSON-NEXT:     "seconds": 1.525e-07
// JSON-NEXT:   },
// JSON-NEXT:   "mac_energy_pj": 1472,
// JSON-NEXT:   "macs": 1472,
// JSON-NEXT:   "raw_weight_bytes": 432,
// JSON-NEXT:   "read_input_bytes": 308,
// JSON-NEXT:   "read_weight_bytes": 432,
// JSON-NEXT:   "stored_weight_bytes": 432,
// JSON-NEXT:   "total_bytes": 920,
// JSON-NEXT:   "write_output_bytes": 180

// ENERGY: energy 0.010 uJ = MACs 0.003 + DRAM 0.007 (2 pJ/MAC, 1 pJ/bit)

func.func @mixed(%x: tensor<1x8x4x4xi8>) -> tensor<1x20x1x1xi8> {
  %w = cnn.weight : tensor<8x1x3x3xi8>
  %0 = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>, groups = 8, name = "dw"}
      : (tensor<1x8x4x4xi8>, tensor<8x1x3x3xi8>) -> tensor<1x8x4x4xi8>
  %1 = cnn.max_pool %0 {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, name = "pool"}
      : tensor<1x8x4x4xi8> -> tensor<1x8x2x2xi8>
  %fw = cnn.weight : tensor<10x32xi8>
  %fb = cnn.weight : tensor<10xi32>
  %2 = cnn.fully_connected %1, %fw, %fb {name = "fc"}
      : (tensor<1x8x2x2xi8>, tensor<10x32xi8>, tensor<10xi32>) -> tensor<1x10x1x1xi8>
  %3 = cnn.add %2, %2 : tensor<1x10x1x1xi8>
  %4 = cnn.concat %3, %2 : (tensor<1x10x1x1xi8>, tensor<1x10x1x1xi8>) -> tensor<1x20x1x1xi8>
  return %4 : tensor<1x20x1x1xi8>
}
