//===- NormalizeLayout.cpp - Make every 4-D TOSA value NHWC -----*- C++ -*-===//
//
// Exporters from NCHW frameworks wrap TOSA's NHWC layers in transposes. These
// patterns bring inverse transposes together so that they cancel, so that the
// conversion can read every 4-D value inside a function as NHWC. The boundary
// rewrites give NHWC arguments and results their NCHW type behind an explicit
// transpose, so that every function has the signature of its cnn form.
//
//===----------------------------------------------------------------------===//

#include "cnn/Conversion/TosaToCnn/TosaToCnn.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include "llvm/ADT/STLExtras.h"

namespace mlir::cnn {

namespace {

/// The permutation that applies `first`, then `second`: element `i` of the
/// result is dimension `first[second[i]]` of the input.
SmallVector<int32_t> composePermutations(ArrayRef<int32_t> first,
                                         ArrayRef<int32_t> second) {
  SmallVector<int32_t> result;
  for (int32_t p : second)
    result.push_back(first[p]);
  return result;
}

bool isIdentityPermutation(ArrayRef<int32_t> perms) {
  for (auto [i, p] : llvm::enumerate(perms))
    if (p != static_cast<int32_t>(i))
      return false;
  return true;
}

/// A `tosa.const_shape` holding `shape`.
Value createConstShape(OpBuilder &builder, Location loc,
                       ArrayRef<int64_t> shape) {
  auto type = tosa::shapeType::get(builder.getContext(), shape.size());
  auto attr = DenseIntElementsAttr::get(
      RankedTensorType::get({static_cast<int64_t>(shape.size())},
                            builder.getIndexType()),
      shape);
  return tosa::ConstShapeOp::create(builder, loc, type, attr);
}

/// The type of `value` transposed by `perms`.
RankedTensorType getTransposedType(Value value, ArrayRef<int32_t> perms) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  for (int32_t p : perms)
    shape.push_back(type.getDimSize(p));
  return type.clone(shape);
}

/// transpose(transpose(x, p), q) -> transpose(x, p then q), or x when that is
/// the identity; a transpose by the identity -> its input.
struct ComposeTransposes : OpRewritePattern<tosa::TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tosa::TransposeOp op,
                                PatternRewriter &rewriter) const override {
    if (isIdentityPermutation(op.getPerms())) {
      rewriter.replaceOp(op, op.getInput1());
      return success();
    }
    auto producer = op.getInput1().getDefiningOp<tosa::TransposeOp>();
    if (!producer)
      return failure();
    SmallVector<int32_t> perms =
        composePermutations(producer.getPerms(), op.getPerms());
    if (isIdentityPermutation(perms)) {
      rewriter.replaceOp(op, producer.getInput1());
      return success();
    }
    // The transpose of an argument is the boundary; it stays as it is.
    if (isa<BlockArgument>(producer.getInput1()))
      return failure();
    rewriter.replaceOpWithNewOp<tosa::TransposeOp>(
        op, op.getType(), producer.getInput1(),
        rewriter.getDenseI32ArrayAttr(perms));
    return success();
  }
};

/// clamp(transpose(x, p)) -> transpose(clamp(x), p): a clamp is element-wise,
/// so it commutes with any transpose.
struct SinkTransposeThroughClamp : OpRewritePattern<tosa::ClampOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tosa::ClampOp op,
                                PatternRewriter &rewriter) const override {
    auto transpose = op.getInput().getDefiningOp<tosa::TransposeOp>();
    if (!transpose || isa<BlockArgument>(transpose.getInput1()))
      return failure();
    Value input = transpose.getInput1();
    auto clamp = tosa::ClampOp::create(rewriter, op.getLoc(), input.getType(),
                                       input, op.getMinValAttr(),
                                       op.getMaxValAttr(), op.getNanModeAttr());
    rewriter.replaceOpWithNewOp<tosa::TransposeOp>(op, op.getType(), clamp,
                                                   transpose.getPermsAttr());
    return success();
  }
};

/// add(transpose(a, p), transpose(b, p)) -> transpose(add(a, b), p) when `a`
/// and `b` have one shape (no broadcast).
struct SinkTransposeThroughAdd : OpRewritePattern<tosa::AddOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tosa::AddOp op,
                                PatternRewriter &rewriter) const override {
    auto lhs = op.getInput1().getDefiningOp<tosa::TransposeOp>();
    auto rhs = op.getInput2().getDefiningOp<tosa::TransposeOp>();
    if (!lhs || !rhs || lhs.getPerms() != rhs.getPerms() ||
        isa<BlockArgument>(lhs.getInput1()) ||
        isa<BlockArgument>(rhs.getInput1()) ||
        lhs.getInput1().getType() != rhs.getInput1().getType())
      return failure();
    auto add =
        tosa::AddOp::create(rewriter, op.getLoc(), lhs.getInput1().getType(),
                            lhs.getInput1(), rhs.getInput1());
    rewriter.replaceOpWithNewOp<tosa::TransposeOp>(op, op.getType(), add,
                                                   lhs.getPermsAttr());
    return success();
  }
};

/// concat(transpose(x_i, p), axis a) -> transpose(concat(x_i, axis p[a]), p).
struct SinkTransposeThroughConcat : OpRewritePattern<tosa::ConcatOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tosa::ConcatOp op,
                                PatternRewriter &rewriter) const override {
    SmallVector<Value> inputs;
    DenseI32ArrayAttr perms;
    for (Value operand : op.getInput1()) {
      auto transpose = operand.getDefiningOp<tosa::TransposeOp>();
      if (!transpose || isa<BlockArgument>(transpose.getInput1()) ||
          (perms && transpose.getPermsAttr() != perms))
        return failure();
      perms = transpose.getPermsAttr();
      inputs.push_back(transpose.getInput1());
    }
    if (!perms)
      return failure();
    int32_t axis = perms[op.getAxis()];
    auto concat = tosa::ConcatOp::create(
        rewriter, op.getLoc(),
        getTransposedType(op.getOutput(), invertPermutation(perms)), inputs,
        rewriter.getI32IntegerAttr(axis));
    rewriter.replaceOpWithNewOp<tosa::TransposeOp>(op, op.getType(), concat,
                                                   perms);
    return success();
  }

  static SmallVector<int32_t> invertPermutation(ArrayRef<int32_t> perms) {
    SmallVector<int32_t> inverse(perms.size());
    for (auto [i, p] : llvm::enumerate(perms))
      inverse[p] = static_cast<int32_t>(i);
    return inverse;
  }
};

/// A transpose that moves only unit dimensions keeps the order of the data:
/// it is a reshape (`1x1x1xC` <-> `1xCx1x1`).
struct TransposeOfUnitDimsToReshape : OpRewritePattern<tosa::TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tosa::TransposeOp op,
                                PatternRewriter &rewriter) const override {
    auto type = dyn_cast<RankedTensorType>(op.getInput1().getType());
    if (!type || !type.hasStaticShape() ||
        !cast<RankedTensorType>(op.getType()).hasStaticShape())
      return failure();
    int32_t last = -1;
    for (int32_t p : op.getPerms()) {
      if (type.getDimSize(p) == 1)
        continue;
      if (p < last)
        return failure();
      last = p;
    }
    auto resultType = cast<RankedTensorType>(op.getType());
    Value shape =
        createConstShape(rewriter, op.getLoc(), resultType.getShape());
    rewriter.replaceOpWithNewOp<tosa::ReshapeOp>(op, resultType, op.getInput1(),
                                                 shape);
    return success();
  }
};

/// reshape(reshape(x)) -> reshape(x); a reshape to its input's type -> x.
struct MergeReshapes : OpRewritePattern<tosa::ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tosa::ReshapeOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getInput1().getType() == op.getType()) {
      rewriter.replaceOp(op, op.getInput1());
      return success();
    }
    auto producer = op.getInput1().getDefiningOp<tosa::ReshapeOp>();
    if (!producer)
      return failure();
    rewriter.replaceOpWithNewOp<tosa::ReshapeOp>(
        op, op.getType(), producer.getInput1(), op.getShape());
    return success();
  }
};

} // namespace

void populateTosaLayoutNormalizationPatterns(RewritePatternSet &patterns) {
  patterns.add<ComposeTransposes, MergeReshapes, SinkTransposeThroughAdd,
               SinkTransposeThroughClamp, SinkTransposeThroughConcat,
               TransposeOfUnitDimsToReshape>(patterns.getContext());
}

namespace {

constexpr int32_t kNchwToNhwc[] = {0, 2, 3, 1};
constexpr int32_t kNhwcToNchw[] = {0, 3, 1, 2};

bool isTransposeBy(Operation *op, ArrayRef<int32_t> perms) {
  auto transpose = dyn_cast_or_null<tosa::TransposeOp>(op);
  return transpose && transpose.getPerms() == perms;
}

/// Brings `value`, of a cnn type, to the TOSA type `tosaType`: a transpose
/// NCHW->NHWC for a 4-D map (also when the shapes happen to be equal: the
/// layouts differ), a reshape for a flattened one (1xKx1x1 -> 1xK).
Value createToTosaLayout(OpBuilder &builder, Location loc, Value value,
                         RankedTensorType tosaType) {
  if (tosaType.getRank() == 4)
    return tosa::TransposeOp::create(builder, loc, tosaType, value,
                                     builder.getDenseI32ArrayAttr(kNchwToNhwc))
        .getResult();
  return tosa::ReshapeOp::create(
             builder, loc, tosaType, value,
             createConstShape(builder, loc, tosaType.getShape()))
      .getResult();
}

/// The inverse of createToTosaLayout.
Value createToCnnLayout(OpBuilder &builder, Location loc, Value value,
                        RankedTensorType cnnType) {
  if (cast<RankedTensorType>(value.getType()).getRank() == 4)
    return tosa::TransposeOp::create(builder, loc, cnnType, value,
                                     builder.getDenseI32ArrayAttr(kNhwcToNchw))
        .getResult();
  return tosa::ReshapeOp::create(
             builder, loc, cnnType, value,
             createConstShape(builder, loc, cnnType.getShape()))
      .getResult();
}

} // namespace

void makeArgumentsNchw(func::FuncOp func) {
  if (func.isExternal())
    return;
  OpBuilder builder = OpBuilder::atBlockBegin(&func.front());
  SmallVector<Type> inputs(func.getArgumentTypes());
  for (BlockArgument arg : func.getArguments()) {
    // Already NCHW when only NCHW->NHWC transposes read it.
    if (!arg.use_empty() && llvm::all_of(arg.getUsers(), [](Operation *user) {
          return isTransposeBy(user, kNchwToNhwc);
        }))
      continue;
    auto type = dyn_cast<RankedTensorType>(arg.getType());
    RankedTensorType cnnType = getCnnFeatureMapType(type);
    if (!cnnType)
      continue;
    arg.setType(cnnType);
    inputs[arg.getArgNumber()] = cnnType;
    Value tosaValue = createToTosaLayout(builder, arg.getLoc(), arg, type);
    arg.replaceAllUsesExcept(tosaValue, tosaValue.getDefiningOp());
  }
  func.setFunctionType(
      FunctionType::get(func.getContext(), inputs, func.getResultTypes()));
}

void makeResultsNchw(func::FuncOp func) {
  if (func.isExternal())
    return;
  SmallVector<Type> results(func.getResultTypes());
  func.walk([&](func::ReturnOp op) {
    OpBuilder builder(op);
    for (OpOperand &operand : op->getOpOperands()) {
      Value value = operand.get();
      // Already NCHW when an NHWC->NCHW transpose produces it.
      if (isTransposeBy(value.getDefiningOp(), kNhwcToNchw))
        continue;
      RankedTensorType cnnType = getCnnFeatureMapType(value.getType());
      if (!cnnType)
        continue;
      operand.set(createToCnnLayout(builder, op.getLoc(), value, cnnType));
      results[operand.getOperandNumber()] = cnnType;
    }
  });
  func.setFunctionType(
      FunctionType::get(func.getContext(), func.getArgumentTypes(), results));
}

LogicalResult normalizeTosaLayout(func::FuncOp func) {
  makeArgumentsNchw(func);
  RewritePatternSet patterns(func.getContext());
  populateTosaLayoutNormalizationPatterns(patterns);
  // Folders would read constants that may be elided: only these patterns
  // run.
  if (failed(applyPatternsGreedily(
          func, std::move(patterns),
          GreedyRewriteConfig().enableFolding(false).enableConstantCSE(false))))
    return func.emitError("the layout normalization did not converge");
  makeResultsNchw(func);
  return success();
}

} // namespace mlir::cnn
