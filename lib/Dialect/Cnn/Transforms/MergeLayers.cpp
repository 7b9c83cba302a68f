//===- MergeLayers.cpp - The --merge-layers pass ----------------*- C++ -*-===//

#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Dialect/Cnn/Transforms/Schedule.h"

namespace mlir::cnn {
#define GEN_PASS_DEF_CNNMERGELAYERS
#include "cnn/Dialect/Cnn/Transforms/Passes.h.inc"

namespace {
struct CnnMergeLayersPass : impl::CnnMergeLayersBase<CnnMergeLayersPass> {
  using Base::Base;

  void runOnOperation() override {
    if (failed(mergeModule(getOperation(), widthStrips.getValue())))
      signalPassFailure();
  }
};
} // namespace
} // namespace mlir::cnn
