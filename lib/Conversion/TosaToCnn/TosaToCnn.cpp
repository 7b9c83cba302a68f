//===- TosaToCnn.cpp - Import of TOSA networks into cnn ---------*- C++ -*-===//
//
// One pattern per TOSA op that ends a cnn layer. A layer that TOSA spells as
// a chain (an integer convolution and the rescale after it, an add of two
// rescaled maps, a global average as sums and a scale, a softmax) is matched
// from its last op backwards; the ops before it fail on their own, with a
// reason, and are erased when the last op converts.
//
// This file holds the type converter and the driver; TosaToCnnPatterns.h
// says where the patterns live.
//
//===----------------------------------------------------------------------===//

#include "cnn/Conversion/TosaToCnn/TosaToCnn.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "TosaToCnnPatterns.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"

#include "llvm/ADT/STLExtras.h"

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

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

void populateTosaToCnnConversionPatterns(const TypeConverter &typeConverter,
                                         RewritePatternSet &patterns,
                                         TosaToCnnFailureLog *log) {
  tosa_to_cnn::populateWeightedLayerPatterns(typeConverter, patterns, log);
  tosa_to_cnn::populateOpPatterns(typeConverter, patterns, log);
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
