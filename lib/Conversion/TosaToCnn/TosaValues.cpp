//===- TosaValues.cpp - Feature maps and constants in TOSA ------*- C++ -*-===//
//
// How the patterns of --tosa-to-cnn read TOSA values: which values are
// feature maps and which ops read them, the constants behind the layout ops
// an exporter put after them, and the sums over H and W that more than one
// chain ends with.
//
//===----------------------------------------------------------------------===//

#include "TosaToCnnPatterns.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>
#include <vector>

namespace mlir::cnn::tosa_to_cnn {

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

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

/// `value` as a constant: a `tosa.const`, possibly through `tosa.transpose`
/// and `tosa.reshape` (how NCHW exporters bring OIHW weights to OHWI).
FailureOr<ConstantTensor> getConstantTensor(Value value) {
  if (auto op = value.getDefiningOp<tosa::ConstOp>()) {
    auto type = dyn_cast<RankedTensorType>(op.getType());
    if (!type || !type.hasStaticShape())
      return failure();
    return ConstantTensor{type, readDenseElements(op.getValues())};
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
// Chains that end a layer
//===----------------------------------------------------------------------===//

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

} // namespace mlir::cnn::tosa_to_cnn
