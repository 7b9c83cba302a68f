//===- NetBuilder.h - Builds cnn layers and their shapes --------*- C++ -*-===//
//
// The model zoo describes networks layer by layer the way papers do (output
// channels, kernel, stride, padding); NetBuilder turns each description into
// a `cnn` op with its weights, computes the output shape, and names the layer
// both with the `name` attribute and a NameLoc. A layer that cannot be built
// (a window larger than its input at a small resolution, mismatched shapes)
// records an error instead of creating an invalid op; after the first error
// every method is a no-op, so a network description needs no error checks.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_ZOO_NETBUILDER_H
#define CNN_ZOO_NETBUILDER_H

#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

#include <array>
#include <string>

namespace mlir::cnn::zoo {

/// A convolution as papers describe it. Setters chain:
/// `ConvSpec(64, 7).stride(2).pad(3).relu()`.
struct ConvSpec {
  /// `outChannels` filters of `kernel` x `kernel`.
  ConvSpec(int64_t outChannels, int64_t kernel)
      : outChannels(outChannels), kernelH(kernel), kernelW(kernel) {}

  /// A depthwise convolution: one `kernel` x `kernel` filter per input
  /// channel (groups = output channels = input channels).
  static ConvSpec depthwise(int64_t kernel) {
    ConvSpec spec(0, kernel);
    spec.isDepthwise = true;
    return spec;
  }

  /// A non-square `h` x `w` kernel.
  ConvSpec &kernel(int64_t h, int64_t w) {
    kernelH = h;
    kernelW = w;
    return *this;
  }
  /// The same stride along rows and columns.
  ConvSpec &stride(int64_t s) {
    strideH = strideW = s;
    return *this;
  }
  /// The same padding on all four sides.
  ConvSpec &pad(int64_t p) {
    padding = {p, p, p, p};
    return *this;
  }
  /// Asymmetric padding.
  ConvSpec &pad(int64_t top, int64_t bottom, int64_t left, int64_t right) {
    padding = {top, bottom, left, right};
    return *this;
  }
  /// TensorFlow's "same" padding: the output has ceil(input / stride) rows
  /// and columns; an odd total puts the extra row (column) at the bottom
  /// (right), which is what even kernels such as 2x2 need.
  ConvSpec &padSame() {
    samePadding = true;
    return *this;
  }
  /// The same dilation along rows and columns.
  ConvSpec &dilation(int64_t d) {
    dilationH = dilationW = d;
    return *this;
  }
  /// `g` groups, each with 1/g of the input and output channels.
  ConvSpec &groups(int64_t g) {
    numGroups = g;
    return *this;
  }
  /// No bias: for a convolution that neither has one of its own nor is
  /// followed by a batch norm to fold.
  ConvSpec &noBias() {
    hasBias = false;
    return *this;
  }
  /// The activation fused into the convolution.
  ConvSpec &relu() { return act(Activation::relu); }
  ConvSpec &relu6() { return act(Activation::relu6); }
  ConvSpec &act(Activation a) {
    activation = a;
    return *this;
  }

  int64_t outChannels;
  int64_t kernelH, kernelW;
  int64_t strideH = 1, strideW = 1;
  /// Top, bottom, left, right.
  std::array<int64_t, 4> padding = {0, 0, 0, 0};
  bool samePadding = false;
  int64_t dilationH = 1, dilationW = 1;
  int64_t numGroups = 1;
  bool isDepthwise = false;
  /// Batch norm folded into a convolution leaves a bias, so most have one.
  bool hasBias = true;
  Activation activation = Activation::none;
};

/// A max or average pooling window: `PoolSpec(3).stride(2).ceilMode()`.
struct PoolSpec {
  /// A `kernel` x `kernel` window; the stride defaults to the kernel.
  explicit PoolSpec(int64_t kernel)
      : kernelH(kernel), kernelW(kernel), strideH(kernel), strideW(kernel) {}

  /// The same stride along rows and columns.
  PoolSpec &stride(int64_t s) {
    strideH = strideW = s;
    return *this;
  }
  /// Padding, never chosen by a max and not counted by an average.
  PoolSpec &pad(int64_t p) {
    padding = {p, p, p, p};
    return *this;
  }
  PoolSpec &pad(int64_t top, int64_t bottom, int64_t left, int64_t right) {
    padding = {top, bottom, left, right};
    return *this;
  }
  /// Caffe's and Darknet's rounding: the output size is rounded up, written
  /// as the bottom/right padding that makes the last window fit.
  PoolSpec &ceilMode() {
    roundUp = true;
    return *this;
  }

  int64_t kernelH, kernelW;
  int64_t strideH, strideW;
  /// Top, bottom, left, right.
  std::array<int64_t, 4> padding = {0, 0, 0, 0};
  bool roundUp = false;
};

/// How NetBuilder fills weight tensors.
struct WeightInit {
  /// When false, weights are shape-only `cnn.weight` ops without a value.
  bool random = false;
  /// Seed of the pseudo-random values; each tensor's values depend only on
  /// this seed and the tensor's name, never on the order of construction.
  uint64_t seed = 0;
};

/// Builds one network as a `func.func` whose argument is the input image.
class NetBuilder {
public:
  /// Starts `func.func @funcName` at the end of `module`, taking a
  /// `1 x channels x height x width` feature map of `elementType` (i8, i16,
  /// f16 or f32).
  NetBuilder(ModuleOp module, StringRef funcName, int64_t channels,
             int64_t height, int64_t width, Type elementType,
             WeightInit init = {});

  /// The function's argument, the input image.
  Value getInput() const { return input; }

  /// Returns `outputs` from the function and sets its result types.
  func::FuncOp finish(ValueRange outputs);

  /// A convolution with its weight (and bias unless `spec` says otherwise).
  Value conv(Value x, StringRef name, const ConvSpec &spec);
  /// A fully connected layer with `outFeatures` outputs and a bias.
  Value fullyConnected(Value x, StringRef name, int64_t outFeatures,
                       Activation activation = Activation::none);
  /// Max and average pooling over `spec`'s window.
  Value maxPool(Value x, StringRef name, const PoolSpec &spec);
  Value avgPool(Value x, StringRef name, const PoolSpec &spec);
  /// The average of each channel, `1 x C x 1 x 1`.
  Value globalAvgPool(Value x, StringRef name);
  /// The sum of two feature maps of one shape, with a fused activation.
  Value add(Value lhs, Value rhs, StringRef name,
            Activation activation = Activation::none);
  /// The difference `lhs - rhs`, `rhs` a map of the same shape or one value
  /// per channel (`1 x C x 1 x 1`), with a fused activation.
  Value sub(Value lhs, Value rhs, StringRef name,
            Activation activation = Activation::none);
  /// The product of `lhs` and `rhs`, a map of the same shape or one factor
  /// per channel (`1 x C x 1 x 1`), with a fused activation.
  Value mul(Value lhs, Value rhs, StringRef name,
            Activation activation = Activation::none);
  /// Channels of `x` into blocks of `block` x `block` rows and columns.
  Value depthToSpace(Value x, StringRef name, int64_t block,
                     DepthToSpaceMode mode);
  /// Leaky ReLU with one slope per channel: a `1 x C x 1 x 1` weight.
  Value prelu(Value x, StringRef name);
  /// The channels of `inputs`, in order; they share rows and columns.
  Value concat(ValueRange inputs, StringRef name);
  /// Output channel k is channel `channels[k]` of `x` (a slice, a split
  /// part or a channel shuffle).
  Value selectChannels(Value x, StringRef name, ArrayRef<int64_t> channels);
  /// Zero padding; `padding` is top, bottom, left, right.
  Value pad(Value x, StringRef name, ArrayRef<int64_t> padding);
  /// Up-sampling of rows and columns by `scale`.
  Value resize(Value x, StringRef name, int64_t scale,
               ResizeMode mode = ResizeMode::nearest);
  /// Softmax over the channels of each pixel.
  Value softmax(Value x, StringRef name);

  /// Records an error unless `x` is `1 x chw[0] x chw[1] x chw[2]`: the
  /// input of a fixed-size layer `consumer`, such as the first fully
  /// connected layer of a classifier head, at another resolution.
  void requireShape(Value x, ArrayRef<int64_t> chw, StringRef consumer);

  /// True once a layer could not be built; nothing more is built then.
  bool hasFailed() const { return !error.empty(); }
  /// The first error, naming the layer that caused it.
  StringRef getError() const { return error; }

  /// Channels, rows and columns of a feature map.
  static int64_t getChannels(Value v);
  static int64_t getHeight(Value v);
  static int64_t getWidth(Value v);

private:
  /// Records `message` unless an earlier error is recorded.
  void fail(const Twine &message);
  /// True when `rhs` has the shape of `lhs` or one value per channel, else
  /// records an error (`verb`: "multiplies").
  bool checkChannelBroadcast(Value lhs, Value rhs, StringRef name,
                             StringRef verb);
  /// A `cnn.weight` named `name` of `shape` and `elementType`; `fanIn` sets
  /// the range of random floating-point values.
  Value weight(StringRef name, ArrayRef<int64_t> shape, Type elementType,
               int64_t fanIn);
  /// The bias type of a layer: i32 for integer layers, else the element type.
  Type getBiasElementType() const;
  /// One output dimension of a window, or failure (recorded) when the
  /// window is larger than the padded input.
  FailureOr<int64_t> windowOutput(StringRef layer, StringRef what, int64_t in,
                                  int64_t padLo, int64_t padHi, int64_t window,
                                  int64_t stride);
  template <typename PoolOpTy>
  Value pool(Value x, StringRef name, const PoolSpec &spec);
  RankedTensorType featureMap(int64_t c, int64_t h, int64_t w) const;
  Location loc(StringRef name);
  StringAttr nameAttr(StringRef name);

  OpBuilder builder;
  func::FuncOp func;
  Value input;
  Type elementType;
  WeightInit init;
  std::string error;
};

} // namespace mlir::cnn::zoo

#endif // CNN_ZOO_NETBUILDER_H
