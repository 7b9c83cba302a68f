//===- Pipelines.cpp - Flags that take a bare value -------------*- C++ -*-===//
//
// `--tile-for-sram=262144` is a pass pipeline whose builder receives the raw
// option string, so a bare number works and the order of passes on the
// command line is kept.
//
//===----------------------------------------------------------------------===//

#include "cnn/Dialect/Cnn/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::cnn;

FailureOr<int64_t> mlir::cnn::parseByteSize(StringRef text) {
  text = text.trim();
  StringRef digits = text.take_while([](char c) { return llvm::isDigit(c); });
  StringRef suffix = text.drop_front(digits.size());
  uint64_t value;
  if (digits.empty() || digits.getAsInteger(10, value))
    return failure();
  uint64_t scale = 1;
  if (suffix == "K" || suffix == "KiB" || suffix == "k")
    scale = 1024;
  else if (suffix == "M" || suffix == "MiB")
    scale = 1024 * 1024;
  else if (suffix == "G" || suffix == "GiB")
    scale = 1024 * 1024 * 1024;
  else if (!suffix.empty())
    return failure();
  // Keep sizes far from overflow in the products the cost model forms.
  constexpr uint64_t kMaxBytes = uint64_t(1) << 40;
  if (value == 0 || value > kMaxBytes / scale)
    return failure();
  return static_cast<int64_t>(value * scale);
}

void mlir::cnn::registerCnnPipelines() {
  registerPassPipeline(
      "tile-for-sram",
      "Choose every layer's tiling for an SRAM of the given size in bytes "
      "(--tile-for-sram=262144; 256KiB, 256K, 1MiB and 1M also work); runs "
      "cnn-tile-for-sram",
      [](OpPassManager &pm, StringRef options,
         function_ref<LogicalResult(const Twine &)> errorHandler) {
        FailureOr<int64_t> bytes = parseByteSize(options);
        if (failed(bytes))
          return errorHandler(
              "--tile-for-sram expects a positive SRAM size in bytes of at "
              "most 1 TiB (e.g. 262144, 256KiB, 1MiB), got '" +
              options + "'");
        CnnTileForSramOptions opts;
        opts.sram = *bytes;
        pm.addPass(createCnnTileForSram(opts));
        return success();
      },
      [](function_ref<void(const detail::PassOptions &)>) {});
}
