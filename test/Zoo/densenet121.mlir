// DenseNet-121 at 224x224 and at 1920x1080.
// RUN: cnn-zoo densenet121 | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s
// RUN: cnn-zoo densenet121 --resolution=1920x1080 | FileCheck %s --check-prefix=HD-IR
// RUN: cnn-zoo densenet121 --resolution=1920x1080 | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s --check-prefix=HD

// Huang et al., "Densely Connected Convolutional Networks", CVPR 2017,
// Table 1, DenseNet-121 (k = 32). Dense layer l of a block whose input has
// c0 channels reads c0 + 32(l-1) channels; at HxW it costs
// H*W*128*(its input channels) (1x1 bottleneck) + H*W*32*128*9 (3x3) MACs
// and has 128*(input channels) + 128 + 36,864 + 32 parameters. With S the
// sum of a block's input channels, n its layers:
//
//   conv0 7x7/2 3->64, 112x112:  12544*64*147  = 118,013,952      9,472
//   block 1, 56x56, c0 64,  n 6,  S = 6*64 + 32*15 = 864:
//     3136*(128*864 + 6*36,864)                = 1,040,449,536  332,736
//   transition 1, 256->128 at 56x56: 3136*32,768 = 102,760,448   32,896
//   block 2, 28x28, c0 128, n 12, S = 12*128 + 32*66 = 3,648:
//     784*(128*3,648 + 12*36,864)               =  712,900,608  911,232
//   transition 2, 512->256 at 28x28: 784*131,072 = 102,760,448  131,328
//   block 3, 14x14, c0 256, n 24, S = 24*256 + 32*276 = 14,976:
//     196*(128*14,976 + 24*36,864)              =  549,126,144 2,805,504
//   transition 3, 1024->512 at 14x14: 196*524,288 = 102,760,448 524,800
//   block 4, 7x7, c0 512, n 16, S = 16*512 + 32*120 = 12,032:
//     49*(128*12,032 + 16*36,864)               =  104,366,080 2,132,480
//   classifier 1024->1000                       =    1,024,000 1,025,000
//   total                           2,834,161,664 MACs, 7,905,448 params
//
// (block parameters: 128*S + n*37,024.) The MACs are exactly those of
// torchvision's densenet121 convolutions and classifier, counted layer by
// layer; the often quoted 2.87 GMACs also counts the batch norms, ReLUs and
// pools (about 48M element operations), which are not multiply-accumulates.
// Parameters: torchvision's 7,978,856 hold two batch-norm parameters for
// each of 41,824 channels (every convolution's input, and norm5); the
// post-activation form has one bias for each of the 10,240 output channels
// of a convolution instead: 7,978,856 - 83,648 + 10,240 = 7,905,448, 0.92%
// fewer. Weight bytes: 7,894,208 i8 weights + 4 * 11,240 i32 biases.

// CHECK-LABEL: footprint of @densenet121
// CHECK: conv0 conv2d 118,013,952 9,472
// CHECK: denseblock1/denselayer1/conv1 conv2d 25,690,112 8,320
// CHECK: denseblock1/denselayer1/concat concat 0 0
// CHECK: transition3/pool avg_pool 0 0
// CHECK: denseblock4/denselayer16/conv2 conv2d 1,806,336 36,896
// CHECK: total: 185 layers, 2,834,161,664 MACs, 7,905,448 parameters, 7,939,168 weight bytes

// 1080 rows: 540, 270 in block 1, then 135, 67, 33 (the transitions' 2x2
// pools round down); 41.21 times the MACs for 41.33 times the pixels.
// HD-IR: func.func @densenet121(%arg0: tensor<1x3x1080x1920xi8>) -> tensor<1x1000x1x1xi8>
// HD: conv0 conv2d 4,877,107,200 9,472
// HD: total: 185 layers, 116,789,370,880 MACs, 7,905,448 parameters, 7,939,168 weight bytes
