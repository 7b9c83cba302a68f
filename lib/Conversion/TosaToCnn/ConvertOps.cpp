//===- ConvertOps.cpp - TOSA ops without weights to cnn ---------*- C++ -*-===//
//
// The patterns of the TOSA ops that are not layers with weights: tosa.clamp
// (an activation, fused into the layer before when it can be), the pools,
// tosa.mul (the end of a float global average or of a softmax), tosa.concat,
// tosa.pad, tosa.resize, the layout ops, and the parts of a chain that a
// later op converts.
//
//===----------------------------------------------------------------------===//

#include "TosaToCnnPatterns.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mlir::cnn::tosa_to_cnn {
namespace {

//===----------------------------------------------------------------------===//
// Chains that end a layer
//===----------------------------------------------------------------------===//

/// A float as "%g" prints it: 6, -1, 3.40282e+38.
std::string formatNumber(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%g", value);
  return text;
}

/// A float softmax over the channels as exporters write it:
/// mul(exp(y), reciprocal(reduce_sum(exp(y)))) with y = x, or
/// y = sub(x, reduce_max(x)), both reductions over the last (channel) axis.
struct Softmax {
  Value input;
  SmallVector<Operation *> ops; // Readers before producers.
};

std::optional<Softmax> matchSoftmax(tosa::MulOp mul) {
  for (auto [expValue, reciprocalValue] :
       {std::pair(mul.getInput1(), mul.getInput2()),
        std::pair(mul.getInput2(), mul.getInput1())}) {
    auto exp = expValue.getDefiningOp<tosa::ExpOp>();
    auto reciprocal = reciprocalValue.getDefiningOp<tosa::ReciprocalOp>();
    if (!exp || !reciprocal || !hasSoleReader(reciprocal.getOutput()) ||
        countReads(exp.getOutput()) != 2)
      continue;
    auto sum = reciprocal.getInput1().getDefiningOp<tosa::ReduceSumOp>();
    auto type = cast<RankedTensorType>(exp.getType());
    if (!sum || sum.getInput() != exp.getOutput() ||
        !hasSoleReader(sum.getOutput()) ||
        static_cast<int64_t>(sum.getAxis()) != type.getRank() - 1)
      continue;
    Softmax softmax{exp.getInput1(), {mul, reciprocal, sum, exp}};
    if (auto sub = softmax.input.getDefiningOp<tosa::SubOp>()) {
      auto max = sub.getInput2().getDefiningOp<tosa::ReduceMaxOp>();
      if (max && max.getInput() == sub.getInput1() &&
          max.getAxis() == sum.getAxis() && hasSoleReader(sub.getOutput()) &&
          hasSoleReader(max.getOutput())) {
        softmax.input = sub.getInput1();
        softmax.ops.append({sub, max});
      }
    }
    return softmax;
  }
  return std::nullopt;
}

/// The activation a `tosa.clamp` applies, `none` for a clamp that covers
/// the whole type, or failure with `why` set.
FailureOr<Activation> classifyClamp(tosa::ClampOp op, std::string &why) {
  Type elem = getElementType(op.getInput());
  if (auto intType = dyn_cast<IntegerType>(elem)) {
    int64_t lo = cast<IntegerAttr>(op.getMinValAttr()).getInt();
    int64_t hi = cast<IntegerAttr>(op.getMaxValAttr()).getInt();
    int64_t typeMin =
        APInt::getSignedMinValue(intType.getWidth()).getSExtValue();
    int64_t typeMax =
        APInt::getSignedMaxValue(intType.getWidth()).getSExtValue();
    // The quantized 0: the output zero point of the rescale before.
    int64_t zero = 0;
    if (auto rescale = op.getInput().getDefiningOp<tosa::RescaleOp>())
      if (FailureOr<int64_t> zp = rescale.getOutputZeroPoint(); succeeded(zp))
        zero = *zp;
    if (lo == zero && hi >= typeMax)
      return Activation::relu;
    if (lo == zero && hi > zero)
      return Activation::relu6;
    if (lo <= typeMin && hi >= typeMax)
      return Activation::none;
    why = "clamps to [" + std::to_string(lo) + ", " + std::to_string(hi) +
          "]; an integer clamp is relu from the zero point (" +
          std::to_string(zero) +
          ") to the type's maximum, or relu6 to a smaller bound";
    return failure();
  }
  auto floatType = cast<FloatType>(elem);
  double lo = cast<FloatAttr>(op.getMinValAttr()).getValueAsDouble();
  double hi = cast<FloatAttr>(op.getMaxValAttr()).getValueAsDouble();
  double largest =
      APFloat::getLargest(floatType.getFloatSemantics()).convertToDouble();
  if (lo == 0.0 && hi >= largest)
    return Activation::relu;
  if (lo == 0.0 && hi == 6.0)
    return Activation::relu6;
  if (lo <= -largest && hi >= largest)
    return Activation::none;
  why = (Twine("clamps to [") + formatNumber(lo) + ", " + formatNumber(hi) +
         "]; a float clamp is relu ([0, max]) or relu6 ([0, 6])")
            .str();
  return failure();
}

/// The nearest-neighbour source index TOSA's resize reads for output index
/// `out` (TOSA specification, RESIZE), with `scaleN / scaleD` the scale.
int64_t getNearestSource(int64_t out, int64_t scaleN, int64_t scaleD,
                         int64_t offset, int64_t inSize) {
  int64_t y = out * scaleD + offset;
  int64_t i = llvm::divideFloorSigned(y, scaleN);
  int64_t r = y - i * scaleN;
  int64_t source = 2 * r >= scaleN ? i + 1 : i;
  return std::clamp<int64_t>(source, 0, inSize - 1);
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

/// tosa.clamp: relu or relu6, fused into the layer before when it can be.
struct ConvertClamp : TosaToCnnPattern<tosa::ClampOp> {
  using TosaToCnnPattern::TosaToCnnPattern;

  LogicalResult
  matchAndRewrite(tosa::ClampOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = getCnnType(op.getOutput());
    if (!type)
      return failNotFeatureMap(rewriter, op, op.getOutput());
    std::string why;
    FailureOr<Activation> activation = classifyClamp(op, why);
    if (failed(activation))
      return fail(rewriter, op, why);
    Value input = adaptor.getInput();
    if (*activation == Activation::none) {
      rewriter.replaceOp(op, input);
      return success();
    }
    // Fused when the clamp is the only reader of a layer without one.
    Operation *producer = input.getDefiningOp();
    if (hasSoleReader(op.getInput()) && producer) {
      bool fused =
          llvm::TypeSwitch<Operation *, bool>(producer)
              .Case<Conv2DOp, FullyConnectedOp, AddOp>([&](auto layer) {
                if (layer.getActivation() != Activation::none)
                  return false;
                rewriter.modifyOpInPlace(
                    layer, [&] { layer.setActivation(*activation); });
                return true;
              })
              .Default([](Operation *) { return false; });
      if (fused) {
        rewriter.replaceOp(op, input);
        return success();
      }
    }
    rewriter.replaceOp(op, ActivationOp::create(rewriter, op.getLoc(), type,
                                                input, *activation,
                                                getLayerNameAttr(op.getLoc())));
    return success();
  }
};

struct ConvertMaxPool : TosaToCnnPattern<tosa::MaxPool2dOp> {
  using TosaToCnnPattern::TosaToCnnPattern;

  LogicalResult
  matchAndRewrite(tosa::MaxPool2dOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = getCnnType(op.getOutput());
    if (!type || !getCnnType(op.getInput()))
      return failNotFeatureMap(rewriter, op, op.getInput());
    rewriter.replaceOp(op, MaxPoolOp::create(rewriter, op.getLoc(), type,
                                             adaptor.getInput(), op.getKernel(),
                                             op.getStride(), op.getPad(),
                                             getLayerNameAttr(op.getLoc())));
    return success();
  }
};

/// tosa.avg_pool2d; a window over the whole unpadded map is a global
/// average. Zero points are dropped.
struct ConvertAvgPool : TosaToCnnPattern<tosa::AvgPool2dOp> {
  using TosaToCnnPattern::TosaToCnnPattern;

  LogicalResult
  matchAndRewrite(tosa::AvgPool2dOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = getCnnType(op.getOutput());
    RankedTensorType inputType = getCnnType(op.getInput());
    if (!type || !inputType)
      return failNotFeatureMap(rewriter, op, op.getInput());
    if (type.getElementType() != inputType.getElementType())
      return fail(rewriter, op, "changes the element type");
    StringAttr name = getLayerNameAttr(op.getLoc());
    ArrayRef<int64_t> kernel = op.getKernel();
    bool global = kernel[0] == inputType.getDimSize(2) &&
                  kernel[1] == inputType.getDimSize(3) &&
                  llvm::all_of(op.getPad(), [](int64_t p) { return p == 0; });
    if (global) {
      rewriter.replaceOp(op,
                         GlobalAvgPoolOp::create(rewriter, op.getLoc(), type,
                                                 adaptor.getInput(), name));
      return success();
    }
    rewriter.replaceOp(
        op, AvgPoolOp::create(rewriter, op.getLoc(), type, adaptor.getInput(),
                              kernel, op.getStride(), op.getPad(), name));
    return success();
  }
};

/// tosa.mul of a sum over H and W by 1/(H*W): a float global average.
struct ConvertMul : TosaToCnnPattern<tosa::MulOp> {
  using TosaToCnnPattern::TosaToCnnPattern;

  LogicalResult
  matchAndRewrite(tosa::MulOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<Softmax> softmax = matchSoftmax(op)) {
      RankedTensorType type = getCnnType(softmax->input);
      if (!type || type != getCnnType(op.getOutput()) ||
          !isa<FloatType>(type.getElementType()))
        return fail(rewriter, op,
                    "ends a softmax of a " +
                        describe(softmax->input.getType()) +
                        "; cnn.softmax takes a float feature map");
      rewriter.replaceOp(
          op, SoftmaxOp::create(rewriter, op.getLoc(), type,
                                rewriter.getRemappedValue(softmax->input),
                                getLayerNameAttr(op.getLoc())));
      for (Operation *part : ArrayRef(softmax->ops).drop_front())
        rewriter.eraseOp(part);
      return success();
    }
    for (auto [sumValue, scaleValue] :
         {std::pair(op.getInput1(), op.getInput2()),
          std::pair(op.getInput2(), op.getInput1())}) {
      std::optional<SpatialSum> sum = matchSpatialSum(sumValue);
      FailureOr<ConstantTensor> scale = getConstantTensor(scaleValue);
      if (!sum || !hasSoleReader(sumValue) || failed(scale))
        continue;
      RankedTensorType type = getCnnType(op.getOutput());
      if (!type || !isFeatureMap(sum->source) ||
          isa<IntegerType>(type.getElementType()))
        return fail(rewriter, op,
                    "scales a sum over H and W that is not a float feature "
                    "map; integer averages end with a tosa.rescale");
      auto sourceType = cast<RankedTensorType>(sum->source.getType());
      int64_t count = sourceType.getDimSize(1) * sourceType.getDimSize(2);
      std::optional<double> factor = scale->getSplatValue();
      if (!factor || std::abs(*factor * count - 1.0) > 1e-3)
        return fail(rewriter, op,
                    "scales a sum over " + Twine(count) +
                        " elements by something other than 1/" + Twine(count) +
                        "; only a global average is supported");
      rewriter.replaceOp(op, GlobalAvgPoolOp::create(
                                 rewriter, op.getLoc(), type,
                                 rewriter.getRemappedValue(sum->source),
                                 getLayerNameAttr(sum->ops.back()->getLoc())));
      for (Operation *sumOp : sum->ops)
        rewriter.eraseOp(sumOp);
      return success();
    }
    return fail(rewriter, op,
                "is supported only as the 1/(H*W) of a global average "
                "(tosa.reduce_sum over H and W, then tosa.mul) and in a "
                "softmax (tosa.exp, tosa.reduce_sum, tosa.reciprocal, "
                "tosa.mul)");
  }
};

struct ConvertConcat : TosaToCnnPattern<tosa::ConcatOp> {
  using TosaToCnnPattern::TosaToCnnPattern;

  LogicalResult
  matchAndRewrite(tosa::ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = getCnnType(op.getOutput());
    if (!type || cast<RankedTensorType>(op.getType()).getRank() != 4)
      return failNotFeatureMap(rewriter, op, op.getOutput());
    if (op.getAxis() != 3)
      return fail(rewriter, op,
                  "concatenates on axis " + Twine(op.getAxis()) +
                      "; cnn.concat stacks channels (NHWC axis 3)");
    for (Value input : op.getInput1())
      if (!getCnnType(input))
        return failNotFeatureMap(rewriter, op, input);
    rewriter.replaceOp(op, ConcatOp::create(rewriter, op.getLoc(), type,
                                            adaptor.getInput1(),
                                            getLayerNameAttr(op.getLoc())));
    return success();
  }
};

/// tosa.pad of H and W. The pad value is kept as is: cnn has no zero
/// points, and exporters of quantized networks pad with the zero point.
struct ConvertPad : TosaToCnnPattern<tosa::PadOp> {
  using TosaToCnnPattern::TosaToCnnPattern;

  LogicalResult
  matchAndRewrite(tosa::PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = getCnnType(op.getOutput());
    if (!type || !getCnnType(op.getInput1()) ||
        cast<RankedTensorType>(op.getType()).getRank() != 4)
      return failNotFeatureMap(rewriter, op, op.getOutput());
    FailureOr<SmallVector<int64_t>> padding = getConstShape(op.getPadding());
    if (failed(padding) || padding->size() != 8)
      return fail(rewriter, op, "has padding that is not a tosa.const_shape");
    ArrayRef<int64_t> p = *padding;
    if (p[0] != 0 || p[1] != 0 || p[6] != 0 || p[7] != 0 ||
        llvm::any_of(p, [](int64_t v) { return v < 0; }))
      return fail(rewriter, op,
                  "pads by " + describe(p) +
                      "; cnn.pad adds rows and columns only (N and C pads "
                      "0, none negative)");
    FailureOr<ConstantTensor> padConst = getConstantTensor(op.getPadConst());
    std::optional<double> value =
        succeeded(padConst) ? padConst->getSplatValue() : std::nullopt;
    if (!value)
      return fail(rewriter, op, "pads with a value that is not a constant");
    rewriter.replaceOp(
        op, PadOp::create(rewriter, op.getLoc(), type, adaptor.getInput1(),
                          {p[2], p[3], p[4], p[5]}, APFloat(*value),
                          getLayerNameAttr(op.getLoc())));
    return success();
  }
};

/// tosa.resize by an integer scale: nearest when it reads row
/// floor(r / scale), bilinear (floats) when its sampling has half-pixel
/// centres, as cnn.resize defines them.
struct ConvertResize : TosaToCnnPattern<tosa::ResizeOp> {
  using TosaToCnnPattern::TosaToCnnPattern;

  LogicalResult
  matchAndRewrite(tosa::ResizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = getCnnType(op.getOutput());
    RankedTensorType inputType = getCnnType(op.getInput());
    if (!type || !inputType ||
        type.getElementType() != inputType.getElementType())
      return fail(rewriter, op,
                  "resizes a " + describe(op.getInput().getType()) + " to " +
                      describe(op.getOutput().getType()) +
                      "; cnn.resize keeps a feature map's element type "
                      "(integer bilinear resizes are not supported)");
    FailureOr<SmallVector<int64_t>> scale = getConstShape(op.getScale());
    FailureOr<SmallVector<int64_t>> offset = getConstShape(op.getOffset());
    if (failed(scale) || failed(offset))
      return fail(rewriter, op, "has a scale or offset that is not constant");
    bool bilinear = op.getMode() == tosa::ResizeMode::BILINEAR;
    SmallVector<int64_t> factors;
    for (int axis = 0; axis < 2; ++axis) {
      int64_t n = (*scale)[2 * axis], d = (*scale)[2 * axis + 1];
      int64_t off = (*offset)[axis];
      int64_t in = inputType.getDimSize(2 + axis);
      int64_t out = type.getDimSize(2 + axis);
      if (d <= 0 || n % d != 0 || out != in * (n / d))
        return fail(rewriter, op,
                    "scales by " + Twine(n) + "/" + Twine(d) + " from " +
                        Twine(in) + " to " + Twine(out) +
                        "; cnn.resize scales by an integer");
      if (bilinear && 2 * off != d - n)
        return fail(rewriter, op,
                    "samples with offset " + Twine(off) +
                        "; a cnn.resize bilinear has half-pixel centres "
                        "(offset " +
                        Twine((d - n) / 2) + ")");
      for (int64_t o = 0; !bilinear && o < out; ++o)
        if (getNearestSource(o, n, d, off, in) != o / (n / d))
          return fail(rewriter, op,
                      "samples output " + Twine(o) + " from input " +
                          Twine(getNearestSource(o, n, d, off, in)) +
                          "; a cnn.resize nearest reads floor(r / scale)");
      factors.push_back(n / d);
    }
    if (bilinear && isa<IntegerType>(type.getElementType()))
      return fail(rewriter, op, "is an integer bilinear resize");
    rewriter.replaceOp(op, ResizeOp::create(rewriter, op.getLoc(), type,
                                            adaptor.getInput(), factors,
                                            bilinear ? ResizeMode::bilinear
                                                     : ResizeMode::nearest,
                                            getLayerNameAttr(op.getLoc())));
    return success();
  }
};

/// A transpose or reshape at the function boundary that makeArgumentsNchw or
/// makeResultsNchw put there (or an exporter did): it reads an argument of
/// the cnn type of its result, or only returns read it and its result has
/// the cnn type of its input. It stands for the value itself.
std::optional<Value> getBoundaryValue(Operation *op, Value input,
                                      Value remappedInput) {
  Value result = op->getResult(0);
  auto transpose = dyn_cast<tosa::TransposeOp>(op);
  if (isa<BlockArgument>(input) &&
      (!transpose || transpose.getPerms() == ArrayRef<int32_t>{0, 2, 3, 1}) &&
      input.getType() == getCnnFeatureMapType(result.getType()))
    return input;
  if (!result.use_empty() &&
      llvm::all_of(result.getUsers(),
                   [](Operation *user) { return isa<func::ReturnOp>(user); }) &&
      (!transpose || transpose.getPerms() == ArrayRef<int32_t>{0, 3, 1, 2}) &&
      result.getType() == getCnnFeatureMapType(input.getType()) &&
      remappedInput && remappedInput.getType() == result.getType())
    return remappedInput;
  return std::nullopt;
}

/// tosa.reshape that keeps the NCHW data order, e.g. 1x1x1xC -> 1xC.
struct ConvertReshape : TosaToCnnPattern<tosa::ReshapeOp> {
  using TosaToCnnPattern::TosaToCnnPattern;

  LogicalResult
  matchAndRewrite(tosa::ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<Value> value =
            getBoundaryValue(op, op.getInput1(), adaptor.getInput1())) {
      rewriter.replaceOp(op, *value);
      return success();
    }
    RankedTensorType in = getCnnType(op.getInput1());
    RankedTensorType out = getCnnType(op.getOutput());
    if (!in || !out || in != out)
      return fail(rewriter, op,
                  "reshapes " + describe(op.getInput1().getType()) + " to " +
                      describe(op.getOutput().getType()) +
                      ", which is not a feature map in the same NCHW order; "
                      "supported are such reshapes (e.g. 1x1x1xC to 1xC) "
                      "and the flattening of a fully connected layer's "
                      "input");
    rewriter.replaceOp(op, adaptor.getInput1());
    return success();
  }
};

/// tosa.transpose: the layout changes inside the function were removed
/// before the conversion and the ones at the boundary disappear; what is
/// left reorders data.
struct ConvertTranspose : TosaToCnnPattern<tosa::TransposeOp> {
  using TosaToCnnPattern::TosaToCnnPattern;

  LogicalResult
  matchAndRewrite(tosa::TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<Value> value =
            getBoundaryValue(op, op.getInput1(), adaptor.getInput1())) {
      rewriter.replaceOp(op, *value);
      return success();
    }
    SmallVector<int64_t> perms(op.getPerms().begin(), op.getPerms().end());
    return fail(rewriter, op,
                "transposes by " + describe(perms) +
                    "; supported are NCHW<->NHWC transposes at the "
                    "function's arguments and results and pairs that "
                    "cancel");
  }
};

struct ConvertIdentity : TosaToCnnPattern<tosa::IdentityOp> {
  using TosaToCnnPattern::TosaToCnnPattern;

  LogicalResult
  matchAndRewrite(tosa::IdentityOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, adaptor.getInput1());
    return success();
  }
};

/// An op that converts only as a part of a layer that a later op ends (and
/// whose pattern erases it): records why it is left otherwise.
template <typename OpTy> struct PartOfLayer : TosaToCnnPattern<OpTy> {
  PartOfLayer(const TypeConverter &typeConverter, MLIRContext *context,
              TosaToCnnFailureLog *log, StringRef reason)
      : TosaToCnnPattern<OpTy>(typeConverter, context, log),
        reason(reason.str()) {}

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    return this->fail(rewriter, op, reason);
  }

  std::string reason;
};

} // namespace

void populateOpPatterns(const TypeConverter &typeConverter,
                        RewritePatternSet &patterns, TosaToCnnFailureLog *log) {
  MLIRContext *context = patterns.getContext();
  patterns.add<ConvertAvgPool, ConvertClamp, ConvertConcat, ConvertIdentity,
               ConvertMaxPool, ConvertMul, ConvertPad, ConvertReshape,
               ConvertResize, ConvertTranspose>(typeConverter, context, log);
  StringRef softmax = "is supported only in a float softmax over the "
                      "channels: tosa.reduce_max, tosa.sub, tosa.exp, "
                      "tosa.reduce_sum, tosa.reciprocal, tosa.mul";
  patterns.add<PartOfLayer<tosa::ExpOp>, PartOfLayer<tosa::ReciprocalOp>,
               PartOfLayer<tosa::ReduceMaxOp>, PartOfLayer<tosa::SubOp>>(
      typeConverter, context, log, softmax);
  patterns.add<PartOfLayer<tosa::ReduceSumOp>>(
      typeConverter, context, log,
      "is supported only in a global average (tosa.reduce_sum over H and W, "
      "then tosa.mul by 1/(H*W) or a tosa.rescale) and in a softmax");
}

} // namespace mlir::cnn::tosa_to_cnn
