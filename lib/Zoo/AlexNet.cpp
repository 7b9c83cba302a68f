//===- AlexNet.cpp - AlexNet (Krizhevsky et al., 2012) ----------*- C++ -*-===//
//
// The Caffe bvlc_alexnet version of the network at 227x227: conv2, conv4 and
// conv5 are split into two groups, as the paper's two GPUs split them.
// Local response normalisation (norm1, norm2) is left out: it has neither
// weights nor multiply-accumulates, and a backend fuses it with the pool.
// 60,965,224 parameters.
//
//===----------------------------------------------------------------------===//

#include "Networks.h"

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;

Value mlir::cnn::zoo::buildAlexNet(NetBuilder &nb, Value image) {
  Value x = nb.conv(image, "conv1", ConvSpec(96, 11).stride(4).relu());
  x = nb.maxPool(x, "pool1", PoolSpec(3).stride(2));
  x = nb.conv(x, "conv2", ConvSpec(256, 5).pad(2).groups(2).relu());
  x = nb.maxPool(x, "pool2", PoolSpec(3).stride(2));
  x = nb.conv(x, "conv3", ConvSpec(384, 3).pad(1).relu());
  x = nb.conv(x, "conv4", ConvSpec(384, 3).pad(1).groups(2).relu());
  x = nb.conv(x, "conv5", ConvSpec(256, 3).pad(1).groups(2).relu());
  x = nb.maxPool(x, "pool5", PoolSpec(3).stride(2));
  // fc6's 9216 inputs fix the resolution; dropout is inference's identity.
  nb.requireShape(x, {256, 6, 6}, "fc6");
  x = nb.fullyConnected(x, "fc6", 4096, Activation::relu);
  x = nb.fullyConnected(x, "fc7", 4096, Activation::relu);
  x = nb.fullyConnected(x, "fc8", 1000);
  return nb.softmax(x, "prob");
}
