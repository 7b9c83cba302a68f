// ResNet-50 v1 (He et al. 2015), stride in the first 1x1 convolution
// cnn-zoo resnet50: 224x224 (width x height), i8, shape-only weights
module {
  func.func @resnet50(%arg0: tensor<1x3x224x224xi8>) -> tensor<1x1000x1x1xi8> {
    %0 = cnn.weight : tensor<64x3x7x7xi8>
    %1 = cnn.weight : tensor<64xi32>
    %conv1 = cnn.conv2d %arg0, %0, %1 {activation = #cnn.activation<relu>, name = "conv1", padding = array<i64: 3, 3, 3, 3>, strides = array<i64: 2, 2>} : (tensor<1x3x224x224xi8>, tensor<64x3x7x7xi8>, tensor<64xi32>) -> tensor<1x64x112x112xi8>
    %pool1 = cnn.max_pool %conv1 {kernel = array<i64: 3, 3>, name = "pool1", padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<1x64x112x112xi8> -> tensor<1x64x56x56xi8>
    %2 = cnn.weight : tensor<256x64x1x1xi8>
    %3 = cnn.weight : tensor<256xi32>
    %res2a_branch1 = cnn.conv2d %pool1, %2, %3 {name = "res2a_branch1"} : (tensor<1x64x56x56xi8>, tensor<256x64x1x1xi8>, tensor<256xi32>) -> tensor<1x256x56x56xi8>
    %4 = cnn.weight : tensor<64x64x1x1xi8>
    %5 = cnn.weight : tensor<64xi32>
    %res2a_branch2a = cnn.conv2d %pool1, %4, %5 {activation = #cnn.activation<relu>, name = "res2a_branch2a"} : (tensor<1x64x56x56xi8>, tensor<64x64x1x1xi8>, tensor<64xi32>) -> tensor<1x64x56x56xi8>
    %6 = cnn.weight : tensor<64x64x3x3xi8>
    %7 = cnn.weight : tensor<64xi32>
    %res2a_branch2b = cnn.conv2d %res2a_branch2a, %6, %7 {activation = #cnn.activation<relu>, name = "res2a_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x64x56x56xi8>, tensor<64x64x3x3xi8>, tensor<64xi32>) -> tensor<1x64x56x56xi8>
    %8 = cnn.weight : tensor<256x64x1x1xi8>
    %9 = cnn.weight : tensor<256xi32>
    %res2a_branch2c = cnn.conv2d %res2a_branch2b, %8, %9 {name = "res2a_branch2c"} : (tensor<1x64x56x56xi8>, tensor<256x64x1x1xi8>, tensor<256xi32>) -> tensor<1x256x56x56xi8>
    %res2a = cnn.add %res2a_branch2c, %res2a_branch1 {activation = #cnn.activation<relu>, name = "res2a"} : tensor<1x256x56x56xi8>
    %10 = cnn.weight : tensor<64x256x1x1xi8>
    %11 = cnn.weight : tensor<64xi32>
    %res2b_branch2a = cnn.conv2d %res2a, %10, %11 {activation = #cnn.activation<relu>, name = "res2b_branch2a"} : (tensor<1x256x56x56xi8>, tensor<64x256x1x1xi8>, tensor<64xi32>) -> tensor<1x64x56x56xi8>
    %12 = cnn.weight : tensor<64x64x3x3xi8>
    %13 = cnn.weight : tensor<64xi32>
    %res2b_branch2b = cnn.conv2d %res2b_branch2a, %12, %13 {activation = #cnn.activation<relu>, name = "res2b_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x64x56x56xi8>, tensor<64x64x3x3xi8>, tensor<64xi32>) -> tensor<1x64x56x56xi8>
    %14 = cnn.weight : tensor<256x64x1x1xi8>
    %15 = cnn.weight : tensor<256xi32>
    %res2b_branch2c = cnn.conv2d %res2b_branch2b, %14, %15 {name = "res2b_branch2c"} : (tensor<1x64x56x56xi8>, tensor<256x64x1x1xi8>, tensor<256xi32>) -> tensor<1x256x56x56xi8>
    %res2b = cnn.add %res2b_branch2c, %res2a {activation = #cnn.activation<relu>, name = "res2b"} : tensor<1x256x56x56xi8>
    %16 = cnn.weight : tensor<64x256x1x1xi8>
    %17 = cnn.weight : tensor<64xi32>
    %res2c_branch2a = cnn.conv2d %res2b, %16, %17 {activation = #cnn.activation<relu>, name = "res2c_branch2a"} : (tensor<1x256x56x56xi8>, tensor<64x256x1x1xi8>, tensor<64xi32>) -> tensor<1x64x56x56xi8>
    %18 = cnn.weight : tensor<64x64x3x3xi8>
    %19 = cnn.weight : tensor<64xi32>
    %res2c_branch2b = cnn.conv2d %res2c_branch2a, %18, %19 {activation = #cnn.activation<relu>, name = "res2c_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x64x56x56xi8>, tensor<64x64x3x3xi8>, tensor<64xi32>) -> tensor<1x64x56x56xi8>
    %20 = cnn.weight : tensor<256x64x1x1xi8>
    %21 = cnn.weight : tensor<256xi32>
    %res2c_branch2c = cnn.conv2d %res2c_branch2b, %20, %21 {name = "res2c_branch2c"} : (tensor<1x64x56x56xi8>, tensor<256x64x1x1xi8>, tensor<256xi32>) -> tensor<1x256x56x56xi8>
    %res2c = cnn.add %res2c_branch2c, %res2b {activation = #cnn.activation<relu>, name = "res2c"} : tensor<1x256x56x56xi8>
    %22 = cnn.weight : tensor<512x256x1x1xi8>
    %23 = cnn.weight : tensor<512xi32>
    %res3a_branch1 = cnn.conv2d %res2c, %22, %23 {name = "res3a_branch1", strides = array<i64: 2, 2>} : (tensor<1x256x56x56xi8>, tensor<512x256x1x1xi8>, tensor<512xi32>) -> tensor<1x512x28x28xi8>
    %24 = cnn.weight : tensor<128x256x1x1xi8>
    %25 = cnn.weight : tensor<128xi32>
    %res3a_branch2a = cnn.conv2d %res2c, %24, %25 {activation = #cnn.activation<relu>, name = "res3a_branch2a", strides = array<i64: 2, 2>} : (tensor<1x256x56x56xi8>, tensor<128x256x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %26 = cnn.weight : tensor<128x128x3x3xi8>
    %27 = cnn.weight : tensor<128xi32>
    %res3a_branch2b = cnn.conv2d %res3a_branch2a, %26, %27 {activation = #cnn.activation<relu>, name = "res3a_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<128x128x3x3xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %28 = cnn.weight : tensor<512x128x1x1xi8>
    %29 = cnn.weight : tensor<512xi32>
    %res3a_branch2c = cnn.conv2d %res3a_branch2b, %28, %29 {name = "res3a_branch2c"} : (tensor<1x128x28x28xi8>, tensor<512x128x1x1xi8>, tensor<512xi32>) -> tensor<1x512x28x28xi8>
    %res3a = cnn.add %res3a_branch2c, %res3a_branch1 {activation = #cnn.activation<relu>, name = "res3a"} : tensor<1x512x28x28xi8>
    %30 = cnn.weight : tensor<128x512x1x1xi8>
    %31 = cnn.weight : tensor<128xi32>
    %res3b_branch2a = cnn.conv2d %res3a, %30, %31 {activation = #cnn.activation<relu>, name = "res3b_branch2a"} : (tensor<1x512x28x28xi8>, tensor<128x512x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %32 = cnn.weight : tensor<128x128x3x3xi8>
    %33 = cnn.weight : tensor<128xi32>
    %res3b_branch2b = cnn.conv2d %res3b_branch2a, %32, %33 {activation = #cnn.activation<relu>, name = "res3b_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<128x128x3x3xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %34 = cnn.weight : tensor<512x128x1x1xi8>
    %35 = cnn.weight : tensor<512xi32>
    %res3b_branch2c = cnn.conv2d %res3b_branch2b, %34, %35 {name = "res3b_branch2c"} : (tensor<1x128x28x28xi8>, tensor<512x128x1x1xi8>, tensor<512xi32>) -> tensor<1x512x28x28xi8>
    %res3b = cnn.add %res3b_branch2c, %res3a {activation = #cnn.activation<relu>, name = "res3b"} : tensor<1x512x28x28xi8>
    %36 = cnn.weight : tensor<128x512x1x1xi8>
    %37 = cnn.weight : tensor<128xi32>
    %res3c_branch2a = cnn.conv2d %res3b, %36, %37 {activation = #cnn.activation<relu>, name = "res3c_branch2a"} : (tensor<1x512x28x28xi8>, tensor<128x512x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %38 = cnn.weight : tensor<128x128x3x3xi8>
    %39 = cnn.weight : tensor<128xi32>
    %res3c_branch2b = cnn.conv2d %res3c_branch2a, %38, %39 {activation = #cnn.activation<relu>, name = "res3c_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<128x128x3x3xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %40 = cnn.weight : tensor<512x128x1x1xi8>
    %41 = cnn.weight : tensor<512xi32>
    %res3c_branch2c = cnn.conv2d %res3c_branch2b, %40, %41 {name = "res3c_branch2c"} : (tensor<1x128x28x28xi8>, tensor<512x128x1x1xi8>, tensor<512xi32>) -> tensor<1x512x28x28xi8>
    %res3c = cnn.add %res3c_branch2c, %res3b {activation = #cnn.activation<relu>, name = "res3c"} : tensor<1x512x28x28xi8>
    %42 = cnn.weight : tensor<128x512x1x1xi8>
    %43 = cnn.weight : tensor<128xi32>
    %res3d_branch2a = cnn.conv2d %res3c, %42, %43 {activation = #cnn.activation<relu>, name = "res3d_branch2a"} : (tensor<1x512x28x28xi8>, tensor<128x512x1x1xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %44 = cnn.weight : tensor<128x128x3x3xi8>
    %45 = cnn.weight : tensor<128xi32>
    %res3d_branch2b = cnn.conv2d %res3d_branch2a, %44, %45 {activation = #cnn.activation<relu>, name = "res3d_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x128x28x28xi8>, tensor<128x128x3x3xi8>, tensor<128xi32>) -> tensor<1x128x28x28xi8>
    %46 = cnn.weight : tensor<512x128x1x1xi8>
    %47 = cnn.weight : tensor<512xi32>
    %res3d_branch2c = cnn.conv2d %res3d_branch2b, %46, %47 {name = "res3d_branch2c"} : (tensor<1x128x28x28xi8>, tensor<512x128x1x1xi8>, tensor<512xi32>) -> tensor<1x512x28x28xi8>
    %res3d = cnn.add %res3d_branch2c, %res3c {activation = #cnn.activation<relu>, name = "res3d"} : tensor<1x512x28x28xi8>
    %48 = cnn.weight : tensor<1024x512x1x1xi8>
    %49 = cnn.weight : tensor<1024xi32>
    %res4a_branch1 = cnn.conv2d %res3d, %48, %49 {name = "res4a_branch1", strides = array<i64: 2, 2>} : (tensor<1x512x28x28xi8>, tensor<1024x512x1x1xi8>, tensor<1024xi32>) -> tensor<1x1024x14x14xi8>
    %50 = cnn.weight : tensor<256x512x1x1xi8>
    %51 = cnn.weight : tensor<256xi32>
    %res4a_branch2a = cnn.conv2d %res3d, %50, %51 {activation = #cnn.activation<relu>, name = "res4a_branch2a", strides = array<i64: 2, 2>} : (tensor<1x512x28x28xi8>, tensor<256x512x1x1xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %52 = cnn.weight : tensor<256x256x3x3xi8>
    %53 = cnn.weight : tensor<256xi32>
    %res4a_branch2b = cnn.conv2d %res4a_branch2a, %52, %53 {activation = #cnn.activation<relu>, name = "res4a_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x14x14xi8>, tensor<256x256x3x3xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %54 = cnn.weight : tensor<1024x256x1x1xi8>
    %55 = cnn.weight : tensor<1024xi32>
    %res4a_branch2c = cnn.conv2d %res4a_branch2b, %54, %55 {name = "res4a_branch2c"} : (tensor<1x256x14x14xi8>, tensor<1024x256x1x1xi8>, tensor<1024xi32>) -> tensor<1x1024x14x14xi8>
    %res4a = cnn.add %res4a_branch2c, %res4a_branch1 {activation = #cnn.activation<relu>, name = "res4a"} : tensor<1x1024x14x14xi8>
    %56 = cnn.weight : tensor<256x1024x1x1xi8>
    %57 = cnn.weight : tensor<256xi32>
    %res4b_branch2a = cnn.conv2d %res4a, %56, %57 {activation = #cnn.activation<relu>, name = "res4b_branch2a"} : (tensor<1x1024x14x14xi8>, tensor<256x1024x1x1xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %58 = cnn.weight : tensor<256x256x3x3xi8>
    %59 = cnn.weight : tensor<256xi32>
    %res4b_branch2b = cnn.conv2d %res4b_branch2a, %58, %59 {activation = #cnn.activation<relu>, name = "res4b_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x14x14xi8>, tensor<256x256x3x3xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %60 = cnn.weight : tensor<1024x256x1x1xi8>
    %61 = cnn.weight : tensor<1024xi32>
    %res4b_branch2c = cnn.conv2d %res4b_branch2b, %60, %61 {name = "res4b_branch2c"} : (tensor<1x256x14x14xi8>, tensor<1024x256x1x1xi8>, tensor<1024xi32>) -> tensor<1x1024x14x14xi8>
    %res4b = cnn.add %res4b_branch2c, %res4a {activation = #cnn.activation<relu>, name = "res4b"} : tensor<1x1024x14x14xi8>
    %62 = cnn.weight : tensor<256x1024x1x1xi8>
    %63 = cnn.weight : tensor<256xi32>
    %res4c_branch2a = cnn.conv2d %res4b, %62, %63 {activation = #cnn.activation<relu>, name = "res4c_branch2a"} : (tensor<1x1024x14x14xi8>, tensor<256x1024x1x1xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %64 = cnn.weight : tensor<256x256x3x3xi8>
    %65 = cnn.weight : tensor<256xi32>
    %res4c_branch2b = cnn.conv2d %res4c_branch2a, %64, %65 {activation = #cnn.activation<relu>, name = "res4c_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x14x14xi8>, tensor<256x256x3x3xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %66 = cnn.weight : tensor<1024x256x1x1xi8>
    %67 = cnn.weight : tensor<1024xi32>
    %res4c_branch2c = cnn.conv2d %res4c_branch2b, %66, %67 {name = "res4c_branch2c"} : (tensor<1x256x14x14xi8>, tensor<1024x256x1x1xi8>, tensor<1024xi32>) -> tensor<1x1024x14x14xi8>
    %res4c = cnn.add %res4c_branch2c, %res4b {activation = #cnn.activation<relu>, name = "res4c"} : tensor<1x1024x14x14xi8>
    %68 = cnn.weight : tensor<256x1024x1x1xi8>
    %69 = cnn.weight : tensor<256xi32>
    %res4d_branch2a = cnn.conv2d %res4c, %68, %69 {activation = #cnn.activation<relu>, name = "res4d_branch2a"} : (tensor<1x1024x14x14xi8>, tensor<256x1024x1x1xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %70 = cnn.weight : tensor<256x256x3x3xi8>
    %71 = cnn.weight : tensor<256xi32>
    %res4d_branch2b = cnn.conv2d %res4d_branch2a, %70, %71 {activation = #cnn.activation<relu>, name = "res4d_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x14x14xi8>, tensor<256x256x3x3xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %72 = cnn.weight : tensor<1024x256x1x1xi8>
    %73 = cnn.weight : tensor<1024xi32>
    %res4d_branch2c = cnn.conv2d %res4d_branch2b, %72, %73 {name = "res4d_branch2c"} : (tensor<1x256x14x14xi8>, tensor<1024x256x1x1xi8>, tensor<1024xi32>) -> tensor<1x1024x14x14xi8>
    %res4d = cnn.add %res4d_branch2c, %res4c {activation = #cnn.activation<relu>, name = "res4d"} : tensor<1x1024x14x14xi8>
    %74 = cnn.weight : tensor<256x1024x1x1xi8>
    %75 = cnn.weight : tensor<256xi32>
    %res4e_branch2a = cnn.conv2d %res4d, %74, %75 {activation = #cnn.activation<relu>, name = "res4e_branch2a"} : (tensor<1x1024x14x14xi8>, tensor<256x1024x1x1xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %76 = cnn.weight : tensor<256x256x3x3xi8>
    %77 = cnn.weight : tensor<256xi32>
    %res4e_branch2b = cnn.conv2d %res4e_branch2a, %76, %77 {activation = #cnn.activation<relu>, name = "res4e_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x14x14xi8>, tensor<256x256x3x3xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %78 = cnn.weight : tensor<1024x256x1x1xi8>
    %79 = cnn.weight : tensor<1024xi32>
    %res4e_branch2c = cnn.conv2d %res4e_branch2b, %78, %79 {name = "res4e_branch2c"} : (tensor<1x256x14x14xi8>, tensor<1024x256x1x1xi8>, tensor<1024xi32>) -> tensor<1x1024x14x14xi8>
    %res4e = cnn.add %res4e_branch2c, %res4d {activation = #cnn.activation<relu>, name = "res4e"} : tensor<1x1024x14x14xi8>
    %80 = cnn.weight : tensor<256x1024x1x1xi8>
    %81 = cnn.weight : tensor<256xi32>
    %res4f_branch2a = cnn.conv2d %res4e, %80, %81 {activation = #cnn.activation<relu>, name = "res4f_branch2a"} : (tensor<1x1024x14x14xi8>, tensor<256x1024x1x1xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %82 = cnn.weight : tensor<256x256x3x3xi8>
    %83 = cnn.weight : tensor<256xi32>
    %res4f_branch2b = cnn.conv2d %res4f_branch2a, %82, %83 {activation = #cnn.activation<relu>, name = "res4f_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x256x14x14xi8>, tensor<256x256x3x3xi8>, tensor<256xi32>) -> tensor<1x256x14x14xi8>
    %84 = cnn.weight : tensor<1024x256x1x1xi8>
    %85 = cnn.weight : tensor<1024xi32>
    %res4f_branch2c = cnn.conv2d %res4f_branch2b, %84, %85 {name = "res4f_branch2c"} : (tensor<1x256x14x14xi8>, tensor<1024x256x1x1xi8>, tensor<1024xi32>) -> tensor<1x1024x14x14xi8>
    %res4f = cnn.add %res4f_branch2c, %res4e {activation = #cnn.activation<relu>, name = "res4f"} : tensor<1x1024x14x14xi8>
    %86 = cnn.weight : tensor<2048x1024x1x1xi8>
    %87 = cnn.weight : tensor<2048xi32>
    %res5a_branch1 = cnn.conv2d %res4f, %86, %87 {name = "res5a_branch1", strides = array<i64: 2, 2>} : (tensor<1x1024x14x14xi8>, tensor<2048x1024x1x1xi8>, tensor<2048xi32>) -> tensor<1x2048x7x7xi8>
    %88 = cnn.weight : tensor<512x1024x1x1xi8>
    %89 = cnn.weight : tensor<512xi32>
    %res5a_branch2a = cnn.conv2d %res4f, %88, %89 {activation = #cnn.activation<relu>, name = "res5a_branch2a", strides = array<i64: 2, 2>} : (tensor<1x1024x14x14xi8>, tensor<512x1024x1x1xi8>, tensor<512xi32>) -> tensor<1x512x7x7xi8>
    %90 = cnn.weight : tensor<512x512x3x3xi8>
    %91 = cnn.weight : tensor<512xi32>
    %res5a_branch2b = cnn.conv2d %res5a_branch2a, %90, %91 {activation = #cnn.activation<relu>, name = "res5a_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x7x7xi8>, tensor<512x512x3x3xi8>, tensor<512xi32>) -> tensor<1x512x7x7xi8>
    %92 = cnn.weight : tensor<2048x512x1x1xi8>
    %93 = cnn.weight : tensor<2048xi32>
    %res5a_branch2c = cnn.conv2d %res5a_branch2b, %92, %93 {name = "res5a_branch2c"} : (tensor<1x512x7x7xi8>, tensor<2048x512x1x1xi8>, tensor<2048xi32>) -> tensor<1x2048x7x7xi8>
    %res5a = cnn.add %res5a_branch2c, %res5a_branch1 {activation = #cnn.activation<relu>, name = "res5a"} : tensor<1x2048x7x7xi8>
    %94 = cnn.weight : tensor<512x2048x1x1xi8>
    %95 = cnn.weight : tensor<512xi32>
    %res5b_branch2a = cnn.conv2d %res5a, %94, %95 {activation = #cnn.activation<relu>, name = "res5b_branch2a"} : (tensor<1x2048x7x7xi8>, tensor<512x2048x1x1xi8>, tensor<512xi32>) -> tensor<1x512x7x7xi8>
    %96 = cnn.weight : tensor<512x512x3x3xi8>
    %97 = cnn.weight : tensor<512xi32>
    %res5b_branch2b = cnn.conv2d %res5b_branch2a, %96, %97 {activation = #cnn.activation<relu>, name = "res5b_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x7x7xi8>, tensor<512x512x3x3xi8>, tensor<512xi32>) -> tensor<1x512x7x7xi8>
    %98 = cnn.weight : tensor<2048x512x1x1xi8>
    %99 = cnn.weight : tensor<2048xi32>
    %res5b_branch2c = cnn.conv2d %res5b_branch2b, %98, %99 {name = "res5b_branch2c"} : (tensor<1x512x7x7xi8>, tensor<2048x512x1x1xi8>, tensor<2048xi32>) -> tensor<1x2048x7x7xi8>
    %res5b = cnn.add %res5b_branch2c, %res5a {activation = #cnn.activation<relu>, name = "res5b"} : tensor<1x2048x7x7xi8>
    %100 = cnn.weight : tensor<512x2048x1x1xi8>
    %101 = cnn.weight : tensor<512xi32>
    %res5c_branch2a = cnn.conv2d %res5b, %100, %101 {activation = #cnn.activation<relu>, name = "res5c_branch2a"} : (tensor<1x2048x7x7xi8>, tensor<512x2048x1x1xi8>, tensor<512xi32>) -> tensor<1x512x7x7xi8>
    %102 = cnn.weight : tensor<512x512x3x3xi8>
    %103 = cnn.weight : tensor<512xi32>
    %res5c_branch2b = cnn.conv2d %res5c_branch2a, %102, %103 {activation = #cnn.activation<relu>, name = "res5c_branch2b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x512x7x7xi8>, tensor<512x512x3x3xi8>, tensor<512xi32>) -> tensor<1x512x7x7xi8>
    %104 = cnn.weight : tensor<2048x512x1x1xi8>
    %105 = cnn.weight : tensor<2048xi32>
    %res5c_branch2c = cnn.conv2d %res5c_branch2b, %104, %105 {name = "res5c_branch2c"} : (tensor<1x512x7x7xi8>, tensor<2048x512x1x1xi8>, tensor<2048xi32>) -> tensor<1x2048x7x7xi8>
    %res5c = cnn.add %res5c_branch2c, %res5b {activation = #cnn.activation<relu>, name = "res5c"} : tensor<1x2048x7x7xi8>
    %pool5 = cnn.global_avg_pool %res5c {name = "pool5"} : tensor<1x2048x7x7xi8> -> tensor<1x2048x1x1xi8>
    %106 = cnn.weight : tensor<1000x2048xi8>
    %107 = cnn.weight : tensor<1000xi32>
    %fc1000 = cnn.fully_connected %pool5, %106, %107 {name = "fc1000"} : (tensor<1x2048x1x1xi8>, tensor<1000x2048xi8>, tensor<1000xi32>) -> tensor<1x1000x1x1xi8>
    %prob = cnn.softmax %fc1000 {name = "prob"} : tensor<1x1000x1x1xi8>
    return %prob : tensor<1x1000x1x1xi8>
  }
}
