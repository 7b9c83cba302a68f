//===- TosaToCnn.cpp - Import of TOSA networks into cnn ---------*- C++ -*-===//
//
// One pattern per TOSA op that ends a cnn layer. A layer that TOSA spells as
// a chain (an integer convolution and the rescale after it, an add of two
// rescaled maps, a global average as sums and a scale, a softmax) is matched
// from its last op backwards; the ops before it fail on their own, with a
// reason, and are erased when the last op converts.
//
//===----------------------------------------------------------------------===//

#include "cnn/Conversion/TosaToCnn/TosaToCnn.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>

namespace mlir::cnn {
#define GEN_PASS_DEF_TOSATOCNN
#include "cnn/Conversion/Passes.h.inc"

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

RankedTensorType getCnnFeatureMapType(Type tosaType) {
  auto type = dyn_cast_if_present<RankedTensorType>(tosaType);
  if (!type || !type.hasStaticShape() || type.getRank() < 2 ||
      type.getDimSize(0) != 1)
    return {};
  ArrayRef<int64_t> s = type.getShape();
  Type elem = type.getElementType();
  switch (type.getRank()) {
  case 4:
    return RankedTensorType::get({1, s[3], s[1], s[2]}, elem);
  case 3:
    if (s[1] != 1)
      return {};
    return RankedTensorType::get({1, s[2], 1, 1}, elem);
  case 2:
    return RankedTensorType::get({1, s[1], 1, 1}, elem);
  default:
    return {};
  }
}

TosaToCnnTypeConverter::TosaToCnnTypeConverter() {
  addConversion([](Type type) { return type; });
  addConversion([](RankedTensorType type) -> std::optional<Type> {
    if (RankedTensorType cnnType = getCnnFeatureMapType(type))
      return cnnType;
    return std::nullopt;
  });
  auto cast = [](OpBuilder &builder, Type type, ValueRange inputs,
                 Location loc) -> Value {
    return UnrealizedConversionCastOp::create(builder, loc, type, inputs)
        .getResult(0);
  };
  addSourceMaterialization(cast);
  addTargetMaterialization(cast);
}

namespace {

bool isCnnElementType(Type type) {
  return type.isInteger(8) || type.isInteger(16) || type.isF16() ||
         type.isF32();
}

Type getElementType(Value value) { return getElementTypeOrSelf(value); }

/// True for a value the patterns read as a cnn feature map: a static batch-1
/// NHWC tensor (or its flattened form) of a cnn element type.
bool isFeatureMap(Value value) {
  return getCnnFeatureMapType(value.getType()) &&
         isCnnElementType(getElementType(value));
}

/// The one op of the network that reads `value`, or null when there are
/// several or none. The casts the conversion inserts for the operands of the
/// ops it converts do not count: until the conversion ends, the converted ops
/// stay in place with their original operands.
Operation *getSoleReader(Value value) {
  Operation *reader = nullptr;
  for (OpOperand &use : value.getUses()) {
    if (isa<UnrealizedConversionCastOp>(use.getOwner()))
      continue;
    if (reader)
      return nullptr;
    reader = use.getOwner();
  }
  return reader;
}

bool hasSoleReader(Value value) { return getSoleReader(value) != nullptr; }

/// The number of operands of the network's ops that read `value` (the
/// conversion's casts do not count, as for getSoleReader).
int64_t countReads(Value value) {
  return llvm::count_if(value.getUses(), [](OpOperand &use) {
    return !isa<UnrealizedConversionCastOp>(use.getOwner());
  });
}

std::string describe(Type type) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << type;
  return s;
}

std::string describe(ArrayRef<int64_t> values) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << '[';
  llvm::interleaveComma(values, os);
  os << ']';
  return s;
}

/// The layer name a location carries: the first `NameLoc` in it, which is
/// how exporters name the op (`loc("MobilenetV1/Conv2d_0/Relu6")`).
StringAttr getLayerNameAttr(Location loc) {
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName();
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (StringAttr name = getLayerNameAttr(inner))
        return name;
  return {};
}

/// The values of a `tosa.const_shape`.
FailureOr<SmallVector<int64_t>> getConstShape(Value shape) {
  auto op = shape.getDefiningOp<tosa::ConstShapeOp>();
  if (!op)
    return failure();
  SmallVector<int64_t> values;
  for (const APInt &v : op.getValues().getValues<APInt>())
    values.push_back(v.getSExtValue());
  return values;
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

/// A constant tensor (a weight, a bias) seen through the layout ops an
/// exporter put after it: its type and, when they can be read, its values.
struct ConstantTensor {
  RankedTensorType type;
  /// Null when the values are unknown (an elided `dense_resource`).
  DenseElementsAttr values;

  /// The tensor transposed by `perms`: dimension `i` of the result is
  /// dimension `perms[i]` of this one. A splat stays a splat.
  ConstantTensor transpose(ArrayRef<int64_t> perms) const;

  /// The tensor with the same elements in the same order and `shape`.
  ConstantTensor reshape(ArrayRef<int64_t> shape) const {
    auto newType = RankedTensorType::get(shape, type.getElementType());
    DenseElementsAttr v = values;
    return {newType, v ? v.reshape(newType) : DenseElementsAttr()};
  }

  /// True when the values are known to be all zero.
  bool isZero() const {
    if (!values || !values.isSplat())
      return false;
    if (isa<IntegerType>(type.getElementType()))
      return values.getSplatValue<APInt>().isZero();
    return values.getSplatValue<APFloat>().isZero();
  }

  /// The splat value as a double, if the tensor is a known splat.
  std::optional<double> getSplatValue() const {
    if (!values || !values.isSplat())
      return std::nullopt;
    if (isa<IntegerType>(type.getElementType()))
      return static_cast<double>(values.getSplatValue<APInt>().getSExtValue());
    return values.getSplatValue<APFloat>().convertToDouble();
  }
};

ConstantTensor ConstantTensor::transpose(ArrayRef<int64_t> perms) const {
  SmallVector<int64_t> shape;
  for (int64_t p : perms)
    shape.push_back(type.getDimSize(p));
  auto newType = RankedTensorType::get(shape, type.getElementType());
  if (!values)
    return {newType, {}};
  DenseElementsAttr v = values;
  if (v.isSplat())
    return {newType, v.reshape(newType)};

  // Non-splat values of the byte-sized types the callers accept: move the
  // bytes of each element to its place in the transposed order.
  unsigned bits = type.getElementTypeBitWidth();
  assert(bits % 8 == 0 && "transposing values of a sub-byte type");
  size_t bytes = bits / 8;
  ArrayRef<char> raw = values.getRawData();
  std::vector<char> result(raw.size());
  int64_t rank = type.getRank();
  SmallVector<int64_t> strides(rank, 1);
  for (int64_t d = rank - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * type.getDimSize(d + 1);
  SmallVector<int64_t> index(rank, 0);
  for (int64_t out = 0, n = type.getNumElements(); out < n; ++out) {
    int64_t in = 0;
    for (int64_t d = 0; d < rank; ++d)
      in += index[d] * strides[perms[d]];
    std::memcpy(&result[out * bytes], &raw[in * bytes], bytes);
    for (int64_t d = rank - 1; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }
  return {newType, DenseElementsAttr::getFromRawBuffer(newType, result)};
}

/// The values of an elements attribute when they can be read: `dense`, or a
/// `dense_resource` whose blob is present.
DenseElementsAttr readValues(ElementsAttr attr) {
  if (auto dense = dyn_cast<DenseElementsAttr>(attr))
    return dense;
  auto resource = dyn_cast<DenseResourceElementsAttr>(attr);
  if (!resource)
    return {};
  DenseResourceElementsHandle handle = resource.getRawHandle();
  AsmResourceBlob *blob = handle.getBlob();
  if (!blob)
    return {};
  ArrayRef<char> data = blob->getData();
  bool isSplat = false;
  if (!DenseElementsAttr::isValidRawBuffer(resource.getType(), data, isSplat))
    return {};
  return DenseElementsAttr::getFromRawBuffer(resource.getType(), data);
}

/// `value` as a constant: a `tosa.const`, possibly through `tosa.transpose`
/// and `tosa.reshape` (how NCHW exporters bring OIHW weights to OHWI).
FailureOr<ConstantTensor> getConstantTensor(Value value) {
  if (auto op = value.getDefiningOp<tosa::ConstOp>()) {
    auto type = dyn_cast<RankedTensorType>(op.getType());
    if (!type || !type.hasStaticShape())
      return failure();
    return ConstantTensor{type, readValues(op.getValues())};
  }
  if (auto op = value.getDefiningOp<tosa::TransposeOp>()) {
    FailureOr<ConstantTensor> input = getConstantTensor(op.getInput1());
    if (failed(input))
      return failure();
    SmallVector<int64_t> perms(op.getPerms().begin(), op.getPerms().end());
    return input->transpose(perms);
  }
  if (auto op = value.getDefiningOp<tosa::ReshapeOp>()) {
    FailureOr<ConstantTensor> input = getConstantTensor(op.getInput1());
    auto type = dyn_cast<RankedTensorType>(op.getType());
    if (failed(input) || !type || !type.hasStaticShape())
      return failure();
    return input->reshape(type.getShape());
  }
  return failure();
}

/// A per-channel constant (a bias): `channels` values, or one broadcast to
/// all of them, in a tensor whose other dimensions are 1. Returned as a
/// `tensor<channels>`.
FailureOr<ConstantTensor> getChannelVector(Value value, int64_t channels) {
  FailureOr<ConstantTensor> constant = getConstantTensor(value);
  if (failed(constant))
    return failure();
  ArrayRef<int64_t> shape = constant->type.getShape();
  if (shape.empty() ||
      !llvm::all_of(shape.drop_back(), [](int64_t d) { return d == 1; }))
    return failure();
  int64_t size = shape.back();
  if (size == channels)
    return constant->reshape({channels});
  if (size != 1)
    return failure();
  auto type =
      RankedTensorType::get({channels}, constant->type.getElementType());
  if (!constant->values)
    return ConstantTensor{type, {}};
  return ConstantTensor{type,
                        DenseElementsAttr::get(
                            type, constant->values.getSplatValue<Attribute>())};
}

Value createWeight(OpBuilder &builder, Location loc,
                   const ConstantTensor &constant) {
  return WeightOp::create(builder, loc, constant.type,
                          constant.values ? ElementsAttr(constant.values)
                                          : ElementsAttr());
}

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

//===----------------------------------------------------------------------===//
// Chains that end a layer
//===----------------------------------------------------------------------===//

/// A sum over H and W: reduce_sum(reduce_sum(source, 1), 2) in either order,
/// with the intermediate read only by the second sum.
struct SpatialSum {
  Value source;
  SmallVector<Operation *> ops; // Last first.
};

std::optional<SpatialSum> matchSpatialSum(Value value) {
  auto outer = value.getDefiningOp<tosa::ReduceSumOp>();
  if (!outer)
    return std::nullopt;
  auto inner = outer.getInput().getDefiningOp<tosa::ReduceSumOp>();
  if (!inner || !hasSoleReader(inner.getResult()))
    return std::nullopt;
  uint32_t a = inner.getAxis(), b = outer.getAxis();
  if (!((a == 1 && b == 2) || (a == 2 && b == 1)))
    return std::nullopt;
  auto type = dyn_cast<RankedTensorType>(inner.getInput().getType());
  if (!type || type.getRank() != 4 || !type.hasStaticShape())
    return std::nullopt;
  return SpatialSum{inner.getInput(), {outer, inner}};
}

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

/// Base of the patterns: records why an op is not converted.
template <typename OpTy>
class TosaToCnnPattern : public OpConversionPattern<OpTy> {
public:
  TosaToCnnPattern(const TypeConverter &typeConverter, MLIRContext *context,
                   TosaToCnnFailureLog *log)
      : OpConversionPattern<OpTy>(typeConverter, context), log(log) {}

protected:
  LogicalResult fail(ConversionPatternRewriter &rewriter, Operation *op,
                     const Twine &reason) const {
    if (log)
      log->record(op, reason);
    return rewriter.notifyMatchFailure(op, reason);
  }

  /// The cnn type of `value`, or null when it is not a feature map.
  RankedTensorType getCnnType(Value value) const {
    if (!isFeatureMap(value))
      return {};
    return this->getTypeConverter()->template convertType<RankedTensorType>(
        value.getType());
  }

  LogicalResult failNotFeatureMap(ConversionPatternRewriter &rewriter,
                                  Operation *op, Value value) const {
    return fail(rewriter, op,
                "reads or produces a " + describe(value.getType()) +
                    ", not a static batch-1 NHWC feature map of i8, i16, "
                    "f16 or f32");
  }

  TosaToCnnFailureLog *log;
};

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
    for (Value operand : {op.getInput1(), op.getInput2()}) {
      Operation *layer = operand.getDefiningOp();
      if (!isWeightedLayer(layer) || !hasSoleReader(operand) ||
          !getAddedBias(operand, op))
        continue;
      if (producesAccumulator(layer))
        return fail(rewriter, op,
                    "adds the bias of an integer layer, which is converted "
                    "together with the tosa.rescale after it");
      std::string why;
      LayerBuilder builder(rewriter, layer, getCnnType(result),
                           getAddedBias(operand, op));
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
      for (Value operand : {biasAdd.getInput1(), biasAdd.getInput2()})
        if (isWeightedLayer(operand.getDefiningOp()) &&
            hasSoleReader(operand) &&
            (addedBias = getAddedBias(operand, biasAdd))) {
          layer = operand.getDefiningOp();
          break;
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

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

void populateTosaToCnnConversionPatterns(const TypeConverter &typeConverter,
                                         RewritePatternSet &patterns,
                                         TosaToCnnFailureLog *log) {
  MLIRContext *context = patterns.getContext();
  patterns.add<ConvertAdd, ConvertAvgPool, ConvertClamp, ConvertConcat,
               ConvertIdentity, ConvertMaxPool, ConvertMul, ConvertPad,
               ConvertRescale, ConvertReshape, ConvertResize, ConvertTranspose,
               ConvertWeightedLayer<tosa::Conv2DOp>,
               ConvertWeightedLayer<tosa::DepthwiseConv2DOp>,
               ConvertWeightedLayer<tosa::MatMulOp>>(typeConverter, context,
                                                     log);
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

void configureTosaToCnnConversionTarget(ConversionTarget &target) {
  target.addLegalDialect<CnnDialect>();
  target.addLegalOp<func::FuncOp, func::CallOp, func::ReturnOp, tosa::ConstOp,
                    tosa::ConstShapeOp>();
}

/// Replaces a cast the conversion left between a cnn value and a TOSA op
/// kept as it is with the transpose (or reshape) that changes the layout.
static void materializeLayoutChange(UnrealizedConversionCastOp castOp) {
  OpBuilder builder(castOp);
  Value input = castOp.getOperand(0);
  auto type = cast<RankedTensorType>(castOp.getResult(0).getType());
  Operation *producer = input.getDefiningOp();
  bool fromCnn = !producer || isa<CnnDialect>(producer->getDialect());
  Value result;
  if (type.getRank() == 4) {
    static constexpr int32_t kNchwToNhwc[] = {0, 2, 3, 1};
    static constexpr int32_t kNhwcToNchw[] = {0, 3, 1, 2};
    ArrayRef<int32_t> perms = fromCnn ? kNchwToNhwc : kNhwcToNchw;
    result = tosa::TransposeOp::create(builder, castOp.getLoc(), type, input,
                                       builder.getDenseI32ArrayAttr(perms));
  } else {
    auto shapeType = tosa::shapeType::get(builder.getContext(), type.getRank());
    auto shape = DenseIntElementsAttr::get(
        RankedTensorType::get({type.getRank()}, builder.getIndexType()),
        type.getShape());
    Value shapeValue =
        tosa::ConstShapeOp::create(builder, castOp.getLoc(), shapeType, shape);
    result = tosa::ReshapeOp::create(builder, castOp.getLoc(), type, input,
                                     shapeValue);
  }
  castOp.getResult(0).replaceAllUsesWith(result);
  castOp.erase();
}

LogicalResult finalizeTosaToCnn(Operation *root, const TosaToCnnFailureLog &log,
                                bool keepUnsupported) {
  // Erase the unused TOSA ops and casts, users before producers.
  SmallVector<Operation *> candidates;
  root->walk([&](Operation *op) {
    if (isa<tosa::TosaDialect>(op->getDialect()) ||
        isa<UnrealizedConversionCastOp>(op))
      candidates.push_back(op);
  });
  // Constants are left only when a reader is left: that one is reported.
  // Casts are left where a TOSA op is left, or where a pattern read a value
  // in a layout it did not expect.
  SmallVector<Operation *> left, casts;
  for (Operation *op : llvm::reverse(candidates)) {
    if (op->use_empty() && isPure(op))
      op->erase();
    else if (isa<UnrealizedConversionCastOp>(op))
      casts.push_back(op);
    else if (!isa<tosa::ConstOp, tosa::ConstShapeOp>(op))
      left.push_back(op);
  }
  if (left.empty() && !casts.empty()) {
    for (Operation *op : casts)
      op->emitError("a value is read in its TOSA layout where a cnn layer "
                    "expects NCHW; --tosa-to-cnn does not support this "
                    "use of it");
    return failure();
  }
  for (Operation *op : llvm::reverse(left)) {
    StringRef reason = log.lookup(op);
    InFlightDiagnostic diag =
        keepUnsupported ? op->emitWarning() : op->emitOpError();
    if (keepUnsupported)
      diag << "'" << op->getName() << "' op is kept as it is: ";
    if (reason.empty())
      diag << (keepUnsupported ? "no cnn layer computes it"
                               : "is not supported by --tosa-to-cnn (no cnn "
                                 "layer computes it)");
    else
      diag << (keepUnsupported ? "" : "cannot be converted to cnn: ") << reason;
  }
  if (!keepUnsupported)
    return failure(!left.empty());
  for (Operation *op : casts)
    materializeLayoutChange(cast<UnrealizedConversionCastOp>(op));
  return success();
}

LogicalResult convertTosaToCnn(ModuleOp module, bool keepUnsupported) {
  WalkResult calls = module.walk([](func::CallOp call) {
    call.emitOpError("calls a function; --tosa-to-cnn gives each function the "
                     "NCHW signature of its cnn form and does not update "
                     "calls");
    return WalkResult::interrupt();
  });
  if (calls.wasInterrupted())
    return failure();
  for (auto func : module.getOps<func::FuncOp>())
    if (failed(normalizeTosaLayout(func)))
      return failure();

  MLIRContext *context = module.getContext();
  TosaToCnnTypeConverter typeConverter;
  TosaToCnnFailureLog log;
  RewritePatternSet patterns(context);
  populateTosaToCnnConversionPatterns(typeConverter, patterns, &log);
  ConversionTarget target(*context);
  configureTosaToCnnConversionTarget(target);
  // Folders would read constants that may be elided.
  ConversionConfig config;
  config.foldingMode = DialectConversionFoldingMode::Never;
  if (failed(
          applyPartialConversion(module, target, std::move(patterns), config)))
    return failure();
  return finalizeTosaToCnn(module, log, keepUnsupported);
}

namespace {

struct TosaToCnnPass : impl::TosaToCnnBase<TosaToCnnPass> {
  using TosaToCnnBase::TosaToCnnBase;

  void runOnOperation() override {
    if (failed(convertTosaToCnn(getOperation(), opaqueUnsupported)))
      signalPassFailure();
  }
};

} // namespace
} // namespace mlir::cnn
