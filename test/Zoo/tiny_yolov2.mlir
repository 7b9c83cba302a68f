// Tiny YOLOv2 (VOC) at 224x224, at Darknet's 416x416 and at 1920x1080.
// RUN: cnn-zoo tiny_yolov2 | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s
// RUN: cnn-zoo tiny_yolov2 --resolution=416x416 | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s --check-prefix=R416
// RUN: cnn-zoo tiny_yolov2 --resolution=1920x1080 | FileCheck %s --check-prefix=HD-IR
// RUN: cnn-zoo tiny_yolov2 --resolution=1920x1080 | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s --check-prefix=HD

// Redmon and Farhadi, "YOLO9000: Better, Faster, Stronger", CVPR 2017;
// Darknet's cfg/yolov2-tiny-voc.cfg. Nine convolutions (3x3 pad 1 except
// the last, 1x1), five 2x2/2 max pools and one 2x2/1 max pool. At 416x416,
// layer by layer (MACs = pixels * filters * C*R*S; params weights + biases):
//
//   conv0   416^2 * 16 * 27         =    74,760,192        432 +    16
//   conv2   208^2 * 32 * 144        =   199,360,512      4,608 +    32
//   conv4   104^2 * 64 * 288        =   199,360,512     18,432 +    64
//   conv6    52^2 * 128 * 576       =   199,360,512     73,728 +   128
//   conv8    26^2 * 256 * 1152      =   199,360,512    294,912 +   256
//   conv10   13^2 * 512 * 2304      =   199,360,512  1,179,648 +   512
//   conv12   13^2 * 1024 * 4608     =   797,442,048  4,718,592 + 1,024
//   conv13   13^2 * 1024 * 9216     = 1,594,884,096  9,437,184 + 1,024
//   conv14   13^2 * 125 * 1024      =    21,632,000    128,000 +   125
//   total                             3,485,520,896 15,855,536 + 3,181
//
// Darknet prints "6.97 BFLOPs" for this network at 416x416, two FLOPs per
// MAC: 2 * 3,485,520,896 = 6,971,041,792, exactly. Parameters: 15,858,717
// (each batch norm folded into a bias). Weight bytes at 416x416 or any
// size: 15,855,536 + 4 * 3,181.
//
// At the zoo's default 224x224 the grid is 7x7 instead of 13x13:
//   224^2*16*27 + 5 * 57,802,752 (conv2..conv10, e.g. 112^2*32*144)
//   + 49*1024*(4608 + 9216) + 49*125*1024 = 1,010,594,816.

// CHECK-LABEL: footprint of @tiny_yolov2
// CHECK: conv0 conv2d 21,676,032 448
// CHECK: total: 15 layers, 1,010,594,816 MACs, 15,858,717 parameters, 15,868,260 weight bytes

// R416-LABEL: footprint of @tiny_yolov2
// R416: conv0 conv2d 74,760,192 448
// R416: maxpool11 max_pool 0 0 0 86,528 86,528
// R416: conv13 conv2d 1,594,884,096 9,438,208
// R416: total: 15 layers, 3,485,520,896 MACs, 15,858,717 parameters, 15,868,260 weight bytes

// 1920x1080: the pools round odd sizes up as Darknet does (135 -> 68 rows),
// giving a 34x60 grid of 125 channels.
// HD-IR: func.func @tiny_yolov2(%arg0: tensor<1x3x1080x1920xi8>) -> tensor<1x125x34x60xi8>
// HD: conv0 conv2d 895,795,200 448
// HD: total: 15 layers, 42,014,023,680 MACs, 15,858,717 parameters, 15,868,260 weight bytes
