//===- ImportArithmetic.cpp - Imports ONNX arithmetic with constants -C++
//-*-===//
//
// The nodes that scale and shift a feature map by constants, one value for
// all channels or one per channel: Mul, Add, Sub and Div with a constant
// operand, and BatchNormalization that no convolution absorbs. Each is
// folded into the convolution that produces the feature map when that is
// exact (the convolution has no activation and is the map's only reader;
// one without a bias gets one); otherwise it becomes a
// per-channel scale-and-shift layer: a depthwise 1x1 convolution whose
// weights are the scales and whose bias is the shifts (in i8 and i16
// networks, which have shape-only weights, a depthwise 1x1 convolution
// like any other). ReduceMean over the
// rows and columns is a global average pool.
//
//===----------------------------------------------------------------------===//

#include "OnnxImporter.h"

#include "llvm/ADT/STLExtras.h"

#include <cmath>

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;
using namespace mlir::cnn::onnx_import;

//===----------------------------------------------------------------------===//
// Scale and shift
//===----------------------------------------------------------------------===//

/// The values of a weight that holds them, as floats; empty when it is
/// shape-only.
static SmallVector<float> getWeightValues(Value weight) {
  auto op = weight.getDefiningOp<WeightOp>();
  SmallVector<float> values;
  DenseElementsAttr attr = op.getDenseValue();
  if (!attr)
    return values;
  for (llvm::APFloat v : attr.getValues<llvm::APFloat>()) {
    bool losesInfo = false;
    v.convert(llvm::APFloat::IEEEsingle(), llvm::APFloat::rmNearestTiesToEven,
              &losesInfo);
    values.push_back(v.convertToFloat());
  }
  return values;
}

/// Folds `y * scale + shift` (per output channel) into the convolution that
/// computes `y`: its weights times the scale, its bias times the scale plus
/// the shift. False, changing nothing, when that would not be exact.
bool Importer::foldScaleShift(Value y, ArrayRef<float> scale,
                              ArrayRef<float> shift) {
  auto conv = y.getDefiningOp<Conv2DOp>();
  if (!conv || conv.getActivation() != Activation::none ||
      numReaders.lookup(y) != 1)
    return false;
  bool shifts = llvm::any_of(shift, [](float t) { return t != 0.0f; });
  if (shifts && !conv.getBias()) {
    // A bias of zeros (i32 for integers) takes the shift.
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPoint(conv);
    Type elem = cast<RankedTensorType>(y.getType()).getElementType();
    auto type = RankedTensorType::get(
        {static_cast<int64_t>(scale.size())},
        isa<IntegerType>(elem) ? builder.getI32Type() : elem);
    Value bias = WeightOp::create(builder, conv.getLoc(), type, ElementsAttr());
    if (wantsValues())
      setValues(bias, SmallVector<float>(scale.size(), 0.0f));
    conv.getBiasMutable().assign(bias);
  }
  if (!wantsValues())
    return true;
  SmallVector<float> w = getWeightValues(conv.getWeight());
  SmallVector<float> b;
  if (conv.getBias())
    b = getWeightValues(conv.getBias());
  // Shape-only weights stay shape-only; a layer that misses values has been
  // noted when it was built.
  if (w.empty() || (conv.getBias() && b.empty()))
    return true;
  int64_t channels = scale.size();
  int64_t perChannel = static_cast<int64_t>(w.size()) / channels;
  for (int64_t m = 0; m < channels; ++m) {
    for (int64_t i = 0; i < perChannel; ++i)
      w[m * perChannel + i] *= scale[m];
    if (!b.empty())
      b[m] = b[m] * scale[m] + shift[m];
  }
  setValues(conv.getWeight(), w);
  if (!b.empty())
    setValues(conv.getBias(), b);
  return true;
}

LogicalResult Importer::buildScaleShift(const onnx::NodeProto &node,
                                        FeatureMap x, ArrayRef<float> scale,
                                        ArrayRef<float> shift) {
  if (x.flat &&
      NetBuilder::getHeight(x.value) * NetBuilder::getWidth(x.value) != 1)
    return emitNodeError(node) << "the input is a flattened feature map";
  for (auto [i, v] : llvm::enumerate(llvm::concat<const float>(scale, shift)))
    if (!std::isfinite(v))
      return emitNodeError(node)
             << "the " << (i < scale.size() ? "scale" : "shift")
             << " of channel " << i % scale.size() << " is " << formatNumber(v)
             << "; finite values are expected";
  if (foldScaleShift(x.value, scale, shift)) {
    alias(node.output(0), x);
    return success();
  }
  // With a bias even when the shifts are 0, so that a shift after it folds.
  ConvSpec spec = ConvSpec::depthwise(1);
  spec.hasBias = true;
  FailureOr<Value> y =
      checkBuilt(node, nb->conv(x.value, getNodeName(node), spec));
  if (failed(y))
    return failure();
  auto conv = y->getDefiningOp<Conv2DOp>();
  if (wantsValues()) {
    setValues(conv.getWeight(), scale);
    setValues(conv.getBias(), shift);
  }
  define(node.output(0), {*y, x.flat});
  return success();
}

/// The values of a constant operand of `node` broadcast to the `channels`
/// channels of a feature map: a scalar, or one value per channel in a
/// tensor that broadcasts as [1, C, 1, 1].
FailureOr<SmallVector<float>>
Importer::readChannelConstant(const onnx::NodeProto &node,
                              const onnx::TensorProto &tensor, int64_t channels,
                              bool flat) {
  SmallVector<int64_t> dims = getDims(tensor);
  int64_t n = getNumElements(tensor);
  // Right-aligned against [1, C, 1, 1] (or [1, C] for a flattened map of
  // 1x1 pixels), every dimension but the channels' is 1.
  size_t rank = flat ? 2 : 4, channelFromRight = flat ? 0 : 2;
  bool perChannel = n == channels && dims.size() <= rank;
  for (auto [i, d] : llvm::enumerate(llvm::reverse(dims)))
    if (d != 1 && i != channelFromRight)
      perChannel = false;
  if (n != 1 && !perChannel)
    return emitNodeError(node)
           << "the constant '" << tensor.name() << "' of shape "
           << formatDims(dims)
           << " is neither one value nor one value per channel (" << channels
           << " values broadcast as [1, " << channels << ", 1, 1])";
  FailureOr<SmallVector<float>> values = readFloats(node, tensor);
  if (failed(values))
    return failure();
  if (n == 1)
    return SmallVector<float>(channels, values->front());
  return values;
}

LogicalResult Importer::importConstantArithmetic(const onnx::NodeProto &node,
                                                 int constantIndex) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 1 - constantIndex);
  if (failed(x))
    return failure();
  FailureOr<const onnx::TensorProto *> tensor =
      getConstant(node, constantIndex, "constant");
  if (failed(tensor))
    return failure();
  int64_t channels = NetBuilder::getChannels(x->value);
  FailureOr<SmallVector<float>> c =
      readChannelConstant(node, **tensor, channels, x->flat);
  if (failed(c))
    return failure();
  SmallVector<float> scale(channels, 1.0f), shift(channels, 0.0f);
  StringRef op = node.op_type();
  for (int64_t m = 0; m < channels; ++m) {
    float v = (*c)[m];
    if (op == "Mul") {
      scale[m] = v;
    } else if (op == "Add") {
      shift[m] = v;
    } else if (op == "Sub") {
      // x - c, or c - x.
      scale[m] = constantIndex == 1 ? 1.0f : -1.0f;
      shift[m] = constantIndex == 1 ? -v : v;
    } else {
      if (constantIndex == 0)
        return emitNodeError(node)
               << "dividing the constant '" << getInputName(node, 0)
               << "' by a feature map is not supported; only a feature map "
                  "divided by a constant is";
      if (v == 0.0f)
        return emitNodeError(node) << "the divisor '" << getInputName(node, 1)
                                   << "' is 0 for channel " << m;
      scale[m] = 1.0f / v;
    }
  }
  return buildScaleShift(node, *x, scale, shift);
}

LogicalResult Importer::importBatchNormalization(const onnx::NodeProto &node) {
  // A batch norm that only reads a Conv is absorbed by importConv; this one
  // is a scale and shift of its own.
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  if (failed(x) || failed(checkOnlyOutput(node)))
    return failure();
  if (getIntAttr(node, "training_mode", 0) != 0)
    return emitNodeError(node)
           << "training mode is not supported; export the model for "
              "inference";
  int64_t channels = NetBuilder::getChannels(x->value);
  const char *what[] = {"scale", "B", "mean", "var"};
  std::array<SmallVector<float>, 4> p;
  for (int i = 0; i < 4; ++i) {
    FailureOr<const onnx::TensorProto *> param =
        getConstant(node, i + 1, what[i]);
    if (failed(param))
      return failure();
    if (getNumElements(**param) != channels)
      return emitNodeError(node)
             << what[i] << " has " << getNumElements(**param) << " values for "
             << channels << " channels";
    FailureOr<SmallVector<float>> values = readFloats(node, **param);
    if (failed(values))
      return failure();
    p[i] = std::move(*values);
  }
  double epsilon = getFloatAttr(node, "epsilon", 1e-5f);
  SmallVector<float> scale(channels), shift(channels);
  for (int64_t m = 0; m < channels; ++m) {
    double variance = double(p[3][m]) + epsilon;
    double s = p[0][m] / std::sqrt(variance);
    if (!(variance > 0.0) || !std::isfinite(s))
      return emitNodeError(node)
             << "var + epsilon is " << formatNumber(variance) << " for channel "
             << m << "; a positive value is expected (the scale must be "
                     "finite)";
    scale[m] = static_cast<float>(s);
    shift[m] = static_cast<float>(p[1][m] - p[2][m] * s);
  }
  return buildScaleShift(node, *x, scale, shift);
}

//===----------------------------------------------------------------------===//
// Binary nodes and reductions
//===----------------------------------------------------------------------===//

LogicalResult Importer::importBinary(const onnx::NodeProto &node) {
  if (node.input_size() != 2)
    return emitNodeError(node) << "expects 2 inputs, got " << node.input_size();
  bool lhsConstant = constants.count(getInputName(node, 0));
  bool rhsConstant = constants.count(getInputName(node, 1));
  if (lhsConstant && rhsConstant)
    return importShapeNode(node);
  if (lhsConstant || rhsConstant)
    return importConstantArithmetic(node, lhsConstant ? 0 : 1);
  StringRef op = node.op_type();
  if (op == "Add")
    return importAdd(node);
  if (op == "Mul")
    return importMul(node);
  if (op == "Sub")
    return importSub(node);
  return emitNodeError(node)
         << op << " of two feature maps is not supported; only Add, Sub and "
         << "Mul are (" << op << " takes a feature map and a constant)";
}

LogicalResult Importer::importReduceMean(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  if (failed(x))
    return failure();
  if (x->flat)
    return emitNodeError(node) << "the input is a flattened feature map";
  FailureOr<SmallVector<int64_t>> axesOr = getAxes(node, {0, 1, 2, 3});
  if (failed(axesOr))
    return failure();
  SmallVector<int64_t> axes = std::move(*axesOr);
  SmallVector<int64_t> sorted = axes;
  for (int64_t &axis : sorted)
    if (axis < 0)
      axis += 4;
  llvm::sort(sorted);
  // The batch is 1: averaging over it changes nothing.
  if (!sorted.empty() && sorted.front() == 0)
    sorted.erase(sorted.begin());
  if (ArrayRef<int64_t>(sorted) != ArrayRef<int64_t>{2, 3})
    return emitNodeError(node)
           << "the mean over axes " << formatDims(axes)
           << " is not supported; only over the rows and columns (axes [2, "
              "3]) is";
  FailureOr<Value> y =
      checkBuilt(node, nb->globalAvgPool(x->value, getNodeName(node)));
  if (failed(y))
    return failure();
  define(node.output(0), {*y, /*flat=*/getIntAttr(node, "keepdims", 1) == 0});
  return success();
}

//===----------------------------------------------------------------------===//
// PRelu and LeakyRelu
//===----------------------------------------------------------------------===//

LogicalResult Importer::buildPRelu(const onnx::NodeProto &node, FeatureMap x,
                                   ArrayRef<float> slopes) {
  if (x.flat &&
      NetBuilder::getHeight(x.value) * NetBuilder::getWidth(x.value) != 1)
    return emitNodeError(node) << "the input is a flattened feature map";
  for (auto [i, v] : llvm::enumerate(slopes))
    if (!std::isfinite(v))
      return emitNodeError(node) << "the slope of channel " << i << " is "
                                 << formatNumber(v)
                                 << "; finite values are expected";
  FailureOr<Value> y =
      checkBuilt(node, nb->prelu(x.value, getNodeName(node)));
  if (failed(y))
    return failure();
  if (wantsValues())
    setValues(y->getDefiningOp<PReluOp>().getSlope(), slopes);
  define(node.output(0), {*y, x.flat});
  return success();
}

LogicalResult Importer::importPRelu(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  FailureOr<const onnx::TensorProto *> slope;
  if (failed(x) || failed(slope = getConstant(node, 1, "slope")))
    return failure();
  int64_t c = NetBuilder::getChannels(x->value);
  FailureOr<SmallVector<float>> slopes =
      readChannelConstant(node, **slope, c, x->flat);
  if (failed(slopes))
    return failure();
  SmallVector<float> perChannel = *slopes;
  if (perChannel.size() == 1)
    perChannel.assign(c, perChannel.front());
  return buildPRelu(node, *x, perChannel);
}

LogicalResult Importer::importLeakyRelu(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  if (failed(x))
    return failure();
  float alpha = getFloatAttr(node, "alpha", 0.01f);
  if (alpha == 0.0f)
    return importActivation(node, Activation::relu);
  SmallVector<float> slopes(NetBuilder::getChannels(x->value), alpha);
  return buildPRelu(node, *x, slopes);
}
