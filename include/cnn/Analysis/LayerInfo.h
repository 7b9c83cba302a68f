//===- LayerInfo.h - Plain description of a CNN layer -----------*- C++ -*-===//
//
// The cost model and the reports work on these plain structs, never on ops.
// Each layer op describes itself through CnnLayerOpInterface (describeLayer
// in LayerAnalysis.h); the describe* functions below complete a description
// with what its class means for the cost model, so that a new layer kind
// that behaves like an existing class needs no change here.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_ANALYSIS_LAYERINFO_H
#define CNN_ANALYSIS_LAYERINFO_H

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mlir::cnn {

/// How the cost model plans a layer that runs alone (section 1 of
/// docs/CostModel.md).
enum class LayerClass {
  /// A sliding window with weights and an input-channel loop (grouped and
  /// depthwise convolutions included): tiled.
  Convolution,
  /// A sliding window without weights, channel by channel (max and average
  /// pools): tiled.
  Pool,
  /// A fully connected layer: a 1x1 convolution on a 1x1 input of C*H*W
  /// channels: tiled.
  Dense,
  /// Traffic independent of tiling: the feature maps are streamed through
  /// SRAM as the layer's StreamPattern says.
  Stream,
  /// The output is a view of the inputs (concat): producers write into it,
  /// readers read it; the layer moves nothing itself.
  View,
};

/// How a streamed layer moves its feature maps when it runs alone.
enum class StreamPattern {
  /// Every operand and the output in blocks of rows of one channel, as many
  /// rows as fit (element-wise layers). An operand of one row (broadcast)
  /// is one element per channel.
  RowBlocks,
  /// The input in blocks of rows of one channel; one element per channel
  /// out (global pooling).
  ChannelReduce,
  /// One pixel's channels at a time, in and out (softmax).
  Pixels,
  /// One input row of one channel at a time; the output in blocks of
  /// LayerInfo::streamOutputRows rows (padding, up-sampling).
  InputRows,
  /// Each output channel in blocks of rows, loaded from the input channel
  /// it selects and stored from the same buffer (channel selection): only
  /// the selected channels are read.
  Gather,
};

/// Which rows of one input a range of output rows reads (section 2 of
/// docs/CostModel.md).
struct RowDependence {
  enum class Kind {
    /// Output row r reads input rows r*stride - pad ... + window - 1.
    Window,
    /// Output row r reads row floor(r / scale) (nearest), or the two rows
    /// around (r + 0.5) / scale - 0.5 (bilinear, half-pixel centres).
    Upsample,
    /// Every output row reads every input row (a broadcast operand).
    Whole,
  };
  Kind kind = Kind::Window;
  int64_t stride = 1, pad = 0, window = 1;
  int64_t scale = 1;
  bool bilinear = false;

  static RowDependence identity() { return {}; }
  static RowDependence slidingWindow(int64_t stride, int64_t pad,
                                     int64_t window) {
    RowDependence d;
    d.stride = stride;
    d.pad = pad;
    d.window = window;
    return d;
  }
  static RowDependence upsample(int64_t scale, bool bilinear) {
    RowDependence d;
    d.kind = Kind::Upsample;
    d.scale = scale;
    d.bilinear = bilinear;
    return d;
  }
  static RowDependence whole() {
    RowDependence d;
    d.kind = Kind::Whole;
    return d;
  }

  /// Bilinear up-sampling: the first of the two input rows output row o
  /// sits between, floor((2o + 1 - scale) / (2 scale)), before clamping to
  /// the input (-1 for the first rows).
  int64_t bilinearRow(int64_t o) const;
  /// The lowest input row that output rows q, q+1, ... read (may be at or
  /// past the input's last row when they read none).
  int64_t lowestRead(int64_t q) const;
  /// The highest input row that output rows 0..o read, clamped to
  /// -1..inputRows-1 (-1: none).
  int64_t highestRead(int64_t o, int64_t inputRows) const;
};

/// Channels `outStart + i * outStep` of a channel selection's output are
/// input channels `inStart + i * inStep`, for i in [0, count); both steps
/// are at least 1.
struct ChannelRun {
  int64_t outStart = 0, outStep = 1;
  int64_t inStart = 0, inStep = 1;
  int64_t count = 0;
};

/// The runs covering a selection (output channel k reads channels[k]): from
/// the lowest output channel not yet covered, the longest arithmetic run
/// with an output step of at most 16 and an input step of at least 1. A
/// slice is one run, a shuffle of g groups g runs.
std::vector<ChannelRun> getChannelRuns(const std::vector<int64_t> &channels);

/// A feature map of batch 1: channels, rows, columns and element size.
struct TensorShape {
  int64_t c = 0, h = 0, w = 0;
  int64_t elemBytes = 0;

  int64_t elements() const { return c * h * w; }
  int64_t bytes() const { return elements() * elemBytes; }
};

/// Everything the cost model needs to know about one layer.
struct LayerInfo {
  /// The layer's kind as its op is spelled ("conv2d", "max_pool", ...):
  /// shown in reports and messages, never interpreted.
  std::string kind;
  std::string name;
  /// How the cost model plans it (set by a describe* function).
  LayerClass cls = LayerClass::Stream;
  StreamPattern stream = StreamPattern::RowBlocks;
  /// Stream pattern InputRows: output rows stored per input row.
  int64_t streamOutputRows = 1;
  /// True when the layer may share a fusion group with other layers.
  bool mergeable = false;
  /// True when, in a group, it can compute its output row by row from rows
  /// of its inputs (mode rows); false for the layers that need their whole
  /// input at once (global pooling, fully connected layers, softmax), which
  /// merge only into groups whose maps are resident.
  bool mergesInRows = true;

  /// Feature maps read (weights excluded), in operand order.
  std::vector<TensorShape> inputs;
  TensorShape output;
  /// Per input: the rows a range of output rows reads.
  std::vector<RowDependence> inputRows;
  /// Per input: the columns a range of output columns reads (the same
  /// dependences along the width).
  std::vector<RowDependence> inputCols;

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
  /// Compressed weights: the stored bytes before each output channel
  /// (dimension 0 of the weights), prefix sums with one entry per channel
  /// and the total last; null when the weights are stored raw. Compressed
  /// weights load in whole output channels.
  std::shared_ptr<const std::vector<int64_t>> weightOffsets;
  /// Multiply-accumulates (set by a describe* function).
  int64_t macCount = 0;

  bool hasWeights() const { return weightElements > 0; }
  bool isDepthwise() const {
    return cls == LayerClass::Convolution && groups > 1 && !inputs.empty() &&
           groups == inputs.front().c;
  }
  /// Parameters: weight and bias elements.
  int64_t parameters() const { return weightElements + biasElements; }
  /// Weight plus bias bytes, uncompressed.
  int64_t parameterBytes() const { return weightBytes + biasBytes; }
  bool hasCompressedWeights() const { return weightOffsets != nullptr; }
  /// Stored bytes of output channels [j0, j1) of compressed weights.
  int64_t compressedChannelBytes(int64_t j0, int64_t j1) const {
    return (*weightOffsets)[j1] - (*weightOffsets)[j0];
  }
  /// The largest output channel of compressed weights.
  int64_t largestCompressedChannel() const {
    int64_t largest = 0;
    for (size_t j = 1; j < weightOffsets->size(); ++j)
      largest = std::max(largest, (*weightOffsets)[j] - (*weightOffsets)[j - 1]);
    return largest;
  }
  /// Weight bytes as stored: the compressed size when known, else raw.
  int64_t storedWeightBytes() const {
    return compressedWeightBytes >= 0 ? compressedWeightBytes : weightBytes;
  }
  /// Bytes of all feature maps read.
  int64_t inputBytes() const;
  /// Multiply-accumulates: M*E*F*(C/groups)*R*S' for a convolution, M*K for
  /// a fully connected layer, 0 for every other layer.
  int64_t macs() const { return macCount; }
  /// Products summed into one output element: (C/groups)*R*S' for a
  /// convolution, C*H*W for a fully connected layer, 0 without MACs.
  int64_t productsPerOutput() const {
    return output.elements() ? macCount / output.elements() : 0;
  }
};

/// The describe* functions complete a description whose shapes, window and
/// weights are set: class, stream pattern, row dependences, MACs and
/// whether the layer merges. `kind` names it in reports.

/// A convolution (grouped, depthwise): tiled, mergeable, rows by its window.
void describeConvolution(LayerInfo &l, std::string kind = "conv2d");
/// A max or average pool: tiled per channel, mergeable, rows by its window.
void describePool(LayerInfo &l, std::string kind);
/// A fully connected layer: tiled as a 1x1 convolution; mergeable into
/// groups of whole maps only, its weights streamed one output at a time.
void describeDense(LayerInfo &l, std::string kind = "fully_connected");
/// An element-wise layer over equally shaped inputs, or inputs of one row
/// and one column broadcast over the output: streamed in row blocks,
/// mergeable; a broadcast input is read whole.
void describeElementwise(LayerInfo &l, std::string kind);
/// A channel concatenation: a view of its inputs, mergeable.
void describeConcat(LayerInfo &l, std::string kind = "concat");
/// Constant padding (padTop..padRight set): streamed input row by input
/// row, mergeable.
void describePad(LayerInfo &l, std::string kind = "pad");
/// Up-sampling by (strideH, strideW), nearest or bilinear: streamed input
/// row by input row, mergeable.
void describeResize(LayerInfo &l, std::string kind = "resize");
/// A reduction of each channel's whole map (global pooling): streamed;
/// mergeable into groups of whole maps only.
void describeChannelReduce(LayerInfo &l, std::string kind);
/// A function of each pixel's channels (softmax): streamed; mergeable into
/// groups of whole maps only.
void describePixelwise(LayerInfo &l, std::string kind);
/// Channels into blocks of (strideH x strideW) rows and columns
/// (depth_to_space): streamed input row by input row, b rows stored per
/// input row, mergeable (output row r reads row r / b).
void describeDepthToSpace(LayerInfo &l, std::string kind);
/// A copy of chosen input channels (select_channels): streamed alone as
/// StreamPattern::Gather, mergeable (row r reads row r).
void describeSelect(LayerInfo &l, std::string kind);

} // namespace mlir::cnn

#endif // CNN_ANALYSIS_LAYERINFO_H
