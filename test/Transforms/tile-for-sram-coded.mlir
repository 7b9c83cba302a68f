// RUN: cnn-opt %s --tile-for-sram=28 | FileCheck %s
// RUN: cnn-opt %s --tile-for-sram=18 | FileCheck %s --check-prefix=RAW

// Coded weights (channels listed): a tile is whole output channels and
// holds their exact bytes. Fully connected 8 -> 6, i8, no bias, channels of
// 2, 2, 10, 10, 2, 2 bytes (28). tc = c = 8; the buffer is 8 input bytes +
// the largest tile of tm channels + tm output bytes:
//   tm = 6: 28      -> 42
//   tm = 3: 14, 14  -> 25
//   tm = 2: 4, 20, 4 -> 30
//   tm = 1: 10      -> 19
// At 28 bytes tm = 3 fits although tm = 2 does not (the largest tile does
// not grow with tm). Traffic: the input once (8), every channel once (28),
// the output (6).

// At 18 bytes no tile of whole coded channels fits (one channel needs
// 8 + 10 + 1 = 19), so the layer reads its weights raw, in any tiles: the
// best raw tiling keeps tc = 8 (split input channels would need 4-byte
// partial sums and reload the input per output tile): tm = 1 needs
// 8 + 8 + 1 = 17 bytes; the input loads once (8), every raw weight once
// (48), the output (6).
// RAW: cnn.tiling = #cnn.tiling<tm = 1, te = 1, tf = 1, tc = 8, order = mef, buffer = 17, raw_weights = true>
// RAW-SAME: cnn.traffic = #cnn.traffic<input = 8, weights = 48, output = 6>

// CHECK-LABEL: func.func @coded
// CHECK: cnn.tiling = #cnn.tiling<tm = 3, te = 1, tf = 1, tc = 8, order = mef, buffer = 25>
// CHECK-SAME: cnn.traffic = #cnn.traffic<input = 8, weights = 28, output = 6>
func.func @coded(%x: tensor<1x2x2x2xi8>) -> tensor<1x6x1x1xi8> {
  %w = cnn.weight {cnn.compression = #cnn.compression<bytes = 28, scheme = "zrl-rice", channels = [2, 2, 10, 10, 2, 2]>} : tensor<6x8xi8>
  %y = cnn.fully_connected %x, %w
      : (tensor<1x2x2x2xi8>, tensor<6x8xi8>) -> tensor<1x6x1x1xi8>
  return %y : tensor<1x6x1x1xi8>
}
