//===- FillWeights.cpp - Deterministic values for shape-only weights ------===//

#include "cnn/Dialect/Cnn/IR/CnnOps.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Support/SplitMix64.h"

#include <cmath>

namespace mlir::cnn {
#define GEN_PASS_DEF_CNNFILLWEIGHTS
#include "cnn/Dialect/Cnn/Transforms/Passes.h.inc"

namespace {

struct CnnFillWeightsPass : impl::CnnFillWeightsBase<CnnFillWeightsPass> {
  using Base::Base;

  void runOnOperation() override {
    uint64_t index = 0;
    getOperation().walk([&](WeightOp weight) {
      ++index;
      if (!weight.isShapeOnly())
        return;
      auto type = cast<RankedTensorType>(weight.getType());
      SplitMix64 rng(seed * 0x100000001b3ULL + index);
      Type elem = type.getElementType();
      int64_t n = type.getNumElements();
      if (auto it = dyn_cast<IntegerType>(elem)) {
        unsigned width = it.getWidth();
        int64_t bound = width >= 32 ? 1024 : (int64_t(1) << (width - 1)) - 1;
        SmallVector<APInt> values;
        values.reserve(n);
        for (int64_t i = 0; i < n; ++i)
          values.push_back(APInt(width, static_cast<uint64_t>(rng.nextInt(bound)),
                                 /*isSigned=*/true));
        weight.setValueAttr(DenseElementsAttr::get(type, values));
        return;
      }
      int64_t fanIn = 1;
      for (int64_t d : type.getShape().drop_front())
        fanIn *= d;
      double bound = type.getRank() == 1 ? 0.1 : 1.0 / std::sqrt(double(fanIn));
      SmallVector<APFloat> values;
      values.reserve(n);
      const llvm::fltSemantics &sem = cast<FloatType>(elem).getFloatSemantics();
      for (int64_t i = 0; i < n; ++i) {
        APFloat v(rng.nextReal(bound));
        bool lost;
        v.convert(sem, APFloat::rmNearestTiesToEven, &lost);
        values.push_back(v);
      }
      weight.setValueAttr(DenseElementsAttr::get(type, values));
    });
  }
};
} // namespace
} // namespace mlir::cnn
