// U-Net at 224x224 and at 1920x1080 (padded to 1088 rows).
// RUN: cnn-zoo unet | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s
// RUN: cnn-zoo unet --resolution=1920x1080 | FileCheck %s --check-prefix=HD-IR
// RUN: cnn-zoo unet --resolution=1920x1080 | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s --check-prefix=HD

// Ronneberger et al., "U-Net: Convolutional Networks for Biomedical Image
// Segmentation", MICCAI 2015, Figure 1, with 3 input channels, 2 classes
// and padded 3x3 convolutions. The paper gives no parameter count; by hand
// (3x3 convolution C->C': 9*C*C' + C'; up-convolution 2x2 C->C/2:
// 4*C*C/2 + C/2; all with biases):
//
//   down1   3->64, 64->64:         1,792 +     36,928 =     38,720
//   down2  64->128, 128->128:     73,856 +    147,584 =    221,440
//   down3 128->256, 256->256:    295,168 +    590,080 =    885,248
//   down4 256->512, 512->512:  1,180,160 +  2,359,808 =  3,539,968
//   bottom 512->1024, 1024->1024:
//                              4,719,616 +  9,438,208 = 14,157,824
//   up4 upconv 1024->512, then 1024->512, 512->512:
//                  2,097,664 + 4,719,104 +  2,359,808 =  9,176,576
//   up3 upconv 512->256, then 512->256, 256->256:
//                    524,544 + 1,179,904 +    590,080 =  2,294,528
//   up2 upconv 256->128, then 256->128, 128->128:
//                    131,200 +   295,040 +    147,584 =    573,824
//   up1 upconv 128->64, then 128->64, 64->64:
//                     32,832 +    73,792 +     36,928 =    143,552
//   classifier 1x1 64->2:  128 + 2                    =        130
//   total                                               31,031,810
//
// MACs at 224x224: every convolution of a level runs at its size, and the
// up-convolution at the upsampled size (the resize has none):
//   down1 224^2 * 64 * (27 + 576)                    =  1,936,392,192
//   down2..down4 and bottom, each e.g. 112^2 * 128 * (576 + 1152)
//                                                 4 * 2,774,532,096
//   up4..up1, each e.g. 28^2 * 512 * (4096 + 9216 + 4608)
//                                                 4 * 7,193,231,360
//   classifier 224^2 * 2 * 64                        =      6,422,528
//   total                                              41,813,868,544
// The four up-convolutions are 28^2*512*4096 = 56^2*256*2048 = ... =
// 1,644,167,168 MACs each, counted as the paper describes them (upsampling,
// then a 2x2 convolution); a 2x2 stride-2 transposed convolution, with the
// same parameters, would need a quarter of that. Weight bytes: 31,024,960
// i8 weights + 4 * 6,850 i32 biases.

// CHECK-LABEL: footprint of @unet
// CHECK: down1/conv1 conv2d 86,704,128 1,792
// CHECK: up4/upsample resize 0 0
// CHECK: up4/upconv conv2d 1,644,167,168 2,097,664
// CHECK: up4/concat concat 0 0
// CHECK: classifier conv2d 6,422,528 130
// CHECK: softmax softmax 0 0
// CHECK: total: 36 layers, 41,813,868,544 MACs, 31,031,810 parameters, 31,052,360 weight bytes

// 1080 rows are padded to 1088 = 68 * 16. Every size then halves exactly
// as 224 does, so each layer has the same MACs per input pixel as at
// 224x224: 41,813,868,544 / 224^2 = 833,344, times 1088 * 1920 = 2,088,960
// pixels. The pad adds a layer; the output keeps the padded size.
// HD-IR: func.func @unet(%arg0: tensor<1x3x1080x1920xi8>) -> tensor<1x2x1088x1920xi8>
// HD-IR: cnn.pad %arg0 {name = "input_pad", padding = array<i64: 0, 8, 0, 0>} : tensor<1x3x1080x1920xi8> -> tensor<1x3x1088x1920xi8>
// HD: input_pad pad 0 0
// HD: total: 37 layers, 1,740,822,282,240 MACs, 31,031,810 parameters, 31,052,360 weight bytes
