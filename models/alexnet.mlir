// AlexNet (Krizhevsky et al. 2012), Caffe bvlc_alexnet with grouped conv2/4/5
// cnn-zoo alexnet: 227x227 (width x height), i8, shape-only weights
module {
  func.func @alexnet(%arg0: tensor<1x3x227x227xi8>) -> tensor<1x1000x1x1xi8> {
    %0 = cnn.weight : tensor<96x3x11x11xi8>
    %1 = cnn.weight : tensor<96xi32>
    %conv1 = cnn.conv2d %arg0, %0, %1 {activation = #cnn.activation<relu>, name = "conv1", strides = array<i64: 4, 4>} : (tensor<1x3x227x227xi8>, tensor<96x3x11x11xi8>, tensor<96xi32>) -> tensor<1x96x55x55xi8>
    %pool1 = cnn.max_pool %conv1 {kernel = array<i64: 3, 3>, name = "pool1", strides = array<i64: 2, 2>} : tensor<1x96x55x55xi8> -> tensor<1x96x27x27xi8>
    %2 = cnn.weight : tensor<256x48x5x5xi8>
    %3 = cnn.weight : tensor<256xi32>
    %conv2 = cnn.conv2d %pool1, %2, %3 {activation = #cnn.activation<relu>, groups = 2 : i64, name = "conv2", padding = array<i64: 2, 2, 2, 2>} : (tensor<1x96x27x27xi8>, tensor<256x48x5x5xi8>, tensor<256xi32>) -> tensor<1x256x27x27xi8>
    %pool2 = cnn.max_pool %conv2 {kernel = array<i64: 3, 3>, name = "pool2", strides = array<i64: 2, 2>} : tensor<1x256x27x27xi8> -> tensor<1x256x13x13xi8>
    %4 = cnn.weight : tensor<384x256x3x3xi8>
    %5 = cnn.weight : tensor<384xi32>
    %conv3 = cnn.conv2d %pool2, %4, %5 {activation = #cnn.activation<relu>, name = "conv3", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x13x13xi8>, tensor<384x256x3x3xi8>, tensor<384xi32>) -> tensor<1x384x13x13xi8>
    %6 = cnn.weight : tensor<384x192x3x3xi8>
    %7 = cnn.weight : tensor<384xi32>
    %conv4 = cnn.conv2d %conv3, %6, %7 {activation = #cnn.activation<relu>, groups = 2 : i64, name = "conv4", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x384x13x13xi8>, tensor<384x192x3x3xi8>, tensor<384xi32>) -> tensor<1x384x13x13xi8>
    %8 = cnn.weight : tensor<256x192x3x3xi8>
    %9 = cnn.weight : tensor<256xi32>
    %conv5 = cnn.conv2d %conv4, %8, %9 {activation = #cnn.activation<relu>, groups = 2 : i64, name = "conv5", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x384x13x13xi8>, tensor<256x192x3x3xi8>, tensor<256xi32>) -> tensor<1x256x13x13xi8>
    %pool5 = cnn.max_pool %conv5 {kernel = array<i64: 3, 3>, name = "pool5", strides = array<i64: 2, 2>} : tensor<1x256x13x13xi8> -> tensor<1x256x6x6xi8>
    %10 = cnn.weight : tensor<4096x9216xi8>
    %11 = cnn.weight : tensor<4096xi32>
    %fc6 = cnn.fully_connected %pool5, %10, %11 {activation = #cnn.activation<relu>, name = "fc6"} : (tensor<1x256x6x6xi8>, tensor<4096x9216xi8>, tensor<4096xi32>) -> tensor<1x4096x1x1xi8>
    %12 = cnn.weight : tensor<4096x4096xi8>
    %13 = cnn.weight : tensor<4096xi32>
    %fc7 = cnn.fully_connected %fc6, %12, %13 {activation = #cnn.activation<relu>, name = "fc7"} : (tensor<1x4096x1x1xi8>, tensor<4096x4096xi8>, tensor<4096xi32>) -> tensor<1x4096x1x1xi8>
    %14 = cnn.weight : tensor<1000x4096xi8>
    %15 = cnn.weight : tensor<1000xi32>
    %fc8 = cnn.fully_connected %fc7, %14, %15 {name = "fc8"} : (tensor<1x4096x1x1xi8>, tensor<1000x4096xi8>, tensor<1000xi32>) -> tensor<1x1000x1x1xi8>
    %prob = cnn.softmax %fc8 {name = "prob"} : tensor<1x1000x1x1xi8>
    return %prob : tensor<1x1000x1x1xi8>
  }
}
