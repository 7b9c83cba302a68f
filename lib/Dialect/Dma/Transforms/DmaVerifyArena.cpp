//===- DmaVerifyArena.cpp - The --dma-verify-arena pass ---------*- C++ -*-===//

#include "cnn/Dialect/Dma/Analysis/SramArena.h"
#include "cnn/Dialect/Dma/Transforms/Passes.h"

namespace mlir::dma {
#define GEN_PASS_DEF_DMAVERIFYARENA
#include "cnn/Dialect/Dma/Transforms/Passes.h.inc"

namespace {
struct DmaVerifyArenaPass : impl::DmaVerifyArenaBase<DmaVerifyArenaPass> {
  using Base::Base;

  void runOnOperation() override {
    if (failed(verifySramArenas(getOperation())))
      return signalPassFailure();
    markAllAnalysesPreserved();
  }
};
} // namespace
} // namespace mlir::dma
