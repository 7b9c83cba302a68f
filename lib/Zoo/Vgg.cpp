//===- Vgg.cpp - VGG16 (Simonyan and Zisserman, 2014) -----------*- C++ -*-===//
//
// Configuration D of the paper's Table 1: thirteen 3x3 convolutions in five
// stages, each stage ending in a 2x2 max pool, and three fully connected
// layers. 138,357,544 parameters.
//
//===----------------------------------------------------------------------===//

#include "Networks.h"

#include "llvm/ADT/Twine.h"

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;

Value mlir::cnn::zoo::buildVgg16(NetBuilder &nb, Value image) {
  struct Stage {
    int64_t channels;
    int convs;
  };
  const Stage stages[] = {{64, 2}, {128, 2}, {256, 3}, {512, 3}, {512, 3}};
  Value x = image;
  for (auto [i, stage] : llvm::enumerate(stages)) {
    for (int j = 1; j <= stage.convs; ++j)
      x = nb.conv(x, ("conv" + Twine(i + 1) + "_" + Twine(j)).str(),
                  ConvSpec(stage.channels, 3).pad(1).relu());
    x = nb.maxPool(x, ("pool" + Twine(i + 1)).str(), PoolSpec(2));
  }
  nb.requireShape(x, {512, 7, 7}, "fc6");
  x = nb.fullyConnected(x, "fc6", 4096, Activation::relu);
  x = nb.fullyConnected(x, "fc7", 4096, Activation::relu);
  x = nb.fullyConnected(x, "fc8", 1000);
  return nb.softmax(x, "prob");
}
