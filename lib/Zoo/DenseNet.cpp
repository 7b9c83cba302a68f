//===- DenseNet.cpp - DenseNet-121 (Huang et al., 2017) ---------*- C++ -*-===//
//
// DenseNet-BC-121 of the paper's Table 1: growth rate k = 32, dense blocks
// of 6, 12, 24 and 16 layers, bottleneck 1x1 convolutions to 4k = 128
// channels, and transitions (1x1 convolution with compression 0.5, then a
// 2x2 average pool). Layer names follow torchvision.
//
// The paper's layers are pre-activation (batch norm, ReLU, convolution);
// a batch norm cannot be folded across the ReLU into the convolution that
// follows it, so every convolution is written post-activation instead, with
// a bias (the folded batch norm) and a fused ReLU. MACs are unchanged; the
// parameters differ from torchvision's by replacing each batch norm's
// scale and shift with one bias per output channel of a convolution.
// A dense layer appends its 32 channels to its input with a concat.
//
//===----------------------------------------------------------------------===//

#include "Networks.h"

#include "llvm/ADT/Twine.h"

#include <iterator>

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;

Value mlir::cnn::zoo::buildDenseNet121(NetBuilder &nb, Value image) {
  const int64_t growth = 32, bottleneck = 4 * growth;
  const int layers[] = {6, 12, 24, 16};
  Value x = nb.conv(image, "conv0", ConvSpec(64, 7).stride(2).pad(3).relu());
  x = nb.maxPool(x, "pool0", PoolSpec(3).stride(2).pad(1));
  for (auto [b, count] : llvm::enumerate(layers)) {
    std::string block = ("denseblock" + Twine(b + 1)).str();
    for (int l = 1; l <= count; ++l) {
      std::string prefix = (block + "/denselayer" + Twine(l)).str();
      Value y = nb.conv(x, prefix + "/conv1", ConvSpec(bottleneck, 1).relu());
      y = nb.conv(y, prefix + "/conv2", ConvSpec(growth, 3).pad(1).relu());
      x = nb.concat({x, y}, prefix + "/concat");
    }
    if (b + 1 == std::size(layers))
      break;
    std::string transition = ("transition" + Twine(b + 1)).str();
    x = nb.conv(x, transition + "/conv",
                ConvSpec(NetBuilder::getChannels(x) / 2, 1).relu());
    x = nb.avgPool(x, transition + "/pool", PoolSpec(2));
  }
  x = nb.globalAvgPool(x, "avgpool");
  x = nb.fullyConnected(x, "classifier", 1000);
  return nb.softmax(x, "softmax");
}
