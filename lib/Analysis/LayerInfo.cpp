//===- LayerInfo.cpp - Plain description of a CNN layer ---------*- C++ -*-===//

#include "cnn/Analysis/LayerInfo.h"

using namespace mlir::cnn;

const char *mlir::cnn::getLayerKindName(LayerKind kind) {
  switch (kind) {
  case LayerKind::Conv2D:
    return "conv2d";
  case LayerKind::FullyConnected:
    return "fully_connected";
  case LayerKind::MaxPool:
    return "max_pool";
  case LayerKind::AvgPool:
    return "avg_pool";
  case LayerKind::GlobalAvgPool:
    return "global_avg_pool";
  case LayerKind::Add:
    return "add";
  case LayerKind::Activation:
    return "activation";
  case LayerKind::Concat:
    return "concat";
  case LayerKind::Pad:
    return "pad";
  case LayerKind::Resize:
    return "resize";
  case LayerKind::Softmax:
    return "softmax";
  }
  return "unknown";
}

int64_t LayerInfo::inputBytes() const {
  int64_t sum = 0;
  for (const TensorShape &t : inputs)
    sum += t.bytes();
  return sum;
}

int64_t LayerInfo::macs() const {
  switch (kind) {
  case LayerKind::Conv2D: {
    int64_t c = inputs.front().c;
    return output.c * output.h * output.w * (c / groups) * kernelH * kernelW;
  }
  case LayerKind::FullyConnected:
    return output.c * inputs.front().elements();
  default:
    return 0;
  }
}
