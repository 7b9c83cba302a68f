// VGG16 (configuration D) at its fixed 224x224.
// RUN: cnn-zoo vgg16 | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s

// Simonyan and Zisserman, "Very Deep Convolutional Networks for Large-Scale
// Image Recognition", ICLR 2015, Table 1 column D and Table 2 ("138"
// million parameters). 3x3 convolutions with padding 1 keep the size; each
// stage ends in a 2x2 pool. Per stage (MACs = pixels * filters * C*3*3):
//
//   stage 1, 224x224: 50176 * 64 * (27 + 576)          =  1,936,392,192
//     params 1,728 + 36,864 + 2 * 64                   =         38,720
//   stage 2, 112x112: 12544 * 128 * (576 + 1152)       =  2,774,532,096
//     params 73,728 + 147,456 + 2 * 128                =        221,440
//   stage 3, 56x56:   3136 * 256 * (1152 + 2 * 2304)   =  4,624,220,160
//     params 294,912 + 2 * 589,824 + 3 * 256           =      1,475,328
//   stage 4, 28x28:   784 * 512 * (2304 + 2 * 4608)    =  4,624,220,160
//     params 1,179,648 + 2 * 2,359,296 + 3 * 512       =      5,899,776
//   stage 5, 14x14:   196 * 512 * 3 * 4608             =  1,387,266,048
//     params 3 * 2,359,296 + 3 * 512                   =      7,079,424
//   fc6 4096 * 25088, fc7 4096 * 4096, fc8 1000 * 4096 =    123,633,664
//     params 123,633,664 + 4096 + 4096 + 1000          =    123,642,856
//   total                         15,470,264,320 MACs, 138,357,544 params
//
// The parameters are exactly the published 138,357,544 (also torchvision's
// vgg16); the MACs are the usual 15.47G (Sze et al., Proc. IEEE 2017:
// 15.5G, a difference of 0.2%). Weight bytes: 138,344,128 i8 weights plus
// 13,416 i32 biases.

// CHECK-LABEL: footprint of @vgg16
// CHECK: conv1_1 conv2d 86,704,128 1,792
// CHECK: fc6 fully_connected 102,760,448 102,764,544
// CHECK: total: 22 layers, 15,470,264,320 MACs, 138,357,544 parameters, 138,397,792 weight bytes
