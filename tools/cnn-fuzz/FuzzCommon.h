//===- FuzzCommon.h - What the fuzz targets share ---------------*- C++ -*-===//
//
// The input's hash (which picks a target's pipeline and SRAM size), the
// size bound that keeps every execution fast, and the check that a pass
// which succeeded left valid IR.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_TOOLS_CNN_FUZZ_FUZZCOMMON_H
#define CNN_TOOLS_CNN_FUZZ_FUZZCOMMON_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdlib>

namespace cnn_fuzz {

/// The 64-bit FNV-1a hash of the input.
inline uint64_t hashBytes(const uint8_t *data, size_t size) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < size; ++i)
    h = (h ^ data[i]) * 0x100000001b3ull;
  return h;
}

/// True when the module is small enough for one fast execution: at most 64
/// ops and 2^16 elements per tensor.
inline bool isSmallEnough(mlir::ModuleOp module) {
  constexpr int64_t kMaxElements = int64_t(1) << 16;
  int ops = 0;
  auto small = [&](mlir::Type t) {
    auto shaped = mlir::dyn_cast<mlir::ShapedType>(t);
    return !shaped || !shaped.hasStaticShape() ||
           shaped.getNumElements() <= kMaxElements;
  };
  mlir::WalkResult result = module.walk([&](mlir::Operation *op) {
    if (++ops > 64)
      return mlir::WalkResult::interrupt();
    for (mlir::Type t : op->getResultTypes())
      if (!small(t))
        return mlir::WalkResult::interrupt();
    for (mlir::Region &region : op->getRegions())
      for (mlir::Block &block : region)
        for (mlir::BlockArgument arg : block.getArguments())
          if (!small(arg.getType()))
            return mlir::WalkResult::interrupt();
    return mlir::WalkResult::advance();
  });
  return !result.wasInterrupted();
}

/// Verifies the IR after every pass that succeeded: a pass that reports
/// success must leave valid IR, so a failure here is a finding (abort).
struct VerifyAfterEachPass : mlir::PassInstrumentation {
  explicit VerifyAfterEachPass(const char *tool) : tool(tool) {}
  void runAfterPass(mlir::Pass *pass, mlir::Operation *op) override {
    mlir::ScopedDiagnosticHandler quiet(
        op->getContext(), [](mlir::Diagnostic &) { return mlir::success(); });
    if (mlir::failed(mlir::verify(op))) {
      llvm::errs() << tool << ": '" << pass->getArgument()
                   << "' succeeded but left IR that does not verify\n";
      std::abort();
    }
  }
  const char *tool;
};

} // namespace cnn_fuzz

#endif // CNN_TOOLS_CNN_FUZZ_FUZZCOMMON_H
