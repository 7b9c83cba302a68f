//===- Passes.h - Passes of the dma dialect ---------------------*- C++ -*-===//

#ifndef CNN_DIALECT_DMA_TRANSFORMS_PASSES_H
#define CNN_DIALECT_DMA_TRANSFORMS_PASSES_H

#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Dialect/Dma/IR/DmaDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::dma {

#define GEN_PASS_DECL
#include "cnn/Dialect/Dma/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "cnn/Dialect/Dma/Transforms/Passes.h.inc"

} // namespace mlir::dma

#endif // CNN_DIALECT_DMA_TRANSFORMS_PASSES_H
