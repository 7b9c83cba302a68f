//===- Passes.h - Passes of the cnn dialect ---------------------*- C++ -*-===//

#ifndef CNN_DIALECT_CNN_TRANSFORMS_PASSES_H
#define CNN_DIALECT_CNN_TRANSFORMS_PASSES_H

#include "cnn/Dialect/Cnn/IR/CnnDialect.h"
#include "cnn/Support/Report.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::cnn {

#define GEN_PASS_DECL
#include "cnn/Dialect/Cnn/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "cnn/Dialect/Cnn/Transforms/Passes.h.inc"

/// Parses a byte size: a positive integer, optionally followed by K/KiB
/// (1024), M/MiB (1024^2) or G/GiB (1024^3). Fails on anything else.
FailureOr<int64_t> parseByteSize(StringRef text);

/// Registers the pipelines whose flags take a bare value, such as
/// `--tile-for-sram=262144`.
void registerCnnPipelines();

} // namespace mlir::cnn

#endif // CNN_DIALECT_CNN_TRANSFORMS_PASSES_H
