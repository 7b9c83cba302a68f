// RUN: cnn-opt %s '--cnn-tile-for-sram=sram=1048576 fm-percent=50' --merge-layers --cnn-traffic-report -o /dev/null | FileCheck %s
// RUN: cnn-opt %s '--cnn-tile-for-sram=sram=1048576 fm-percent=50' | FileCheck %s --check-prefix=IR
// RUN: cnn-opt %s --tile-for-sram=1048576 | FileCheck %s --check-prefix=OFF

// Feature-map compression is off by default; with fm-percent=50 the
// feature maps that cross DRAM take half their bytes, the weights are
// unchanged. One 3x3 convolution 4 -> 4 on 8x8 i8 with everything on
// chip: input 256 -> 128, weights 144, output 256 -> 128.
// Then a 3x3 max pool (pad 1): input 128, output 128. Merged at 1 MiB:
// x once (128) + weights 144 + pool output (128) = 400 bytes; without
// compression (raw feature maps): 256 + 144 + 256 = 656.

// IR: module attributes {cnn.target = #cnn.target<sram = 1048576, fm_percent = 50>}
// IR: cnn.traffic = #cnn.traffic<input = 128, weights = 144, output = 128>
// OFF: module attributes {cnn.target = #cnn.target<sram = 1048576>}
// OFF: cnn.traffic = #cnn.traffic<input = 256, weights = 144, output = 256>

// CHECK: group_0 rows {{.*}} 128 144 128 400 2: conv .. pool
// CHECK: without compression (raw weights and feature maps): 656 bytes; with: 400 bytes

func.func @f(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
  %w = cnn.weight : tensor<4x4x3x3xi8>
  %y = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>, name = "conv"}
      : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  %p = cnn.max_pool %y {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, name = "pool"}
      : tensor<1x4x8x8xi8> -> tensor<1x4x8x8xi8>
  return %p : tensor<1x4x8x8xi8>
}
