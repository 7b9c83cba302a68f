// MobileNet v1 1.0 (Howard et al. 2017)
// cnn-zoo mobilenet_v1: 224x224 (width x height), i8, shape-only weights
module {
  func.func @mobilenet_v1(%arg0: tensor<1x3x224x224xi8>) -> tensor<1x1000x1x1xi8> {
    %0 = cnn.weight : tensor<32x3x3x3xi8>
    %1 = cnn.weight : tensor<32xi32>
    %Conv2d_0 = cnn.conv2d %arg0, %0, %1 {activation = #cnn.activation<relu6>, name = "Conv2d_0", padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x224x224xi8>, tensor<32x3x3x3xi8>, tensor<32xi32>) -> tensor<1x32x112x112xi8>
    %2 = cnn.weight : tensor<32x1x3x3xi8>
    %3 = cnn.weight : tensor<32xi32>
    %Conv2d_1_depthwise = cnn.conv2d %Conv2d_0, %2, %3 {activation = #cnn.activation<relu6>, groups = 32 : i64, name = "Conv2d_1_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x32x112x112xi8>, tensor<32x1x3x3xi8>, tensor<32xi32>) -> tensor<1x32x112x112xi8>
    %4 = cnn.weight : tensor<64x32x1x1xi8>
    %5 = cnn.weight : tensor<64xi32>
    %Conv2d_1_pointwise = cnn.conv2d %Conv2d_1_depthwise, %4, %5 {activation = #cnn.activation<relu6>, name = "Conv2d_1_pointwise"} : (tensor<1x32x112x112xi8>, tensor<64x32x1x1xi8>, tensor<64xi32>) -> tensor<1x64x112x112xi8>
    %6 = cnn.weight : tensor<64x1x3x3xi8>
    %7 = cnn.weight : tensor<64xi32>
    %Conv2d_2_depthwise = cnn.conv2d %Conv2d_1_pointwise, %6, %7 {activation = #cnn.activation<relu6>, groups = 64 : i64, name = "Conv2d_2_depthwise", padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x64x112x112xi8>, tensor<64x1x3x3xi8>, tensor<64xi32>) -> tensor<1x64x56x56xi8>
    %8 = cnn.weight : tensor<128x64x1x1xi8>
    %9 = cnn.weight : tensor<128xi32>
    %Conv2d_2_pointwise = cnn.conv2d %Conv2d_2_depthwise, %8, %9 {activation = #cnn.activation<relu6>, name = "Conv2d_2_pointwise"} : (tensor<1x64x56x56xi8>, tensor<128x64x1x1xi8>, tensor<128xi32>) -> tensor<1x128x56x56xi8>
    %10 = cnn.weight : tensor<128x1x3x3xi8>
    %11 = cnn.weight : tensor<128xi32>
    %Conv2d_3_depthwise = cnn.conv2d %Conv2d_2_pointwise, %10, %11 {activation = #cnn.activation<relu6>, groups = 128 : i64, name = "Conv2d_3_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x56x56xi8>, tensor<128x1x3x3xi8>, tensor<128xi32>) -> tensor<1x128x56x56xi8>
    %12 = cnn.weight : tensor<128x128x1x1xi8>
    %13 = cnn.weight : tensor<128xi32>
    %Conv2d_3_pointwise = cnn.conv2d %Conv2d_3_depthwise, %12, %13 {activation = #cnn.activation<relu6>, name = "Conv2d_3_pointwise"} : (tensor<1x128x56x56xi8>, tensor<128x128x1x1xi8>, tensor<128xi32>) -> tensor<1x128x56x56xi8>
    %14 = cnn.weight : tensor<128x1x3x3xi8>
    %15 = cnn.weight : tensor<128xi32>
    %Conv2d_4_depthwise = cnn.conv2d %Conv2d_3_pointwise, %14, %15 {activation = #cnn.activation<relu6>, groups = 128 : i64, name = "Conv2d_4_depthwise", padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x128x56x56xi8>, tensor<128x1x3x3xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %16 = cnn.weight : tensor<256x128x1x1xi8>
    %17 = cnn.weight : tensor<256xi32>
    %Conv2d_4_pointwise = cnn.conv2d %Conv2d_4_depthwise, %16, %17 {activation = #cnn.activation<relu6>, name = "Conv2d_4_pointwise"} : (tensor<1x128x28x28xi8>, tensor<256x128x1x1xi8>, tensor<256xi32>) -> tensor<1x256x28x28xi8>
    %18 = cnn.weight : tensor<256x1x3x3xi8>
    %19 = cnn.weight : tensor<256xi32>
    %Conv2d_5_depthwise = cnn.conv2d %Conv2d_4_pointwise, %18, %19 {activation = #cnn.activation<relu6>, groups = 256 : i64, name = "Conv2d_5_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x28x28xi8>, tensor<256x1x3x3xi8>, tensor<256xi32>) -> tensor<1x256x28x28xi8>
    %20 = cnn.weight : tensor<256x256x1x1xi8>
    %21 = cnn.weight : tensor<256xi32>
    %Conv2d_5_pointwise = cnn.conv2d %Conv2d_5_depthwise, %20, %21 {activation = #cnn.activation<relu6>, name = "Conv2d_5_pointwise"} : (tensor<1x256x28x28xi8>, tensor<256x256x1x1xi8>, tensor<256xi32>) -> tensor<1x256x28x28xi8>
    %22 = cnn.weight : tensor<256x1x3x3xi8>
    %23 = cnn.weight : tensor<256xi32>
    %Conv2d_6_depthwise = cnn.conv2d %Conv2d_5_pointwise, %22, %23 {activation = #cnn.activation<relu6>, groups = 256 : i64, name = "Conv2d_6_depthwise", padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x256x28x28xi8>, tensor<256x1x3x3xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %24 = cnn.weight : tensor<512x256x1x1xi8>
    %25 = cnn.weight : tensor<512xi32>
    %Conv2d_6_pointwise = cnn.conv2d %Conv2d_6_depthwise, %24, %25 {activation = #cnn.activation<relu6>, name = "Conv2d_6_pointwise"} : (tensor<1x256x14x14xi8>, tensor<512x256x1x1xi8>, tensor<512xi32>) -> tensor<1x512x14x14xi8>
    %26 = cnn.weight : tensor<512x1x3x3xi8>
    %27 = cnn.weight : tensor<512xi32>
    %Conv2d_7_depthwise = cnn.conv2d %Conv2d_6_pointwise, %26, %27 {activation = #cnn.activation<relu6>, groups = 512 : i64, name = "Conv2d_7_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x14x14xi8>, tensor<512x1x3x3xi8>, tensor<512xi32>) -> tensor<1x512x14x14xi8>
    %28 = cnn.weight : tensor<512x512x1x1xi8>
    %29 = cnn.weight : tensor<512xi32>
    %Conv2d_7_pointwise = cnn.conv2d %Conv2d_7_depthwise, %28, %29 {activation = #cnn.activation<relu6>, name = "Conv2d_7_pointwise"} : (tensor<1x512x14x14xi8>, tensor<512x512x1x1xi8>, tensor<512xi32>) -> tensor<1x512x14x14xi8>
    %30 = cnn.weight : tensor<512x1x3x3xi8>
    %31 = cnn.weight : tensor<512xi32>
    %Conv2d_8_depthwise = cnn.conv2d %Conv2d_7_pointwise, %30, %31 {activation = #cnn.activation<relu6>, groups = 512 : i64, name = "Conv2d_8_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x14x14xi8>, tensor<512x1x3x3xi8>, tensor<512xi32>) -> tensor<1x512x14x14xi8>
    %32 = cnn.weight : tensor<512x512x1x1xi8>
    %33 = cnn.weight : tensor<512xi32>
    %Conv2d_8_pointwise = cnn.conv2d %Conv2d_8_depthwise, %32, %33 {activation = #cnn.activation<relu6>, name = "Conv2d_8_pointwise"} : (tensor<1x512x14x14xi8>, tensor<512x512x1x1xi8>, tensor<512xi32>) -> tensor<1x512x14x14xi8>
    %34 = cnn.weight : tensor<512x1x3x3xi8>
    %35 = cnn.weight : tensor<512xi32>
    %Conv2d_9_depthwise = cnn.conv2d %Conv2d_8_pointwise, %34, %35 {activation = #cnn.activation<relu6>, groups = 512 : i64, name = "Conv2d_9_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x14x14xi8>, tensor<512x1x3x3xi8>, tensor<512xi32>) -> tensor<1x512x14x14xi8>
    %36 = cnn.weight : tensor<512x512x1x1xi8>
    %37 = cnn.weight : tensor<512xi32>
    %Conv2d_9_pointwise = cnn.conv2d %Conv2d_9_depthwise, %36, %37 {activation = #cnn.activation<relu6>, name = "Conv2d_9_pointwise"} : (tensor<1x512x14x14xi8>, tensor<512x512x1x1xi8>, tensor<512xi32>) -> tensor<1x512x14x14xi8>
    %38 = cnn.weight : tensor<512x1x3x3xi8>
    %39 = cnn.weight : tensor<512xi32>
    %Conv2d_10_depthwise = cnn.conv2d %Conv2d_9_pointwise, %38, %39 {activation = #cnn.activation<relu6>, groups = 512 : i64, name = "Conv2d_10_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x14x14xi8>, tensor<512x1x3x3xi8>, tensor<512xi32>) -> tensor<1x512x14x14xi8>
    %40 = cnn.weight : tensor<512x512x1x1xi8>
    %41 = cnn.weight : tensor<512xi32>
    %Conv2d_10_pointwise = cnn.conv2d %Conv2d_10_depthwise, %40, %41 {activation = #cnn.activation<relu6>, name = "Conv2d_10_pointwise"} : (tensor<1x512x14x14xi8>, tensor<512x512x1x1xi8>, tensor<512xi32>) -> tensor<1x512x14x14xi8>
    %42 = cnn.weight : tensor<512x1x3x3xi8>
    %43 = cnn.weight : tensor<512xi32>
    %Conv2d_11_depthwise = cnn.conv2d %Conv2d_10_pointwise, %42, %43 {activation = #cnn.activation<relu6>, groups = 512 : i64, name = "Conv2d_11_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x14x14xi8>, tensor<512x1x3x3xi8>, tensor<512xi32>) -> tensor<1x512x14x14xi8>
    %44 = cnn.weight : tensor<512x512x1x1xi8>
    %45 = cnn.weight : tensor<512xi32>
    %Conv2d_11_pointwise = cnn.conv2d %Conv2d_11_depthwise, %44, %45 {activation = #cnn.activation<relu6>, name = "Conv2d_11_pointwise"} : (tensor<1x512x14x14xi8>, tensor<512x512x1x1xi8>, tensor<512xi32>) -> tensor<1x512x14x14xi8>
    %46 = cnn.weight : tensor<512x1x3x3xi8>
    %47 = cnn.weight : tensor<512xi32>
    %Conv2d_12_depthwise = cnn.conv2d %Conv2d_11_pointwise, %46, %47 {activation = #cnn.activation<relu6>, groups = 512 : i64, name = "Conv2d_12_depthwise", padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x512x14x14xi8>, tensor<512x1x3x3xi8>, tensor<512xi32>) -> tensor<1x512x7x7xi8>
    %48 = cnn.weight : tensor<1024x512x1x1xi8>
    %49 = cnn.weight : tensor<1024xi32>
    %Conv2d_12_pointwise = cnn.conv2d %Conv2d_12_depthwise, %48, %49 {activation = #cnn.activation<relu6>, name = "Conv2d_12_pointwise"} : (tensor<1x512x7x7xi8>, tensor<1024x512x1x1xi8>, tensor<1024xi32>) -> tensor<1x1024x7x7xi8>
    %50 = cnn.weight : tensor<1024x1x3x3xi8>
    %51 = cnn.weight : tensor<1024xi32>
    %Conv2d_13_depthwise = cnn.conv2d %Conv2d_12_pointwise, %50, %51 {activation = #cnn.activation<relu6>, groups = 1024 : i64, name = "Conv2d_13_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x1024x7x7xi8>, tensor<1024x1x3x3xi8>, tensor<1024xi32>) -> tensor<1x1024x7x7xi8>
    %52 = cnn.weight : tensor<1024x1024x1x1xi8>
    %53 = cnn.weight : tensor<1024xi32>
    %Conv2d_13_pointwise = cnn.conv2d %Conv2d_13_depthwise, %52, %53 {activation = #cnn.activation<relu6>, name = "Conv2d_13_pointwise"} : (tensor<1x1024x7x7xi8>, tensor<1024x1024x1x1xi8>, tensor<1024xi32>) -> tensor<1x1024x7x7xi8>
    %AvgPool_1a = cnn.global_avg_pool %Conv2d_13_pointwise {name = "AvgPool_1a"} : tensor<1x1024x7x7xi8> -> tensor<1x1024x1x1xi8>
    %54 = cnn.weight : tensor<1000x1024xi8>
    %55 = cnn.weight : tensor<1000xi32>
    %Logits = cnn.fully_connected %AvgPool_1a, %54, %55 {name = "Logits"} : (tensor<1x1024x1x1xi8>, tensor<1000x1024xi8>, tensor<1000xi32>) -> tensor<1x1000x1x1xi8>
    %Predictions = cnn.softmax %Logits {name = "Predictions"} : tensor<1x1000x1x1xi8>
    return %Predictions : tensor<1x1000x1x1xi8>
  }
}
