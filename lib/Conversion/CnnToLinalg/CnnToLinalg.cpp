//===- CnnToLinalg.cpp - Reference lowering of cnn to linalg ----*- C++ -*-===//
//
// Every layer becomes one computation over the whole feature map with the
// arithmetic of docs/Semantics.md: named linalg ops where upstream has them,
// linalg.generic for the element-wise ends of layers.
//
//===----------------------------------------------------------------------===//

#include "cnn/Conversion/CnnToLinalg/CnnToLinalg.h"
#include "cnn/Dialect/Cnn/IR/CnnArithmetic.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::cnn {
#define GEN_PASS_DEF_CNNTOLINALG
#include "cnn/Conversion/Passes.h.inc"

namespace {

//===----------------------------------------------------------------------===//
// Tensor helpers
//===----------------------------------------------------------------------===//

RankedTensorType getTensorType(Value v) {
  return cast<RankedTensorType>(v.getType());
}

/// The accumulator type of a layer: i32 for integers, the type for floats.
Type getAccumulatorType(Type elementType) {
  if (isa<IntegerType>(elementType))
    return IntegerType::get(elementType.getContext(), 32);
  return elementType;
}

TypedAttr getZeroAttr(OpBuilder &b, Type type) {
  return cast<TypedAttr>(b.getZeroAttr(type));
}

/// The smallest value of a type, which never wins a maximum: the signed
/// minimum of an integer type, -inf for floats.
TypedAttr getLowestAttr(OpBuilder &b, Type type) {
  if (auto intType = dyn_cast<IntegerType>(type))
    return b.getIntegerAttr(
        type, APInt::getSignedMinValue(intType.getWidth()).getSExtValue());
  auto floatType = cast<FloatType>(type);
  return b.getFloatAttr(
      type, APFloat::getInf(floatType.getFloatSemantics(), /*Negative=*/true));
}

/// A tensor of `shape` holding `value` everywhere.
Value createFilled(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                   TypedAttr value) {
  Value empty = tensor::EmptyOp::create(b, loc, shape, value.getType());
  Value scalar = arith::ConstantOp::create(b, loc, value);
  return linalg::FillOp::create(b, loc, ValueRange{scalar}, ValueRange{empty})
      .getResult(0);
}

/// Pads the rows and columns of an NCHW tensor by `padding` ([top, bottom,
/// left, right]) with `value`; returns `input` when there is no padding.
Value createPadded(OpBuilder &b, Location loc, Value input,
                   ArrayRef<int64_t> padding, TypedAttr value) {
  if (llvm::all_of(padding, [](int64_t p) { return p == 0; }))
    return input;
  RankedTensorType type = getTensorType(input);
  SmallVector<int64_t> shape(type.getShape());
  shape[2] += padding[0] + padding[1];
  shape[3] += padding[2] + padding[3];
  SmallVector<OpFoldResult> low = {b.getIndexAttr(0), b.getIndexAttr(0),
                                   b.getIndexAttr(padding[0]),
                                   b.getIndexAttr(padding[2])};
  SmallVector<OpFoldResult> high = {b.getIndexAttr(0), b.getIndexAttr(0),
                                    b.getIndexAttr(padding[1]),
                                    b.getIndexAttr(padding[3])};
  Value scalar = arith::ConstantOp::create(b, loc, value);
  return tensor::PadOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), input, low,
      high, scalar);
}

SmallVector<utils::IteratorType> getParallelIterators(unsigned rank) {
  return SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel);
}

/// The end of a convolution or fully connected layer: `acc` (read through
/// `accMap`) plus the bias (read through `biasMap`, sign-extended to i32 for
/// integers), requantized by `shift` for integers, then the activation.
Value createLayerEpilogue(OpBuilder &b, Location loc, Value acc,
                          AffineMap accMap, Value bias, AffineMap biasMap,
                          RankedTensorType outType, int64_t shift,
                          Activation act) {
  Type elementType = outType.getElementType();
  bool isInt = isa<IntegerType>(elementType);
  SmallVector<Value> inputs = {acc};
  SmallVector<AffineMap> maps = {accMap};
  if (bias) {
    inputs.push_back(bias);
    maps.push_back(biasMap);
  }
  maps.push_back(b.getMultiDimIdentityMap(outType.getRank()));
  Value init = tensor::EmptyOp::create(b, loc, outType.getShape(), elementType);
  auto body = [&](OpBuilder &nb, Location nloc, ValueRange args) {
    Value y = args[0];
    if (bias) {
      Value bv = args[1];
      if (isInt && bv.getType() != y.getType())
        bv = arith::ExtSIOp::create(nb, nloc, y.getType(), bv);
      y = isInt ? Value(arith::AddIOp::create(nb, nloc, y, bv))
                : Value(arith::AddFOp::create(nb, nloc, y, bv));
    }
    y = isInt ? createRequantization(nb, nloc, y, elementType, shift, act)
              : createActivation(nb, nloc, y, act, elementType);
    linalg::YieldOp::create(nb, nloc, y);
  };
  return linalg::GenericOp::create(
             b, loc, TypeRange{outType}, inputs, ValueRange{init}, maps,
             getParallelIterators(outType.getRank()), body)
      .getResult(0);
}

/// Divides a 1xCxExF window sum by the number of valid elements of each
/// window and converts it to the output type (`arith.divsi` for integers).
/// Window `(e, f)` covers input rows `[e*sh - pt, e*sh - pt + kh)` clipped
/// to `[0, H)`, likewise columns; the count is the product of the clipped
/// extents, a constant when there is no padding.
Value createAverage(OpBuilder &b, Location loc, Value sum,
                    RankedTensorType outType, ArrayRef<int64_t> inputHW,
                    ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                    ArrayRef<int64_t> padding) {
  Type elementType = outType.getElementType();
  Type accType = getTensorType(sum).getElementType();
  bool isInt = isa<IntegerType>(elementType);
  bool padded = llvm::any_of(padding, [](int64_t p) { return p != 0; });
  Value init = tensor::EmptyOp::create(b, loc, outType.getShape(), elementType);
  AffineMap identity = b.getMultiDimIdentityMap(4);

  auto body = [&](OpBuilder &nb, Location nloc, ValueRange args) {
    Value count;
    if (padded) {
      llvm::SmallDenseMap<int64_t, Value> constants;
      auto index = [&](int64_t v) -> Value {
        Value &c = constants[v];
        if (!c)
          c = arith::ConstantIndexOp::create(nb, nloc, v);
        return c;
      };
      // The number of valid positions along one axis of the window.
      auto validExtent = [&](unsigned dim, int64_t size, int64_t window,
                             int64_t stride, int64_t padBefore) -> Value {
        Value start = linalg::IndexOp::create(nb, nloc, dim);
        if (stride != 1)
          start = arith::MulIOp::create(nb, nloc, start, index(stride));
        start = arith::SubIOp::create(nb, nloc, start, index(padBefore));
        Value end = arith::AddIOp::create(nb, nloc, start, index(window));
        Value first = arith::MaxSIOp::create(nb, nloc, start, index(0));
        Value last = arith::MinSIOp::create(nb, nloc, end, index(size));
        return arith::SubIOp::create(nb, nloc, last, first);
      };
      Value rows =
          validExtent(2, inputHW[0], kernel[0], strides[0], padding[0]);
      Value cols =
          validExtent(3, inputHW[1], kernel[1], strides[1], padding[2]);
      count = arith::IndexCastOp::create(
          nb, nloc, nb.getI32Type(),
          arith::MulIOp::create(nb, nloc, rows, cols));
      if (!isInt)
        count = arith::SIToFPOp::create(nb, nloc, accType, count);
    } else {
      int64_t n = kernel[0] * kernel[1];
      count = arith::ConstantOp::create(
          nb, nloc,
          isInt ? TypedAttr(nb.getI32IntegerAttr(n))
                : TypedAttr(nb.getFloatAttr(accType, double(n))));
    }
    Value y;
    if (isInt) {
      y = arith::DivSIOp::create(nb, nloc, args[0], count);
      if (y.getType() != elementType)
        y = arith::TruncIOp::create(nb, nloc, elementType, y);
    } else {
      y = arith::DivFOp::create(nb, nloc, args[0], count);
    }
    linalg::YieldOp::create(nb, nloc, y);
  };
  return linalg::GenericOp::create(b, loc, TypeRange{outType}, ValueRange{sum},
                                   ValueRange{init}, {identity, identity},
                                   getParallelIterators(4), body)
      .getResult(0);
}

/// The window sum of a pool over the zero-padded input, in the accumulator
/// type.
Value createWindowSum(OpBuilder &b, Location loc, Value input,
                      RankedTensorType outType, ArrayRef<int64_t> kernel,
                      ArrayRef<int64_t> strides, ArrayRef<int64_t> padding) {
  Type elementType = outType.getElementType();
  Type accType = getAccumulatorType(elementType);
  Value padded =
      createPadded(b, loc, input, padding, getZeroAttr(b, elementType));
  Value window = tensor::EmptyOp::create(b, loc, kernel, elementType);
  Value init =
      createFilled(b, loc, outType.getShape(), getZeroAttr(b, accType));
  return linalg::PoolingNchwSumOp::create(
             b, loc, TypeRange{init.getType()}, ValueRange{padded, window},
             ValueRange{init}, b.getI64TensorAttr(strides),
             b.getI64TensorAttr({1, 1}))
      .getResult(0);
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

struct WeightLowering : OpConversionPattern<WeightOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(WeightOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (op.isShapeOnly())
      return rewriter.notifyMatchFailure(op, "shape-only weight");
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(
        op, cast<TypedAttr>(op.getValueAttr()));
    return success();
  }
};

struct Conv2DLowering : OpConversionPattern<Conv2DOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(Conv2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType inType = getTensorType(op.getInput());
    RankedTensorType weightType = getTensorType(op.getWeight());
    RankedTensorType outType = getTensorType(op.getOutput());
    Type elementType = outType.getElementType();
    Type accType = getAccumulatorType(elementType);
    int64_t c = inType.getDimSize(1), m = outType.getDimSize(1);
    int64_t e = outType.getDimSize(2), f = outType.getDimSize(3);
    int64_t r = weightType.getDimSize(2), s = weightType.getDimSize(3);
    int64_t groups = op.getGroups();

    Value input =
        createPadded(rewriter, loc, adaptor.getInput(), op.getPadding(),
                     getZeroAttr(rewriter, elementType));
    Value weight = adaptor.getWeight();
    auto strides = rewriter.getI64TensorAttr(op.getStrides());
    auto dilations = rewriter.getI64TensorAttr(op.getDilation());
    TypedAttr zero = getZeroAttr(rewriter, accType);

    Value acc;
    if (groups == 1) {
      Value init = createFilled(rewriter, loc, outType.getShape(), zero);
      acc = linalg::Conv2DNchwFchwOp::create(
                rewriter, loc, TypeRange{init.getType()},
                ValueRange{input, weight}, ValueRange{init}, strides, dilations)
                .getResult(0);
    } else if (groups == c && m == c) {
      // Depthwise: one filter per channel, Cx1xRxS read as CxRxS.
      Value filter = tensor::CollapseShapeOp::create(
          rewriter, loc, weight,
          ArrayRef<ReassociationIndices>{{0, 1}, {2}, {3}});
      Value init = createFilled(rewriter, loc, outType.getShape(), zero);
      acc = linalg::DepthwiseConv2DNchwChwOp::create(
                rewriter, loc, TypeRange{init.getType()},
                ValueRange{input, filter}, ValueRange{init}, strides, dilations)
                .getResult(0);
    } else {
      // Grouped: 1x(G*C/G)xHxW -> 1xGx(C/G)xHxW, (G*M/G)x(C/G)xRxS ->
      // Gx(M/G)x(C/G)xRxS; output channel g*(M/G) + j is group g's j-th.
      RankedTensorType paddedType = getTensorType(input);
      auto groupedInput = tensor::ExpandShapeOp::create(
          rewriter, loc,
          RankedTensorType::get({1, groups, c / groups,
                                 paddedType.getDimSize(2),
                                 paddedType.getDimSize(3)},
                                elementType),
          input, ArrayRef<ReassociationIndices>{{0}, {1, 2}, {3}, {4}});
      auto groupedWeight = tensor::ExpandShapeOp::create(
          rewriter, loc,
          RankedTensorType::get({groups, m / groups, c / groups, r, s},
                                elementType),
          weight, ArrayRef<ReassociationIndices>{{0, 1}, {2}, {3}, {4}});
      Value init =
          createFilled(rewriter, loc, {1, groups, m / groups, e, f}, zero);
      Value grouped = linalg::Conv2DNgchwGfchwOp::create(
                          rewriter, loc, TypeRange{init.getType()},
                          ValueRange{groupedInput, groupedWeight},
                          ValueRange{init}, strides, dilations)
                          .getResult(0);
      acc = tensor::CollapseShapeOp::create(
          rewriter, loc, grouped,
          ArrayRef<ReassociationIndices>{{0}, {1, 2}, {3}, {4}});
    }

    AffineMap identity = rewriter.getMultiDimIdentityMap(4);
    AffineMap channel = AffineMap::get(4, 0, rewriter.getAffineDimExpr(1));
    int64_t shift = getRequantizationShift((c / groups) * r * s);
    rewriter.replaceOp(
        op, createLayerEpilogue(rewriter, loc, acc, identity, adaptor.getBias(),
                                channel, outType, shift, op.getActivation()));
    return success();
  }
};

struct FullyConnectedLowering : OpConversionPattern<FullyConnectedOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(FullyConnectedOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType inType = getTensorType(op.getInput());
    RankedTensorType outType = getTensorType(op.getOutput());
    Type accType = getAccumulatorType(outType.getElementType());
    int64_t m = outType.getDimSize(1);
    int64_t k = inType.getNumElements();

    // The input flattened in C, H, W order is the vector of `weight * x`.
    Value flat = tensor::CollapseShapeOp::create(
        rewriter, loc, adaptor.getInput(),
        ArrayRef<ReassociationIndices>{{0, 1, 2, 3}});
    Value init =
        createFilled(rewriter, loc, {m}, getZeroAttr(rewriter, accType));
    Value acc = linalg::MatvecOp::create(
                    rewriter, loc, TypeRange{init.getType()},
                    ValueRange{adaptor.getWeight(), flat}, ValueRange{init})
                    .getResult(0);
    AffineMap channel = AffineMap::get(4, 0, rewriter.getAffineDimExpr(1));
    rewriter.replaceOp(
        op, createLayerEpilogue(rewriter, loc, acc, channel, adaptor.getBias(),
                                channel, outType, getRequantizationShift(k),
                                op.getActivation()));
    return success();
  }
};

struct MaxPoolLowering : OpConversionPattern<MaxPoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(MaxPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType outType = getTensorType(op.getOutput());
    Type elementType = outType.getElementType();
    // Padding holds the type's smallest value, so it never wins; every
    // window holds at least one valid element (verified).
    TypedAttr lowest = getLowestAttr(rewriter, elementType);
    Value padded = createPadded(rewriter, loc, adaptor.getInput(),
                                op.getPadding(), lowest);
    Value window =
        tensor::EmptyOp::create(rewriter, loc, op.getKernel(), elementType);
    Value init = createFilled(rewriter, loc, outType.getShape(), lowest);
    rewriter.replaceOpWithNewOp<linalg::PoolingNchwMaxOp>(
        op, TypeRange{outType}, ValueRange{padded, window}, ValueRange{init},
        rewriter.getI64TensorAttr(op.getStrides()),
        rewriter.getI64TensorAttr({1, 1}));
    return success();
  }
};

struct AvgPoolLowering : OpConversionPattern<AvgPoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(AvgPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType inType = getTensorType(op.getInput());
    RankedTensorType outType = getTensorType(op.getOutput());
    Value sum =
        createWindowSum(rewriter, loc, adaptor.getInput(), outType,
                        op.getKernel(), op.getStrides(), op.getPadding());
    rewriter.replaceOp(
        op, createAverage(rewriter, loc, sum, outType,
                          {inType.getDimSize(2), inType.getDimSize(3)},
                          op.getKernel(), op.getStrides(), op.getPadding()));
    return success();
  }
};

struct GlobalAvgPoolLowering : OpConversionPattern<GlobalAvgPoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GlobalAvgPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType inType = getTensorType(op.getInput());
    RankedTensorType outType = getTensorType(op.getOutput());
    SmallVector<int64_t> kernel = {inType.getDimSize(2), inType.getDimSize(3)};
    SmallVector<int64_t> strides = {1, 1}, padding = {0, 0, 0, 0};
    Value sum = createWindowSum(rewriter, loc, adaptor.getInput(), outType,
                                kernel, strides, padding);
    rewriter.replaceOp(op, createAverage(rewriter, loc, sum, outType, kernel,
                                         kernel, strides, padding));
    return success();
  }
};

/// Every element-wise layer (add, activation, mul): one linalg.generic
/// whose body is the layer's buildElement; an operand of one row and one
/// column is broadcast over the output's rows and columns.
struct ElementwiseLowering
    : OpInterfaceConversionPattern<CnnElementwiseLayerOpInterface> {
  using Base::Base;
  LogicalResult
  matchAndRewrite(CnnElementwiseLayerOpInterface op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = getTensorType(op->getResult(0));
    Type elementType = type.getElementType();
    MLIRContext *ctx = rewriter.getContext();
    AffineMap identity = rewriter.getMultiDimIdentityMap(4);
    AffineMap broadcast = AffineMap::get(
        4, 0,
        {getAffineDimExpr(0, ctx), getAffineDimExpr(1, ctx),
         getAffineConstantExpr(0, ctx), getAffineConstantExpr(0, ctx)},
        ctx);
    SmallVector<AffineMap> maps;
    for (Value v : operands)
      maps.push_back(getTensorType(v) == type ? identity : broadcast);
    maps.push_back(identity);
    Value init =
        tensor::EmptyOp::create(rewriter, loc, type.getShape(), elementType);
    auto body = [&](OpBuilder &b, Location nloc, ValueRange args) {
      linalg::YieldOp::create(
          b, nloc, op.buildElement(b, nloc, args.drop_back(), elementType));
    };
    rewriter.replaceOpWithNewOp<linalg::GenericOp>(
        op, TypeRange{type}, operands, ValueRange{init}, maps,
        getParallelIterators(4), body);
    return success();
  }
};

struct ConcatLowering : OpConversionPattern<ConcatOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = getTensorType(op.getOutput());
    Value result = tensor::EmptyOp::create(rewriter, loc, type.getShape(),
                                           type.getElementType());
    SmallVector<OpFoldResult> unit(4, rewriter.getIndexAttr(1));
    int64_t offset = 0;
    for (Value input : adaptor.getInputs()) {
      RankedTensorType inType = getTensorType(input);
      SmallVector<OpFoldResult> offsets = {
          rewriter.getIndexAttr(0), rewriter.getIndexAttr(offset),
          rewriter.getIndexAttr(0), rewriter.getIndexAttr(0)};
      SmallVector<OpFoldResult> sizes;
      for (int64_t d : inType.getShape())
        sizes.push_back(rewriter.getIndexAttr(d));
      result = tensor::InsertSliceOp::create(rewriter, loc, input, result,
                                             offsets, sizes, unit);
      offset += inType.getDimSize(1);
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Every copy layer (select_channels, depth_to_space): each channel copy is
/// one strided slice of the input's channels inserted with the block's row
/// and column steps.
struct CopyLayerLowering
    : OpInterfaceConversionPattern<CnnCopyLayerOpInterface> {
  using Base::Base;
  LogicalResult
  matchAndRewrite(CnnCopyLayerOpInterface op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = getTensorType(op->getResult(0));
    RankedTensorType inType = getTensorType(operands.front());
    Value result = tensor::EmptyOp::create(rewriter, loc, type.getShape(),
                                           type.getElementType());
    auto index = [&](int64_t v) -> OpFoldResult {
      return rewriter.getIndexAttr(v);
    };
    int64_t b = op.getCopyBlock();
    for (const ChannelCopy &copy : op.getChannelCopies()) {
      SmallVector<OpFoldResult> sizes = {index(1), index(copy.count),
                                         index(inType.getDimSize(2)),
                                         index(inType.getDimSize(3))};
      Value slice = tensor::ExtractSliceOp::create(
          rewriter, loc, operands.front(),
          {index(0), index(copy.inStart), index(0), index(0)}, sizes,
          {index(1), index(copy.inStep), index(1), index(1)});
      result = tensor::InsertSliceOp::create(
          rewriter, loc, slice, result,
          {index(0), index(copy.outStart), index(copy.blockRow),
           index(copy.blockCol)},
          sizes, {index(1), index(copy.outStep), index(b), index(b)});
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct PadLowering : OpConversionPattern<PadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type elementType = getTensorType(op.getOutput()).getElementType();
    double value = op.getValue().convertToDouble();
    TypedAttr padValue;
    if (auto intType = dyn_cast<IntegerType>(elementType)) {
      // A value that fits the bits, read as signed or unsigned (255 is -1
      // for i8): keep its low bits.
      APInt bits = APInt(64, static_cast<int64_t>(value), /*isSigned=*/true)
                       .trunc(intType.getWidth());
      padValue = rewriter.getIntegerAttr(elementType, bits);
    } else {
      APFloat converted(value);
      bool losesInfo = false;
      converted.convert(cast<FloatType>(elementType).getFloatSemantics(),
                        APFloat::rmNearestTiesToEven, &losesInfo);
      padValue = rewriter.getFloatAttr(elementType, converted);
    }
    rewriter.replaceOp(op,
                       createPadded(rewriter, op.getLoc(), adaptor.getInput(),
                                    op.getPadding(), padValue));
    return success();
  }
};

struct ResizeLowering : OpConversionPattern<ResizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ResizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = getTensorType(op.getOutput());
    ArrayRef<int64_t> scale = op.getScale();
    if (op.getMode() == ResizeMode::bilinear) {
      // Each output element reads its four neighbours (docs/Semantics.md).
      Value input = adaptor.getInput();
      auto inType = cast<RankedTensorType>(input.getType());
      Value init = tensor::EmptyOp::create(rewriter, loc, type.getShape(),
                                           type.getElementType());
      auto body = [&](OpBuilder &b, Location nloc, ValueRange) {
        Value n = linalg::IndexOp::create(b, nloc, 0);
        Value c = linalg::IndexOp::create(b, nloc, 1);
        Value h = linalg::IndexOp::create(b, nloc, 2);
        Value w = linalg::IndexOp::create(b, nloc, 3);
        Value y = createBilinear(
            b, nloc, type.getElementType(), h, w, scale,
            {inType.getDimSize(2), inType.getDimSize(3)},
            [&](int, Value row, Value col) -> Value {
              return tensor::ExtractOp::create(b, nloc, input,
                                               ValueRange{n, c, row, col});
            });
        linalg::YieldOp::create(b, nloc, y);
      };
      rewriter.replaceOpWithNewOp<linalg::GenericOp>(
          op, TypeRange{type}, ValueRange{}, ValueRange{init},
          ArrayRef<AffineMap>{rewriter.getMultiDimIdentityMap(4)},
          getParallelIterators(4), body);
      return success();
    }
    // Output row r reads input row floor(r / scale[0]), likewise columns.
    MLIRContext *ctx = rewriter.getContext();
    AffineExpr d0, d1, d2, d3;
    bindDims(ctx, d0, d1, d2, d3);
    AffineMap source = AffineMap::get(
        4, 0, {d0, d1, d2.floorDiv(scale[0]), d3.floorDiv(scale[1])}, ctx);
    AffineMap identity = rewriter.getMultiDimIdentityMap(4);
    Value init = tensor::EmptyOp::create(rewriter, loc, type.getShape(),
                                         type.getElementType());
    auto body = [](OpBuilder &b, Location nloc, ValueRange args) {
      linalg::YieldOp::create(b, nloc, args[0]);
    };
    rewriter.replaceOpWithNewOp<linalg::GenericOp>(
        op, TypeRange{type}, ValueRange{adaptor.getInput()}, ValueRange{init},
        ArrayRef<AffineMap>{source, identity}, getParallelIterators(4), body);
    return success();
  }
};

struct SoftmaxLowering : OpConversionPattern<SoftmaxOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(SoftmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType = getTensorType(op.getOutput());
    Type resultElem = resultType.getElementType();
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    // Integers are converted to f32 (their integer values) and the
    // probabilities scaled back to the type's maximum (docs/Semantics.md).
    bool isInt = isa<IntegerType>(resultElem);
    Type elementType = isInt ? Type(rewriter.getF32Type()) : resultElem;
    RankedTensorType type =
        RankedTensorType::get(resultType.getShape(), elementType);
    if (isInt) {
      Value init = tensor::EmptyOp::create(rewriter, loc, type.getShape(),
                                           elementType);
      AffineMap id = rewriter.getMultiDimIdentityMap(4);
      input = linalg::GenericOp::create(
                  rewriter, loc, TypeRange{type}, ValueRange{input},
                  ValueRange{init}, ArrayRef<AffineMap>{id, id},
                  getParallelIterators(4),
                  [&](OpBuilder &b, Location nloc, ValueRange args) {
                    linalg::YieldOp::create(
                        b, nloc,
                        arith::SIToFPOp::create(b, nloc, elementType, args[0])
                            .getResult());
                  })
                  .getResult(0);
    }
    ArrayRef<int64_t> shape = type.getShape();
    SmallVector<int64_t> pixels = {shape[0], shape[2], shape[3]};

    MLIRContext *ctx = rewriter.getContext();
    AffineExpr d0, d1, d2, d3;
    bindDims(ctx, d0, d1, d2, d3);
    AffineMap identity = rewriter.getMultiDimIdentityMap(4);
    AffineMap pixel = AffineMap::get(4, 0, {d0, d2, d3}, ctx);
    SmallVector<utils::IteratorType> overChannels = getParallelIterators(4);
    overChannels[1] = utils::IteratorType::reduction;

    // max over channels, x - max, exp, sum over channels, exp / sum.
    Value maxInit = createFilled(rewriter, loc, pixels,
                                 getLowestAttr(rewriter, elementType));
    Value max = linalg::GenericOp::create(
                    rewriter, loc, TypeRange{maxInit.getType()},
                    ValueRange{input}, ValueRange{maxInit},
                    ArrayRef<AffineMap>{identity, pixel}, overChannels,
                    [](OpBuilder &b, Location nloc, ValueRange args) {
                      linalg::YieldOp::create(
                          b, nloc,
                          arith::MaximumFOp::create(b, nloc, args[0], args[1])
                              .getResult());
                    })
                    .getResult(0);
    Value expInit = tensor::EmptyOp::create(rewriter, loc, shape, elementType);
    Value exp =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{type}, ValueRange{input, max},
            ValueRange{expInit}, ArrayRef<AffineMap>{identity, pixel, identity},
            getParallelIterators(4),
            [](OpBuilder &b, Location nloc, ValueRange args) {
              Value x = arith::SubFOp::create(b, nloc, args[0], args[1]);
              linalg::YieldOp::create(
                  b, nloc, math::ExpOp::create(b, nloc, x).getResult());
            })
            .getResult(0);
    Value sumInit =
        createFilled(rewriter, loc, pixels, getZeroAttr(rewriter, elementType));
    Value sum =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{sumInit.getType()}, ValueRange{exp},
            ValueRange{sumInit}, ArrayRef<AffineMap>{identity, pixel},
            overChannels,
            [](OpBuilder &b, Location nloc, ValueRange args) {
              linalg::YieldOp::create(
                  b, nloc,
                  arith::AddFOp::create(b, nloc, args[0], args[1]).getResult());
            })
            .getResult(0);
    Value outInit = tensor::EmptyOp::create(rewriter, loc, shape, resultElem);
    int64_t qmax =
        isInt ? (int64_t(1) << (resultElem.getIntOrFloatBitWidth() - 1)) - 1 : 0;
    rewriter.replaceOpWithNewOp<linalg::GenericOp>(
        op, TypeRange{resultType}, ValueRange{exp, sum}, ValueRange{outInit},
        ArrayRef<AffineMap>{identity, pixel, identity}, getParallelIterators(4),
        [&](OpBuilder &b, Location nloc, ValueRange args) {
          Value p = arith::DivFOp::create(b, nloc, args[0], args[1]);
          if (isInt) {
            p = arith::MulFOp::create(
                b, nloc, p,
                arith::ConstantOp::create(b, nloc,
                                          b.getFloatAttr(elementType, qmax)));
            p = arith::AddFOp::create(
                b, nloc, p,
                arith::ConstantOp::create(b, nloc,
                                          b.getFloatAttr(elementType, 0.5)));
            p = arith::FPToSIOp::create(b, nloc, resultElem, p);
          }
          linalg::YieldOp::create(b, nloc, p);
        });
    return success();
  }
};

/// A fusion group only says how layers are scheduled: its body runs in
/// place of the group.
struct FusionGroupLowering : OpConversionPattern<FusionGroupOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(FusionGroupOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    YieldOp yield = op.getYield();
    SmallVector<Value> results(yield.getValues());
    rewriter.inlineBlockBefore(&op.getBodyBlock(), op);
    rewriter.eraseOp(yield);
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// Removes the discardable attributes of the cnn dialect (`cnn.target` on
/// the module, plan annotations), which upstream tools cannot parse.
void dropCnnAttributes(Operation *root) {
  root->walk([](Operation *op) {
    SmallVector<StringAttr> names;
    for (NamedAttribute attr : op->getDiscardableAttrs())
      if (attr.getName().getValue().starts_with("cnn."))
        names.push_back(attr.getName());
    for (StringAttr name : names)
      op->removeDiscardableAttr(name);
  });
}

/// The error of a layer the reference lowering cannot lower.
InFlightDiagnostic emitLayerError(Operation *layer) {
  InFlightDiagnostic diag = layer->emitOpError();
  StringRef name = getLayerName(layer);
  if (!name.empty())
    diag << "layer '" << name << "': ";
  return diag;
}

constexpr StringLiteral kNeedsValues =
    "the reference lowering needs weight values: generate the model with "
    "cnn-zoo --random-weights";

struct CnnToLinalgPass : impl::CnnToLinalgBase<CnnToLinalgPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (failed(checkCnnToLinalgPreconditions(module)))
      return signalPassFailure();
    ConversionTarget target(getContext());
    configureCnnToLinalgConversionTarget(target);
    RewritePatternSet patterns(&getContext());
    populateCnnToLinalgConversionPatterns(patterns);
    if (failed(applyPartialConversion(module, target, std::move(patterns))))
      return signalPassFailure();
    dropCnnAttributes(module);
  }
};

} // namespace

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

LogicalResult checkCnnToLinalgPreconditions(Operation *root) {
  bool ok = true;
  root->walk([&](Operation *op) {
    if (auto weight = dyn_cast<WeightOp>(op)) {
      // A shape-only weight read by something other than a layer.
      if (weight.isShapeOnly() &&
          llvm::any_of(weight->getUsers(),
                       [](Operation *user) { return !isLayer(user); })) {
        weight.emitOpError() << kNeedsValues;
        ok = false;
      }
      return;
    }
    if (!isLayer(op))
      return;
    for (Value operand : op->getOperands()) {
      auto weight = operand.getDefiningOp<WeightOp>();
      if (weight && weight.isShapeOnly()) {
        emitLayerError(op) << kNeedsValues;
        ok = false;
        return;
      }
    }
  });
  return success(ok);
}

void populateCnnToLinalgConversionPatterns(RewritePatternSet &patterns) {
  patterns.add<AvgPoolLowering, ConcatLowering, Conv2DLowering,
               CopyLayerLowering, ElementwiseLowering, FullyConnectedLowering,
               FusionGroupLowering, GlobalAvgPoolLowering, MaxPoolLowering,
               PadLowering, ResizeLowering, SoftmaxLowering,
               WeightLowering>(
      patterns.getContext());
}

void configureCnnToLinalgConversionTarget(ConversionTarget &target) {
  target.addIllegalDialect<CnnDialect>();
  target.addLegalDialect<arith::ArithDialect, linalg::LinalgDialect,
                         math::MathDialect, tensor::TensorDialect>();
}

} // namespace mlir::cnn
