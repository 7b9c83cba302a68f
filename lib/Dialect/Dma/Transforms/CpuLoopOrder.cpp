//===- CpuLoopOrder.cpp - The --cpu-loop-order pass -------------*- C++ -*-===//
//
// Moves the loop over the output's innermost dimension of linalg reductions
// on memrefs innermost, so that the loops convert-linalg-to-loops emits
// vectorize on a CPU. Each output element keeps the order of its terms.
//
//===----------------------------------------------------------------------===//

#include "cnn/Dialect/Dma/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::dma {
#define GEN_PASS_DEF_DMACPULOOPORDER
#include "cnn/Dialect/Dma/Transforms/Passes.h.inc"

namespace {

/// The shortest output row worth a vector loop.
constexpr int64_t kMinRow = 8;

/// The loop order that puts the loop over `op`'s output's innermost
/// dimension last, as an interchange vector (new loop i runs old loop
/// vector[i]); none when the op should keep its order.
std::optional<SmallVector<unsigned>> outputRowInnermost(linalg::LinalgOp op) {
  if (!op.hasPureBufferSemantics() || op.getNumDpsInits() != 1 ||
      op.getNumReductionLoops() == 0)
    return std::nullopt;
  AffineMap out = op.getMatchingIndexingMap(op.getDpsInitOperand(0));
  if (out.getNumResults() == 0)
    return std::nullopt;
  auto last = dyn_cast<AffineDimExpr>(out.getResults().back());
  if (!last)
    return std::nullopt;
  unsigned loop = last.getPosition();
  unsigned numLoops = op.getNumLoops();
  if (loop + 1 == numLoops ||
      !linalg::isParallelIterator(op.getIteratorTypesArray()[loop]))
    return std::nullopt;
  // Every input is either the same for all iterations of the loop (a
  // weight) or moves along its own innermost dimension with it (a row of
  // the input map); one read across rows would make the inner loop a
  // gather.
  for (OpOperand *input : op.getDpsInputOperands()) {
    AffineMap map = op.getMatchingIndexingMap(input);
    for (auto [i, expr] : llvm::enumerate(map.getResults()))
      if (expr.isFunctionOfDim(loop) && i + 1 != map.getNumResults())
        return std::nullopt;
  }
  // A row of a few elements (the edge columns of a window layer) gains
  // nothing from vector code, which would only take time to compile.
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  if (!ShapedType::isDynamic(ranges[loop]) && ranges[loop] < kMinRow)
    return std::nullopt;
  SmallVector<unsigned> order;
  for (unsigned i = 0; i < numLoops; ++i)
    if (i != loop)
      order.push_back(i);
  order.push_back(loop);
  return order;
}

struct DmaCpuLoopOrderPass
    : impl::DmaCpuLoopOrderBase<DmaCpuLoopOrderPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> ops;
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (outputRowInnermost(op))
        ops.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::LinalgOp op : ops) {
      SmallVector<unsigned> order = *outputRowInnermost(op);
      rewriter.setInsertionPoint(op);
      auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
      if (!generic) {
        FailureOr<linalg::GenericOp> general =
            linalg::generalizeNamedOp(rewriter, op);
        // Every named structured op generalizes; one that does not keeps
        // its order, which is still correct.
        if (failed(general))
          continue;
        generic = *general;
      }
      (void)linalg::interchangeGenericOp(rewriter, generic, order);
    }
  }
};

} // namespace
} // namespace mlir::dma
