//===- DmaOps.h - Types, interfaces and ops of the dma dialect --*- C++ -*-===//

#ifndef CNN_DIALECT_DMA_IR_DMAOPS_H
#define CNN_DIALECT_DMA_IR_DMAOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "cnn/Dialect/Dma/IR/DmaDialect.h"

#include <optional>

namespace mlir::dma {

/// The memory space of SRAM (local memory) buffers: `memref<..., 1>`.
/// DRAM buffers are in the default memory space.
constexpr unsigned kSramMemorySpace = 1;

/// The unit attribute that marks the `memref.alloc` of a function's SRAM
/// arena.
inline constexpr llvm::StringLiteral kArenaAttrName = "dma.arena";

/// The string attributes on the `scf.execute_region` that holds the lowered
/// code of a layer, and of a fusion group.
inline constexpr llvm::StringLiteral kLayerAttrName = "cnn.layer";
inline constexpr llvm::StringLiteral kGroupAttrName = "cnn.group";

/// The values of a transfer's `kind` attribute.
inline constexpr llvm::StringLiteral kKindInput = "input";
inline constexpr llvm::StringLiteral kKindWeights = "weights";
inline constexpr llvm::StringLiteral kKindOutput = "output";

/// True for memrefs in the SRAM memory space (integer memory space 1).
bool isSramMemRef(MemRefType type);

/// Bytes of one element of an integer or float type (ceil(bits / 8)), or of
/// a vector of them; std::nullopt for other types (e.g. `index`, whose size
/// depends on the target).
std::optional<int64_t> getElementBytes(Type elementType);

/// Bytes of the elements of a memref with static sizes: the product of its
/// sizes times the element bytes, whatever its layout. std::nullopt when a
/// size is dynamic, the element size is unknown or the product overflows.
std::optional<int64_t> getStaticBytes(MemRefType type);

/// True for an op that holds the lowered code of a layer or fusion group: one
/// with a `cnn.layer` or `cnn.group` string attribute (by convention an
/// `scf.execute_region`).
bool isLayerRegion(Operation *op);

/// The nearest proper ancestor of `op` that is a layer region, or null.
Operation *getEnclosingLayerRegion(Operation *op);

/// How diagnostics and reports name a layer region: its `cnn.group` when it
/// has one, else its `cnn.layer`.
StringRef getLayerRegionName(Operation *region);

namespace detail {
/// Checks the operands and the `kind` of a transfer; the verifier of
/// TransferOpInterface.
LogicalResult verifyTransferOp(Operation *op);
} // namespace detail

} // namespace mlir::dma

#define GET_TYPEDEF_CLASSES
#include "cnn/Dialect/Dma/IR/DmaOpsTypes.h.inc"

#include "cnn/Dialect/Dma/IR/DmaInterfaces.h.inc"

#define GET_OP_CLASSES
#include "cnn/Dialect/Dma/IR/DmaOps.h.inc"

#endif // CNN_DIALECT_DMA_IR_DMAOPS_H
