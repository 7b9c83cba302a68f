//===- TosaToCnnPatterns.h - Shared parts of the TOSA import ----*- C++ -*-===//
//
// What the conversion patterns of --tosa-to-cnn share: how they read TOSA
// values (feature maps, constants, the chains that end a layer), the base
// class of the patterns, and the functions that add each group of patterns.
// TosaValues.cpp reads values, ConvertWeightedLayers.cpp converts the layers
// with weights and the ops that end them, ConvertOps.cpp the other ops, and
// TosaToCnn.cpp drives the conversion.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_LIB_CONVERSION_TOSATOCNN_TOSATOCNNPATTERNS_H
#define CNN_LIB_CONVERSION_TOSATOCNN_TOSATOCNNPATTERNS_H

#include "cnn/Conversion/TosaToCnn/TosaToCnn.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/Transforms/DialectConversion.h"

#include <optional>
#include <string>

namespace mlir::cnn::tosa_to_cnn {

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

bool isCnnElementType(Type type);

Type getElementType(Value value);

/// True for a value the patterns read as a cnn feature map: a static batch-1
/// NHWC tensor (or its flattened form) of a cnn element type.
bool isFeatureMap(Value value);

/// The one op of the network that reads `value`, or null when there are
/// several or none. The casts the conversion inserts for the operands of the
/// ops it converts do not count: until the conversion ends, the converted ops
/// stay in place with their original operands.
Operation *getSoleReader(Value value);

bool hasSoleReader(Value value);

/// The number of operands of the network's ops that read `value` (the
/// conversion's casts do not count, as for getSoleReader).
int64_t countReads(Value value);

std::string describe(Type type);

std::string describe(ArrayRef<int64_t> values);

/// The layer name a location carries: the first `NameLoc` in it, which is
/// how exporters name the op (`loc("MobilenetV1/Conv2d_0/Relu6")`).
StringAttr getLayerNameAttr(Location loc);

/// The values of a `tosa.const_shape`.
FailureOr<SmallVector<int64_t>> getConstShape(Value shape);

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

/// `value` as a constant: a `tosa.const`, possibly through `tosa.transpose`
/// and `tosa.reshape` (how NCHW exporters bring OIHW weights to OHWI).
FailureOr<ConstantTensor> getConstantTensor(Value value);

/// A per-channel constant (a bias): `channels` values, or one broadcast to
/// all of them, in a tensor whose other dimensions are 1. Returned as a
/// `tensor<channels>`.
FailureOr<ConstantTensor> getChannelVector(Value value, int64_t channels);

Value createWeight(OpBuilder &builder, Location loc,
                   const ConstantTensor &constant);

//===----------------------------------------------------------------------===//
// Chains that end a layer
//===----------------------------------------------------------------------===//

/// A sum over H and W: reduce_sum(reduce_sum(source, 1), 2) in either order,
/// with the intermediate read only by the second sum.
struct SpatialSum {
  Value source;
  SmallVector<Operation *> ops; // Last first.
};

std::optional<SpatialSum> matchSpatialSum(Value value);

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

/// Adds the patterns of the layers with weights (tosa.conv2d,
/// tosa.depthwise_conv2d, tosa.matmul) and of the ops that end them or other
/// chains: tosa.add (a bias or a sum of maps) and tosa.rescale.
void populateWeightedLayerPatterns(const TypeConverter &typeConverter,
                                   RewritePatternSet &patterns,
                                   TosaToCnnFailureLog *log);

/// Adds the patterns of the other ops: activations, pooling, softmax,
/// concatenation, padding, resizing and the layout ops, and those that
/// record why a part of a chain is not converted on its own.
void populateOpPatterns(const TypeConverter &typeConverter,
                        RewritePatternSet &patterns, TosaToCnnFailureLog *log);

} // namespace mlir::cnn::tosa_to_cnn

#endif // CNN_LIB_CONVERSION_TOSATOCNN_TOSATOCNNPATTERNS_H
