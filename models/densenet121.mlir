// DenseNet-121, k = 32 (Huang et al. 2017), post-activation
// cnn-zoo densenet121: 224x224 (width x height), i8, shape-only weights
module {
  func.func @densenet121(%arg0: tensor<1x3x224x224xi8>) -> tensor<1x1000x1x1xi8> {
    %0 = cnn.weight : tensor<64x3x7x7xi8>
    %1 = cnn.weight : tensor<64xi32>
    %conv0 = cnn.conv2d %arg0, %0, %1 {activation = #cnn.activation<relu>, name = "conv0", padding = array<i64: 3, 3, 3, 3>, strides = array<i64: 2, 2>} : (tensor<1x3x224x224xi8>, tensor<64x3x7x7xi8>, tensor<64xi32>) -> tensor<1x64x112x112xi8>
    %pool0 = cnn.max_pool %conv0 {kernel = array<i64: 3, 3>, name = "pool0", padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<1x64x112x112xi8> -> tensor<1x64x56x56xi8>
    %2 = cnn.weight : tensor<128x64x1x1xi8>
    %3 = cnn.weight : tensor<128xi32>
    %denseblock1_denselayer1_conv1 = cnn.conv2d %pool0, %2, %3 {activation = #cnn.activation<relu>, name = "denseblock1/denselayer1/conv1"} : (tensor<1x64x56x56xi8>, tensor<128x64x1x1xi8>, tensor<128xi32>) -> tensor<1x128x56x56xi8>
    %4 = cnn.weight : tensor<32x128x3x3xi8>
    %5 = cnn.weight : tensor<32xi32>
    %denseblock1_denselayer1_conv2 = cnn.conv2d %denseblock1_denselayer1_conv1, %4, %5 {activation = #cnn.activation<relu>, name = "denseblock1/denselayer1/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x56x56xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x56x56xi8>
    %denseblock1_denselayer1_concat = cnn.concat %pool0, %denseblock1_denselayer1_conv2 {name = "denseblock1/denselayer1/concat"} : (tensor<1x64x56x56xi8>, tensor<1x32x56x56xi8>) -> tensor<1x96x56x56xi8>
    %6 = cnn.weight : tensor<128x96x1x1xi8>
    %7 = cnn.weight : tensor<128xi32>
    %denseblock1_denselayer2_conv1 = cnn.conv2d %denseblock1_denselayer1_concat, %6, %7 {activation = #cnn.activation<relu>, name = "denseblock1/denselayer2/conv1"} : (tensor<1x96x56x56xi8>, tensor<128x96x1x1xi8>, tensor<128xi32>) -> tensor<1x128x56x56xi8>
    %8 = cnn.weight : tensor<32x128x3x3xi8>
    %9 = cnn.weight : tensor<32xi32>
    %denseblock1_denselayer2_conv2 = cnn.conv2d %denseblock1_denselayer2_conv1, %8, %9 {activation = #cnn.activation<relu>, name = "denseblock1/denselayer2/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x56x56xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x56x56xi8>
    %denseblock1_denselayer2_concat = cnn.concat %denseblock1_denselayer1_concat, %denseblock1_denselayer2_conv2 {name = "denseblock1/denselayer2/concat"} : (tensor<1x96x56x56xi8>, tensor<1x32x56x56xi8>) -> tensor<1x128x56x56xi8>
    %10 = cnn.weight : tensor<128x128x1x1xi8>
    %11 = cnn.weight : tensor<128xi32>
    %denseblock1_denselayer3_conv1 = cnn.conv2d %denseblock1_denselayer2_concat, %10, %11 {activation = #cnn.activation<relu>, name = "denseblock1/denselayer3/conv1"} : (tensor<1x128x56x56xi8>, tensor<128x128x1x1xi8>, tensor<128xi32>) -> tensor<1x128x56x56xi8>
    %12 = cnn.weight : tensor<32x128x3x3xi8>
    %13 = cnn.weight : tensor<32xi32>
    %denseblock1_denselayer3_conv2 = cnn.conv2d %denseblock1_denselayer3_conv1, %12, %13 {activation = #cnn.activation<relu>, name = "denseblock1/denselayer3/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x56x56xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x56x56xi8>
    %denseblock1_denselayer3_concat = cnn.concat %denseblock1_denselayer2_concat, %denseblock1_denselayer3_conv2 {name = "denseblock1/denselayer3/concat"} : (tensor<1x128x56x56xi8>, tensor<1x32x56x56xi8>) -> tensor<1x160x56x56xi8>
    %14 = cnn.weight : tensor<128x160x1x1xi8>
    %15 = cnn.weight : tensor<128xi32>
    %denseblock1_denselayer4_conv1 = cnn.conv2d %denseblock1_denselayer3_concat, %14, %15 {activation = #cnn.activation<relu>, name = "denseblock1/denselayer4/conv1"} : (tensor<1x160x56x56xi8>, tensor<128x160x1x1xi8>, tensor<128xi32>) -> tensor<1x128x56x56xi8>
    %16 = cnn.weight : tensor<32x128x3x3xi8>
    %17 = cnn.weight : tensor<32xi32>
    %denseblock1_denselayer4_conv2 = cnn.conv2d %denseblock1_denselayer4_conv1, %16, %17 {activation = #cnn.activation<relu>, name = "denseblock1/denselayer4/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x56x56xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x56x56xi8>
    %denseblock1_denselayer4_concat = cnn.concat %denseblock1_denselayer3_concat, %denseblock1_denselayer4_conv2 {name = "denseblock1/denselayer4/concat"} : (tensor<1x160x56x56xi8>, tensor<1x32x56x56xi8>) -> tensor<1x192x56x56xi8>
    %18 = cnn.weight : tensor<128x192x1x1xi8>
    %19 = cnn.weight : tensor<128xi32>
    %denseblock1_denselayer5_conv1 = cnn.conv2d %denseblock1_denselayer4_concat, %18, %19 {activation = #cnn.activation<relu>, name = "denseblock1/denselayer5/conv1"} : (tensor<1x192x56x56xi8>, tensor<128x192x1x1xi8>, tensor<128xi32>) -> tensor<1x128x56x56xi8>
    %20 = cnn.weight : tensor<32x128x3x3xi8>
    %21 = cnn.weight : tensor<32xi32>
    %denseblock1_denselayer5_conv2 = cnn.conv2d %denseblock1_denselayer5_conv1, %20, %21 {activation = #cnn.activation<relu>, name = "denseblock1/denselayer5/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x56x56xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x56x56xi8>
    %denseblock1_denselayer5_concat = cnn.concat %denseblock1_denselayer4_concat, %denseblock1_denselayer5_conv2 {name = "denseblock1/denselayer5/concat"} : (tensor<1x192x56x56xi8>, tensor<1x32x56x56xi8>) -> tensor<1x224x56x56xi8>
    %22 = cnn.weight : tensor<128x224x1x1xi8>
    %23 = cnn.weight : tensor<128xi32>
    %denseblock1_denselayer6_conv1 = cnn.conv2d %denseblock1_denselayer5_concat, %22, %23 {activation = #cnn.activation<relu>, name = "denseblock1/denselayer6/conv1"} : (tensor<1x224x56x56xi8>, tensor<128x224x1x1xi8>, tensor<128xi32>) -> tensor<1x128x56x56xi8>
    %24 = cnn.weight : tensor<32x128x3x3xi8>
    %25 = cnn.weight : tensor<32xi32>
    %denseblock1_denselayer6_conv2 = cnn.conv2d %denseblock1_denselayer6_conv1, %24, %25 {activation = #cnn.activation<relu>, name = "denseblock1/denselayer6/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x56x56xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x56x56xi8>
    %denseblock1_denselayer6_concat = cnn.concat %denseblock1_denselayer5_concat, %denseblock1_denselayer6_conv2 {name = "denseblock1/denselayer6/concat"} : (tensor<1x224x56x56xi8>, tensor<1x32x56x56xi8>) -> tensor<1x256x56x56xi8>
    %26 = cnn.weight : tensor<128x256x1x1xi8>
    %27 = cnn.weight : tensor<128xi32>
    %transition1_conv = cnn.conv2d %denseblock1_denselayer6_concat, %26, %27 {activation = #cnn.activation<relu>, name = "transition1/conv"} : (tensor<1x256x56x56xi8>, tensor<128x256x1x1xi8>, tensor<128xi32>) -> tensor<1x128x56x56xi8>
    %transition1_pool = cnn.avg_pool %transition1_conv {kernel = array<i64: 2, 2>, name = "transition1/pool", strides = array<i64: 2, 2>} : tensor<1x128x56x56xi8> -> tensor<1x128x28x28xi8>
    %28 = cnn.weight : tensor<128x128x1x1xi8>
    %29 = cnn.weight : tensor<128xi32>
    %denseblock2_denselayer1_conv1 = cnn.conv2d %transition1_pool, %28, %29 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer1/conv1"} : (tensor<1x128x28x28xi8>, tensor<128x128x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %30 = cnn.weight : tensor<32x128x3x3xi8>
    %31 = cnn.weight : tensor<32xi32>
    %denseblock2_denselayer1_conv2 = cnn.conv2d %denseblock2_denselayer1_conv1, %30, %31 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer1/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %denseblock2_denselayer1_concat = cnn.concat %transition1_pool, %denseblock2_denselayer1_conv2 {name = "denseblock2/denselayer1/concat"} : (tensor<1x128x28x28xi8>, tensor<1x32x28x28xi8>) -> tensor<1x160x28x28xi8>
    %32 = cnn.weight : tensor<128x160x1x1xi8>
    %33 = cnn.weight : tensor<128xi32>
    %denseblock2_denselayer2_conv1 = cnn.conv2d %denseblock2_denselayer1_concat, %32, %33 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer2/conv1"} : (tensor<1x160x28x28xi8>, tensor<128x160x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %34 = cnn.weight : tensor<32x128x3x3xi8>
    %35 = cnn.weight : tensor<32xi32>
    %denseblock2_denselayer2_conv2 = cnn.conv2d %denseblock2_denselayer2_conv1, %34, %35 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer2/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %denseblock2_denselayer2_concat = cnn.concat %denseblock2_denselayer1_concat, %denseblock2_denselayer2_conv2 {name = "denseblock2/denselayer2/concat"} : (tensor<1x160x28x28xi8>, tensor<1x32x28x28xi8>) -> tensor<1x192x28x28xi8>
    %36 = cnn.weight : tensor<128x192x1x1xi8>
    %37 = cnn.weight : tensor<128xi32>
    %denseblock2_denselayer3_conv1 = cnn.conv2d %denseblock2_denselayer2_concat, %36, %37 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer3/conv1"} : (tensor<1x192x28x28xi8>, tensor<128x192x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %38 = cnn.weight : tensor<32x128x3x3xi8>
    %39 = cnn.weight : tensor<32xi32>
    %denseblock2_denselayer3_conv2 = cnn.conv2d %denseblock2_denselayer3_conv1, %38, %39 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer3/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %denseblock2_denselayer3_concat = cnn.concat %denseblock2_denselayer2_concat, %denseblock2_denselayer3_conv2 {name = "denseblock2/denselayer3/concat"} : (tensor<1x192x28x28xi8>, tensor<1x32x28x28xi8>) -> tensor<1x224x28x28xi8>
    %40 = cnn.weight : tensor<128x224x1x1xi8>
    %41 = cnn.weight : tensor<128xi32>
    %denseblock2_denselayer4_conv1 = cnn.conv2d %denseblock2_denselayer3_concat, %40, %41 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer4/conv1"} : (tensor<1x224x28x28xi8>, tensor<128x224x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %42 = cnn.weight : tensor<32x128x3x3xi8>
    %43 = cnn.weight : tensor<32xi32>
    %denseblock2_denselayer4_conv2 = cnn.conv2d %denseblock2_denselayer4_conv1, %42, %43 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer4/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %denseblock2_denselayer4_concat = cnn.concat %denseblock2_denselayer3_concat, %denseblock2_denselayer4_conv2 {name = "denseblock2/denselayer4/concat"} : (tensor<1x224x28x28xi8>, tensor<1x32x28x28xi8>) -> tensor<1x256x28x28xi8>
    %44 = cnn.weight : tensor<128x256x1x1xi8>
    %45 = cnn.weight : tensor<128xi32>
    %denseblock2_denselayer5_conv1 = cnn.conv2d %denseblock2_denselayer4_concat, %44, %45 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer5/conv1"} : (tensor<1x256x28x28xi8>, tensor<128x256x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %46 = cnn.weight : tensor<32x128x3x3xi8>
    %47 = cnn.weight : tensor<32xi32>
    %denseblock2_denselayer5_conv2 = cnn.conv2d %denseblock2_denselayer5_conv1, %46, %47 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer5/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %denseblock2_denselayer5_concat = cnn.concat %denseblock2_denselayer4_concat, %denseblock2_denselayer5_conv2 {name = "denseblock2/denselayer5/concat"} : (tensor<1x256x28x28xi8>, tensor<1x32x28x28xi8>) -> tensor<1x288x28x28xi8>
    %48 = cnn.weight : tensor<128x288x1x1xi8>
    %49 = cnn.weight : tensor<128xi32>
    %denseblock2_denselayer6_conv1 = cnn.conv2d %denseblock2_denselayer5_concat, %48, %49 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer6/conv1"} : (tensor<1x288x28x28xi8>, tensor<128x288x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %50 = cnn.weight : tensor<32x128x3x3xi8>
    %51 = cnn.weight : tensor<32xi32>
    %denseblock2_denselayer6_conv2 = cnn.conv2d %denseblock2_denselayer6_conv1, %50, %51 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer6/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %denseblock2_denselayer6_concat = cnn.concat %denseblock2_denselayer5_concat, %denseblock2_denselayer6_conv2 {name = "denseblock2/denselayer6/concat"} : (tensor<1x288x28x28xi8>, tensor<1x32x28x28xi8>) -> tensor<1x320x28x28xi8>
    %52 = cnn.weight : tensor<128x320x1x1xi8>
    %53 = cnn.weight : tensor<128xi32>
    %denseblock2_denselayer7_conv1 = cnn.conv2d %denseblock2_denselayer6_concat, %52, %53 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer7/conv1"} : (tensor<1x320x28x28xi8>, tensor<128x320x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %54 = cnn.weight : tensor<32x128x3x3xi8>
    %55 = cnn.weight : tensor<32xi32>
    %denseblock2_denselayer7_conv2 = cnn.conv2d %denseblock2_denselayer7_conv1, %54, %55 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer7/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %denseblock2_denselayer7_concat = cnn.concat %denseblock2_denselayer6_concat, %denseblock2_denselayer7_conv2 {name = "denseblock2/denselayer7/concat"} : (tensor<1x320x28x28xi8>, tensor<1x32x28x28xi8>) -> tensor<1x352x28x28xi8>
    %56 = cnn.weight : tensor<128x352x1x1xi8>
    %57 = cnn.weight : tensor<128xi32>
    %denseblock2_denselayer8_conv1 = cnn.conv2d %denseblock2_denselayer7_concat, %56, %57 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer8/conv1"} : (tensor<1x352x28x28xi8>, tensor<128x352x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %58 = cnn.weight : tensor<32x128x3x3xi8>
    %59 = cnn.weight : tensor<32xi32>
    %denseblock2_denselayer8_conv2 = cnn.conv2d %denseblock2_denselayer8_conv1, %58, %59 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer8/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %denseblock2_denselayer8_concat = cnn.concat %denseblock2_denselayer7_concat, %denseblock2_denselayer8_conv2 {name = "denseblock2/denselayer8/concat"} : (tensor<1x352x28x28xi8>, tensor<1x32x28x28xi8>) -> tensor<1x384x28x28xi8>
    %60 = cnn.weight : tensor<128x384x1x1xi8>
    %61 = cnn.weight : tensor<128xi32>
    %denseblock2_denselayer9_conv1 = cnn.conv2d %denseblock2_denselayer8_concat, %60, %61 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer9/conv1"} : (tensor<1x384x28x28xi8>, tensor<128x384x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %62 = cnn.weight : tensor<32x128x3x3xi8>
    %63 = cnn.weight : tensor<32xi32>
    %denseblock2_denselayer9_conv2 = cnn.conv2d %denseblock2_denselayer9_conv1, %62, %63 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer9/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %denseblock2_denselayer9_concat = cnn.concat %denseblock2_denselayer8_concat, %denseblock2_denselayer9_conv2 {name = "denseblock2/denselayer9/concat"} : (tensor<1x384x28x28xi8>, tensor<1x32x28x28xi8>) -> tensor<1x416x28x28xi8>
    %64 = cnn.weight : tensor<128x416x1x1xi8>
    %65 = cnn.weight : tensor<128xi32>
    %denseblock2_denselayer10_conv1 = cnn.conv2d %denseblock2_denselayer9_concat, %64, %65 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer10/conv1"} : (tensor<1x416x28x28xi8>, tensor<128x416x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %66 = cnn.weight : tensor<32x128x3x3xi8>
    %67 = cnn.weight : tensor<32xi32>
    %denseblock2_denselayer10_conv2 = cnn.conv2d %denseblock2_denselayer10_conv1, %66, %67 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer10/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %denseblock2_denselayer10_concat = cnn.concat %denseblock2_denselayer9_concat, %denseblock2_denselayer10_conv2 {name = "denseblock2/denselayer10/concat"} : (tensor<1x416x28x28xi8>, tensor<1x32x28x28xi8>) -> tensor<1x448x28x28xi8>
    %68 = cnn.weight : tensor<128x448x1x1xi8>
    %69 = cnn.weight : tensor<128xi32>
    %denseblock2_denselayer11_conv1 = cnn.conv2d %denseblock2_denselayer10_concat, %68, %69 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer11/conv1"} : (tensor<1x448x28x28xi8>, tensor<128x448x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %70 = cnn.weight : tensor<32x128x3x3xi8>
    %71 = cnn.weight : tensor<32xi32>
    %denseblock2_denselayer11_conv2 = cnn.conv2d %denseblock2_denselayer11_conv1, %70, %71 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer11/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %denseblock2_denselayer11_concat = cnn.concat %denseblock2_denselayer10_concat, %denseblock2_denselayer11_conv2 {name = "denseblock2/denselayer11/concat"} : (tensor<1x448x28x28xi8>, tensor<1x32x28x28xi8>) -> tensor<1x480x28x28xi8>
    %72 = cnn.weight : tensor<128x480x1x1xi8>
    %73 = cnn.weight : tensor<128xi32>
    %denseblock2_denselayer12_conv1 = cnn.conv2d %denseblock2_denselayer11_concat, %72, %73 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer12/conv1"} : (tensor<1x480x28x28xi8>, tensor<128x480x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %74 = cnn.weight : tensor<32x128x3x3xi8>
    %75 = cnn.weight : tensor<32xi32>
    %denseblock2_denselayer12_conv2 = cnn.conv2d %denseblock2_denselayer12_conv1, %74, %75 {activation = #cnn.activation<relu>, name = "denseblock2/denselayer12/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %denseblock2_denselayer12_concat = cnn.concat %denseblock2_denselayer11_concat, %denseblock2_denselayer12_conv2 {name = "denseblock2/denselayer12/concat"} : (tensor<1x480x28x28xi8>, tensor<1x32x28x28xi8>) -> tensor<1x512x28x28xi8>
    %76 = cnn.weight : tensor<256x512x1x1xi8>
    %77 = cnn.weight : tensor<256xi32>
    %transition2_conv = cnn.conv2d %denseblock2_denselayer12_concat, %76, %77 {activation = #cnn.activation<relu>, name = "transition2/conv"} : (tensor<1x512x28x28xi8>, tensor<256x512x1x1xi8>, tensor<256xi32>) -> tensor<1x256x28x28xi8>
    %transition2_pool = cnn.avg_pool %transition2_conv {kernel = array<i64: 2, 2>, name = "transition2/pool", strides = array<i64: 2, 2>} : tensor<1x256x28x28xi8> -> tensor<1x256x14x14xi8>
    %78 = cnn.weight : tensor<128x256x1x1xi8>
    %79 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer1_conv1 = cnn.conv2d %transition2_pool, %78, %79 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer1/conv1"} : (tensor<1x256x14x14xi8>, tensor<128x256x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %80 = cnn.weight : tensor<32x128x3x3xi8>
    %81 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer1_conv2 = cnn.conv2d %denseblock3_denselayer1_conv1, %80, %81 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer1/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer1_concat = cnn.concat %transition2_pool, %denseblock3_denselayer1_conv2 {name = "denseblock3/denselayer1/concat"} : (tensor<1x256x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x288x14x14xi8>
    %82 = cnn.weight : tensor<128x288x1x1xi8>
    %83 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer2_conv1 = cnn.conv2d %denseblock3_denselayer1_concat, %82, %83 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer2/conv1"} : (tensor<1x288x14x14xi8>, tensor<128x288x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %84 = cnn.weight : tensor<32x128x3x3xi8>
    %85 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer2_conv2 = cnn.conv2d %denseblock3_denselayer2_conv1, %84, %85 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer2/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer2_concat = cnn.concat %denseblock3_denselayer1_concat, %denseblock3_denselayer2_conv2 {name = "denseblock3/denselayer2/concat"} : (tensor<1x288x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x320x14x14xi8>
    %86 = cnn.weight : tensor<128x320x1x1xi8>
    %87 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer3_conv1 = cnn.conv2d %denseblock3_denselayer2_concat, %86, %87 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer3/conv1"} : (tensor<1x320x14x14xi8>, tensor<128x320x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %88 = cnn.weight : tensor<32x128x3x3xi8>
    %89 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer3_conv2 = cnn.conv2d %denseblock3_denselayer3_conv1, %88, %89 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer3/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer3_concat = cnn.concat %denseblock3_denselayer2_concat, %denseblock3_denselayer3_conv2 {name = "denseblock3/denselayer3/concat"} : (tensor<1x320x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x352x14x14xi8>
    %90 = cnn.weight : tensor<128x352x1x1xi8>
    %91 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer4_conv1 = cnn.conv2d %denseblock3_denselayer3_concat, %90, %91 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer4/conv1"} : (tensor<1x352x14x14xi8>, tensor<128x352x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %92 = cnn.weight : tensor<32x128x3x3xi8>
    %93 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer4_conv2 = cnn.conv2d %denseblock3_denselayer4_conv1, %92, %93 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer4/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer4_concat = cnn.concat %denseblock3_denselayer3_concat, %denseblock3_denselayer4_conv2 {name = "denseblock3/denselayer4/concat"} : (tensor<1x352x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x384x14x14xi8>
    %94 = cnn.weight : tensor<128x384x1x1xi8>
    %95 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer5_conv1 = cnn.conv2d %denseblock3_denselayer4_concat, %94, %95 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer5/conv1"} : (tensor<1x384x14x14xi8>, tensor<128x384x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %96 = cnn.weight : tensor<32x128x3x3xi8>
    %97 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer5_conv2 = cnn.conv2d %denseblock3_denselayer5_conv1, %96, %97 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer5/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer5_concat = cnn.concat %denseblock3_denselayer4_concat, %denseblock3_denselayer5_conv2 {name = "denseblock3/denselayer5/concat"} : (tensor<1x384x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x416x14x14xi8>
    %98 = cnn.weight : tensor<128x416x1x1xi8>
    %99 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer6_conv1 = cnn.conv2d %denseblock3_denselayer5_concat, %98, %99 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer6/conv1"} : (tensor<1x416x14x14xi8>, tensor<128x416x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %100 = cnn.weight : tensor<32x128x3x3xi8>
    %101 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer6_conv2 = cnn.conv2d %denseblock3_denselayer6_conv1, %100, %101 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer6/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer6_concat = cnn.concat %denseblock3_denselayer5_concat, %denseblock3_denselayer6_conv2 {name = "denseblock3/denselayer6/concat"} : (tensor<1x416x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x448x14x14xi8>
    %102 = cnn.weight : tensor<128x448x1x1xi8>
    %103 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer7_conv1 = cnn.conv2d %denseblock3_denselayer6_concat, %102, %103 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer7/conv1"} : (tensor<1x448x14x14xi8>, tensor<128x448x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %104 = cnn.weight : tensor<32x128x3x3xi8>
    %105 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer7_conv2 = cnn.conv2d %denseblock3_denselayer7_conv1, %104, %105 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer7/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer7_concat = cnn.concat %denseblock3_denselayer6_concat, %denseblock3_denselayer7_conv2 {name = "denseblock3/denselayer7/concat"} : (tensor<1x448x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x480x14x14xi8>
    %106 = cnn.weight : tensor<128x480x1x1xi8>
    %107 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer8_conv1 = cnn.conv2d %denseblock3_denselayer7_concat, %106, %107 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer8/conv1"} : (tensor<1x480x14x14xi8>, tensor<128x480x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %108 = cnn.weight : tensor<32x128x3x3xi8>
    %109 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer8_conv2 = cnn.conv2d %denseblock3_denselayer8_conv1, %108, %109 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer8/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer8_concat = cnn.concat %denseblock3_denselayer7_concat, %denseblock3_denselayer8_conv2 {name = "denseblock3/denselayer8/concat"} : (tensor<1x480x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x512x14x14xi8>
    %110 = cnn.weight : tensor<128x512x1x1xi8>
    %111 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer9_conv1 = cnn.conv2d %denseblock3_denselayer8_concat, %110, %111 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer9/conv1"} : (tensor<1x512x14x14xi8>, tensor<128x512x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %112 = cnn.weight : tensor<32x128x3x3xi8>
    %113 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer9_conv2 = cnn.conv2d %denseblock3_denselayer9_conv1, %112, %113 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer9/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer9_concat = cnn.concat %denseblock3_denselayer8_concat, %denseblock3_denselayer9_conv2 {name = "denseblock3/denselayer9/concat"} : (tensor<1x512x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x544x14x14xi8>
    %114 = cnn.weight : tensor<128x544x1x1xi8>
    %115 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer10_conv1 = cnn.conv2d %denseblock3_denselayer9_concat, %114, %115 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer10/conv1"} : (tensor<1x544x14x14xi8>, tensor<128x544x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %116 = cnn.weight : tensor<32x128x3x3xi8>
    %117 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer10_conv2 = cnn.conv2d %denseblock3_denselayer10_conv1, %116, %117 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer10/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer10_concat = cnn.concat %denseblock3_denselayer9_concat, %denseblock3_denselayer10_conv2 {name = "denseblock3/denselayer10/concat"} : (tensor<1x544x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x576x14x14xi8>
    %118 = cnn.weight : tensor<128x576x1x1xi8>
    %119 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer11_conv1 = cnn.conv2d %denseblock3_denselayer10_concat, %118, %119 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer11/conv1"} : (tensor<1x576x14x14xi8>, tensor<128x576x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %120 = cnn.weight : tensor<32x128x3x3xi8>
    %121 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer11_conv2 = cnn.conv2d %denseblock3_denselayer11_conv1, %120, %121 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer11/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer11_concat = cnn.concat %denseblock3_denselayer10_concat, %denseblock3_denselayer11_conv2 {name = "denseblock3/denselayer11/concat"} : (tensor<1x576x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x608x14x14xi8>
    %122 = cnn.weight : tensor<128x608x1x1xi8>
    %123 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer12_conv1 = cnn.conv2d %denseblock3_denselayer11_concat, %122, %123 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer12/conv1"} : (tensor<1x608x14x14xi8>, tensor<128x608x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %124 = cnn.weight : tensor<32x128x3x3xi8>
    %125 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer12_conv2 = cnn.conv2d %denseblock3_denselayer12_conv1, %124, %125 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer12/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer12_concat = cnn.concat %denseblock3_denselayer11_concat, %denseblock3_denselayer12_conv2 {name = "denseblock3/denselayer12/concat"} : (tensor<1x608x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x640x14x14xi8>
    %126 = cnn.weight : tensor<128x640x1x1xi8>
    %127 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer13_conv1 = cnn.conv2d %denseblock3_denselayer12_concat, %126, %127 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer13/conv1"} : (tensor<1x640x14x14xi8>, tensor<128x640x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %128 = cnn.weight : tensor<32x128x3x3xi8>
    %129 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer13_conv2 = cnn.conv2d %denseblock3_denselayer13_conv1, %128, %129 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer13/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer13_concat = cnn.concat %denseblock3_denselayer12_concat, %denseblock3_denselayer13_conv2 {name = "denseblock3/denselayer13/concat"} : (tensor<1x640x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x672x14x14xi8>
    %130 = cnn.weight : tensor<128x672x1x1xi8>
    %131 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer14_conv1 = cnn.conv2d %denseblock3_denselayer13_concat, %130, %131 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer14/conv1"} : (tensor<1x672x14x14xi8>, tensor<128x672x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %132 = cnn.weight : tensor<32x128x3x3xi8>
    %133 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer14_conv2 = cnn.conv2d %denseblock3_denselayer14_conv1, %132, %133 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer14/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer14_concat = cnn.concat %denseblock3_denselayer13_concat, %denseblock3_denselayer14_conv2 {name = "denseblock3/denselayer14/concat"} : (tensor<1x672x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x704x14x14xi8>
    %134 = cnn.weight : tensor<128x704x1x1xi8>
    %135 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer15_conv1 = cnn.conv2d %denseblock3_denselayer14_concat, %134, %135 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer15/conv1"} : (tensor<1x704x14x14xi8>, tensor<128x704x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %136 = cnn.weight : tensor<32x128x3x3xi8>
    %137 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer15_conv2 = cnn.conv2d %denseblock3_denselayer15_conv1, %136, %137 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer15/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer15_concat = cnn.concat %denseblock3_denselayer14_concat, %denseblock3_denselayer15_conv2 {name = "denseblock3/denselayer15/concat"} : (tensor<1x704x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x736x14x14xi8>
    %138 = cnn.weight : tensor<128x736x1x1xi8>
    %139 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer16_conv1 = cnn.conv2d %denseblock3_denselayer15_concat, %138, %139 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer16/conv1"} : (tensor<1x736x14x14xi8>, tensor<128x736x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %140 = cnn.weight : tensor<32x128x3x3xi8>
    %141 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer16_conv2 = cnn.conv2d %denseblock3_denselayer16_conv1, %140, %141 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer16/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer16_concat = cnn.concat %denseblock3_denselayer15_concat, %denseblock3_denselayer16_conv2 {name = "denseblock3/denselayer16/concat"} : (tensor<1x736x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x768x14x14xi8>
    %142 = cnn.weight : tensor<128x768x1x1xi8>
    %143 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer17_conv1 = cnn.conv2d %denseblock3_denselayer16_concat, %142, %143 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer17/conv1"} : (tensor<1x768x14x14xi8>, tensor<128x768x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %144 = cnn.weight : tensor<32x128x3x3xi8>
    %145 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer17_conv2 = cnn.conv2d %denseblock3_denselayer17_conv1, %144, %145 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer17/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer17_concat = cnn.concat %denseblock3_denselayer16_concat, %denseblock3_denselayer17_conv2 {name = "denseblock3/denselayer17/concat"} : (tensor<1x768x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x800x14x14xi8>
    %146 = cnn.weight : tensor<128x800x1x1xi8>
    %147 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer18_conv1 = cnn.conv2d %denseblock3_denselayer17_concat, %146, %147 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer18/conv1"} : (tensor<1x800x14x14xi8>, tensor<128x800x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %148 = cnn.weight : tensor<32x128x3x3xi8>
    %149 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer18_conv2 = cnn.conv2d %denseblock3_denselayer18_conv1, %148, %149 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer18/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer18_concat = cnn.concat %denseblock3_denselayer17_concat, %denseblock3_denselayer18_conv2 {name = "denseblock3/denselayer18/concat"} : (tensor<1x800x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x832x14x14xi8>
    %150 = cnn.weight : tensor<128x832x1x1xi8>
    %151 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer19_conv1 = cnn.conv2d %denseblock3_denselayer18_concat, %150, %151 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer19/conv1"} : (tensor<1x832x14x14xi8>, tensor<128x832x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %152 = cnn.weight : tensor<32x128x3x3xi8>
    %153 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer19_conv2 = cnn.conv2d %denseblock3_denselayer19_conv1, %152, %153 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer19/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer19_concat = cnn.concat %denseblock3_denselayer18_concat, %denseblock3_denselayer19_conv2 {name = "denseblock3/denselayer19/concat"} : (tensor<1x832x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x864x14x14xi8>
    %154 = cnn.weight : tensor<128x864x1x1xi8>
    %155 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer20_conv1 = cnn.conv2d %denseblock3_denselayer19_concat, %154, %155 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer20/conv1"} : (tensor<1x864x14x14xi8>, tensor<128x864x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %156 = cnn.weight : tensor<32x128x3x3xi8>
    %157 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer20_conv2 = cnn.conv2d %denseblock3_denselayer20_conv1, %156, %157 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer20/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer20_concat = cnn.concat %denseblock3_denselayer19_concat, %denseblock3_denselayer20_conv2 {name = "denseblock3/denselayer20/concat"} : (tensor<1x864x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x896x14x14xi8>
    %158 = cnn.weight : tensor<128x896x1x1xi8>
    %159 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer21_conv1 = cnn.conv2d %denseblock3_denselayer20_concat, %158, %159 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer21/conv1"} : (tensor<1x896x14x14xi8>, tensor<128x896x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %160 = cnn.weight : tensor<32x128x3x3xi8>
    %161 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer21_conv2 = cnn.conv2d %denseblock3_denselayer21_conv1, %160, %161 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer21/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer21_concat = cnn.concat %denseblock3_denselayer20_concat, %denseblock3_denselayer21_conv2 {name = "denseblock3/denselayer21/concat"} : (tensor<1x896x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x928x14x14xi8>
    %162 = cnn.weight : tensor<128x928x1x1xi8>
    %163 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer22_conv1 = cnn.conv2d %denseblock3_denselayer21_concat, %162, %163 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer22/conv1"} : (tensor<1x928x14x14xi8>, tensor<128x928x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %164 = cnn.weight : tensor<32x128x3x3xi8>
    %165 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer22_conv2 = cnn.conv2d %denseblock3_denselayer22_conv1, %164, %165 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer22/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer22_concat = cnn.concat %denseblock3_denselayer21_concat, %denseblock3_denselayer22_conv2 {name = "denseblock3/denselayer22/concat"} : (tensor<1x928x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x960x14x14xi8>
    %166 = cnn.weight : tensor<128x960x1x1xi8>
    %167 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer23_conv1 = cnn.conv2d %denseblock3_denselayer22_concat, %166, %167 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer23/conv1"} : (tensor<1x960x14x14xi8>, tensor<128x960x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %168 = cnn.weight : tensor<32x128x3x3xi8>
    %169 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer23_conv2 = cnn.conv2d %denseblock3_denselayer23_conv1, %168, %169 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer23/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer23_concat = cnn.concat %denseblock3_denselayer22_concat, %denseblock3_denselayer23_conv2 {name = "denseblock3/denselayer23/concat"} : (tensor<1x960x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x992x14x14xi8>
    %170 = cnn.weight : tensor<128x992x1x1xi8>
    %171 = cnn.weight : tensor<128xi32>
    %denseblock3_denselayer24_conv1 = cnn.conv2d %denseblock3_denselayer23_concat, %170, %171 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer24/conv1"} : (tensor<1x992x14x14xi8>, tensor<128x992x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %172 = cnn.weight : tensor<32x128x3x3xi8>
    %173 = cnn.weight : tensor<32xi32>
    %denseblock3_denselayer24_conv2 = cnn.conv2d %denseblock3_denselayer24_conv1, %172, %173 {activation = #cnn.activation<relu>, name = "denseblock3/denselayer24/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %denseblock3_denselayer24_concat = cnn.concat %denseblock3_denselayer23_concat, %denseblock3_denselayer24_conv2 {name = "denseblock3/denselayer24/concat"} : (tensor<1x992x14x14xi8>, tensor<1x32x14x14xi8>) -> tensor<1x1024x14x14xi8>
    %174 = cnn.weight : tensor<512x1024x1x1xi8>
    %175 = cnn.weight : tensor<512xi32>
    %transition3_conv = cnn.conv2d %denseblock3_denselayer24_concat, %174, %175 {activation = #cnn.activation<relu>, name = "transition3/conv"} : (tensor<1x1024x14x14xi8>, tensor<512x1024x1x1xi8>, tensor<512xi32>) -> tensor<1x512x14x14xi8>
    %transition3_pool = cnn.avg_pool %transition3_conv {kernel = array<i64: 2, 2>, name = "transition3/pool", strides = array<i64: 2, 2>} : tensor<1x512x14x14xi8> -> tensor<1x512x7x7xi8>
    %176 = cnn.weight : tensor<128x512x1x1xi8>
    %177 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer1_conv1 = cnn.conv2d %transition3_pool, %176, %177 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer1/conv1"} : (tensor<1x512x7x7xi8>, tensor<128x512x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %178 = cnn.weight : tensor<32x128x3x3xi8>
    %179 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer1_conv2 = cnn.conv2d %denseblock4_denselayer1_conv1, %178, %179 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer1/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer1_concat = cnn.concat %transition3_pool, %denseblock4_denselayer1_conv2 {name = "denseblock4/denselayer1/concat"} : (tensor<1x512x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x544x7x7xi8>
    %180 = cnn.weight : tensor<128x544x1x1xi8>
    %181 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer2_conv1 = cnn.conv2d %denseblock4_denselayer1_concat, %180, %181 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer2/conv1"} : (tensor<1x544x7x7xi8>, tensor<128x544x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %182 = cnn.weight : tensor<32x128x3x3xi8>
    %183 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer2_conv2 = cnn.conv2d %denseblock4_denselayer2_conv1, %182, %183 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer2/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer2_concat = cnn.concat %denseblock4_denselayer1_concat, %denseblock4_denselayer2_conv2 {name = "denseblock4/denselayer2/concat"} : (tensor<1x544x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x576x7x7xi8>
    %184 = cnn.weight : tensor<128x576x1x1xi8>
    %185 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer3_conv1 = cnn.conv2d %denseblock4_denselayer2_concat, %184, %185 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer3/conv1"} : (tensor<1x576x7x7xi8>, tensor<128x576x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %186 = cnn.weight : tensor<32x128x3x3xi8>
    %187 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer3_conv2 = cnn.conv2d %denseblock4_denselayer3_conv1, %186, %187 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer3/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer3_concat = cnn.concat %denseblock4_denselayer2_concat, %denseblock4_denselayer3_conv2 {name = "denseblock4/denselayer3/concat"} : (tensor<1x576x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x608x7x7xi8>
    %188 = cnn.weight : tensor<128x608x1x1xi8>
    %189 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer4_conv1 = cnn.conv2d %denseblock4_denselayer3_concat, %188, %189 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer4/conv1"} : (tensor<1x608x7x7xi8>, tensor<128x608x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %190 = cnn.weight : tensor<32x128x3x3xi8>
    %191 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer4_conv2 = cnn.conv2d %denseblock4_denselayer4_conv1, %190, %191 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer4/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer4_concat = cnn.concat %denseblock4_denselayer3_concat, %denseblock4_denselayer4_conv2 {name = "denseblock4/denselayer4/concat"} : (tensor<1x608x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x640x7x7xi8>
    %192 = cnn.weight : tensor<128x640x1x1xi8>
    %193 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer5_conv1 = cnn.conv2d %denseblock4_denselayer4_concat, %192, %193 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer5/conv1"} : (tensor<1x640x7x7xi8>, tensor<128x640x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %194 = cnn.weight : tensor<32x128x3x3xi8>
    %195 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer5_conv2 = cnn.conv2d %denseblock4_denselayer5_conv1, %194, %195 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer5/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer5_concat = cnn.concat %denseblock4_denselayer4_concat, %denseblock4_denselayer5_conv2 {name = "denseblock4/denselayer5/concat"} : (tensor<1x640x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x672x7x7xi8>
    %196 = cnn.weight : tensor<128x672x1x1xi8>
    %197 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer6_conv1 = cnn.conv2d %denseblock4_denselayer5_concat, %196, %197 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer6/conv1"} : (tensor<1x672x7x7xi8>, tensor<128x672x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %198 = cnn.weight : tensor<32x128x3x3xi8>
    %199 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer6_conv2 = cnn.conv2d %denseblock4_denselayer6_conv1, %198, %199 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer6/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer6_concat = cnn.concat %denseblock4_denselayer5_concat, %denseblock4_denselayer6_conv2 {name = "denseblock4/denselayer6/concat"} : (tensor<1x672x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x704x7x7xi8>
    %200 = cnn.weight : tensor<128x704x1x1xi8>
    %201 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer7_conv1 = cnn.conv2d %denseblock4_denselayer6_concat, %200, %201 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer7/conv1"} : (tensor<1x704x7x7xi8>, tensor<128x704x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %202 = cnn.weight : tensor<32x128x3x3xi8>
    %203 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer7_conv2 = cnn.conv2d %denseblock4_denselayer7_conv1, %202, %203 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer7/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer7_concat = cnn.concat %denseblock4_denselayer6_concat, %denseblock4_denselayer7_conv2 {name = "denseblock4/denselayer7/concat"} : (tensor<1x704x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x736x7x7xi8>
    %204 = cnn.weight : tensor<128x736x1x1xi8>
    %205 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer8_conv1 = cnn.conv2d %denseblock4_denselayer7_concat, %204, %205 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer8/conv1"} : (tensor<1x736x7x7xi8>, tensor<128x736x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %206 = cnn.weight : tensor<32x128x3x3xi8>
    %207 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer8_conv2 = cnn.conv2d %denseblock4_denselayer8_conv1, %206, %207 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer8/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer8_concat = cnn.concat %denseblock4_denselayer7_concat, %denseblock4_denselayer8_conv2 {name = "denseblock4/denselayer8/concat"} : (tensor<1x736x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x768x7x7xi8>
    %208 = cnn.weight : tensor<128x768x1x1xi8>
    %209 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer9_conv1 = cnn.conv2d %denseblock4_denselayer8_concat, %208, %209 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer9/conv1"} : (tensor<1x768x7x7xi8>, tensor<128x768x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %210 = cnn.weight : tensor<32x128x3x3xi8>
    %211 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer9_conv2 = cnn.conv2d %denseblock4_denselayer9_conv1, %210, %211 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer9/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer9_concat = cnn.concat %denseblock4_denselayer8_concat, %denseblock4_denselayer9_conv2 {name = "denseblock4/denselayer9/concat"} : (tensor<1x768x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x800x7x7xi8>
    %212 = cnn.weight : tensor<128x800x1x1xi8>
    %213 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer10_conv1 = cnn.conv2d %denseblock4_denselayer9_concat, %212, %213 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer10/conv1"} : (tensor<1x800x7x7xi8>, tensor<128x800x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %214 = cnn.weight : tensor<32x128x3x3xi8>
    %215 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer10_conv2 = cnn.conv2d %denseblock4_denselayer10_conv1, %214, %215 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer10/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer10_concat = cnn.concat %denseblock4_denselayer9_concat, %denseblock4_denselayer10_conv2 {name = "denseblock4/denselayer10/concat"} : (tensor<1x800x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x832x7x7xi8>
    %216 = cnn.weight : tensor<128x832x1x1xi8>
    %217 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer11_conv1 = cnn.conv2d %denseblock4_denselayer10_concat, %216, %217 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer11/conv1"} : (tensor<1x832x7x7xi8>, tensor<128x832x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %218 = cnn.weight : tensor<32x128x3x3xi8>
    %219 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer11_conv2 = cnn.conv2d %denseblock4_denselayer11_conv1, %218, %219 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer11/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer11_concat = cnn.concat %denseblock4_denselayer10_concat, %denseblock4_denselayer11_conv2 {name = "denseblock4/denselayer11/concat"} : (tensor<1x832x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x864x7x7xi8>
    %220 = cnn.weight : tensor<128x864x1x1xi8>
    %221 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer12_conv1 = cnn.conv2d %denseblock4_denselayer11_concat, %220, %221 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer12/conv1"} : (tensor<1x864x7x7xi8>, tensor<128x864x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %222 = cnn.weight : tensor<32x128x3x3xi8>
    %223 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer12_conv2 = cnn.conv2d %denseblock4_denselayer12_conv1, %222, %223 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer12/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer12_concat = cnn.concat %denseblock4_denselayer11_concat, %denseblock4_denselayer12_conv2 {name = "denseblock4/denselayer12/concat"} : (tensor<1x864x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x896x7x7xi8>
    %224 = cnn.weight : tensor<128x896x1x1xi8>
    %225 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer13_conv1 = cnn.conv2d %denseblock4_denselayer12_concat, %224, %225 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer13/conv1"} : (tensor<1x896x7x7xi8>, tensor<128x896x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %226 = cnn.weight : tensor<32x128x3x3xi8>
    %227 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer13_conv2 = cnn.conv2d %denseblock4_denselayer13_conv1, %226, %227 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer13/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer13_concat = cnn.concat %denseblock4_denselayer12_concat, %denseblock4_denselayer13_conv2 {name = "denseblock4/denselayer13/concat"} : (tensor<1x896x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x928x7x7xi8>
    %228 = cnn.weight : tensor<128x928x1x1xi8>
    %229 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer14_conv1 = cnn.conv2d %denseblock4_denselayer13_concat, %228, %229 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer14/conv1"} : (tensor<1x928x7x7xi8>, tensor<128x928x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %230 = cnn.weight : tensor<32x128x3x3xi8>
    %231 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer14_conv2 = cnn.conv2d %denseblock4_denselayer14_conv1, %230, %231 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer14/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer14_concat = cnn.concat %denseblock4_denselayer13_concat, %denseblock4_denselayer14_conv2 {name = "denseblock4/denselayer14/concat"} : (tensor<1x928x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x960x7x7xi8>
    %232 = cnn.weight : tensor<128x960x1x1xi8>
    %233 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer15_conv1 = cnn.conv2d %denseblock4_denselayer14_concat, %232, %233 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer15/conv1"} : (tensor<1x960x7x7xi8>, tensor<128x960x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %234 = cnn.weight : tensor<32x128x3x3xi8>
    %235 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer15_conv2 = cnn.conv2d %denseblock4_denselayer15_conv1, %234, %235 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer15/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer15_concat = cnn.concat %denseblock4_denselayer14_concat, %denseblock4_denselayer15_conv2 {name = "denseblock4/denselayer15/concat"} : (tensor<1x960x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x992x7x7xi8>
    %236 = cnn.weight : tensor<128x992x1x1xi8>
    %237 = cnn.weight : tensor<128xi32>
    %denseblock4_denselayer16_conv1 = cnn.conv2d %denseblock4_denselayer15_concat, %236, %237 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer16/conv1"} : (tensor<1x992x7x7xi8>, tensor<128x992x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %238 = cnn.weight : tensor<32x128x3x3xi8>
    %239 = cnn.weight : tensor<32xi32>
    %denseblock4_denselayer16_conv2 = cnn.conv2d %denseblock4_denselayer16_conv1, %238, %239 {activation = #cnn.activation<relu>, name = "denseblock4/denselayer16/conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x7x7xi8>, tensor<32x128x3x3xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %denseblock4_denselayer16_concat = cnn.concat %denseblock4_denselayer15_concat, %denseblock4_denselayer16_conv2 {name = "denseblock4/denselayer16/concat"} : (tensor<1x992x7x7xi8>, tensor<1x32x7x7xi8>) -> tensor<1x1024x7x7xi8>
    %avgpool = cnn.global_avg_pool %denseblock4_denselayer16_concat {name = "avgpool"} : tensor<1x1024x7x7xi8> -> tensor<1x1024x1x1xi8>
    %240 = cnn.weight : tensor<1000x1024xi8>
    %241 = cnn.weight : tensor<1000xi32>
    %classifier = cnn.fully_connected %avgpool, %240, %241 {name = "classifier"} : (tensor<1x1024x1x1xi8>, tensor<1000x1024xi8>, tensor<1000xi32>) -> tensor<1x1000x1x1xi8>
    %softmax = cnn.softmax %classifier {name = "softmax"} : tensor<1x1000x1x1xi8>
    return %softmax : tensor<1x1000x1x1xi8>
  }
}
