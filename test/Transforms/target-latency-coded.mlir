// RUN: cnn-opt %s "--target=%S/Inputs/latency-target.json,sram_bytes=64,dma_align_bytes=1" --merge-layers | FileCheck %s

// Hand-worked cycles of a resident group whose coded weights differ from
// channel to channel, on the target of Inputs/latency-target.json with
// 1-byte bursts (2 DRAM bytes and 4 MACs per cycle; under overlap each
// step takes the larger of its compute and DMA cycles). As @wide in
// target-latency-groups.mlir: two 1x1 convolutions 16 -> 16 -> 16 on 1x1
// maps, but with coded weights: a's channel 0 takes 16 bytes and the 15
// others 2 each (46), b's channels 4 bytes each (64). Mode rows would keep
// all 110 weight bytes: no. Mode resident keeps x, a and b whole (16 bytes
// each) and two copies of the largest coded channel: 16 + 16 + 2 * 16 =
// 64 at layer a. Each step computes one output channel (16 MACs, 4 cycles)
// while the next channel's exact bytes load:
//   x loads (16 bytes)                                  -> 8
//   a: channel 0 (16 bytes) 8, then 15 x max(4, 2 / 2 = 1), then the last
//      channel 4                                        = 72
//   b: channel 0 (4 bytes) 2, then 15 x max(4, 2), then 4 = 66
//   b stores (16 bytes)                                 -> 8
// compute 2 * 256 / 4 = 128; DMA (16 + 46 + 64 + 16) / 2 = 71; estimate
// 8 + 72 + 66 + 8 = 154. (Proportional shares, ceil(46 / 16) = 3 bytes a
// channel, would give a different DMA total: 16 + 48 + 64 + 16.)
// CHECK-LABEL: func.func @coded
// CHECK: mode = #cnn.fusion_mode<resident>
// CHECK-SAME: cnn.cycles = #cnn.cycles<compute = 128, dma = 71, estimated = 154>
// CHECK-SAME: cnn.traffic = #cnn.traffic<input = 16, weights = 110, output = 16>

func.func @coded(%x: tensor<1x16x1x1xi8>) -> tensor<1x16x1x1xi8> {
  %wa = cnn.weight {cnn.compression = #cnn.compression<bytes = 46, scheme = "zrl-rice", channels = [16, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]>} : tensor<16x16x1x1xi8>
  %a = cnn.conv2d %x, %wa {name = "a"} : (tensor<1x16x1x1xi8>, tensor<16x16x1x1xi8>) -> tensor<1x16x1x1xi8>
  %wb = cnn.weight {cnn.compression = #cnn.compression<bytes = 64, scheme = "zrl-rice", channels = [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]>} : tensor<16x16x1x1xi8>
  %b = cnn.conv2d %a, %wb {name = "b"} : (tensor<1x16x1x1xi8>, tensor<16x16x1x1xi8>) -> tensor<1x16x1x1xi8>
  return %b : tensor<1x16x1x1xi8>
}
