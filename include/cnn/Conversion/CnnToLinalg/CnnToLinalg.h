//===- CnnToLinalg.h - Reference lowering of cnn to linalg ------*- C++ -*-===//
//
// The untiled reference lowering: every cnn layer becomes upstream linalg,
// tensor, arith and math ops on tensors that compute exactly the arithmetic
// of docs/Semantics.md, so that a tiled program can be checked against it.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_CONVERSION_CNNTOLINALG_CNNTOLINALG_H
#define CNN_CONVERSION_CNNTOLINALG_CNNTOLINALG_H

#include "cnn/Dialect/Cnn/IR/CnnArithmetic.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::cnn {

#define GEN_PASS_DECL_CNNTOLINALG
#include "cnn/Conversion/Passes.h.inc"

/// Checks that every layer under `root` can be lowered by the reference
/// lowering and emits one error per layer that cannot: a layer that reads a
/// shape-only `cnn.weight`, a bilinear `cnn.resize` and an integer
/// `cnn.softmax`. The patterns fail on these without a diagnostic; call this
/// first to tell the user why.
LogicalResult checkCnnToLinalgPreconditions(Operation *root);

/// Adds the patterns that lower every cnn op (layers, `cnn.weight`, and
/// `cnn.fusion_group`, whose body is inlined) to linalg, tensor, arith and
/// math ops on tensors.
void populateCnnToLinalgConversionPatterns(RewritePatternSet &patterns);

/// Marks the cnn dialect illegal and the dialects the patterns produce legal.
void configureCnnToLinalgConversionTarget(ConversionTarget &target);

} // namespace mlir::cnn

#endif // CNN_CONVERSION_CNNTOLINALG_CNNTOLINALG_H
