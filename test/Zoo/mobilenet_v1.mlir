// MobileNet v1 (width 1.0) at 224x224 and at 1920x1080.
// RUN: cnn-zoo mobilenet_v1 | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s
// RUN: cnn-zoo mobilenet_v1 --resolution=1920x1080 | FileCheck %s --check-prefix=HD-IR
// RUN: cnn-zoo mobilenet_v1 --resolution=1920x1080 | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s --check-prefix=HD

// Howard et al., "MobileNets: Efficient Convolutional Neural Networks for
// Mobile Vision Applications", 2017, Table 1; Table 8: 1.0 MobileNet-224,
// 569 million mult-adds, 4.2 million parameters. A separable block with C
// inputs and C' outputs at size HxW costs H*W*C*9 (depthwise) + H*W*C*C'
// (pointwise) MACs and has 9C + C + C*C' + C' parameters (biases from the
// folded batch norms):
//
//   Conv2d_0     112x112 3->32, 3x3/2: 12544*27*32 =  10,838,016      896
//   block 1      112x112  32->64       12544*(288 + 2048) = 29,302,784   2,432
//   block 2 /2    56x56   64->128      3136*(576 + 8192)  = 27,496,448   8,960
//   block 3       56x56  128->128      3136*(1152 + 16384) = 54,992,896 17,792
//   block 4 /2    28x28  128->256      784*(1152 + 32768)  = 26,593,280 34,304
//   block 5       28x28  256->256      784*(2304 + 65536)  = 53,186,560 68,352
//   block 6 /2    14x14  256->512      196*(2304 + 131072) = 26,141,696 134,144
//   blocks 7-11   14x14  512->512   5 * 196*(4608 + 262144) = 261,416,960
//                                                       5 * 267,776 = 1,338,880
//   block 12 /2    7x7   512->1024     49*(4608 + 524288)  = 25,915,904 530,432
//   block 13       7x7  1024->1024     49*(9216 + 1048576) = 51,831,808
//                                                                 1,059,840
//   Logits        1024->1000           1,024,000 MACs, 1,025,000 params
//   total                        568,740,352 MACs, 4,221,032 params
//
// Against the paper: 568,740,352 / 569M is -0.05%; 4,221,032 / 4.2M is
// +0.5% (the TF-Slim release lists 4.24M with its 1001-class head: -0.4%).
// Weight bytes: 4,209,088 i8 weights + 4 * 11,944 i32 biases.

// CHECK-LABEL: footprint of @mobilenet_v1
// CHECK: Conv2d_0 conv2d 10,838,016 896
// CHECK: Conv2d_1_depthwise conv2d 3,612,672 320
// CHECK: Conv2d_1_pointwise conv2d 25,690,112 2,112
// CHECK: total: 30 layers, 568,740,352 MACs, 4,221,032 parameters, 4,256,864 weight bytes

// 1080 rows halve to 540, 270, 135, 68, 34: 23.57G MACs, 41.45 times as
// many as at 224x224 for 41.33 times the pixels.
// HD-IR: func.func @mobilenet_v1(%arg0: tensor<1x3x1080x1920xi8>) -> tensor<1x1000x1x1xi8>
// HD: Conv2d_0 conv2d 447,897,600 896
// HD: total: 30 layers, 23,574,599,680 MACs, 4,221,032 parameters, 4,256,864 weight bytes
