//===- TileForSram.cpp - The cnn-tile-for-sram pass -------------*- C++ -*-===//

#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Analysis/Target.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Dialect/Cnn/Transforms/Schedule.h"

namespace mlir::cnn {
#define GEN_PASS_DEF_CNNTILEFORSRAM
#include "cnn/Dialect/Cnn/Transforms/Passes.h.inc"

namespace {
struct CnnTileForSramPass : impl::CnnTileForSramBase<CnnTileForSramPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    TargetDesc desc;
    if (!target.empty()) {
      llvm::Expected<TargetDesc> loaded = loadTarget(target);
      if (!loaded) {
        module.emitError() << "cnn-tile-for-sram: "
                           << llvm::toString(loaded.takeError());
        return signalPassFailure();
      }
      desc = *loaded;
    } else {
      if (sram <= 0 || sram > kMaxSramBytes) {
        module.emitError() << "cnn-tile-for-sram expects a positive SRAM size "
                              "in bytes of at most 1 TiB (sram=N), got "
                           << sram.getValue();
        return signalPassFailure();
      }
      if (fmPercent < 1 || fmPercent > 100) {
        module.emitError() << "cnn-tile-for-sram expects fm-percent between 1 "
                              "and 100, got "
                           << fmPercent.getValue();
        return signalPassFailure();
      }
      desc.sramBytes = sram;
      desc.fmPercent = fmPercent;
    }
    // A merged module is merged again for the new target: its groups were
    // formed for the old one.
    bool merged = module->hasAttr(kMergedAttrName);
    if (merged)
      flattenFusionGroups(module);
    if (failed(tileModule(module,
                          getTargetAttr(&getContext(), desc))) ||
        (merged && failed(mergeModule(module))))
      signalPassFailure();
  }
};
} // namespace
} // namespace mlir::cnn
