// VGG16, configuration D (Simonyan and Zisserman 2014)
// cnn-zoo vgg16: 224x224 (width x height), i8, shape-only weights
module {
  func.func @vgg16(%arg0: tensor<1x3x224x224xi8>) -> tensor<1x1000x1x1xi8> {
    %0 = cnn.weight : tensor<64x3x3x3xi8>
    %1 = cnn.weight : tensor<64xi32>
    %conv1_1 = cnn.conv2d %arg0, %0, %1 {activation = #cnn.activation<relu>, name = "conv1_1", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x3x224x224xi8>, tensor<64x3x3x3xi8>, tensor<64xi32>) -> tensor<1x64x224x224xi8>
    %2 = cnn.weight : tensor<64x64x3x3xi8>
    %3 = cnn.weight : tensor<64xi32>
    %conv1_2 = cnn.conv2d %conv1_1, %2, %3 {activation = #cnn.activation<relu>, name = "conv1_2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x64x224x224xi8>, tensor<64x64x3x3xi8>, tensor<64xi32>) -> tensor<1x64x224x224xi8>
    %pool1 = cnn.max_pool %conv1_2 {kernel = array<i64: 2, 2>, name = "pool1", strides = array<i64: 2, 2>} : tensor<1x64x224x224xi8> -> tensor<1x64x112x112xi8>
    %4 = cnn.weight : tensor<128x64x3x3xi8>
    %5 = cnn.weight : tensor<128xi32>
    %conv2_1 = cnn.conv2d %pool1, %4, %5 {activation = #cnn.activation<relu>, name = "conv2_1", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x64x112x112xi8>, tensor<128x64x3x3xi8>, tensor<128xi32>) -> tensor<1x128x112x112xi8>
    %6 = cnn.weight : tensor<128x128x3x3xi8>
    %7 = cnn.weight : tensor<128xi32>
    %conv2_2 = cnn.conv2d %conv2_1, %6, %7 {activation = #cnn.activation<relu>, name = "conv2_2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x112x112xi8>, tensor<128x128x3x3xi8>, tensor<128xi32>) -> tensor<1x128x112x112xi8>
    %pool2 = cnn.max_pool %conv2_2 {kernel = array<i64: 2, 2>, name = "pool2", strides = array<i64: 2, 2>} : tensor<1x128x112x112xi8> -> tensor<1x128x56x56xi8>
    %8 = cnn.weight : tensor<256x128x3x3xi8>
    %9 = cnn.weight : tensor<256xi32>
    %conv3_1 = cnn.conv2d %pool2, %8, %9 {activation = #cnn.activation<relu>, name = "conv3_1", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x56x56xi8>, tensor<256x128x3x3xi8>, tensor<256xi32>) -> tensor<1x256x56x56xi8>
    %10 = cnn.weight : tensor<256x256x3x3xi8>
    %11 = cnn.weight : tensor<256xi32>
    %conv3_2 = cnn.conv2d %conv3_1, %10, %11 {activation = #cnn.activation<relu>, name = "conv3_2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x56x56xi8>, tensor<256x256x3x3xi8>, tensor<256xi32>) -> tensor<1x256x56x56xi8>
    %12 = cnn.weight : tensor<256x256x3x3xi8>
    %13 = cnn.weight : tensor<256xi32>
    %conv3_3 = cnn.conv2d %conv3_2, %12, %13 {activation = #cnn.activation<relu>, name = "conv3_3", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x56x56xi8>, tensor<256x256x3x3xi8>, tensor<256xi32>) -> tensor<1x256x56x56xi8>
    %pool3 = cnn.max_pool %conv3_3 {kernel = array<i64: 2, 2>, name = "pool3", strides = array<i64: 2, 2>} : tensor<1x256x56x56xi8> -> tensor<1x256x28x28xi8>
    %14 = cnn.weight : tensor<512x256x3x3xi8>
    %15 = cnn.weight : tensor<512xi32>
    %conv4_1 = cnn.conv2d %pool3, %14, %15 {activation = #cnn.activation<relu>, name = "conv4_1", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x28x28xi8>, tensor<512x256x3x3xi8>, tensor<512xi32>) -> tensor<1x512x28x28xi8>
    %16 = cnn.weight : tensor<512x512x3x3xi8>
    %17 = cnn.weight : tensor<512xi32>
    %conv4_2 = cnn.conv2d %conv4_1, %16, %17 {activation = #cnn.activation<relu>, name = "conv4_2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x28x28xi8>, tensor<512x512x3x3xi8>, tensor<512xi32>) -> tensor<1x512x28x28xi8>
    %18 = cnn.weight : tensor<512x512x3x3xi8>
    %19 = cnn.weight : tensor<512xi32>
    %conv4_3 = cnn.conv2d %conv4_2, %18, %19 {activation = #cnn.activation<relu>, name = "conv4_3", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x28x28xi8>, tensor<512x512x3x3xi8>, tensor<512xi32>) -> tensor<1x512x28x28xi8>
    %pool4 = cnn.max_pool %conv4_3 {kernel = array<i64: 2, 2>, name = "pool4", strides = array<i64: 2, 2>} : tensor<1x512x28x28xi8> -> tensor<1x512x14x14xi8>
    %20 = cnn.weight : tensor<512x512x3x3xi8>
    %21 = cnn.weight : tensor<512xi32>
    %conv5_1 = cnn.conv2d %pool4, %20, %21 {activation = #cnn.activation<relu>, name = "conv5_1", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x14x14xi8>, tensor<512x512x3x3xi8>, tensor<512xi32>) -> tensor<1x512x14x14xi8>
    %22 = cnn.weight : tensor<512x512x3x3xi8>
    %23 = cnn.weight : tensor<512xi32>
    %conv5_2 = cnn.conv2d %conv5_1, %22, %23 {activation = #cnn.activation<relu>, name = "conv5_2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x14x14xi8>, tensor<512x512x3x3xi8>, tensor<512xi32>) -> tensor<1x512x14x14xi8>
    %24 = cnn.weight : tensor<512x512x3x3xi8>
    %25 = cnn.weight : tensor<512xi32>
    %conv5_3 = cnn.conv2d %conv5_2, %24, %25 {activation = #cnn.activation<relu>, name = "conv5_3", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x14x14xi8>, tensor<512x512x3x3xi8>, tensor<512xi32>) -> tensor<1x512x14x14xi8>
    %pool5 = cnn.max_pool %conv5_3 {kernel = array<i64: 2, 2>, name = "pool5", strides = array<i64: 2, 2>} : tensor<1x512x14x14xi8> -> tensor<1x512x7x7xi8>
    %26 = cnn.weight : tensor<4096x25088xi8>
    %27 = cnn.weight : tensor<4096xi32>
    %fc6 = cnn.fully_connected %pool5, %26, %27 {activation = #cnn.activation<relu>, name = "fc6"} : (tensor<1x512x7x7xi8>, tensor<4096x25088xi8>, tensor<4096xi32>) -> tensor<1x4096x1x1xi8>
    %28 = cnn.weight : tensor<4096x4096xi8>
    %29 = cnn.weight : tensor<4096xi32>
    %fc7 = cnn.fully_connected %fc6, %28, %29 {activation = #cnn.activation<relu>, name = "fc7"} : (tensor<1x4096x1x1xi8>, tensor<4096x4096xi8>, tensor<4096xi32>) -> tensor<1x4096x1x1xi8>
    %30 = cnn.weight : tensor<1000x4096xi8>
    %31 = cnn.weight : tensor<1000xi32>
    %fc8 = cnn.fully_connected %fc7, %30, %31 {name = "fc8"} : (tensor<1x4096x1x1xi8>, tensor<1000x4096xi8>, tensor<1000xi32>) -> tensor<1x1000x1x1xi8>
    %prob = cnn.softmax %fc8 {name = "prob"} : tensor<1x1000x1x1xi8>
    return %prob : tensor<1x1000x1x1xi8>
  }
}
