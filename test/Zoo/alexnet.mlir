// AlexNet (Caffe bvlc_alexnet) at its fixed 227x227.
// RUN: cnn-zoo alexnet | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s

// Krizhevsky et al., "ImageNet Classification with Deep Convolutional Neural
// Networks", NIPS 2012, section 3.5 and Figure 2; conv2, conv4 and conv5 see
// only the 48 or 192 channels of their own GPU (groups = 2). Per layer,
// MACs = output pixels * filters * weights per filter:
//
//   layer  output   MACs                          weights      + biases
//   conv1  96x55x55 3025 * 96 * 3*11*11 = 105,415,200     34,848 +    96
//   conv2 256x27x27  729 * 256 * 48*5*5 = 223,948,800    307,200 +   256
//   conv3 384x13x13 169 * 384 * 256*3*3 = 149,520,384    884,736 +   384
//   conv4 384x13x13 169 * 384 * 192*3*3 = 112,140,288    663,552 +   384
//   conv5 256x13x13 169 * 256 * 192*3*3 =  74,760,192    442,368 +   256
//   fc6   4096      4096 * 256*6*6      =  37,748,736 37,748,736 + 4,096
//   fc7   4096      4096 * 4096         =  16,777,216 16,777,216 + 4,096
//   fc8   1000      1000 * 4096         =   4,096,000  4,096,000 + 1,000
//   total                                 724,406,816 60,954,656 + 10,568
//
// Parameters: 60,954,656 + 10,568 = 60,965,224, the Caffe model's exact
// count (the paper rounds it to "60 million"). MACs: Sze et al., "Efficient
// Processing of Deep Neural Networks: A Tutorial and Survey", Proc. IEEE
// 2017, give 724M for AlexNet: a difference of 0.06%.
// Weight bytes: i8 weights and i32 biases, 60,954,656 + 4 * 10,568.
// Pools, softmax and the omitted LRN have no MACs and no parameters.

// CHECK-LABEL: footprint of @alexnet
// CHECK: conv1 conv2d 105,415,200 34,944
// CHECK: conv2 conv2d 223,948,800 307,456
// CHECK: fc6 fully_connected 37,748,736 37,752,832
// CHECK: total: 12 layers, 724,406,816 MACs, 60,965,224 parameters, 60,996,928 weight bytes
