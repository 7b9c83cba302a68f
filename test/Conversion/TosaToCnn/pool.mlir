// RUN: cnn-opt --tosa-to-cnn --split-input-file %s | FileCheck %s

// tosa.max_pool2d and tosa.avg_pool2d keep kernel, stride and padding
// ([top, bottom, left, right]); the zero points of the average are dropped.

// CHECK-LABEL: func.func @pools
// CHECK: %[[M:.*]] = cnn.max_pool %{{.*}} {kernel = array<i64: 3, 3>, name = "pool1", padding = array<i64: 0, 1, 0, 1>, strides = array<i64: 2, 2>} : tensor<1x64x112x112xi8> -> tensor<1x64x56x56xi8>
// CHECK: cnn.avg_pool %[[M]] {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x64x56x56xi8> -> tensor<1x64x28x28xi8>
func.func @pools(%x: tensor<1x112x112x64xi8>) -> tensor<1x28x28x64xi8> {
  %m = tosa.max_pool2d %x {kernel = array<i64: 3, 3>, pad = array<i64: 0, 1, 0, 1>, stride = array<i64: 2, 2>} : (tensor<1x112x112x64xi8>) -> tensor<1x56x56x64xi8> loc("pool1")
  %zp = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %a = tosa.avg_pool2d %m, %zp, %zp {acc_type = i32, kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x56x56x64xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x28x28x64xi8>
  return %a : tensor<1x28x28x64xi8>
}

// -----

// An average over the whole unpadded map is a global average.

// CHECK-LABEL: func.func @avg_pool_global
// CHECK: cnn.global_avg_pool %{{.*}} : tensor<1x1024x7x7xf32> -> tensor<1x1024x1x1xf32>
func.func @avg_pool_global(%x: tensor<1x7x7x1024xf32>) -> tensor<1x1x1x1024xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %a = tosa.avg_pool2d %x, %zp, %zp {acc_type = f32, kernel = array<i64: 7, 7>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x7x7x1024xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x1x1x1024xf32>
  return %a : tensor<1x1x1x1024xf32>
}

// -----

// A float mean over H and W (TensorFlow's Mean): two tosa.reduce_sum and a
// tosa.mul by 1/(7*7) = 0.020408163.

// CHECK-LABEL: func.func @mean_f32
// CHECK-SAME: (%[[X:.*]]: tensor<1x32x7x7xf32>) -> tensor<1x32x1x1xf32>
// CHECK: %[[G:.*]] = cnn.global_avg_pool %[[X]] {name = "mean"} : tensor<1x32x7x7xf32> -> tensor<1x32x1x1xf32>
// CHECK-NEXT: return %[[G]]
func.func @mean_f32(%x: tensor<1x7x7x32xf32>) -> tensor<1x32xf32> {
  %s1 = tosa.reduce_sum %x {axis = 1 : i32} : (tensor<1x7x7x32xf32>) -> tensor<1x1x7x32xf32> loc("mean")
  %s2 = tosa.reduce_sum %s1 {axis = 2 : i32} : (tensor<1x1x7x32xf32>) -> tensor<1x1x1x32xf32> loc("mean")
  %k = "tosa.const"() <{values = dense<0.020408163> : tensor<1x1x1x1xf32>}> : () -> tensor<1x1x1x1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %m = tosa.mul %s2, %k, %shift : (tensor<1x1x1x32xf32>, tensor<1x1x1x1xf32>, tensor<1xi8>) -> tensor<1x1x1x32xf32>
  %s = tosa.const_shape {values = dense<[1, 32]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %r = tosa.reshape %m, %s : (tensor<1x1x1x32xf32>, !tosa.shape<2>) -> tensor<1x32xf32>
  return %r : tensor<1x32xf32>
}

// -----

// An int8 mean as TFLite exports it: a rescale to i32, the sums over H and
// W, and a rescale back to i8 that divides by H*W.

// CHECK-LABEL: func.func @mean_i8
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x4x4xi8>) -> tensor<1x16x1x1xi8>
// CHECK: %[[G:.*]] = cnn.global_avg_pool %[[X]] : tensor<1x16x4x4xi8> -> tensor<1x16x1x1xi8>
// CHECK-NEXT: return %[[G]]
func.func @mean_i8(%x: tensor<1x4x4x16xi8>) -> tensor<1x1x1x16xi8> {
  %m = "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}> : () -> tensor<1xi32>
  %s30 = "tosa.const"() <{values = dense<30> : tensor<1xi8>}> : () -> tensor<1xi8>
  %s34 = "tosa.const"() <{values = dense<34> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zp8 = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zp32 = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %w = tosa.rescale %x, %m, %s30, %zp8, %zp32 {input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<1x4x4x16xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi32>) -> tensor<1x4x4x16xi32>
  %s1 = tosa.reduce_sum %w {axis = 1 : i32} : (tensor<1x4x4x16xi32>) -> tensor<1x1x4x16xi32>
  %s2 = tosa.reduce_sum %s1 {axis = 2 : i32} : (tensor<1x1x4x16xi32>) -> tensor<1x1x1x16xi32>
  %y = tosa.rescale %s2, %m, %s34, %zp32, %zp8 {input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<1x1x1x16xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x1x1x16xi8>
  return %y : tensor<1x1x1x16xi8>
}
