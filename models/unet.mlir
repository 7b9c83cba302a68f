// U-Net (Ronneberger et al. 2015), padded convolutions, 3 channels in, 2 classes
// cnn-zoo unet: 224x224 (width x height), i8, shape-only weights
module {
  func.func @unet(%arg0: tensor<1x3x224x224xi8>) -> tensor<1x2x224x224xi8> {
    %0 = cnn.weight : tensor<64x3x3x3xi8>
    %1 = cnn.weight : tensor<64xi32>
    %down1_conv1 = cnn.conv2d %arg0, %0, %1 {activation = #cnn.activation<relu>, name = "down1/conv1", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x3x224x224xi8>, tensor<64x3x3x3xi8>, tensor<64xi32>) -> tensor<1x64x224x224xi8>
    %2 = cnn.weight : tensor<64x64x3x3xi8>
    %3 = cnn.weight : tensor<64xi32>
    %down1_conv2 = cnn.conv2d %down1_conv1, %2, %3 {activation = #cnn.activation<relu>, name = "down1/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x64x224x224xi8>, tensor<64x64x3x3xi8>, tensor<64xi32>) -> tensor<1x64x224x224xi8>
    %down1_pool = cnn.max_pool %down1_conv2 {kernel = array<i64: 2, 2>, name = "down1/pool", strides = array<i64: 2, 2>} : tensor<1x64x224x224xi8> -> tensor<1x64x112x112xi8>
    %4 = cnn.weight : tensor<128x64x3x3xi8>
    %5 = cnn.weight : tensor<128xi32>
    %down2_conv1 = cnn.conv2d %down1_pool, %4, %5 {activation = #cnn.activation<relu>, name = "down2/conv1", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x64x112x112xi8>, tensor<128x64x3x3xi8>, tensor<128xi32>) -> tensor<1x128x112x112xi8>
    %6 = cnn.weight : tensor<128x128x3x3xi8>
    %7 = cnn.weight : tensor<128xi32>
    %down2_conv2 = cnn.conv2d %down2_conv1, %6, %7 {activation = #cnn.activation<relu>, name = "down2/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x112x112xi8>, tensor<128x128x3x3xi8>, tensor<128xi32>) -> tensor<1x128x112x112xi8>
    %down2_pool = cnn.max_pool %down2_conv2 {kernel = array<i64: 2, 2>, name = "down2/pool", strides = array<i64: 2, 2>} : tensor<1x128x112x112xi8> -> tensor<1x128x56x56xi8>
    %8 = cnn.weight : tensor<256x128x3x3xi8>
    %9 = cnn.weight : tensor<256xi32>
    %down3_conv1 = cnn.conv2d %down2_pool, %8, %9 {activation = #cnn.activation<relu>, name = "down3/conv1", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x56x56xi8>, tensor<256x128x3x3xi8>, tensor<256xi32>) -> tensor<1x256x56x56xi8>
    %10 = cnn.weight : tensor<256x256x3x3xi8>
    %11 = cnn.weight : tensor<256xi32>
    %down3_conv2 = cnn.conv2d %down3_conv1, %10, %11 {activation = #cnn.activation<relu>, name = "down3/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x56x56xi8>, tensor<256x256x3x3xi8>, tensor<256xi32>) -> tensor<1x256x56x56xi8>
    %down3_pool = cnn.max_pool %down3_conv2 {kernel = array<i64: 2, 2>, name = "down3/pool", strides = array<i64: 2, 2>} : tensor<1x256x56x56xi8> -> tensor<1x256x28x28xi8>
    %12 = cnn.weight : tensor<512x256x3x3xi8>
    %13 = cnn.weight : tensor<512xi32>
    %down4_conv1 = cnn.conv2d %down3_pool, %12, %13 {activation = #cnn.activation<relu>, name = "down4/conv1", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x28x28xi8>, tensor<512x256x3x3xi8>, tensor<512xi32>) -> tensor<1x512x28x28xi8>
    %14 = cnn.weight : tensor<512x512x3x3xi8>
    %15 = cnn.weight : tensor<512xi32>
    %down4_conv2 = cnn.conv2d %down4_conv1, %14, %15 {activation = #cnn.activation<relu>, name = "down4/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x28x28xi8>, tensor<512x512x3x3xi8>, tensor<512xi32>) -> tensor<1x512x28x28xi8>
    %down4_pool = cnn.max_pool %down4_conv2 {kernel = array<i64: 2, 2>, name = "down4/pool", strides = array<i64: 2, 2>} : tensor<1x512x28x28xi8> -> tensor<1x512x14x14xi8>
    %16 = cnn.weight : tensor<1024x512x3x3xi8>
    %17 = cnn.weight : tensor<1024xi32>
    %bottom_conv1 = cnn.conv2d %down4_pool, %16, %17 {activation = #cnn.activation<relu>, name = "bottom/conv1", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x14x14xi8>, tensor<1024x512x3x3xi8>, tensor<1024xi32>) -> tensor<1x1024x14x14xi8>
    %18 = cnn.weight : tensor<1024x1024x3x3xi8>
    %19 = cnn.weight : tensor<1024xi32>
    %bottom_conv2 = cnn.conv2d %bottom_conv1, %18, %19 {activation = #cnn.activation<relu>, name = "bottom/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x1024x14x14xi8>, tensor<1024x1024x3x3xi8>, tensor<1024xi32>) -> tensor<1x1024x14x14xi8>
    %up4_upsample = cnn.resize %bottom_conv2 {name = "up4/upsample", scale = array<i64: 2, 2>} : tensor<1x1024x14x14xi8> -> tensor<1x1024x28x28xi8>
    %20 = cnn.weight : tensor<512x1024x2x2xi8>
    %21 = cnn.weight : tensor<512xi32>
    %up4_upconv = cnn.conv2d %up4_upsample, %20, %21 {name = "up4/upconv", padding = array<i64: 0, 1, 0, 1>} : (tensor<1x1024x28x28xi8>, tensor<512x1024x2x2xi8>, tensor<512xi32>) -> tensor<1x512x28x28xi8>
    %up4_concat = cnn.concat %down4_conv2, %up4_upconv {name = "up4/concat"} : (tensor<1x512x28x28xi8>, tensor<1x512x28x28xi8>) -> tensor<1x1024x28x28xi8>
    %22 = cnn.weight : tensor<512x1024x3x3xi8>
    %23 = cnn.weight : tensor<512xi32>
    %up4_conv1 = cnn.conv2d %up4_concat, %22, %23 {activation = #cnn.activation<relu>, name = "up4/conv1", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x1024x28x28xi8>, tensor<512x1024x3x3xi8>, tensor<512xi32>) -> tensor<1x512x28x28xi8>
    %24 = cnn.weight : tensor<512x512x3x3xi8>
    %25 = cnn.weight : tensor<512xi32>
    %up4_conv2 = cnn.conv2d %up4_conv1, %24, %25 {activation = #cnn.activation<relu>, name = "up4/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x28x28xi8>, tensor<512x512x3x3xi8>, tensor<512xi32>) -> tensor<1x512x28x28xi8>
    %up3_upsample = cnn.resize %up4_conv2 {name = "up3/upsample", scale = array<i64: 2, 2>} : tensor<1x512x28x28xi8> -> tensor<1x512x56x56xi8>
    %26 = cnn.weight : tensor<256x512x2x2xi8>
    %27 = cnn.weight : tensor<256xi32>
    %up3_upconv = cnn.conv2d %up3_upsample, %26, %27 {name = "up3/upconv", padding = array<i64: 0, 1, 0, 1>} : (tensor<1x512x56x56xi8>, tensor<256x512x2x2xi8>, tensor<256xi32>) -> tensor<1x256x56x56xi8>
    %up3_concat = cnn.concat %down3_conv2, %up3_upconv {name = "up3/concat"} : (tensor<1x256x56x56xi8>, tensor<1x256x56x56xi8>) -> tensor<1x512x56x56xi8>
    %28 = cnn.weight : tensor<256x512x3x3xi8>
    %29 = cnn.weight : tensor<256xi32>
    %up3_conv1 = cnn.conv2d %up3_concat, %28, %29 {activation = #cnn.activation<relu>, name = "up3/conv1", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x56x56xi8>, tensor<256x512x3x3xi8>, tensor<256xi32>) -> tensor<1x256x56x56xi8>
    %30 = cnn.weight : tensor<256x256x3x3xi8>
    %31 = cnn.weight : tensor<256xi32>
    %up3_conv2 = cnn.conv2d %up3_conv1, %30, %31 {activation = #cnn.activation<relu>, name = "up3/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x56x56xi8>, tensor<256x256x3x3xi8>, tensor<256xi32>) -> tensor<1x256x56x56xi8>
    %up2_upsample = cnn.resize %up3_conv2 {name = "up2/upsample", scale = array<i64: 2, 2>} : tensor<1x256x56x56xi8> -> tensor<1x256x112x112xi8>
    %32 = cnn.weight : tensor<128x256x2x2xi8>
    %33 = cnn.weight : tensor<128xi32>
    %up2_upconv = cnn.conv2d %up2_upsample, %32, %33 {name = "up2/upconv", padding = array<i64: 0, 1, 0, 1>} : (tensor<1x256x112x112xi8>, tensor<128x256x2x2xi8>, tensor<128xi32>) -> tensor<1x128x112x112xi8>
    %up2_concat = cnn.concat %down2_conv2, %up2_upconv {name = "up2/concat"} : (tensor<1x128x112x112xi8>, tensor<1x128x112x112xi8>) -> tensor<1x256x112x112xi8>
    %34 = cnn.weight : tensor<128x256x3x3xi8>
    %35 = cnn.weight : tensor<128xi32>
    %up2_conv1 = cnn.conv2d %up2_concat, %34, %35 {activation = #cnn.activation<relu>, name = "up2/conv1", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x112x112xi8>, tensor<128x256x3x3xi8>, tensor<128xi32>) -> tensor<1x128x112x112xi8>
    %36 = cnn.weight : tensor<128x128x3x3xi8>
    %37 = cnn.weight : tensor<128xi32>
    %up2_conv2 = cnn.conv2d %up2_conv1, %36, %37 {activation = #cnn.activation<relu>, name = "up2/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x112x112xi8>, tensor<128x128x3x3xi8>, tensor<128xi32>) -> tensor<1x128x112x112xi8>
    %up1_upsample = cnn.resize %up2_conv2 {name = "up1/upsample", scale = array<i64: 2, 2>} : tensor<1x128x112x112xi8> -> tensor<1x128x224x224xi8>
    %38 = cnn.weight : tensor<64x128x2x2xi8>
    %39 = cnn.weight : tensor<64xi32>
    %up1_upconv = cnn.conv2d %up1_upsample, %38, %39 {name = "up1/upconv", padding = array<i64: 0, 1, 0, 1>} : (tensor<1x128x224x224xi8>, tensor<64x128x2x2xi8>, tensor<64xi32>) -> tensor<1x64x224x224xi8>
    %up1_concat = cnn.concat %down1_conv2, %up1_upconv {name = "up1/concat"} : (tensor<1x64x224x224xi8>, tensor<1x64x224x224xi8>) -> tensor<1x128x224x224xi8>
    %40 = cnn.weight : tensor<64x128x3x3xi8>
    %41 = cnn.weight : tensor<64xi32>
    %up1_conv1 = cnn.conv2d %up1_concat, %40, %41 {activation = #cnn.activation<relu>, name = "up1/conv1", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x224x224xi8>, tensor<64x128x3x3xi8>, tensor<64xi32>) -> tensor<1x64x224x224xi8>
    %42 = cnn.weight : tensor<64x64x3x3xi8>
    %43 = cnn.weight : tensor<64xi32>
    %up1_conv2 = cnn.conv2d %up1_conv1, %42, %43 {activation = #cnn.activation<relu>, name = "up1/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x64x224x224xi8>, tensor<64x64x3x3xi8>, tensor<64xi32>) -> tensor<1x64x224x224xi8>
    %44 = cnn.weight : tensor<2x64x1x1xi8>
    %45 = cnn.weight : tensor<2xi32>
    %classifier = cnn.conv2d %up1_conv2, %44, %45 {name = "classifier"} : (tensor<1x64x224x224xi8>, tensor<2x64x1x1xi8>, tensor<2xi32>) -> tensor<1x2x224x224xi8>
    %softmax = cnn.softmax %classifier {name = "softmax"} : tensor<1x2x224x224xi8>
    return %softmax : tensor<1x2x224x224xi8>
  }
}
