// MobileNet v2 1.0 (Sandler et al. 2018)
// cnn-zoo mobilenet_v2: 224x224 (width x height), i8, shape-only weights
module {
  func.func @mobilenet_v2(%arg0: tensor<1x3x224x224xi8>) -> tensor<1x1000x1x1xi8> {
    %0 = cnn.weight : tensor<32x3x3x3xi8>
    %1 = cnn.weight : tensor<32xi32>
    %Conv1 = cnn.conv2d %arg0, %0, %1 {activation = #cnn.activation<relu6>, name = "Conv1", padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x224x224xi8>, tensor<32x3x3x3xi8>, tensor<32xi32>) -> tensor<1x32x112x112xi8>
    %2 = cnn.weight : tensor<32x1x3x3xi8>
    %3 = cnn.weight : tensor<32xi32>
    %expanded_conv_depthwise = cnn.conv2d %Conv1, %2, %3 {activation = #cnn.activation<relu6>, groups = 32 : i64, name = "expanded_conv_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x32x112x112xi8>, tensor<32x1x3x3xi8>, tensor<32xi32>) -> tensor<1x32x112x112xi8>
    %4 = cnn.weight : tensor<16x32x1x1xi8>
    %5 = cnn.weight : tensor<16xi32>
    %expanded_conv_project = cnn.conv2d %expanded_conv_depthwise, %4, %5 {name = "expanded_conv_project"} : (tensor<1x32x112x112xi8>, tensor<16x32x1x1xi8>, tensor<16xi32>) -> tensor<1x16x112x112xi8>
    %6 = cnn.weight : tensor<96x16x1x1xi8>
    %7 = cnn.weight : tensor<96xi32>
    %block_1_expand = cnn.conv2d %expanded_conv_project, %6, %7 {activation = #cnn.activation<relu6>, name = "block_1_expand"} : (tensor<1x16x112x112xi8>, tensor<96x16x1x1xi8>, tensor<96xi32>) -> tensor<1x96x112x112xi8>
    %8 = cnn.weight : tensor<96x1x3x3xi8>
    %9 = cnn.weight : tensor<96xi32>
    %block_1_depthwise = cnn.conv2d %block_1_expand, %8, %9 {activation = #cnn.activation<relu6>, groups = 96 : i64, name = "block_1_depthwise", padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x96x112x112xi8>, tensor<96x1x3x3xi8>, tensor<96xi32>) -> tensor<1x96x56x56xi8>
    %10 = cnn.weight : tensor<24x96x1x1xi8>
    %11 = cnn.weight : tensor<24xi32>
    %block_1_project = cnn.conv2d %block_1_depthwise, %10, %11 {name = "block_1_project"} : (tensor<1x96x56x56xi8>, tensor<24x96x1x1xi8>, tensor<24xi32>) -> tensor<1x24x56x56xi8>
    %12 = cnn.weight : tensor<144x24x1x1xi8>
    %13 = cnn.weight : tensor<144xi32>
    %block_2_expand = cnn.conv2d %block_1_project, %12, %13 {activation = #cnn.activation<relu6>, name = "block_2_expand"} : (tensor<1x24x56x56xi8>, tensor<144x24x1x1xi8>, tensor<144xi32>) -> tensor<1x144x56x56xi8>
    %14 = cnn.weight : tensor<144x1x3x3xi8>
    %15 = cnn.weight : tensor<144xi32>
    %block_2_depthwise = cnn.conv2d %block_2_expand, %14, %15 {activation = #cnn.activation<relu6>, groups = 144 : i64, name = "block_2_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x144x56x56xi8>, tensor<144x1x3x3xi8>, tensor<144xi32>) -> tensor<1x144x56x56xi8>
    %16 = cnn.weight : tensor<24x144x1x1xi8>
    %17 = cnn.weight : tensor<24xi32>
    %block_2_project = cnn.conv2d %block_2_depthwise, %16, %17 {name = "block_2_project"} : (tensor<1x144x56x56xi8>, tensor<24x144x1x1xi8>, tensor<24xi32>) -> tensor<1x24x56x56xi8>
    %block_2_add = cnn.add %block_2_project, %block_1_project {name = "block_2_add"} : tensor<1x24x56x56xi8>
    %18 = cnn.weight : tensor<144x24x1x1xi8>
    %19 = cnn.weight : tensor<144xi32>
    %block_3_expand = cnn.conv2d %block_2_add, %18, %19 {activation = #cnn.activation<relu6>, name = "block_3_expand"} : (tensor<1x24x56x56xi8>, tensor<144x24x1x1xi8>, tensor<144xi32>) -> tensor<1x144x56x56xi8>
    %20 = cnn.weight : tensor<144x1x3x3xi8>
    %21 = cnn.weight : tensor<144xi32>
    %block_3_depthwise = cnn.conv2d %block_3_expand, %20, %21 {activation = #cnn.activation<relu6>, groups = 144 : i64, name = "block_3_depthwise", padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x144x56x56xi8>, tensor<144x1x3x3xi8>, tensor<144xi32>) -> tensor<1x144x28x28xi8>
    %22 = cnn.weight : tensor<32x144x1x1xi8>
    %23 = cnn.weight : tensor<32xi32>
    %block_3_project = cnn.conv2d %block_3_depthwise, %22, %23 {name = "block_3_project"} : (tensor<1x144x28x28xi8>, tensor<32x144x1x1xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %24 = cnn.weight : tensor<192x32x1x1xi8>
    %25 = cnn.weight : tensor<192xi32>
    %block_4_expand = cnn.conv2d %block_3_project, %24, %25 {activation = #cnn.activation<relu6>, name = "block_4_expand"} : (tensor<1x32x28x28xi8>, tensor<192x32x1x1xi8>, tensor<192xi32>) -> tensor<1x192x28x28xi8>
    %26 = cnn.weight : tensor<192x1x3x3xi8>
    %27 = cnn.weight : tensor<192xi32>
    %block_4_depthwise = cnn.conv2d %block_4_expand, %26, %27 {activation = #cnn.activation<relu6>, groups = 192 : i64, name = "block_4_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x192x28x28xi8>, tensor<192x1x3x3xi8>, tensor<192xi32>) -> tensor<1x192x28x28xi8>
    %28 = cnn.weight : tensor<32x192x1x1xi8>
    %29 = cnn.weight : tensor<32xi32>
    %block_4_project = cnn.conv2d %block_4_depthwise, %28, %29 {name = "block_4_project"} : (tensor<1x192x28x28xi8>, tensor<32x192x1x1xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %block_4_add = cnn.add %block_4_project, %block_3_project {name = "block_4_add"} : tensor<1x32x28x28xi8>
    %30 = cnn.weight : tensor<192x32x1x1xi8>
    %31 = cnn.weight : tensor<192xi32>
    %block_5_expand = cnn.conv2d %block_4_add, %30, %31 {activation = #cnn.activation<relu6>, name = "block_5_expand"} : (tensor<1x32x28x28xi8>, tensor<192x32x1x1xi8>, tensor<192xi32>) -> tensor<1x192x28x28xi8>
    %32 = cnn.weight : tensor<192x1x3x3xi8>
    %33 = cnn.weight : tensor<192xi32>
    %block_5_depthwise = cnn.conv2d %block_5_expand, %32, %33 {activation = #cnn.activation<relu6>, groups = 192 : i64, name = "block_5_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x192x28x28xi8>, tensor<192x1x3x3xi8>, tensor<192xi32>) -> tensor<1x192x28x28xi8>
    %34 = cnn.weight : tensor<32x192x1x1xi8>
    %35 = cnn.weight : tensor<32xi32>
    %block_5_project = cnn.conv2d %block_5_depthwise, %34, %35 {name = "block_5_project"} : (tensor<1x192x28x28xi8>, tensor<32x192x1x1xi8>, tensor<32xi32>) -> tensor<1x32x28x28xi8>
    %block_5_add = cnn.add %block_5_project, %block_4_add {name = "block_5_add"} : tensor<1x32x28x28xi8>
    %36 = cnn.weight : tensor<192x32x1x1xi8>
    %37 = cnn.weight : tensor<192xi32>
    %block_6_expand = cnn.conv2d %block_5_add, %36, %37 {activation = #cnn.activation<relu6>, name = "block_6_expand"} : (tensor<1x32x28x28xi8>, tensor<192x32x1x1xi8>, tensor<192xi32>) -> tensor<1x192x28x28xi8>
    %38 = cnn.weight : tensor<192x1x3x3xi8>
    %39 = cnn.weight : tensor<192xi32>
    %block_6_depthwise = cnn.conv2d %block_6_expand, %38, %39 {activation = #cnn.activation<relu6>, groups = 192 : i64, name = "block_6_depthwise", padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x192x28x28xi8>, tensor<192x1x3x3xi8>, tensor<192xi32>) -> tensor<1x192x14x14xi8>
    %40 = cnn.weight : tensor<64x192x1x1xi8>
    %41 = cnn.weight : tensor<64xi32>
    %block_6_project = cnn.conv2d %block_6_depthwise, %40, %41 {name = "block_6_project"} : (tensor<1x192x14x14xi8>, tensor<64x192x1x1xi8>, tensor<64xi32>) -> tensor<1x64x14x14xi8>
    %42 = cnn.weight : tensor<384x64x1x1xi8>
    %43 = cnn.weight : tensor<384xi32>
    %block_7_expand = cnn.conv2d %block_6_project, %42, %43 {activation = #cnn.activation<relu6>, name = "block_7_expand"} : (tensor<1x64x14x14xi8>, tensor<384x64x1x1xi8>, tensor<384xi32>) -> tensor<1x384x14x14xi8>
    %44 = cnn.weight : tensor<384x1x3x3xi8>
    %45 = cnn.weight : tensor<384xi32>
    %block_7_depthwise = cnn.conv2d %block_7_expand, %44, %45 {activation = #cnn.activation<relu6>, groups = 384 : i64, name = "block_7_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x384x14x14xi8>, tensor<384x1x3x3xi8>, tensor<384xi32>) -> tensor<1x384x14x14xi8>
    %46 = cnn.weight : tensor<64x384x1x1xi8>
    %47 = cnn.weight : tensor<64xi32>
    %block_7_project = cnn.conv2d %block_7_depthwise, %46, %47 {name = "block_7_project"} : (tensor<1x384x14x14xi8>, tensor<64x384x1x1xi8>, tensor<64xi32>) -> tensor<1x64x14x14xi8>
    %block_7_add = cnn.add %block_7_project, %block_6_project {name = "block_7_add"} : tensor<1x64x14x14xi8>
    %48 = cnn.weight : tensor<384x64x1x1xi8>
    %49 = cnn.weight : tensor<384xi32>
    %block_8_expand = cnn.conv2d %block_7_add, %48, %49 {activation = #cnn.activation<relu6>, name = "block_8_expand"} : (tensor<1x64x14x14xi8>, tensor<384x64x1x1xi8>, tensor<384xi32>) -> tensor<1x384x14x14xi8>
    %50 = cnn.weight : tensor<384x1x3x3xi8>
    %51 = cnn.weight : tensor<384xi32>
    %block_8_depthwise = cnn.conv2d %block_8_expand, %50, %51 {activation = #cnn.activation<relu6>, groups = 384 : i64, name = "block_8_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x384x14x14xi8>, tensor<384x1x3x3xi8>, tensor<384xi32>) -> tensor<1x384x14x14xi8>
    %52 = cnn.weight : tensor<64x384x1x1xi8>
    %53 = cnn.weight : tensor<64xi32>
    %block_8_project = cnn.conv2d %block_8_depthwise, %52, %53 {name = "block_8_project"} : (tensor<1x384x14x14xi8>, tensor<64x384x1x1xi8>, tensor<64xi32>) -> tensor<1x64x14x14xi8>
    %block_8_add = cnn.add %block_8_project, %block_7_add {name = "block_8_add"} : tensor<1x64x14x14xi8>
    %54 = cnn.weight : tensor<384x64x1x1xi8>
    %55 = cnn.weight : tensor<384xi32>
    %block_9_expand = cnn.conv2d %block_8_add, %54, %55 {activation = #cnn.activation<relu6>, name = "block_9_expand"} : (tensor<1x64x14x14xi8>, tensor<384x64x1x1xi8>, tensor<384xi32>) -> tensor<1x384x14x14xi8>
    %56 = cnn.weight : tensor<384x1x3x3xi8>
    %57 = cnn.weight : tensor<384xi32>
    %block_9_depthwise = cnn.conv2d %block_9_expand, %56, %57 {activation = #cnn.activation<relu6>, groups = 384 : i64, name = "block_9_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x384x14x14xi8>, tensor<384x1x3x3xi8>, tensor<384xi32>) -> tensor<1x384x14x14xi8>
    %58 = cnn.weight : tensor<64x384x1x1xi8>
    %59 = cnn.weight : tensor<64xi32>
    %block_9_project = cnn.conv2d %block_9_depthwise, %58, %59 {name = "block_9_project"} : (tensor<1x384x14x14xi8>, tensor<64x384x1x1xi8>, tensor<64xi32>) -> tensor<1x64x14x14xi8>
    %block_9_add = cnn.add %block_9_project, %block_8_add {name = "block_9_add"} : tensor<1x64x14x14xi8>
    %60 = cnn.weight : tensor<384x64x1x1xi8>
    %61 = cnn.weight : tensor<384xi32>
    %block_10_expand = cnn.conv2d %block_9_add, %60, %61 {activation = #cnn.activation<relu6>, name = "block_10_expand"} : (tensor<1x64x14x14xi8>, tensor<384x64x1x1xi8>, tensor<384xi32>) -> tensor<1x384x14x14xi8>
    %62 = cnn.weight : tensor<384x1x3x3xi8>
    %63 = cnn.weight : tensor<384xi32>
    %block_10_depthwise = cnn.conv2d %block_10_expand, %62, %63 {activation = #cnn.activation<relu6>, groups = 384 : i64, name = "block_10_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x384x14x14xi8>, tensor<384x1x3x3xi8>, tensor<384xi32>) -> tensor<1x384x14x14xi8>
    %64 = cnn.weight : tensor<96x384x1x1xi8>
    %65 = cnn.weight : tensor<96xi32>
    %block_10_project = cnn.conv2d %block_10_depthwise, %64, %65 {name = "block_10_project"} : (tensor<1x384x14x14xi8>, tensor<96x384x1x1xi8>, tensor<96xi32>) -> tensor<1x96x14x14xi8>
    %66 = cnn.weight : tensor<576x96x1x1xi8>
    %67 = cnn.weight : tensor<576xi32>
    %block_11_expand = cnn.conv2d %block_10_project, %66, %67 {activation = #cnn.activation<relu6>, name = "block_11_expand"} : (tensor<1x96x14x14xi8>, tensor<576x96x1x1xi8>, tensor<576xi32>) -> tensor<1x576x14x14xi8>
    %68 = cnn.weight : tensor<576x1x3x3xi8>
    %69 = cnn.weight : tensor<576xi32>
    %block_11_depthwise = cnn.conv2d %block_11_expand, %68, %69 {activation = #cnn.activation<relu6>, groups = 576 : i64, name = "block_11_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x576x14x14xi8>, tensor<576x1x3x3xi8>, tensor<576xi32>) -> tensor<1x576x14x14xi8>
    %70 = cnn.weight : tensor<96x576x1x1xi8>
    %71 = cnn.weight : tensor<96xi32>
    %block_11_project = cnn.conv2d %block_11_depthwise, %70, %71 {name = "block_11_project"} : (tensor<1x576x14x14xi8>, tensor<96x576x1x1xi8>, tensor<96xi32>) -> tensor<1x96x14x14xi8>
    %block_11_add = cnn.add %block_11_project, %block_10_project {name = "block_11_add"} : tensor<1x96x14x14xi8>
    %72 = cnn.weight : tensor<576x96x1x1xi8>
    %73 = cnn.weight : tensor<576xi32>
    %block_12_expand = cnn.conv2d %block_11_add, %72, %73 {activation = #cnn.activation<relu6>, name = "block_12_expand"} : (tensor<1x96x14x14xi8>, tensor<576x96x1x1xi8>, tensor<576xi32>) -> tensor<1x576x14x14xi8>
    %74 = cnn.weight : tensor<576x1x3x3xi8>
    %75 = cnn.weight : tensor<576xi32>
    %block_12_depthwise = cnn.conv2d %block_12_expand, %74, %75 {activation = #cnn.activation<relu6>, groups = 576 : i64, name = "block_12_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x576x14x14xi8>, tensor<576x1x3x3xi8>, tensor<576xi32>) -> tensor<1x576x14x14xi8>
    %76 = cnn.weight : tensor<96x576x1x1xi8>
    %77 = cnn.weight : tensor<96xi32>
    %block_12_project = cnn.conv2d %block_12_depthwise, %76, %77 {name = "block_12_project"} : (tensor<1x576x14x14xi8>, tensor<96x576x1x1xi8>, tensor<96xi32>) -> tensor<1x96x14x14xi8>
    %block_12_add = cnn.add %block_12_project, %block_11_add {name = "block_12_add"} : tensor<1x96x14x14xi8>
    %78 = cnn.weight : tensor<576x96x1x1xi8>
    %79 = cnn.weight : tensor<576xi32>
    %block_13_expand = cnn.conv2d %block_12_add, %78, %79 {activation = #cnn.activation<relu6>, name = "block_13_expand"} : (tensor<1x96x14x14xi8>, tensor<576x96x1x1xi8>, tensor<576xi32>) -> tensor<1x576x14x14xi8>
    %80 = cnn.weight : tensor<576x1x3x3xi8>
    %81 = cnn.weight : tensor<576xi32>
    %block_13_depthwise = cnn.conv2d %block_13_expand, %80, %81 {activation = #cnn.activation<relu6>, groups = 576 : i64, name = "block_13_depthwise", padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x576x14x14xi8>, tensor<576x1x3x3xi8>, tensor<576xi32>) -> tensor<1x576x7x7xi8>
    %82 = cnn.weight : tensor<160x576x1x1xi8>
    %83 = cnn.weight : tensor<160xi32>
    %block_13_project = cnn.conv2d %block_13_depthwise, %82, %83 {name = "block_13_project"} : (tensor<1x576x7x7xi8>, tensor<160x576x1x1xi8>, tensor<160xi32>) -> tensor<1x160x7x7xi8>
    %84 = cnn.weight : tensor<960x160x1x1xi8>
    %85 = cnn.weight : tensor<960xi32>
    %block_14_expand = cnn.conv2d %block_13_project, %84, %85 {activation = #cnn.activation<relu6>, name = "block_14_expand"} : (tensor<1x160x7x7xi8>, tensor<960x160x1x1xi8>, tensor<960xi32>) -> tensor<1x960x7x7xi8>
    %86 = cnn.weight : tensor<960x1x3x3xi8>
    %87 = cnn.weight : tensor<960xi32>
    %block_14_depthwise = cnn.conv2d %block_14_expand, %86, %87 {activation = #cnn.activation<relu6>, groups = 960 : i64, name = "block_14_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x960x7x7xi8>, tensor<960x1x3x3xi8>, tensor<960xi32>) -> tensor<1x960x7x7xi8>
    %88 = cnn.weight : tensor<160x960x1x1xi8>
    %89 = cnn.weight : tensor<160xi32>
    %block_14_project = cnn.conv2d %block_14_depthwise, %88, %89 {name = "block_14_project"} : (tensor<1x960x7x7xi8>, tensor<160x960x1x1xi8>, tensor<160xi32>) -> tensor<1x160x7x7xi8>
    %block_14_add = cnn.add %block_14_project, %block_13_project {name = "block_14_add"} : tensor<1x160x7x7xi8>
    %90 = cnn.weight : tensor<960x160x1x1xi8>
    %91 = cnn.weight : tensor<960xi32>
    %block_15_expand = cnn.conv2d %block_14_add, %90, %91 {activation = #cnn.activation<relu6>, name = "block_15_expand"} : (tensor<1x160x7x7xi8>, tensor<960x160x1x1xi8>, tensor<960xi32>) -> tensor<1x960x7x7xi8>
    %92 = cnn.weight : tensor<960x1x3x3xi8>
    %93 = cnn.weight : tensor<960xi32>
    %block_15_depthwise = cnn.conv2d %block_15_expand, %92, %93 {activation = #cnn.activation<relu6>, groups = 960 : i64, name = "block_15_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x960x7x7xi8>, tensor<960x1x3x3xi8>, tensor<960xi32>) -> tensor<1x960x7x7xi8>
    %94 = cnn.weight : tensor<160x960x1x1xi8>
    %95 = cnn.weight : tensor<160xi32>
    %block_15_project = cnn.conv2d %block_15_depthwise, %94, %95 {name = "block_15_project"} : (tensor<1x960x7x7xi8>, tensor<160x960x1x1xi8>, tensor<160xi32>) -> tensor<1x160x7x7xi8>
    %block_15_add = cnn.add %block_15_project, %block_14_add {name = "block_15_add"} : tensor<1x160x7x7xi8>
    %96 = cnn.weight : tensor<960x160x1x1xi8>
    %97 = cnn.weight : tensor<960xi32>
    %block_16_expand = cnn.conv2d %block_15_add, %96, %97 {activation = #cnn.activation<relu6>, name = "block_16_expand"} : (tensor<1x160x7x7xi8>, tensor<960x160x1x1xi8>, tensor<960xi32>) -> tensor<1x960x7x7xi8>
    %98 = cnn.weight : tensor<960x1x3x3xi8>
    %99 = cnn.weight : tensor<960xi32>
    %block_16_depthwise = cnn.conv2d %block_16_expand, %98, %99 {activation = #cnn.activation<relu6>, groups = 960 : i64, name = "block_16_depthwise", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x960x7x7xi8>, tensor<960x1x3x3xi8>, tensor<960xi32>) -> tensor<1x960x7x7xi8>
    %100 = cnn.weight : tensor<320x960x1x1xi8>
    %101 = cnn.weight : tensor<320xi32>
    %block_16_project = cnn.conv2d %block_16_depthwise, %100, %101 {name = "block_16_project"} : (tensor<1x960x7x7xi8>, tensor<320x960x1x1xi8>, tensor<320xi32>) -> tensor<1x320x7x7xi8>
    %102 = cnn.weight : tensor<1280x320x1x1xi8>
    %103 = cnn.weight : tensor<1280xi32>
    %Conv_1 = cnn.conv2d %block_16_project, %102, %103 {activation = #cnn.activation<relu6>, name = "Conv_1"} : (tensor<1x320x7x7xi8>, tensor<1280x320x1x1xi8>, tensor<1280xi32>) -> tensor<1x1280x7x7xi8>
    %global_average_pooling2d = cnn.global_avg_pool %Conv_1 {name = "global_average_pooling2d"} : tensor<1x1280x7x7xi8> -> tensor<1x1280x1x1xi8>
    %104 = cnn.weight : tensor<1000x1280xi8>
    %105 = cnn.weight : tensor<1000xi32>
    %predictions = cnn.fully_connected %global_average_pooling2d, %104, %105 {name = "predictions"} : (tensor<1x1280x1x1xi8>, tensor<1000x1280xi8>, tensor<1000xi32>) -> tensor<1x1000x1x1xi8>
    %softmax = cnn.softmax %predictions {name = "softmax"} : tensor<1x1000x1x1xi8>
    return %softmax : tensor<1x1000x1x1xi8>
  }
}
