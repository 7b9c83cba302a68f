//===- UNet.cpp - U-Net (Ronneberger et al., 2015) --------------*- C++ -*-===//
//
// The U-Net of the paper's Figure 1 with three input channels (the zoo's
// images are RGB) and two output classes. Two departures, both usual:
//
// * Convolutions are padded ("same") instead of unpadded, so the output
//   has the input's size and the skip connections need no cropping.
// * Each resolution is halved four times, so the input is padded with
//   zeros at the bottom and right up to a multiple of 16 (1080 rows become
//   1088); the output keeps that padded size.
//
// The paper's up-convolution is "an upsampling of the feature map followed
// by a 2x2 convolution that halves the number of feature channels": a
// nearest x2 resize, then a 2x2 convolution with "same" padding (the extra
// row and column at the bottom/right) and no activation. It has the
// parameters of the 2x2 stride-2 transposed convolution many
// implementations use instead, and four times its MACs.
// The paper's pixel-wise softmax ends the network.
//
//===----------------------------------------------------------------------===//

#include "Networks.h"

#include "llvm/ADT/Twine.h"

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;

/// Two 3x3 convolutions with ReLU: one step of either path.
static Value doubleConv(NetBuilder &nb, Value x, const std::string &prefix,
                        int64_t channels) {
  x = nb.conv(x, prefix + "/conv1", ConvSpec(channels, 3).pad(1).relu());
  return nb.conv(x, prefix + "/conv2", ConvSpec(channels, 3).pad(1).relu());
}

Value mlir::cnn::zoo::buildUNet(NetBuilder &nb, Value image) {
  const int64_t depth = 4, multiple = int64_t(1) << depth;
  const int64_t classes = 2;
  Value x = image;
  int64_t padRows = (multiple - NetBuilder::getHeight(x) % multiple) % multiple;
  int64_t padCols = (multiple - NetBuilder::getWidth(x) % multiple) % multiple;
  if (padRows || padCols)
    x = nb.pad(x, "input_pad", {0, padRows, 0, padCols});

  SmallVector<Value> skips;
  int64_t channels = 64;
  for (int64_t level = 1; level <= depth; ++level, channels *= 2) {
    std::string prefix = ("down" + Twine(level)).str();
    x = doubleConv(nb, x, prefix, channels);
    skips.push_back(x);
    x = nb.maxPool(x, prefix + "/pool", PoolSpec(2));
  }
  x = doubleConv(nb, x, "bottom", channels);
  for (int64_t level = depth; level >= 1; --level) {
    channels /= 2;
    std::string prefix = ("up" + Twine(level)).str();
    x = nb.resize(x, prefix + "/upsample", 2);
    x = nb.conv(x, prefix + "/upconv", ConvSpec(channels, 2).padSame());
    x = nb.concat({skips[level - 1], x}, prefix + "/concat");
    x = doubleConv(nb, x, prefix, channels);
  }
  x = nb.conv(x, "classifier", ConvSpec(classes, 1));
  return nb.softmax(x, "softmax");
}
