//===- DmaToMemRef.cpp - The --dma-to-memref pass ---------------*- C++ -*-===//
//
// Blocking copies in place of DMA transfers, so that lowered IR runs on a
// CPU through upstream passes.
//
//===----------------------------------------------------------------------===//

#include "cnn/Dialect/Dma/IR/DmaOps.h"
#include "cnn/Dialect/Dma/Transforms/Passes.h"
#include "cnn/Dialect/Dma/Transforms/Transforms.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Patterns.h"

namespace mlir::dma {
#define GEN_PASS_DEF_DMATOMEMREF
#include "cnn/Dialect/Dma/Transforms/Passes.h.inc"

namespace {
/// A transfer becomes a blocking `memref.copy`; its token, if any, becomes
/// no value.
template <typename OpTy> struct TransferToCopy : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    memref::CopyOp::create(rewriter, op.getLoc(), adaptor.getSource(),
                           adaptor.getTarget());
    if (op->getNumResults() == 0) {
      rewriter.eraseOp(op);
      return success();
    }
    rewriter.replaceOpWithMultiple(op, SmallVector<SmallVector<Value>>(1));
    return success();
  }
};

/// The name of the project's decoder of `elem` weights in the cnn_runtime
/// library (include/cnn/Runtime/WeightDecoder.h).
static std::string getDecoderName(Type elem) {
  std::string name = "cnn_zrl_rice_decode_";
  if (elem.isF16())
    return name + "f16";
  if (elem.isF32())
    return name + "f32";
  return name + "i" + std::to_string(elem.getIntOrFloatBitWidth());
}

/// A decode calls the project's decoder: the coded bytes (cast to the
/// default memory space) and the decoded weights flattened, both of
/// dynamic size, and the number of channels.
struct DecodeToCall : OpConversionPattern<DecodeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(DecodeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    auto target = cast<MemRefType>(adaptor.getTarget().getType());
    Type elem = target.getElementType();
    // memref<?xi8, strided<[1], offset: ?>>: any 1-D view of the bytes.
    auto bytesType = MemRefType::get(
        {ShapedType::kDynamic}, rewriter.getI8Type(),
        StridedLayoutAttr::get(ctx, ShapedType::kDynamic, {1}));
    auto source = cast<MemRefType>(adaptor.getSource().getType());
    Value bytes = memref::MemorySpaceCastOp::create(
        rewriter, loc,
        MemRefType(MemRefType::Builder(source).setMemorySpace(Attribute())),
        adaptor.getSource());
    bytes = memref::CastOp::create(rewriter, loc, bytesType, bytes);
    ReassociationIndices all;
    for (int64_t d = 0; d < target.getRank(); ++d)
      all.push_back(d);
    Value flat = memref::CollapseShapeOp::create(
        rewriter, loc, adaptor.getTarget(),
        SmallVector<ReassociationIndices>{all});
    auto valuesType = MemRefType::get(
        {ShapedType::kDynamic}, elem,
        StridedLayoutAttr::get(ctx, ShapedType::kDynamic, {1}));
    flat = memref::CastOp::create(rewriter, loc, valuesType, flat);
    Value channels = arith::ConstantIntOp::create(
        rewriter, loc, rewriter.getI64Type(), target.getDimSize(0));

    std::string name = getDecoderName(elem);
    auto module = op->getParentOfType<ModuleOp>();
    auto fnType = rewriter.getFunctionType(
        {bytesType, valuesType, rewriter.getI64Type()}, {});
    if (!module.lookupSymbol<func::FuncOp>(name)) {
      OpBuilder::InsertionGuard guard(rewriter);
      rewriter.setInsertionPointToStart(module.getBody());
      auto decl = func::FuncOp::create(rewriter, loc, name, fnType);
      decl.setPrivate();
      decl->setAttr("llvm.emit_c_interface", rewriter.getUnitAttr());
    }
    func::CallOp::create(rewriter, loc, name, TypeRange{},
                         ValueRange{bytes, flat, channels});
    rewriter.eraseOp(op);
    return success();
  }
};

/// Every copy is complete when it returns: nothing to wait for.
struct EraseWait : OpConversionPattern<WaitOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(WaitOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.eraseOp(op);
    return success();
  }
};

/// Upstream lowers the deallocation of a memref in another memory space than
/// the default to a call of `free` on a pointer in that address space,
/// which does not verify: deallocate SRAM buffers through a cast to the
/// default space, the space `malloc` returned them in.
struct DeallocThroughDefaultSpace : OpConversionPattern<memref::DeallocOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(memref::DeallocOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = dyn_cast<MemRefType>(adaptor.getMemref().getType());
    if (!type || !isSramMemRef(type))
      return failure();
    Value cast = memref::MemorySpaceCastOp::create(
        rewriter, op.getLoc(),
        MemRefType(MemRefType::Builder(type).setMemorySpace(Attribute())),
        adaptor.getMemref());
    memref::DeallocOp::create(rewriter, op.getLoc(), cast);
    rewriter.eraseOp(op);
    return success();
  }
};

struct DmaToMemRefPass : impl::DmaToMemRefBase<DmaToMemRefPass> {
  using Base::Base;

  void runOnOperation() override {
    if (failed(convertDmaToMemRef(getOperation())))
      signalPassFailure();
  }
};
} // namespace

/// True for the uses of a token the conversion can drop: waits, and the
/// scf ops whose token operands and results the structural type conversion
/// removes.
static bool isDroppableTokenUse(OpOperand &use) {
  Operation *user = use.getOwner();
  if (isa<WaitOp, scf::ForOp, scf::WhileOp, scf::ConditionOp>(user))
    return true;
  if (isa<scf::YieldOp>(user))
    return isa<scf::ForOp, scf::IfOp, scf::WhileOp>(user->getParentOp());
  return false;
}

void populateDmaTokenTypeConversion(TypeConverter &converter) {
  converter.addConversion(
      [](TokenType, SmallVectorImpl<Type> &) { return success(); });
}

void populateDmaToMemRefConversionPatterns(const TypeConverter &converter,
                                           RewritePatternSet &patterns) {
  patterns.add<TransferToCopy<LoadOp>, TransferToCopy<StoreOp>,
               TransferToCopy<LoadAsyncOp>, TransferToCopy<StoreAsyncOp>,
               EraseWait, DecodeToCall, DeallocThroughDefaultSpace>(converter,
                                                      patterns.getContext());
}

LogicalResult convertDmaToMemRef(Operation *root) {
  // A token used by anything else than a wait or a loop that carries it
  // would be left without a value: say so rather than fail in the driver.
  WalkResult walk = root->walk([](TransferOpInterface transfer) {
    Value token = transfer.getToken();
    if (!token)
      return WalkResult::advance();
    for (OpOperand &use : token.getUses()) {
      if (isDroppableTokenUse(use))
        continue;
      InFlightDiagnostic diag =
          use.getOwner()->emitError()
          << "cannot remove the DMA token this op uses; --dma-to-memref "
             "removes tokens from dma.wait and from scf.for, scf.if and "
             "scf.while";
      diag.attachNote(transfer->getLoc()) << "token of this transfer";
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();

  MLIRContext *context = root->getContext();
  TypeConverter converter;
  converter.addConversion([](Type type) { return type; });
  populateDmaTokenTypeConversion(converter);

  ConversionTarget target(*context);
  target.addIllegalDialect<DmaDialect>();
  target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
  target.addDynamicallyLegalOp<memref::DeallocOp>([](memref::DeallocOp op) {
    auto type = dyn_cast<MemRefType>(op.getMemref().getType());
    return !type || !isSramMemRef(type);
  });
  RewritePatternSet patterns(context);
  populateDmaToMemRefConversionPatterns(converter, patterns);
  scf::populateSCFStructuralTypeConversionsAndLegality(converter, patterns,
                                                       target);
  return applyPartialConversion(root, target, std::move(patterns));
}

} // namespace mlir::dma
