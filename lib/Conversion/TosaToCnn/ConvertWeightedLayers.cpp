//===- ConvertWeightedLayers.cpp - TOSA layers with weights -----*- C++ -*-===//
//
// The patterns of the TOSA ops that compute or end a layer with weights:
// tosa.conv2d, tosa.depthwise_conv2d and tosa.matmul (a fully connected
// layer) when their result has the input's type, and otherwise the
// tosa.add of their bias or the tosa.rescale that requantizes them. The
// tosa.add and tosa.rescale patterns also convert an add of two feature maps
// and the end of an integer global average.
//
//===----------------------------------------------------------------------===//

#include "TosaToCnnPatterns.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"

#include "llvm/ADT/TypeSwitch.h"

namespace mlir::cnn::tosa_to_cnn {
namespace {

//===----------------------------------------------------------------------===//
// Layers with weights
//===----------------------------------------------------------------------===//

bool isWeightedLayer(Operation *op) {
  return isa_and_nonnull<tosa::Conv2DOp, tosa::DepthwiseConv2DOp,
                         tosa::MatMulOp>(op);
}

/// True when a TOSA layer with weights produces an accumulator (i32 or i48
/// for integer inputs) rather than its input's type.
bool producesAccumulator(Operation *layer) {
  return getElementType(layer->getOperand(0)) !=
         getElementType(layer->getResult(0));
}

/// If `layerResult` is read only by a `tosa.add` of a per-channel constant
/// (the bias a `tosa.matmul` is followed by), that constant.
Value getAddedBias(Value layerResult, tosa::AddOp add) {
  if (!add)
    return {};
  Value other =
      add.getInput1() == layerResult ? add.getInput2() : add.getInput1();
  int64_t channels =
      cast<RankedTensorType>(layerResult.getType()).getShape().back();
  if (failed(getChannelVector(other, channels)))
    return {};
  return other;
}

/// The bias add that follows `layer`, when it is the only reader.
tosa::AddOp getBiasAdd(Operation *layer) {
  Value result = layer->getResult(0);
  auto add = dyn_cast_or_null<tosa::AddOp>(getSoleReader(result));
  return getAddedBias(result, add) ? add : tosa::AddOp();
}

/// Where a fully connected layer reads a flattened feature map: the map
/// before the reshapes that flattened it, its H, W and C, and whether it was
/// flattened in C, H, W order (an NCHW exporter transposes the map to NCHW
/// first) rather than TOSA's H, W, C.
struct FlattenedInput {
  Value source;
  int64_t height, width, channels;
  bool channelsFirst;
};

std::optional<FlattenedInput> getFlattenedInput(Value input) {
  // A layout op that reads a function argument is the boundary: its result
  // is the map.
  while (auto reshape = input.getDefiningOp<tosa::ReshapeOp>()) {
    if (isa<BlockArgument>(reshape.getInput1()))
      break;
    input = reshape.getInput1();
  }
  bool channelsFirst = false;
  auto transpose = input.getDefiningOp<tosa::TransposeOp>();
  if (transpose && !isa<BlockArgument>(transpose.getInput1()) &&
      transpose.getPerms() == ArrayRef<int32_t>{0, 3, 1, 2}) {
    input = transpose.getInput1();
    channelsFirst = true;
  }
  if (!isFeatureMap(input))
    return std::nullopt;
  auto type = cast<RankedTensorType>(input.getType());
  if (type.getRank() == 4)
    return FlattenedInput{input, type.getDimSize(1), type.getDimSize(2),
                          type.getDimSize(3), channelsFirst};
  return FlattenedInput{input, 1, 1, type.getShape().back(), channelsFirst};
}

/// Builds the layers that compute a TOSA layer with weights; `resultType`
/// is the cnn type of the chain's last value (the layer, its bias add, or
/// the rescale after it), `addedBias` the constant of a bias add.
class LayerBuilder {
public:
  LayerBuilder(ConversionPatternRewriter &rewriter, Operation *layer,
               RankedTensorType resultType, Value addedBias)
      : rewriter(rewriter), layer(layer), resultType(resultType),
        addedBias(addedBias), loc(layer->getLoc()),
        name(getLayerNameAttr(loc)) {}

  /// The cnn layer's result, or failure with `why` set.
  FailureOr<Value> build(std::string &why) {
    Value input = layer->getOperand(0);
    if (!isFeatureMap(input))
      return fail(why, "reads a " + describe(input.getType()) +
                           ", not a static batch-1 NHWC feature map of i8, "
                           "i16, f16 or f32");
    elementType = getElementType(input);
    if (!resultType || resultType.getElementType() != elementType)
      return fail(why, "ends in " +
                           describe(resultType
                                        ? resultType.getElementType()
                                        : getElementType(layer->getResult(0))) +
                           " values from " + describe(elementType) +
                           " inputs; a cnn layer's result has the element "
                           "type of its input");
    return llvm::TypeSwitch<Operation *, FailureOr<Value>>(layer)
        .Case([&](tosa::Conv2DOp op) { return buildConv2D(op, why); })
        .Case(
            [&](tosa::DepthwiseConv2DOp op) { return buildDepthwise(op, why); })
        .Case([&](tosa::MatMulOp op) { return buildMatMul(op, why); })
        .Default([&](Operation *) { return fail(why, "is not a layer"); });
  }

private:
  static FailureOr<Value> fail(std::string &why, const Twine &reason) {
    why = reason.str();
    return failure();
  }

  FailureOr<ConstantTensor> getWeight(Value weight, std::string &why) {
    FailureOr<ConstantTensor> constant = getConstantTensor(weight);
    if (failed(constant)) {
      why = "has a weight that is not a constant (tosa.const, possibly "
            "transposed or reshaped)";
      return failure();
    }
    if (constant->type.getElementType() != elementType) {
      why = "has " + describe(elementType) + " inputs and " +
            describe(constant->type.getElementType()) +
            " weights; a cnn layer has one element type";
      return failure();
    }
    return constant;
  }

  /// The cnn bias from the layer's own bias operand and the added constant;
  /// a null type when neither holds anything but zeros.
  FailureOr<ConstantTensor> getBias(Value ownBias, int64_t channels,
                                    std::string &why) {
    ConstantTensor bias{};
    for (Value value : {ownBias, addedBias}) {
      if (!value)
        continue;
      FailureOr<ConstantTensor> vector = getChannelVector(value, channels);
      if (failed(vector)) {
        why = ("has a bias that is not a constant of " + Twine(channels) +
               " values")
                  .str();
        return failure();
      }
      if (vector->isZero())
        continue;
      if (bias.type) {
        why = "has a bias and a tosa.add of another one";
        return failure();
      }
      bias = *vector;
    }
    if (!bias.type)
      return bias;
    Type biasType = bias.type.getElementType();
    bool isInt = isa<IntegerType>(elementType);
    if (isInt ? !(biasType.isInteger(32) || biasType == elementType)
              : biasType != elementType) {
      why = "has a " + describe(biasType) + " bias; a cnn layer of " +
            describe(elementType) + " takes an i32 or " +
            describe(elementType) + " bias";
      return failure();
    }
    return bias;
  }

  /// The `cnn.weight`s of the weight and, if there is one, of the bias.
  std::pair<Value, Value> createWeights(const ConstantTensor &weight,
                                        const ConstantTensor &bias) {
    Value w = createWeight(rewriter, loc, weight);
    Value b = bias.type ? createWeight(rewriter, loc, bias) : Value();
    return {w, b};
  }

  FailureOr<Value> getRemapped(Value value, RankedTensorType expected,
                               std::string &why) {
    Value remapped = rewriter.getRemappedValue(value);
    if (!remapped || remapped.getType() != expected)
      return fail(why, "reads a value that has no cnn feature map");
    return remapped;
  }

  /// A fully connected layer over the map `input` flattens, with its
  /// [M, K] `weight` in the order of that flattening.
  FailureOr<Value> buildFullyConnected(const FlattenedInput &input,
                                       const ConstantTensor &weight,
                                       Value ownBias, std::string &why) {
    int64_t m = weight.type.getDimSize(0);
    int64_t k = weight.type.getDimSize(1);
    if (k != input.height * input.width * input.channels)
      return fail(why, "has " + Twine(k) + " weight columns for a " +
                           describe(input.source.getType()));
    // cnn flattens in C, H, W order.
    ConstantTensor mk = weight;
    if (!input.channelsFirst)
      mk = weight.reshape({m, input.height, input.width, input.channels})
               .transpose({0, 3, 1, 2})
               .reshape({m, k});
    FailureOr<Value> in = getRemapped(
        input.source, getCnnFeatureMapType(input.source.getType()), why);
    FailureOr<ConstantTensor> bias = getBias(ownBias, m, why);
    if (failed(in) || failed(bias))
      return failure();
    auto [w, b] = createWeights(mk, *bias);
    return FullyConnectedOp::create(rewriter, loc, resultType, *in, w, b,
                                    Activation::none, name)
        .getResult();
  }

  FailureOr<Value> buildConv2D(tosa::Conv2DOp op, std::string &why) {
    FailureOr<ConstantTensor> weight = getWeight(op.getWeight(), why);
    if (failed(weight))
      return failure();
    ArrayRef<int64_t> ohwi = weight->type.getShape();
    int64_t m = ohwi[0];

    // A 1x1 convolution of a map that a reshape flattened to 1x1xK is how
    // TensorFlow writes a fully connected layer.
    auto inputType = cast<RankedTensorType>(op.getInput().getType());
    if (op.getInput().getDefiningOp<tosa::ReshapeOp>() && ohwi[1] == 1 &&
        ohwi[2] == 1 && inputType.getDimSize(1) == 1 &&
        inputType.getDimSize(2) == 1) {
      if (std::optional<FlattenedInput> input =
              getFlattenedInput(op.getInput()))
        return buildFullyConnected(*input, weight->reshape({m, ohwi[3]}),
                                   op.getBias(), why);
    }

    FailureOr<Value> in = getRemapped(
        op.getInput(), getCnnFeatureMapType(op.getInput().getType()), why);
    FailureOr<ConstantTensor> bias = getBias(op.getBias(), m, why);
    if (failed(in) || failed(bias))
      return failure();
    auto [w, b] = createWeights(weight->transpose({0, 3, 1, 2}), *bias);
    return Conv2DOp::create(rewriter, loc, resultType, *in, w, b,
                            op.getStride(), op.getPad(), op.getDilation(),
                            /*groups=*/1, Activation::none, name)
        .getResult();
  }

  FailureOr<Value> buildDepthwise(tosa::DepthwiseConv2DOp op,
                                  std::string &why) {
    FailureOr<ConstantTensor> weight = getWeight(op.getWeight(), why);
    if (failed(weight))
      return failure();
    // [KH, KW, C, M]: output channel c*M + j reads input channel c, which is
    // cnn's grouping with C groups of M outputs.
    ArrayRef<int64_t> hwcm = weight->type.getShape();
    int64_t channels = hwcm[2], m = channels * hwcm[3];
    ConstantTensor oihw =
        weight->transpose({2, 3, 0, 1}).reshape({m, 1, hwcm[0], hwcm[1]});
    FailureOr<Value> in = getRemapped(
        op.getInput(), getCnnFeatureMapType(op.getInput().getType()), why);
    FailureOr<ConstantTensor> bias = getBias(op.getBias(), m, why);
    if (failed(in) || failed(bias))
      return failure();
    auto [w, b] = createWeights(oihw, *bias);
    return Conv2DOp::create(rewriter, loc, resultType, *in, w, b,
                            op.getStride(), op.getPad(), op.getDilation(),
                            channels, Activation::none, name)
        .getResult();
  }

  FailureOr<Value> buildMatMul(tosa::MatMulOp op, std::string &why) {
    auto aType = cast<RankedTensorType>(op.getA().getType());
    if (aType.getRank() != 3 || aType.getDimSize(0) != 1 ||
        aType.getDimSize(1) != 1)
      return fail(why, "multiplies a " + describe(aType) +
                           "; a fully connected layer reads one row "
                           "(tensor<1x1xK>)");
    std::optional<FlattenedInput> input = getFlattenedInput(op.getA());
    if (!input)
      return fail(why, "reads a row that is not a flattened feature map");
    FailureOr<ConstantTensor> weight = getWeight(op.getB(), why);
    if (failed(weight))
      return failure();
    // [1, K, M] -> [M, K].
    int64_t k = weight->type.getDimSize(1), m = weight->type.getDimSize(2);
    return buildFullyConnected(
        *input, weight->reshape({k, m}).transpose({1, 0}), /*ownBias=*/{}, why);
  }

  ConversionPatternRewriter &rewriter;
  Operation *layer;
  RankedTensorType resultType;
  Value addedBias;
  Location loc;
  StringAttr name;
  Type elementType;
};

/// A layer with weights and the constant a `tosa.add` adds to its result.
struct BiasedLayer {
  Operation *layer = nullptr;
  Value bias;
};

/// The layer with weights whose result `add` adds a bias to, when `add` is
/// the only reader of that result; a null layer otherwise.
BiasedLayer getBiasedLayer(tosa::AddOp add) {
  for (Value operand : {add.getInput1(), add.getInput2()}) {
    Operation *layer = operand.getDefiningOp();
    if (!isWeightedLayer(layer) || !hasSoleReader(operand))
      continue;
    if (Value bias = getAddedBias(operand, add))
      return {layer, bias};
  }
  return {};
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

/// tosa.conv2d, tosa.depthwise_conv2d, tosa.matmul with a result of the
/// input's type (floats). Integer layers end at their rescale.
template <typename OpTy> struct ConvertWeightedLayer : TosaToCnnPattern<OpTy> {
  using TosaToCnnPattern<OpTy>::TosaToCnnPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result = op->getResult(0);
    if (producesAccumulator(op))
      return this->fail(rewriter, op,
                        "produces an accumulator of " +
                            describe(getElementType(result)) +
                            ", which is converted together with the "
                            "tosa.rescale that requantizes it to " +
                            describe(getElementType(op->getOperand(0))));
    if (getBiasAdd(op))
      return this->fail(rewriter, op,
                        "is converted together with the tosa.add of its bias");
    std::string why;
    LayerBuilder builder(rewriter, op, this->getCnnType(result), {});
    FailureOr<Value> layer = builder.build(why);
    if (failed(layer))
      return this->fail(rewriter, op, why);
    rewriter.replaceOp(op, *layer);
    return success();
  }
};

/// tosa.add: a sum of two feature maps, or the bias of the layer before.
struct ConvertAdd : TosaToCnnPattern<tosa::AddOp> {
  using TosaToCnnPattern::TosaToCnnPattern;

  LogicalResult
  matchAndRewrite(tosa::AddOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result = op.getOutput();
    BiasedLayer biased = getBiasedLayer(op);
    if (Operation *layer = biased.layer) {
      if (producesAccumulator(layer))
        return fail(rewriter, op,
                    "adds the bias of an integer layer, which is converted "
                    "together with the tosa.rescale after it");
      std::string why;
      LayerBuilder builder(rewriter, layer, getCnnType(result), biased.bias);
      FailureOr<Value> converted = builder.build(why);
      if (failed(converted))
        return fail(rewriter, op, why);
      rewriter.replaceOp(op, *converted);
      rewriter.eraseOp(layer);
      return success();
    }
    if (!isCnnElementType(getElementType(result)))
      return fail(rewriter, op,
                  "adds " + describe(getElementType(result)) +
                      " values; an integer add is converted together with "
                      "the tosa.rescale ops around it");
    RankedTensorType type = getCnnType(result);
    if (!type)
      return failNotFeatureMap(rewriter, op, result);
    if (op.getInput1().getType() != result.getType() ||
        op.getInput2().getType() != result.getType())
      return fail(rewriter, op,
                  "adds a " + describe(op.getInput1().getType()) + " and a " +
                      describe(op.getInput2().getType()) +
                      "; cnn.add takes two feature maps of one type");
    rewriter.replaceOp(op, AddOp::create(rewriter, op.getLoc(), type,
                                         adaptor.getInput1(),
                                         adaptor.getInput2(), Activation::none,
                                         getLayerNameAttr(op.getLoc())));
    return success();
  }
};

/// tosa.rescale: the end of an integer layer. After a layer with weights
/// (through its bias add) it requantizes the accumulator; after a tosa.add
/// of two rescaled maps it ends an integer add; after sums over H and W it
/// ends a global average; from a type to itself it only changes the scale.
/// cnn has its own requantization, so multipliers, shifts and zero points
/// are dropped.
struct ConvertRescale : TosaToCnnPattern<tosa::RescaleOp> {
  using TosaToCnnPattern::TosaToCnnPattern;

  LogicalResult
  matchAndRewrite(tosa::RescaleOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value input = op.getInput();
    RankedTensorType type = getCnnType(op.getOutput());
    if (!type)
      return failNotFeatureMap(rewriter, op, op.getOutput());
    Type elem = type.getElementType();
    Operation *producer = input.getDefiningOp();
    bool onlyReader = hasSoleReader(input);

    // A layer with weights, possibly followed by its bias add.
    Operation *layer = producer;
    auto biasAdd = dyn_cast_or_null<tosa::AddOp>(producer);
    Value addedBias;
    if (biasAdd) {
      BiasedLayer biased = getBiasedLayer(biasAdd);
      if (biased.layer) {
        layer = biased.layer;
        addedBias = biased.bias;
      }
    }
    if (onlyReader && isWeightedLayer(layer) && (!biasAdd || addedBias)) {
      std::string why;
      LayerBuilder builder(rewriter, layer, type, addedBias);
      FailureOr<Value> converted = builder.build(why);
      if (failed(converted))
        return fail(rewriter, op, why);
      rewriter.replaceOp(op, *converted);
      if (biasAdd)
        rewriter.eraseOp(biasAdd);
      rewriter.eraseOp(layer);
      return success();
    }

    // An integer add: add(rescale(a), rescale(b)).
    if (onlyReader && biasAdd) {
      auto lhs = biasAdd.getInput1().getDefiningOp<tosa::RescaleOp>();
      auto rhs = biasAdd.getInput2().getDefiningOp<tosa::RescaleOp>();
      if (lhs && rhs) {
        Value a = lhs.getInput(), b = rhs.getInput();
        if (a.getType() != b.getType() || getCnnType(a) != type)
          return fail(rewriter, op,
                      "ends an add of a " + describe(a.getType()) + " and a " +
                          describe(b.getType()) + " rescaled to " +
                          describe(op.getOutput().getType()) +
                          "; cnn.add takes two feature maps of one type");
        Value sum = AddOp::create(
            rewriter, biasAdd.getLoc(), type, rewriter.getRemappedValue(a),
            rewriter.getRemappedValue(b), Activation::none,
            getLayerNameAttr(biasAdd.getLoc()));
        rewriter.replaceOp(op, sum);
        rewriter.eraseOp(biasAdd);
        for (tosa::RescaleOp rescale : {lhs, rhs}) {
          if (rescale == rhs && lhs == rhs)
            break;
          if (getSoleReader(rescale.getOutput()) == biasAdd)
            rewriter.eraseOp(rescale);
        }
        return success();
      }
    }

    // A global average: rescale(reduce_sum(reduce_sum(rescale(x)))).
    if (std::optional<SpatialSum> sum = matchSpatialSum(input);
        sum && onlyReader) {
      Value source = sum->source;
      auto widen = source.getDefiningOp<tosa::RescaleOp>();
      if (widen)
        source = widen.getInput();
      if (!isFeatureMap(source) || getElementType(source) != elem)
        return fail(rewriter, op,
                    "ends a sum over H and W of a " +
                        describe(source.getType()) + " requantized to " +
                        describe(elem) +
                        "; a global average keeps the element type");
      Value mean = GlobalAvgPoolOp::create(
          rewriter, op.getLoc(), type, rewriter.getRemappedValue(source),
          getLayerNameAttr(sum->ops.back()->getLoc()));
      rewriter.replaceOp(op, mean);
      for (Operation *sumOp : sum->ops)
        rewriter.eraseOp(sumOp);
      if (widen && hasSoleReader(widen.getOutput()))
        rewriter.eraseOp(widen);
      return success();
    }

    // A requantization of a map to its own type.
    if (getElementType(input) == elem && getCnnType(input) == type) {
      rewriter.replaceOp(op, adaptor.getInput());
      return success();
    }
    return fail(rewriter, op,
                "rescales " + describe(input.getType()) + " to " +
                    describe(op.getOutput().getType()) +
                    " without a layer it ends (a tosa.conv2d, "
                    "tosa.depthwise_conv2d or tosa.matmul, an add of two "
                    "rescaled maps, or a sum over H and W)");
  }
};

} // namespace

void populateWeightedLayerPatterns(const TypeConverter &typeConverter,
                                   RewritePatternSet &patterns,
                                   TosaToCnnFailureLog *log) {
  patterns.add<ConvertAdd, ConvertRescale, ConvertWeightedLayer<tosa::Conv2DOp>,
               ConvertWeightedLayer<tosa::DepthwiseConv2DOp>,
               ConvertWeightedLayer<tosa::MatMulOp>>(
      typeConverter, patterns.getContext(), log);
}

} // namespace mlir::cnn::tosa_to_cnn
