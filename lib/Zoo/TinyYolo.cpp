//===- TinyYolo.cpp - Tiny YOLOv2 (Redmon and Farhadi, 2017) ----*- C++ -*-===//
//
// Darknet's yolov2-tiny-voc.cfg: nine 3x3 convolutions (batch norm folded
// into a bias) and six 2x2 max pools, the last of stride 1, then a linear
// 1x1 convolution to 125 = 5 anchors x (4 box + 1 objectness + 20 classes)
// channels per cell. The region layer that decodes boxes is post-processing
// and not part of the graph. Layer names are Darknet's layer indices.
//
// Darknet uses a leaky ReLU (slope 0.1); the cnn dialect has no leaky ReLU,
// so ReLU stands in for it: shapes, MACs and traffic are the same.
//
// Darknet's max pools pad by one row and column at the bottom/right, which
// rounds odd sizes up for the stride-2 pools and keeps the size of the
// stride-1 pool; both are written as that padding, only where needed.
//
//===----------------------------------------------------------------------===//

#include "Networks.h"

#include "llvm/ADT/Twine.h"

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;

Value mlir::cnn::zoo::buildTinyYoloV2(NetBuilder &nb, Value image) {
  Value x = image;
  int index = 0;
  auto name = [&](StringRef kind) { return (kind + Twine(index++)).str(); };
  for (int64_t channels : {16, 32, 64, 128, 256}) {
    x = nb.conv(x, name("conv"), ConvSpec(channels, 3).pad(1).relu());
    x = nb.maxPool(x, name("maxpool"), PoolSpec(2).ceilMode());
  }
  x = nb.conv(x, name("conv"), ConvSpec(512, 3).pad(1).relu());
  x = nb.maxPool(x, name("maxpool"), PoolSpec(2).stride(1).pad(0, 1, 0, 1));
  x = nb.conv(x, name("conv"), ConvSpec(1024, 3).pad(1).relu());
  x = nb.conv(x, name("conv"), ConvSpec(1024, 3).pad(1).relu());
  return nb.conv(x, name("conv"), ConvSpec(125, 1));
}
