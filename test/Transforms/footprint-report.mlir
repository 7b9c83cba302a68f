// RUN: cnn-opt %s --cnn-footprint-report -o /dev/null | FileCheck %s --check-prefix=TEXT
// RUN: cnn-opt %s '--cnn-footprint-report=format=json' -o /dev/null | FileCheck %s --check-prefix=JSON
// RUN: cnn-opt %s '--cnn-footprint-report=output-file=%t.json format=json' | FileCheck %s --check-prefix=IR
// RUN: FileCheck %s --check-prefix=JSON < %t.json

// Every number below is worked out by hand from the shapes (i8: 1 byte,
// i32 bias: 4 bytes per element).
//
// conv1: 3x8x8 -> 4x8x8, 3x3, pad 1: MACs 4*8*8*3*3*3 = 6,912;
//        params 4*3*3*3 + 4 = 112; bytes 108 + 4*4 = 124; in 192, out 256.
// dw:    depthwise 4x8x8 -> 4x4x4, 3x3, stride 2, pad 1:
//        MACs 4*4*4*1*3*3 = 576; params 36; bytes 36; in 256, out 64.
// pool:  max 2x2 stride 2: 4x4x4 -> 4x2x2: in 64, out 16.
// fc:    16 -> 10 with i32 bias: MACs 160; params 170; bytes 160 + 40 = 200;
//        in 16, out 10.
// prob:  softmax, in 10, out 10.
// Totals: MACs 6,912 + 576 + 160 = 7,648; params 112 + 36 + 170 = 318;
// weight bytes 124 + 36 + 200 = 360; written 256+64+16+10+10 = 356;
// read 192+256+64+16+10 = 538; largest feature map 256; largest weights 200.

// TEXT-LABEL: footprint of @tiny
// TEXT:      conv1   conv2d   6,912   112   124   192   256
// TEXT-NEXT: dw      conv2d     576    36    36   256    64
// TEXT-NEXT: pool    max_pool     0     0     0    64    16
// TEXT-NEXT: fc      fully_connected 160 170 200    16    10
// TEXT-NEXT: softmax_4 softmax    0     0     0    10    10
// TEXT-NEXT: total: 5 layers, 7,648 MACs, 318 parameters, 360 weight bytes
// TEXT-NEXT: feature maps: 356 bytes written, 538 bytes read, largest 256 bytes; largest layer weights 200 bytes
// TEXT-LABEL: footprint of @empty
// TEXT-NEXT: layer
// TEXT-NEXT: total: 0 layers, 0 MACs, 0 parameters, 0 weight bytes

// JSON:      "network": "tiny"
// JSON:      "total": {
// JSON-NEXT:   "input_bytes": 538,
// JSON-NEXT:   "largest_feature_map_bytes": 256,
// JSON-NEXT:   "largest_weight_bytes": 200,
// JSON-NEXT:   "layers": 5,
// JSON-NEXT:   "macs": 7648,
// JSON-NEXT:   "output_bytes": 356,
// JSON-NEXT:   "parameters": 318,
// JSON-NEXT:   "weight_bytes": 360
// JSON:      "network": "empty"

// The pass does not change the IR.
// IR: func.func @tiny
// IR: %conv1 = cnn.conv2d

func.func @tiny(%x: tensor<1x3x8x8xi8>) -> tensor<1x10x1x1xi8> {
  %w1 = cnn.weight : tensor<4x3x3x3xi8>
  %b1 = cnn.weight : tensor<4xi32>
  %0 = cnn.conv2d %x, %w1, %b1 {padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>, name = "conv1"}
      : (tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>, tensor<4xi32>) -> tensor<1x4x8x8xi8>
  %w2 = cnn.weight : tensor<4x1x3x3xi8>
  %1 = cnn.conv2d %0, %w2 {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, groups = 4, name = "dw"}
      : (tensor<1x4x8x8xi8>, tensor<4x1x3x3xi8>) -> tensor<1x4x4x4xi8>
  %2 = cnn.max_pool %1 {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, name = "pool"}
      : tensor<1x4x4x4xi8> -> tensor<1x4x2x2xi8>
  %w3 = cnn.weight : tensor<10x16xi8>
  %b3 = cnn.weight : tensor<10xi32>
  %3 = cnn.fully_connected %2, %w3, %b3 {name = "fc"}
      : (tensor<1x4x2x2xi8>, tensor<10x16xi8>, tensor<10xi32>) -> tensor<1x10x1x1xi8>
  %4 = cnn.softmax %3 : tensor<1x10x1x1xi8>
  return %4 : tensor<1x10x1x1xi8>
}

func.func @empty(%x: tensor<1x3x8x8xi8>) -> tensor<1x3x8x8xi8> {
  return %x : tensor<1x3x8x8xi8>
}
