//===- MobileNet.cpp - MobileNet v1 and v2 ----------------------*- C++ -*-===//
//
// Both at width multiplier 1.0, with ReLU6 as in the authors' TensorFlow
// releases and batch norm folded into every convolution.
//
// v1 (paper Table 1): a 3x3 convolution, then 13 depthwise-separable
// blocks (3x3 depthwise + 1x1 pointwise), global average pool and a 1000-way
// fully connected layer. Layer names follow TF-Slim.
//
// v2 (paper Table 2): inverted residual bottlenecks: 1x1 expansion by t
// (absent when t = 1), 3x3 depthwise, linear 1x1 projection, and a residual
// add without activation when the block keeps its shape. Layer names follow
// Keras.
//
//===----------------------------------------------------------------------===//

#include "Networks.h"

#include "llvm/ADT/Twine.h"

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;

Value mlir::cnn::zoo::buildMobileNetV1(NetBuilder &nb, Value image) {
  Value x =
      nb.conv(image, "Conv2d_0", ConvSpec(32, 3).stride(2).pad(1).relu6());
  struct Block {
    int64_t stride, channels;
  };
  const Block blocks[] = {{1, 64},  {2, 128},  {1, 128}, {2, 256}, {1, 256},
                          {2, 512}, {1, 512},  {1, 512}, {1, 512}, {1, 512},
                          {1, 512}, {2, 1024}, {1, 1024}};
  for (auto [i, block] : llvm::enumerate(blocks)) {
    std::string prefix = ("Conv2d_" + Twine(i + 1)).str();
    x = nb.conv(x, prefix + "_depthwise",
                ConvSpec::depthwise(3).stride(block.stride).pad(1).relu6());
    x = nb.conv(x, prefix + "_pointwise", ConvSpec(block.channels, 1).relu6());
  }
  x = nb.globalAvgPool(x, "AvgPool_1a");
  x = nb.fullyConnected(x, "Logits", 1000);
  return nb.softmax(x, "Predictions");
}

Value mlir::cnn::zoo::buildMobileNetV2(NetBuilder &nb, Value image) {
  Value x = nb.conv(image, "Conv1", ConvSpec(32, 3).stride(2).pad(1).relu6());
  // Rows of Table 2: expansion t, output channels c, repeats n, stride s of
  // the first repeat.
  struct Row {
    int64_t t, c, n, s;
  };
  const Row rows[] = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2},
                      {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2},
                      {6, 320, 1, 1}};
  int block = 0;
  for (const Row &row : rows) {
    for (int64_t r = 0; r < row.n; ++r, ++block) {
      int64_t stride = r == 0 ? row.s : 1;
      int64_t in = NetBuilder::getChannels(x);
      std::string prefix =
          block == 0 ? "expanded_conv" : ("block_" + Twine(block)).str();
      Value y = x;
      if (row.t != 1)
        y = nb.conv(y, prefix + "_expand", ConvSpec(in * row.t, 1).relu6());
      y = nb.conv(y, prefix + "_depthwise",
                  ConvSpec::depthwise(3).stride(stride).pad(1).relu6());
      y = nb.conv(y, prefix + "_project", ConvSpec(row.c, 1));
      if (stride == 1 && in == row.c)
        y = nb.add(y, x, prefix + "_add");
      x = y;
    }
  }
  x = nb.conv(x, "Conv_1", ConvSpec(1280, 1).relu6());
  x = nb.globalAvgPool(x, "global_average_pooling2d");
  x = nb.fullyConnected(x, "predictions", 1000);
  return nb.softmax(x, "softmax");
}
