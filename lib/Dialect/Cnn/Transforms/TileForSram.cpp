//===- TileForSram.cpp - The cnn-tile-for-sram pass -------------*- C++ -*-===//

#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Analysis/TileSearch.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Dialect/Cnn/Transforms/Schedule.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

// The IR enum and the cost model enum list the loop orders in one order.
static_assert(static_cast<int>(mlir::cnn::LoopOrder::FEM) ==
              static_cast<int>(mlir::cnn::LoopOrderKind::fem));

namespace mlir::cnn {
#define GEN_PASS_DEF_CNNTILEFORSRAM
#include "cnn/Dialect/Cnn/Transforms/Passes.h.inc"

namespace {
struct CnnTileForSramPass : impl::CnnTileForSramBase<CnnTileForSramPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (sram <= 0) {
      module.emitError() << "cnn-tile-for-sram expects a positive SRAM size "
                            "in bytes (sram=N), got "
                         << sram.getValue();
      return signalPassFailure();
    }
    MLIRContext *ctx = &getContext();
    module->setAttr(kTargetAttrName, TargetAttr::get(ctx, sram));

    bool ok = true;
    unsigned index = 0;
    module.walk([&](Operation *op) {
      FailureOr<LayerInfo> info = describeLayer(op);
      if (failed(info))
        return;
      std::string name = getReportName(op, index++);
      if (failed(tileLayer(op, *info, name, sram)))
        ok = false;
    });
    if (!ok)
      signalPassFailure();
  }
};
} // namespace

LogicalResult tileLayer(Operation *op, const LayerInfo &info, StringRef name,
                        int64_t sram) {
  MLIRContext *ctx = op->getContext();
  TileProblem problem = getTileProblem(info);
  if (problem.cls == TilingClass::Untiled) {
    Traffic t = getUntiledTraffic(info);
    op->removeAttr(kTilingAttrName);
    op->setAttr(kTrafficAttrName,
                TrafficAttr::get(ctx, t.input, t.weights, t.output));
    return success();
  }
  std::optional<TileChoice> choice = searchTiling(problem, sram);
  if (!choice) {
    return op->emitError()
           << "layer '" << name << "' needs at least "
           << getMinimumSramBytes(problem)
           << " bytes of SRAM for its smallest tile, but the target has "
           << sram << " bytes";
  }
  const Tiling &t = choice->tiling;
  op->setAttr(kTilingAttrName,
              TilingAttr::get(ctx, t.tm, t.te, t.tf, t.tc,
                              static_cast<LoopOrderKind>(t.order),
                              choice->bufferBytes));
  op->setAttr(kTrafficAttrName,
              TrafficAttr::get(ctx, choice->traffic.input,
                               choice->traffic.weights,
                               choice->traffic.output));
  return success();
}
} // namespace mlir::cnn
