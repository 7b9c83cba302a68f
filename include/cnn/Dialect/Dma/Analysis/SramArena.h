//===- SramArena.h - The SRAM plan of lowered IR ----------------*- C++ -*-===//
//
// Reads the buffers carved from each function's SRAM arena and checks that
// they fit, are aligned, and that no two buffers of a layer share bytes.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_DIALECT_DMA_ANALYSIS_SRAMARENA_H
#define CNN_DIALECT_DMA_ANALYSIS_SRAMARENA_H

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinOps.h"

#include <optional>
#include <vector>

namespace mlir::dma {

/// A buffer carved from an SRAM arena: bytes [offset, offset + bytes).
struct ArenaBuffer {
  memref::ViewOp view;
  int64_t offset = 0;
  int64_t bytes = 0;
  int64_t end() const { return offset + bytes; }
};

/// An SRAM arena (`memref.alloc` marked `dma.arena`) and its buffers.
struct ArenaPlan {
  memref::AllocOp arena;
  int64_t size = 0;
  std::vector<ArenaBuffer> buffers;
};

/// True for the `memref.alloc` of an SRAM arena.
bool isArena(Operation *op);

/// Reads the plan of `arena`: its size and the offset and size of every
/// `memref.view` of it. Emits errors and fails when the arena is not a static
/// `memref<Nxi8, 1>`, or a view has a non-constant offset, a dynamic size or
/// elements of unknown size. Does not check bounds or overlaps.
FailureOr<ArenaPlan> getArenaPlan(memref::AllocOp arena);

/// Checks every arena under `root` and its buffers: one arena per function,
/// an arena of `sramBytes` when given, every buffer aligned to its element
/// size and inside the arena, and no two buffers used in the same layer
/// region sharing a byte. Emits an error per problem found.
LogicalResult verifySramArenas(Operation *root,
                               std::optional<int64_t> sramBytes);

/// Checks the arenas of `module` against the SRAM of its target
/// (`cnn.target`) when it records one.
LogicalResult verifySramArenas(ModuleOp module);

} // namespace mlir::dma

#endif // CNN_DIALECT_DMA_ANALYSIS_SRAMARENA_H
