// Tiny YOLOv2 for VOC (Redmon and Farhadi 2017), yolov2-tiny-voc.cfg
// cnn-zoo tiny_yolov2: 224x224 (width x height), i8, shape-only weights
module {
  func.func @tiny_yolov2(%arg0: tensor<1x3x224x224xi8>) -> tensor<1x125x7x7xi8> {
    %0 = cnn.weight : tensor<16x3x3x3xi8>
    %1 = cnn.weight : tensor<16xi32>
    %conv0 = cnn.conv2d %arg0, %0, %1 {activation = #cnn.activation<relu>, name = "conv0", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x3x224x224xi8>, tensor<16x3x3x3xi8>, tensor<16xi32>) -> tensor<1x16x224x224xi8>
    %maxpool1 = cnn.max_pool %conv0 {kernel = array<i64: 2, 2>, name = "maxpool1", strides = array<i64: 2, 2>} : tensor<1x16x224x224xi8> -> tensor<1x16x112x112xi8>
    %2 = cnn.weight : tensor<32x16x3x3xi8>
    %3 = cnn.weight : tensor<32xi32>
    %conv2 = cnn.conv2d %maxpool1, %2, %3 {activation = #cnn.activation<relu>, name = "conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x16x112x112xi8>, tensor<32x16x3x3xi8>, tensor<32xi32>) -> tensor<1x32x112x112xi8>
    %maxpool3 = cnn.max_pool %conv2 {kernel = array<i64: 2, 2>, name = "maxpool3", strides = array<i64: 2, 2>} : tensor<1x32x112x112xi8> -> tensor<1x32x56x56xi8>
    %4 = cnn.weight : tensor<64x32x3x3xi8>
    %5 = cnn.weight : tensor<64xi32>
    %conv4 = cnn.conv2d %maxpool3, %4, %5 {activation = #cnn.activation<relu>, name = "conv4", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x32x56x56xi8>, tensor<64x32x3x3xi8>, tensor<64xi32>) -> tensor<1x64x56x56xi8>
    %maxpool5 = cnn.max_pool %conv4 {kernel = array<i64: 2, 2>, name = "maxpool5", strides = array<i64: 2, 2>} : tensor<1x64x56x56xi8> -> tensor<1x64x28x28xi8>
    %6 = cnn.weight : tensor<128x64x3x3xi8>
    %7 = cnn.weight : tensor<128xi32>
    %conv6 = cnn.conv2d %maxpool5, %6, %7 {activation = #cnn.activation<relu>, name = "conv6", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x64x28x28xi8>, tensor<128x64x3x3xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %maxpool7 = cnn.max_pool %conv6 {kernel = array<i64: 2, 2>, name = "maxpool7", strides = array<i64: 2, 2>} : tensor<1x128x28x28xi8> -> tensor<1x128x14x14xi8>
    %8 = cnn.weight : tensor<256x128x3x3xi8>
    %9 = cnn.weight : tensor<256xi32>
    %conv8 = cnn.conv2d %maxpool7, %8, %9 {activation = #cnn.activation<relu>, name = "conv8", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<256x128x3x3xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %maxpool9 = cnn.max_pool %conv8 {kernel = array<i64: 2, 2>, name = "maxpool9", strides = array<i64: 2, 2>} : tensor<1x256x14x14xi8> -> tensor<1x256x7x7xi8>
    %10 = cnn.weight : tensor<512x256x3x3xi8>
    %11 = cnn.weight : tensor<512xi32>
    %conv10 = cnn.conv2d %maxpool9, %10, %11 {activation = #cnn.activation<relu>, name = "conv10", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x7x7xi8>, tensor<512x256x3x3xi8>, tensor<512xi32>) -> tensor<1x512x7x7xi8>
    %maxpool11 = cnn.max_pool %conv10 {kernel = array<i64: 2, 2>, name = "maxpool11", padding = array<i64: 0, 1, 0, 1>} : tensor<1x512x7x7xi8> -> tensor<1x512x7x7xi8>
    %12 = cnn.weight : tensor<1024x512x3x3xi8>
    %13 = cnn.weight : tensor<1024xi32>
    %conv12 = cnn.conv2d %maxpool11, %12, %13 {activation = #cnn.activation<relu>, name = "conv12", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x7x7xi8>, tensor<1024x512x3x3xi8>, tensor<1024xi32>) -> tensor<1x1024x7x7xi8>
    %14 = cnn.weight : tensor<1024x1024x3x3xi8>
    %15 = cnn.weight : tensor<1024xi32>
    %conv13 = cnn.conv2d %conv12, %14, %15 {activation = #cnn.activation<relu>, name = "conv13", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x1024x7x7xi8>, tensor<1024x1024x3x3xi8>, tensor<1024xi32>) -> tensor<1x1024x7x7xi8>
    %16 = cnn.weight : tensor<125x1024x1x1xi8>
    %17 = cnn.weight : tensor<125xi32>
    %conv14 = cnn.conv2d %conv13, %16, %17 {name = "conv14"} : (tensor<1x1024x7x7xi8>, tensor<125x1024x1x1xi8>, tensor<125xi32>) -> tensor<1x125x7x7xi8>
    return %conv14 : tensor<1x125x7x7xi8>
  }
}
