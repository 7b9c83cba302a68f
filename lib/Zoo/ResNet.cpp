//===- ResNet.cpp - ResNet-50 v1 (He et al., 2015) --------------*- C++ -*-===//
//
// ResNet-50 as in the paper's Table 1 and the authors' Caffe release (layer
// names follow it): bottleneck blocks 1x1-3x3-1x1, projection shortcuts
// (1x1 convolutions) where the shape changes, and the stride 2 of a
// downsampling block in its first 1x1 convolution ("v1"; torchvision's
// "v1.5" moves it to the 3x3 and costs more MACs). Batch norm is folded
// into every convolution, which therefore has a bias. The final 7x7 average
// pool is a global one so that any resolution works.
//
//===----------------------------------------------------------------------===//

#include "Networks.h"

#include "llvm/ADT/Twine.h"

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;

/// Bottleneck block `prefix` (e.g. "res3a") with `width` channels inside
/// and 4 * `width` out; `stride` 2 downsamples.
static Value bottleneck(NetBuilder &nb, Value x, const std::string &prefix,
                        int64_t width, int64_t stride) {
  int64_t out = 4 * width;
  Value shortcut = x;
  if (stride != 1 || NetBuilder::getChannels(x) != out)
    shortcut = nb.conv(x, prefix + "_branch1", ConvSpec(out, 1).stride(stride));
  Value y = nb.conv(x, prefix + "_branch2a",
                    ConvSpec(width, 1).stride(stride).relu());
  y = nb.conv(y, prefix + "_branch2b", ConvSpec(width, 3).pad(1).relu());
  y = nb.conv(y, prefix + "_branch2c", ConvSpec(out, 1));
  return nb.add(y, shortcut, prefix, Activation::relu);
}

Value mlir::cnn::zoo::buildResNet50(NetBuilder &nb, Value image) {
  Value x = nb.conv(image, "conv1", ConvSpec(64, 7).stride(2).pad(3).relu());
  x = nb.maxPool(x, "pool1", PoolSpec(3).stride(2).pad(1));
  struct Stage {
    int64_t width;
    int blocks;
  };
  // conv2_x .. conv5_x; conv2_x keeps the pool's resolution.
  const Stage stages[] = {{64, 3}, {128, 4}, {256, 6}, {512, 3}};
  for (auto [i, stage] : llvm::enumerate(stages)) {
    for (int b = 0; b < stage.blocks; ++b) {
      std::string prefix =
          ("res" + Twine(i + 2) + Twine(static_cast<char>('a' + b))).str();
      int64_t stride = (i > 0 && b == 0) ? 2 : 1;
      x = bottleneck(nb, x, prefix, stage.width, stride);
    }
  }
  x = nb.globalAvgPool(x, "pool5");
  x = nb.fullyConnected(x, "fc1000", 1000);
  return nb.softmax(x, "prob");
}
