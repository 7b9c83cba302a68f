// RUN: cnn-sweep %s --sram=21,22,511,512 --strategies=tiling,merging,merging+compression --compression-ratio=0.5 --pj-per-mac=1000 --pj-per-bit=1000 --quiet | FileCheck %s

// The chain of test/Transforms/merge-layers-chain.mlir: two 3x3
// convolutions (pad 1) on 4x8x8 i8, no bias, x -> a -> b; 144 weight bytes
// each. Every number below is worked out by hand.
//
// Floor: weights once (288) + x read once (256) + b written once (256) =
// 800 bytes, 544 of them feature maps. With weights at half their size
// (declared ratio 0.5: ceil(0.5 * 144) = 72 each): 144 + 512 = 656.
//
// Smallest SRAM of a layer (docs/CostModel.md): one output element with
// tc = 1: 9 input bytes, 9 weight bytes and a 4-byte partial sum = 22.
// At 21 bytes no layer fits: the message names the first of the two.
// With compressed weights the weight tile is ceil(1/4 * 1/4 * 72) = 5
// bytes, so 18 bytes suffice and the point at 21 is feasible.
//
// Alone, each layer moves 256 + 144 + 256 = 656 bytes at 511 and 512: the
// tile search finds a tiling without reloads (test/Transforms/
// merge-layers-chain.mlir). Tiling: 1,312 = 288 weights + 1,024 feature maps.
//
// Merged (mode rows): line buffers 224 bytes + weights 288 = 512 bytes, so
// the group forms at 512 and moves the floor, 800 bytes; at 511 it does
// not (mode resident needs 548) and merging equals tiling. With
// compressed weights the group needs 224 + 144 = 368 bytes and forms at
// both sizes: 144 + 512 = 656 bytes, the compressed floor.
//
// Energy at 1000 pJ per MAC and per bit: MACs = 2 * 4*8*8 * 4*9 = 18,432
// -> 18.432 uJ; 288 weight bytes -> 288 * 8 * 1000 pJ = 2.304 uJ; 512
// feature-map bytes -> 4.096 uJ; 1,024 -> 8.192 uJ; 144 -> 1.152 uJ.
//
// Latency on the default target (256 MACs and 8 DRAM bytes per cycle,
// 800 MHz, no overlap: cycles = compute + DMA): 18,432 / 256 = 72 compute
// cycles. 1,312 bytes / 8 = 164 DMA cycles -> 236 cycles = 0.000295 ms
// (0.0003 to four places), 800e6 / 236 = 3,389,830.51 inferences/s; 800
// bytes -> 100 + 72 = 172 cycles, 0.000215 ms, 4,651,162.79/s; 656 bytes ->
// 82 + 72 = 154 cycles, 0.0001925 ms, 5,194,805.19/s. DMA takes longer
// than compute in every point: DMA-bound.

// CHECK: model,sram_bytes,strategy,status,macs,weight_bytes,fm_bytes,total_bytes,floor_weight_bytes,floor_fm_bytes,floor_bytes,groups,layers,mac_energy_uj,weight_energy_uj,fm_energy_uj,energy_uj,pj_per_mac,pj_per_bit,target,dram_bytes_per_cycle,macs_per_cycle,clock_mhz,dma_align_bytes,dma_overlap,compute_cycles,dma_cycles,cycles,latency_ms,inferences_per_s,bound,message
// CHECK-NEXT: chain,21,tiling,infeasible,18432,,,,288,512,800,,2,,,,,1000,1000,default,8,256,800,1,false,,,,,,,layer 'a' needs at least 22 bytes of SRAM (2 layers do not fit)
// CHECK-NEXT: chain,21,merging,infeasible,18432,,,,288,512,800,,2,,,,,1000,1000,default,8,256,800,1,false,,,,,,,layer 'a' needs at least 22 bytes of SRAM (2 layers do not fit)
// CHECK-NEXT: chain,21,merging+compression,ok,18432,
// CHECK-NEXT: chain,22,tiling,ok,18432,
// CHECK-NEXT: chain,22,merging,ok,18432,
// CHECK-NEXT: chain,22,merging+compression,ok,18432,
// CHECK-NEXT: chain,511,tiling,ok,18432,288,1024,1312,288,512,800,0,2,18.432,2.304,8.192,28.928,1000,1000,default,8,256,800,1,false,72,164,236,0.0003,3389830.51,dma,{{$}}
// CHECK-NEXT: chain,511,merging,ok,18432,288,1024,1312,288,512,800,0,2,18.432,2.304,8.192,28.928,1000,1000,default,8,256,800,1,false,72,164,236,0.0003,3389830.51,dma,{{$}}
// CHECK-NEXT: chain,511,merging+compression,ok,18432,144,512,656,144,512,656,1,2,18.432,1.152,4.096,23.680,1000,1000,default,8,256,800,1,false,72,82,154,0.0002,5194805.19,dma,{{$}}
// CHECK-NEXT: chain,512,tiling,ok,18432,288,1024,1312,288,512,800,0,2,18.432,2.304,8.192,28.928,1000,1000,default,8,256,800,1,false,72,164,236,0.0003,3389830.51,dma,{{$}}
// CHECK-NEXT: chain,512,merging,ok,18432,288,512,800,288,512,800,1,2,18.432,2.304,4.096,24.832,1000,1000,default,8,256,800,1,false,72,100,172,0.0002,4651162.79,dma,{{$}}
// CHECK-NEXT: chain,512,merging+compression,ok,18432,144,512,656,144,512,656,1,2,18.432,1.152,4.096,23.680,1000,1000,default,8,256,800,1,false,72,82,154,0.0002,5194805.19,dma,{{$}}
// CHECK-NOT: chain

func.func @chain(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
  %w1 = cnn.weight : tensor<4x4x3x3xi8>
  %w2 = cnn.weight : tensor<4x4x3x3xi8>
  %a = cnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>, name = "a"}
      : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  %b = cnn.conv2d %a, %w2 {padding = array<i64: 1, 1, 1, 1>, name = "b"}
      : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  return %b : tensor<1x4x8x8xi8>
}
