// MobileNet v2 (width 1.0) at 224x224, 160x160 and 1920x1080.
// RUN: cnn-zoo mobilenet_v2 | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s
// RUN: cnn-zoo mobilenet_v2 --resolution=160 | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s --check-prefix=R160
// RUN: cnn-zoo mobilenet_v2 --resolution=1920x1080 | FileCheck %s --check-prefix=HD-IR
// RUN: cnn-zoo mobilenet_v2 --resolution=1920x1080 | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s --check-prefix=HD

// Sandler et al., "MobileNetV2: Inverted Residuals and Linear Bottlenecks",
// CVPR 2018, Table 2 (architecture) and Table 4: 300M MAdds, 3.4M
// parameters. A bottleneck with C inputs, expansion t, C' outputs, input
// HxW and output H'xW' costs H*W*C*tC (expand; absent when t = 1) +
// H'*W'*tC*9 (depthwise) + H'*W'*tC*C' (project) MACs and has C*tC + tC +
// 9tC + tC + tC*C' + C' parameters. Per row of Table 2:
//
//   row                   output   MACs          params
//   Conv1 3->32 3x3/2    112x112    10,838,016        896
//   t=1 c=16  n=1 s=1    112x112    10,035,200        848
//   t=6 c=24  n=2 s=2     56x56     54,942,720     13,440
//   t=6 c=32  n=3 s=2     28x28     37,443,840     38,544
//   t=6 c=64  n=4 s=2     14x14     38,497,536    180,928
//   t=6 c=96  n=3 s=1     14x14     58,103,808    299,808
//   t=6 c=160 n=3 s=2      7x7      46,560,192    789,792
//   t=6 c=320 n=1 s=1      7x7      23,002,560    471,680
//   Conv_1 320->1280 1x1   7x7      20,070,400    410,880
//   predictions 1280->1000           1,280,000  1,281,000
//   total                          300,774,272  3,487,816
//
// e.g. row c=24: block_1 112^2*16*96 + 56^2*96*9 + 56^2*96*24 = 29,202,432
// and block_2 56^2*(24*144 + 144*9 + 144*24) = 25,740,288.
// MACs: +0.26% against 300M. Parameters: the paper's 3.4M is the first two
// digits of the 3.47M that the authors' TF-Slim release lists
// (models/research/slim/nets/mobilenet/README.md), which is our count
// without biases, 3,469,760 (-0.01%); with the 18,056 biases of the folded
// batch norms and the classifier we have 3,487,816, 0.5% below
// torchvision's 3,504,872, which holds two batch-norm parameters per
// channel instead. Weight bytes: 3,469,760 + 4 * 18,056.

// CHECK-LABEL: footprint of @mobilenet_v2
// CHECK: expanded_conv_depthwise conv2d 3,612,672 320
// CHECK: block_1_expand conv2d 19,267,584 1,632
// CHECK: block_2_add add 0 0
// CHECK: Conv_1 conv2d 20,070,400 410,880
// CHECK: total: 65 layers, 300,774,272 MACs, 3,487,816 parameters, 3,541,984 weight bytes

// The same README lists 154M MACs at 160x160: +0.05%.
// R160: total: 65 layers, 154,083,200 MACs, 3,487,816 parameters

// 1080 rows halve to 540, 270, 135, 68, 34; 41.34 times the MACs of
// 224x224 for 41.33 times the pixels.
// HD-IR: func.func @mobilenet_v2(%arg0: tensor<1x3x1080x1920xi8>) -> tensor<1x1000x1x1xi8>
// HD: Conv1 conv2d 447,897,600 896
// HD: total: 65 layers, 12,433,875,200 MACs, 3,487,816 parameters, 3,541,984 weight bytes
