// GoogLeNet / Inception v1 (Szegedy et al. 2014), no auxiliary classifiers
// cnn-zoo googlenet: 224x224 (width x height), i8, shape-only weights
module {
  func.func @googlenet(%arg0: tensor<1x3x224x224xi8>) -> tensor<1x1000x1x1xi8> {
    %0 = cnn.weight : tensor<64x3x7x7xi8>
    %1 = cnn.weight : tensor<64xi32>
    %conv1_7x7_s2 = cnn.conv2d %arg0, %0, %1 {activation = #cnn.activation<relu>, name = "conv1/7x7_s2", padding = array<i64: 3, 3, 3, 3>, strides = array<i64: 2, 2>} : (tensor<1x3x224x224xi8>, tensor<64x3x7x7xi8>, tensor<64xi32>) -> tensor<1x64x112x112xi8>
    %pool1_3x3_s2 = cnn.max_pool %conv1_7x7_s2 {kernel = array<i64: 3, 3>, name = "pool1/3x3_s2", padding = array<i64: 0, 1, 0, 1>, strides = array<i64: 2, 2>} : tensor<1x64x112x112xi8> -> tensor<1x64x56x56xi8>
    %2 = cnn.weight : tensor<64x64x1x1xi8>
    %3 = cnn.weight : tensor<64xi32>
    %conv2_3x3_reduce = cnn.conv2d %pool1_3x3_s2, %2, %3 {activation = #cnn.activation<relu>, name = "conv2/3x3_reduce"} : (tensor<1x64x56x56xi8>, tensor<64x64x1x1xi8>, tensor<64xi32>) -> tensor<1x64x56x56xi8>
    %4 = cnn.weight : tensor<192x64x3x3xi8>
    %5 = cnn.weight : tensor<192xi32>
    %conv2_3x3 = cnn.conv2d %conv2_3x3_reduce, %4, %5 {activation = #cnn.activation<relu>, name = "conv2/3x3", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x64x56x56xi8>, tensor<192x64x3x3xi8>, tensor<192xi32>) -> tensor<1x192x56x56xi8>
    %pool2_3x3_s2 = cnn.max_pool %conv2_3x3 {kernel = array<i64: 3, 3>, name = "pool2/3x3_s2", padding = array<i64: 0, 1, 0, 1>, strides = array<i64: 2, 2>} : tensor<1x192x56x56xi8> -> tensor<1x192x28x28xi8>
    %6 = cnn.weight : tensor<64x192x1x1xi8>
    %7 = cnn.weight : tensor<64xi32>
    %inception_3a_1x1 = cnn.conv2d %pool2_3x3_s2, %6, %7 {activation = #cnn.activation<relu>, name = "inception_3a/1x1"} : (tensor<1x192x28x28xi8>, tensor<64x192x1x1xi8>, tensor<64xi32>) -> tensor<1x64x28x28xi8>
    %8 = cnn.weight : tensor<96x192x1x1xi8>
    %9 = cnn.weight : tensor<96xi32>
    %inception_3a_3x3_reduce = cnn.conv2d %pool2_3x3_s2, %8, %9 {activation = #cnn.activation<relu>, name = "inception_3a/3x3_reduce"} : (tensor<1x192x28x28xi8>, tensor<96x192x1x1xi8>, tensor<96xi32>) -> tensor<1x96x28x28xi8>
    %10 = cnn.weight : tensor<128x96x3x3xi8>
    %11 = cnn.weight : tensor<128xi32>
    %inception_3a_3x3 = cnn.conv2d %inception_3a_3x3_reduce, %10, %11 {activation = #cnn.activation<relu>, name = "inception_3a/3x3", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x96x28x28xi8>, tensor<128x96x3x3xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %12 = cnn.weight : tensor<16x192x1x1xi8>
    %13 = cnn.weight : tensor<16xi32>
    %inception_3a_5x5_reduce = cnn.conv2d %pool2_3x3_s2, %12, %13 {activation = #cnn.activation<relu>, name = "inception_3a/5x5_reduce"} : (tensor<1x192x28x28xi8>, tensor<16x192x1x1xi8>, tensor<16xi32>) -> tensor<1x16x28x28xi8>
    %14 = cnn.weight : tensor<32x16x5x5xi8>
    %15 = cnn.weight : tensor<32xi32>
    %inception_3a_5x5 = cnn.conv2d %inception_3a_5x5_reduce, %14, %15 {activation = #cnn.activation<relu>, name = "inception_3a/5x5", padding = array<i64: 2, 2, 2, 2>} : (tensor<1x16x28x28xi8>, tensor<32x16x5x5xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %inception_3a_pool = cnn.max_pool %pool2_3x3_s2 {kernel = array<i64: 3, 3>, name = "inception_3a/pool", padding = array<i64: 1, 1, 1, 1>} : tensor<1x192x28x28xi8> -> tensor<1x192x28x28xi8>
    %16 = cnn.weight : tensor<32x192x1x1xi8>
    %17 = cnn.weight : tensor<32xi32>
    %inception_3a_pool_proj = cnn.conv2d %inception_3a_pool, %16, %17 {activation = #cnn.activation<relu>, name = "inception_3a/pool_proj"} : (tensor<1x192x28x28xi8>, tensor<32x192x1x1xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %inception_3a_output = cnn.concat %inception_3a_1x1, %inception_3a_3x3, %inception_3a_5x5, %inception_3a_pool_proj {name = "inception_3a/output"} : (tensor<1x64x28x28xi8>, tensor<1x128x28x28xi8>, tensor<1x32x28x28xi8>, tensor<1x32x28x28xi8>) -> tensor<1x256x28x28xi8>
    %18 = cnn.weight : tensor<128x256x1x1xi8>
    %19 = cnn.weight : tensor<128xi32>
    %inception_3b_1x1 = cnn.conv2d %inception_3a_output, %18, %19 {activation = #cnn.activation<relu>, name = "inception_3b/1x1"} : (tensor<1x256x28x28xi8>, tensor<128x256x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %20 = cnn.weight : tensor<128x256x1x1xi8>
    %21 = cnn.weight : tensor<128xi32>
    %inception_3b_3x3_reduce = cnn.conv2d %inception_3a_output, %20, %21 {activation = #cnn.activation<relu>, name = "inception_3b/3x3_reduce"} : (tensor<1x256x28x28xi8>, tensor<128x256x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %22 = cnn.weight : tensor<192x128x3x3xi8>
    %23 = cnn.weight : tensor<192xi32>
    %inception_3b_3x3 = cnn.conv2d %inception_3b_3x3_reduce, %22, %23 {activation = #cnn.activation<relu>, name = "inception_3b/3x3", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<192x128x3x3xi8>, tensor<192xi32>) -> tensor<1x192x28x28xi8>
    %24 = cnn.weight : tensor<32x256x1x1xi8>
    %25 = cnn.weight : tensor<32xi32>
    %inception_3b_5x5_reduce = cnn.conv2d %inception_3a_output, %24, %25 {activation = #cnn.activation<relu>, name = "inception_3b/5x5_reduce"} : (tensor<1x256x28x28xi8>, tensor<32x256x1x1xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %26 = cnn.weight : tensor<96x32x5x5xi8>
    %27 = cnn.weight : tensor<96xi32>
    %inception_3b_5x5 = cnn.conv2d %inception_3b_5x5_reduce, %26, %27 {activation = #cnn.activation<relu>, name = "inception_3b/5x5", padding = array<i64: 2, 2, 2, 2>} : (tensor<1x32x28x28xi8>, tensor<96x32x5x5xi8>, tensor<96xi32>) -> tensor<1x96x28x28xi8>
    %inception_3b_pool = cnn.max_pool %inception_3a_output {kernel = array<i64: 3, 3>, name = "inception_3b/pool", padding = array<i64: 1, 1, 1, 1>} : tensor<1x256x28x28xi8> -> tensor<1x256x28x28xi8>
    %28 = cnn.weight : tensor<64x256x1x1xi8>
    %29 = cnn.weight : tensor<64xi32>
    %inception_3b_pool_proj = cnn.conv2d %inception_3b_pool, %28, %29 {activation = #cnn.activation<relu>, name = "inception_3b/pool_proj"} : (tensor<1x256x28x28xi8>, tensor<64x256x1x1xi8>, tensor<64xi32>) -> tensor<1x64x28x28xi8>
    %inception_3b_output = cnn.concat %inception_3b_1x1, %inception_3b_3x3, %inception_3b_5x5, %inception_3b_pool_proj {name = "inception_3b/output"} : (tensor<1x128x28x28xi8>, tensor<1x192x28x28xi8>, tensor<1x96x28x28xi8>, tensor<1x64x28x28xi8>) -> tensor<1x480x28x28xi8>
    %pool3_3x3_s2 = cnn.max_pool %inception_3b_output {kernel = array<i64: 3, 3>, name = "pool3/3x3_s2", padding = array<i64: 0, 1, 0, 1>, strides = array<i64: 2, 2>} : tensor<1x480x28x28xi8> -> tensor<1x480x14x14xi8>
    %30 = cnn.weight : tensor<192x480x1x1xi8>
    %31 = cnn.weight : tensor<192xi32>
    %inception_4a_1x1 = cnn.conv2d %pool3_3x3_s2, %30, %31 {activation = #cnn.activation<relu>, name = "inception_4a/1x1"} : (tensor<1x480x14x14xi8>, tensor<192x480x1x1xi8>, tensor<192xi32>) -> tensor<1x192x14x14xi8>
    %32 = cnn.weight : tensor<96x480x1x1xi8>
    %33 = cnn.weight : tensor<96xi32>
    %inception_4a_3x3_reduce = cnn.conv2d %pool3_3x3_s2, %32, %33 {activation = #cnn.activation<relu>, name = "inception_4a/3x3_reduce"} : (tensor<1x480x14x14xi8>, tensor<96x480x1x1xi8>, tensor<96xi32>) -> tensor<1x96x14x14xi8>
    %34 = cnn.weight : tensor<208x96x3x3xi8>
    %35 = cnn.weight : tensor<208xi32>
    %inception_4a_3x3 = cnn.conv2d %inception_4a_3x3_reduce, %34, %35 {activation = #cnn.activation<relu>, name = "inception_4a/3x3", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x96x14x14xi8>, tensor<208x96x3x3xi8>, tensor<208xi32>) -> tensor<1x208x14x14xi8>
    %36 = cnn.weight : tensor<16x480x1x1xi8>
    %37 = cnn.weight : tensor<16xi32>
    %inception_4a_5x5_reduce = cnn.conv2d %pool3_3x3_s2, %36, %37 {activation = #cnn.activation<relu>, name = "inception_4a/5x5_reduce"} : (tensor<1x480x14x14xi8>, tensor<16x480x1x1xi8>, tensor<16xi32>) -> tensor<1x16x14x14xi8>
    %38 = cnn.weight : tensor<48x16x5x5xi8>
    %39 = cnn.weight : tensor<48xi32>
    %inception_4a_5x5 = cnn.conv2d %inception_4a_5x5_reduce, %38, %39 {activation = #cnn.activation<relu>, name = "inception_4a/5x5", padding = array<i64: 2, 2, 2, 2>} : (tensor<1x16x14x14xi8>, tensor<48x16x5x5xi8>, tensor<48xi32>) -> tensor<1x48x14x14xi8>
    %inception_4a_pool = cnn.max_pool %pool3_3x3_s2 {kernel = array<i64: 3, 3>, name = "inception_4a/pool", padding = array<i64: 1, 1, 1, 1>} : tensor<1x480x14x14xi8> -> tensor<1x480x14x14xi8>
    %40 = cnn.weight : tensor<64x480x1x1xi8>
    %41 = cnn.weight : tensor<64xi32>
    %inception_4a_pool_proj = cnn.conv2d %inception_4a_pool, %40, %41 {activation = #cnn.activation<relu>, name = "inception_4a/pool_proj"} : (tensor<1x480x14x14xi8>, tensor<64x480x1x1xi8>, tensor<64xi32>) -> tensor<1x64x14x14xi8>
    %inception_4a_output = cnn.concat %inception_4a_1x1, %inception_4a_3x3, %inception_4a_5x5, %inception_4a_pool_proj {name = "inception_4a/output"} : (tensor<1x192x14x14xi8>, tensor<1x208x14x14xi8>, tensor<1x48x14x14xi8>, tensor<1x64x14x14xi8>) -> tensor<1x512x14x14xi8>
    %42 = cnn.weight : tensor<160x512x1x1xi8>
    %43 = cnn.weight : tensor<160xi32>
    %inception_4b_1x1 = cnn.conv2d %inception_4a_output, %42, %43 {activation = #cnn.activation<relu>, name = "inception_4b/1x1"} : (tensor<1x512x14x14xi8>, tensor<160x512x1x1xi8>, tensor<160xi32>) -> tensor<1x160x14x14xi8>
    %44 = cnn.weight : tensor<112x512x1x1xi8>
    %45 = cnn.weight : tensor<112xi32>
    %inception_4b_3x3_reduce = cnn.conv2d %inception_4a_output, %44, %45 {activation = #cnn.activation<relu>, name = "inception_4b/3x3_reduce"} : (tensor<1x512x14x14xi8>, tensor<112x512x1x1xi8>, tensor<112xi32>) -> tensor<1x112x14x14xi8>
    %46 = cnn.weight : tensor<224x112x3x3xi8>
    %47 = cnn.weight : tensor<224xi32>
    %inception_4b_3x3 = cnn.conv2d %inception_4b_3x3_reduce, %46, %47 {activation = #cnn.activation<relu>, name = "inception_4b/3x3", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x112x14x14xi8>, tensor<224x112x3x3xi8>, tensor<224xi32>) -> tensor<1x224x14x14xi8>
    %48 = cnn.weight : tensor<24x512x1x1xi8>
    %49 = cnn.weight : tensor<24xi32>
    %inception_4b_5x5_reduce = cnn.conv2d %inception_4a_output, %48, %49 {activation = #cnn.activation<relu>, name = "inception_4b/5x5_reduce"} : (tensor<1x512x14x14xi8>, tensor<24x512x1x1xi8>, tensor<24xi32>) -> tensor<1x24x14x14xi8>
    %50 = cnn.weight : tensor<64x24x5x5xi8>
    %51 = cnn.weight : tensor<64xi32>
    %inception_4b_5x5 = cnn.conv2d %inception_4b_5x5_reduce, %50, %51 {activation = #cnn.activation<relu>, name = "inception_4b/5x5", padding = array<i64: 2, 2, 2, 2>} : (tensor<1x24x14x14xi8>, tensor<64x24x5x5xi8>, tensor<64xi32>) -> tensor<1x64x14x14xi8>
    %inception_4b_pool = cnn.max_pool %inception_4a_output {kernel = array<i64: 3, 3>, name = "inception_4b/pool", padding = array<i64: 1, 1, 1, 1>} : tensor<1x512x14x14xi8> -> tensor<1x512x14x14xi8>
    %52 = cnn.weight : tensor<64x512x1x1xi8>
    %53 = cnn.weight : tensor<64xi32>
    %inception_4b_pool_proj = cnn.conv2d %inception_4b_pool, %52, %53 {activation = #cnn.activation<relu>, name = "inception_4b/pool_proj"} : (tensor<1x512x14x14xi8>, tensor<64x512x1x1xi8>, tensor<64xi32>) -> tensor<1x64x14x14xi8>
    %inception_4b_output = cnn.concat %inception_4b_1x1, %inception_4b_3x3, %inception_4b_5x5, %inception_4b_pool_proj {name = "inception_4b/output"} : (tensor<1x160x14x14xi8>, tensor<1x224x14x14xi8>, tensor<1x64x14x14xi8>, tensor<1x64x14x14xi8>) -> tensor<1x512x14x14xi8>
    %54 = cnn.weight : tensor<128x512x1x1xi8>
    %55 = cnn.weight : tensor<128xi32>
    %inception_4c_1x1 = cnn.conv2d %inception_4b_output, %54, %55 {activation = #cnn.activation<relu>, name = "inception_4c/1x1"} : (tensor<1x512x14x14xi8>, tensor<128x512x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %56 = cnn.weight : tensor<128x512x1x1xi8>
    %57 = cnn.weight : tensor<128xi32>
    %inception_4c_3x3_reduce = cnn.conv2d %inception_4b_output, %56, %57 {activation = #cnn.activation<relu>, name = "inception_4c/3x3_reduce"} : (tensor<1x512x14x14xi8>, tensor<128x512x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %58 = cnn.weight : tensor<256x128x3x3xi8>
    %59 = cnn.weight : tensor<256xi32>
    %inception_4c_3x3 = cnn.conv2d %inception_4c_3x3_reduce, %58, %59 {activation = #cnn.activation<relu>, name = "inception_4c/3x3", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x14x14xi8>, tensor<256x128x3x3xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %60 = cnn.weight : tensor<24x512x1x1xi8>
    %61 = cnn.weight : tensor<24xi32>
    %inception_4c_5x5_reduce = cnn.conv2d %inception_4b_output, %60, %61 {activation = #cnn.activation<relu>, name = "inception_4c/5x5_reduce"} : (tensor<1x512x14x14xi8>, tensor<24x512x1x1xi8>, tensor<24xi32>) -> tensor<1x24x14x14xi8>
    %62 = cnn.weight : tensor<64x24x5x5xi8>
    %63 = cnn.weight : tensor<64xi32>
    %inception_4c_5x5 = cnn.conv2d %inception_4c_5x5_reduce, %62, %63 {activation = #cnn.activation<relu>, name = "inception_4c/5x5", padding = array<i64: 2, 2, 2, 2>} : (tensor<1x24x14x14xi8>, tensor<64x24x5x5xi8>, tensor<64xi32>) -> tensor<1x64x14x14xi8>
    %inception_4c_pool = cnn.max_pool %inception_4b_output {kernel = array<i64: 3, 3>, name = "inception_4c/pool", padding = array<i64: 1, 1, 1, 1>} : tensor<1x512x14x14xi8> -> tensor<1x512x14x14xi8>
    %64 = cnn.weight : tensor<64x512x1x1xi8>
    %65 = cnn.weight : tensor<64xi32>
    %inception_4c_pool_proj = cnn.conv2d %inception_4c_pool, %64, %65 {activation = #cnn.activation<relu>, name = "inception_4c/pool_proj"} : (tensor<1x512x14x14xi8>, tensor<64x512x1x1xi8>, tensor<64xi32>) -> tensor<1x64x14x14xi8>
    %inception_4c_output = cnn.concat %inception_4c_1x1, %inception_4c_3x3, %inception_4c_5x5, %inception_4c_pool_proj {name = "inception_4c/output"} : (tensor<1x128x14x14xi8>, tensor<1x256x14x14xi8>, tensor<1x64x14x14xi8>, tensor<1x64x14x14xi8>) -> tensor<1x512x14x14xi8>
    %66 = cnn.weight : tensor<112x512x1x1xi8>
    %67 = cnn.weight : tensor<112xi32>
    %inception_4d_1x1 = cnn.conv2d %inception_4c_output, %66, %67 {activation = #cnn.activation<relu>, name = "inception_4d/1x1"} : (tensor<1x512x14x14xi8>, tensor<112x512x1x1xi8>, tensor<112xi32>) -> tensor<1x112x14x14xi8>
    %68 = cnn.weight : tensor<144x512x1x1xi8>
    %69 = cnn.weight : tensor<144xi32>
    %inception_4d_3x3_reduce = cnn.conv2d %inception_4c_output, %68, %69 {activation = #cnn.activation<relu>, name = "inception_4d/3x3_reduce"} : (tensor<1x512x14x14xi8>, tensor<144x512x1x1xi8>, tensor<144xi32>) -> tensor<1x144x14x14xi8>
    %70 = cnn.weight : tensor<288x144x3x3xi8>
    %71 = cnn.weight : tensor<288xi32>
    %inception_4d_3x3 = cnn.conv2d %inception_4d_3x3_reduce, %70, %71 {activation = #cnn.activation<relu>, name = "inception_4d/3x3", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x144x14x14xi8>, tensor<288x144x3x3xi8>, tensor<288xi32>) -> tensor<1x288x14x14xi8>
    %72 = cnn.weight : tensor<32x512x1x1xi8>
    %73 = cnn.weight : tensor<32xi32>
    %inception_4d_5x5_reduce = cnn.conv2d %inception_4c_output, %72, %73 {activation = #cnn.activation<relu>, name = "inception_4d/5x5_reduce"} : (tensor<1x512x14x14xi8>, tensor<32x512x1x1xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %74 = cnn.weight : tensor<64x32x5x5xi8>
    %75 = cnn.weight : tensor<64xi32>
    %inception_4d_5x5 = cnn.conv2d %inception_4d_5x5_reduce, %74, %75 {activation = #cnn.activation<relu>, name = "inception_4d/5x5", padding = array<i64: 2, 2, 2, 2>} : (tensor<1x32x14x14xi8>, tensor<64x32x5x5xi8>, tensor<64xi32>) -> tensor<1x64x14x14xi8>
    %inception_4d_pool = cnn.max_pool %inception_4c_output {kernel = array<i64: 3, 3>, name = "inception_4d/pool", padding = array<i64: 1, 1, 1, 1>} : tensor<1x512x14x14xi8> -> tensor<1x512x14x14xi8>
    %76 = cnn.weight : tensor<64x512x1x1xi8>
    %77 = cnn.weight : tensor<64xi32>
    %inception_4d_pool_proj = cnn.conv2d %inception_4d_pool, %76, %77 {activation = #cnn.activation<relu>, name = "inception_4d/pool_proj"} : (tensor<1x512x14x14xi8>, tensor<64x512x1x1xi8>, tensor<64xi32>) -> tensor<1x64x14x14xi8>
    %inception_4d_output = cnn.concat %inception_4d_1x1, %inception_4d_3x3, %inception_4d_5x5, %inception_4d_pool_proj {name = "inception_4d/output"} : (tensor<1x112x14x14xi8>, tensor<1x288x14x14xi8>, tensor<1x64x14x14xi8>, tensor<1x64x14x14xi8>) -> tensor<1x528x14x14xi8>
    %78 = cnn.weight : tensor<256x528x1x1xi8>
    %79 = cnn.weight : tensor<256xi32>
    %inception_4e_1x1 = cnn.conv2d %inception_4d_output, %78, %79 {activation = #cnn.activation<relu>, name = "inception_4e/1x1"} : (tensor<1x528x14x14xi8>, tensor<256x528x1x1xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %80 = cnn.weight : tensor<160x528x1x1xi8>
    %81 = cnn.weight : tensor<160xi32>
    %inception_4e_3x3_reduce = cnn.conv2d %inception_4d_output, %80, %81 {activation = #cnn.activation<relu>, name = "inception_4e/3x3_reduce"} : (tensor<1x528x14x14xi8>, tensor<160x528x1x1xi8>, tensor<160xi32>) -> tensor<1x160x14x14xi8>
    %82 = cnn.weight : tensor<320x160x3x3xi8>
    %83 = cnn.weight : tensor<320xi32>
    %inception_4e_3x3 = cnn.conv2d %inception_4e_3x3_reduce, %82, %83 {activation = #cnn.activation<relu>, name = "inception_4e/3x3", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x160x14x14xi8>, tensor<320x160x3x3xi8>, tensor<320xi32>) -> tensor<1x320x14x14xi8>
    %84 = cnn.weight : tensor<32x528x1x1xi8>
    %85 = cnn.weight : tensor<32xi32>
    %inception_4e_5x5_reduce = cnn.conv2d %inception_4d_output, %84, %85 {activation = #cnn.activation<relu>, name = "inception_4e/5x5_reduce"} : (tensor<1x528x14x14xi8>, tensor<32x528x1x1xi8>, tensor<32xi32>) -> tensor<1x32x14x14xi8>
    %86 = cnn.weight : tensor<128x32x5x5xi8>
    %87 = cnn.weight : tensor<128xi32>
    %inception_4e_5x5 = cnn.conv2d %inception_4e_5x5_reduce, %86, %87 {activation = #cnn.activation<relu>, name = "inception_4e/5x5", padding = array<i64: 2, 2, 2, 2>} : (tensor<1x32x14x14xi8>, tensor<128x32x5x5xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %inception_4e_pool = cnn.max_pool %inception_4d_output {kernel = array<i64: 3, 3>, name = "inception_4e/pool", padding = array<i64: 1, 1, 1, 1>} : tensor<1x528x14x14xi8> -> tensor<1x528x14x14xi8>
    %88 = cnn.weight : tensor<128x528x1x1xi8>
    %89 = cnn.weight : tensor<128xi32>
    %inception_4e_pool_proj = cnn.conv2d %inception_4e_pool, %88, %89 {activation = #cnn.activation<relu>, name = "inception_4e/pool_proj"} : (tensor<1x528x14x14xi8>, tensor<128x528x1x1xi8>, tensor<128xi32>) -> tensor<1x128x14x14xi8>
    %inception_4e_output = cnn.concat %inception_4e_1x1, %inception_4e_3x3, %inception_4e_5x5, %inception_4e_pool_proj {name = "inception_4e/output"} : (tensor<1x256x14x14xi8>, tensor<1x320x14x14xi8>, tensor<1x128x14x14xi8>, tensor<1x128x14x14xi8>) -> tensor<1x832x14x14xi8>
    %pool4_3x3_s2 = cnn.max_pool %inception_4e_output {kernel = array<i64: 3, 3>, name = "pool4/3x3_s2", padding = array<i64: 0, 1, 0, 1>, strides = array<i64: 2, 2>} : tensor<1x832x14x14xi8> -> tensor<1x832x7x7xi8>
    %90 = cnn.weight : tensor<256x832x1x1xi8>
    %91 = cnn.weight : tensor<256xi32>
    %inception_5a_1x1 = cnn.conv2d %pool4_3x3_s2, %90, %91 {activation = #cnn.activation<relu>, name = "inception_5a/1x1"} : (tensor<1x832x7x7xi8>, tensor<256x832x1x1xi8>, tensor<256xi32>) -> tensor<1x256x7x7xi8>
    %92 = cnn.weight : tensor<160x832x1x1xi8>
    %93 = cnn.weight : tensor<160xi32>
    %inception_5a_3x3_reduce = cnn.conv2d %pool4_3x3_s2, %92, %93 {activation = #cnn.activation<relu>, name = "inception_5a/3x3_reduce"} : (tensor<1x832x7x7xi8>, tensor<160x832x1x1xi8>, tensor<160xi32>) -> tensor<1x160x7x7xi8>
    %94 = cnn.weight : tensor<320x160x3x3xi8>
    %95 = cnn.weight : tensor<320xi32>
    %inception_5a_3x3 = cnn.conv2d %inception_5a_3x3_reduce, %94, %95 {activation = #cnn.activation<relu>, name = "inception_5a/3x3", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x160x7x7xi8>, tensor<320x160x3x3xi8>, tensor<320xi32>) -> tensor<1x320x7x7xi8>
    %96 = cnn.weight : tensor<32x832x1x1xi8>
    %97 = cnn.weight : tensor<32xi32>
    %inception_5a_5x5_reduce = cnn.conv2d %pool4_3x3_s2, %96, %97 {activation = #cnn.activation<relu>, name = "inception_5a/5x5_reduce"} : (tensor<1x832x7x7xi8>, tensor<32x832x1x1xi8>, tensor<32xi32>) -> tensor<1x32x7x7xi8>
    %98 = cnn.weight : tensor<128x32x5x5xi8>
    %99 = cnn.weight : tensor<128xi32>
    %inception_5a_5x5 = cnn.conv2d %inception_5a_5x5_reduce, %98, %99 {activation = #cnn.activation<relu>, name = "inception_5a/5x5", padding = array<i64: 2, 2, 2, 2>} : (tensor<1x32x7x7xi8>, tensor<128x32x5x5xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %inception_5a_pool = cnn.max_pool %pool4_3x3_s2 {kernel = array<i64: 3, 3>, name = "inception_5a/pool", padding = array<i64: 1, 1, 1, 1>} : tensor<1x832x7x7xi8> -> tensor<1x832x7x7xi8>
    %100 = cnn.weight : tensor<128x832x1x1xi8>
    %101 = cnn.weight : tensor<128xi32>
    %inception_5a_pool_proj = cnn.conv2d %inception_5a_pool, %100, %101 {activation = #cnn.activation<relu>, name = "inception_5a/pool_proj"} : (tensor<1x832x7x7xi8>, tensor<128x832x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %inception_5a_output = cnn.concat %inception_5a_1x1, %inception_5a_3x3, %inception_5a_5x5, %inception_5a_pool_proj {name = "inception_5a/output"} : (tensor<1x256x7x7xi8>, tensor<1x320x7x7xi8>, tensor<1x128x7x7xi8>, tensor<1x128x7x7xi8>) -> tensor<1x832x7x7xi8>
    %102 = cnn.weight : tensor<384x832x1x1xi8>
    %103 = cnn.weight : tensor<384xi32>
    %inception_5b_1x1 = cnn.conv2d %inception_5a_output, %102, %103 {activation = #cnn.activation<relu>, name = "inception_5b/1x1"} : (tensor<1x832x7x7xi8>, tensor<384x832x1x1xi8>, tensor<384xi32>) -> tensor<1x384x7x7xi8>
    %104 = cnn.weight : tensor<192x832x1x1xi8>
    %105 = cnn.weight : tensor<192xi32>
    %inception_5b_3x3_reduce = cnn.conv2d %inception_5a_output, %104, %105 {activation = #cnn.activation<relu>, name = "inception_5b/3x3_reduce"} : (tensor<1x832x7x7xi8>, tensor<192x832x1x1xi8>, tensor<192xi32>) -> tensor<1x192x7x7xi8>
    %106 = cnn.weight : tensor<384x192x3x3xi8>
    %107 = cnn.weight : tensor<384xi32>
    %inception_5b_3x3 = cnn.conv2d %inception_5b_3x3_reduce, %106, %107 {activation = #cnn.activation<relu>, name = "inception_5b/3x3", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x192x7x7xi8>, tensor<384x192x3x3xi8>, tensor<384xi32>) -> tensor<1x384x7x7xi8>
    %108 = cnn.weight : tensor<48x832x1x1xi8>
    %109 = cnn.weight : tensor<48xi32>
    %inception_5b_5x5_reduce = cnn.conv2d %inception_5a_output, %108, %109 {activation = #cnn.activation<relu>, name = "inception_5b/5x5_reduce"} : (tensor<1x832x7x7xi8>, tensor<48x832x1x1xi8>, tensor<48xi32>) -> tensor<1x48x7x7xi8>
    %110 = cnn.weight : tensor<128x48x5x5xi8>
    %111 = cnn.weight : tensor<128xi32>
    %inception_5b_5x5 = cnn.conv2d %inception_5b_5x5_reduce, %110, %111 {activation = #cnn.activation<relu>, name = "inception_5b/5x5", padding = array<i64: 2, 2, 2, 2>} : (tensor<1x48x7x7xi8>, tensor<128x48x5x5xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %inception_5b_pool = cnn.max_pool %inception_5a_output {kernel = array<i64: 3, 3>, name = "inception_5b/pool", padding = array<i64: 1, 1, 1, 1>} : tensor<1x832x7x7xi8> -> tensor<1x832x7x7xi8>
    %112 = cnn.weight : tensor<128x832x1x1xi8>
    %113 = cnn.weight : tensor<128xi32>
    %inception_5b_pool_proj = cnn.conv2d %inception_5b_pool, %112, %113 {activation = #cnn.activation<relu>, name = "inception_5b/pool_proj"} : (tensor<1x832x7x7xi8>, tensor<128x832x1x1xi8>, tensor<128xi32>) -> tensor<1x128x7x7xi8>
    %inception_5b_output = cnn.concat %inception_5b_1x1, %inception_5b_3x3, %inception_5b_5x5, %inception_5b_pool_proj {name = "inception_5b/output"} : (tensor<1x384x7x7xi8>, tensor<1x384x7x7xi8>, tensor<1x128x7x7xi8>, tensor<1x128x7x7xi8>) -> tensor<1x1024x7x7xi8>
    %pool5_7x7_s1 = cnn.global_avg_pool %inception_5b_output {name = "pool5/7x7_s1"} : tensor<1x1024x7x7xi8> -> tensor<1x1024x1x1xi8>
    %114 = cnn.weight : tensor<1000x1024xi8>
    %115 = cnn.weight : tensor<1000xi32>
    %loss3_classifier = cnn.fully_connected %pool5_7x7_s1, %114, %115 {name = "loss3/classifier"} : (tensor<1x1024x1x1xi8>, tensor<1000x1024xi8>, tensor<1000xi32>) -> tensor<1x1000x1x1xi8>
    %prob = cnn.softmax %loss3_classifier {name = "prob"} : tensor<1x1000x1x1xi8>
    return %prob : tensor<1x1000x1x1xi8>
  }
}
