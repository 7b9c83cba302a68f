//===- Pipelines.cpp - Flags that take a bare value -------------*- C++ -*-===//
//
// `--tile-for-sram=262144` is a pass pipeline whose builder receives the raw
// option string, so a bare number works and the order of passes on the
// command line is kept.
//
//===----------------------------------------------------------------------===//

#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Analysis/Target.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::cnn;

FailureOr<int64_t> mlir::cnn::parseByteSize(StringRef text) {
  if (std::optional<int64_t> bytes = parseSizeText(text))
    return *bytes;
  return failure();
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
  registerPassPipeline(
      "target",
      "Plan every layer for a whole target description: a preset (default, "
      "evp-256k, nvdla-small, nvdla-large) or a JSON file, optionally with "
      ",field=value overrides (--target=nvdla-small,sram_bytes=64KiB; "
      "docs/Targets.md); runs cnn-tile-for-sram with it",
      [](OpPassManager &pm, StringRef options,
         function_ref<LogicalResult(const Twine &)> errorHandler) {
        llvm::Expected<TargetDesc> target = loadTarget(options);
        if (!target)
          return errorHandler("--target: " + llvm::toString(target.takeError()));
        CnnTileForSramOptions opts;
        opts.target = options.str();
        pm.addPass(createCnnTileForSram(opts));
        return success();
      },
      [](function_ref<void(const detail::PassOptions &)>) {});
}
