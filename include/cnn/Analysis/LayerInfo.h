//===- LayerInfo.h - Plain description of a CNN layer -----------*- C++ -*-===//
//
// The cost model and the reports work on these plain structs, never on ops;
// `describeLayer` (LayerAnalysis.h) is the one place that translates.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_ANALYSIS_LAYERINFO_H
#define CNN_ANALYSIS_LAYERINFO_H

#include <cstdint>
#include <string>
#include <vector>

namespace mlir::cnn {

/// The kinds of layer the cost model distinguishes.
enum class LayerKind {
  Conv2D,
  FullyConnected,
  MaxPool,
  AvgPool,
  GlobalAvgPool,
  Add,
  Activation,
  Concat,
  Pad,
  Resize,
  Softmax,
};

/// The `cnn` op mnemonic of a kind ("conv2d", "max_pool", ...).
const char *getLayerKindName(LayerKind kind);

/// A feature map of batch 1: channels, rows, columns and element size.
struct TensorShape {
  int64_t c = 0, h = 0, w = 0;
  int64_t elemBytes = 0;

  int64_t elements() const { return c * h * w; }
  int64_t bytes() const { return elements() * elemBytes; }
};

/// Everything the cost model needs to know about one layer.
struct LayerInfo {
  LayerKind kind = LayerKind::Conv2D;
  std::string name;

  /// Feature maps read (weights excluded), in operand order.
  std::vector<TensorShape> inputs;
  TensorShape output;

  /// Window of convolutions and pools (kernel R x S'), strides, padding
  /// (top, bottom, left, right), dilation and groups.
  int64_t kernelH = 1, kernelW = 1;
  int64_t strideH = 1, strideW = 1;
  int64_t padTop = 0, padBottom = 0, padLeft = 0, padRight = 0;
  int64_t dilationH = 1, dilationW = 1;
  int64_t groups = 1;
  /// Resize: the scale is (strideH, strideW); true for bilinear.
  bool bilinear = false;

  /// Weights and bias of convolutions and fully connected layers.
  int64_t weightElements = 0, weightBytes = 0;
  int64_t biasElements = 0, biasBytes = 0;
  /// Stored size of the weights (without bias) when they are compressed;
  /// -1 when they are stored raw.
  int64_t compressedWeightBytes = -1;

  bool hasWeights() const { return weightElements > 0; }
  bool isDepthwise() const {
    return kind == LayerKind::Conv2D && groups > 1 && !inputs.empty() &&
           groups == inputs.front().c;
  }
  /// Parameters: weight and bias elements.
  int64_t parameters() const { return weightElements + biasElements; }
  /// Weight plus bias bytes, uncompressed.
  int64_t parameterBytes() const { return weightBytes + biasBytes; }
  /// Weight bytes as stored: the compressed size when known, else raw.
  int64_t storedWeightBytes() const {
    return compressedWeightBytes >= 0 ? compressedWeightBytes : weightBytes;
  }
  /// Bytes of all feature maps read.
  int64_t inputBytes() const;
  /// Multiply-accumulates: M*E*F*(C/groups)*R*S' for a convolution, M*K for
  /// a fully connected layer, 0 for every other layer.
  int64_t macs() const;
};

} // namespace mlir::cnn

#endif // CNN_ANALYSIS_LAYERINFO_H
