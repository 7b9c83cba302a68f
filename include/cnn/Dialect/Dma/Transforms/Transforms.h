//===- Transforms.h - Rewrites of the dma dialect ---------------*- C++ -*-===//
//
// The patterns behind --dma-to-memref, for tools that lower DMA transfers
// as part of their own conversion.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_DIALECT_DMA_TRANSFORMS_TRANSFORMS_H
#define CNN_DIALECT_DMA_TRANSFORMS_TRANSFORMS_H

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::dma {

/// Adds to `converter` the conversion of `!dma.token` to no value at all
/// (tokens disappear once transfers are blocking); other types are left to
/// the converter's other conversions.
void populateDmaTokenTypeConversion(TypeConverter &converter);

/// Patterns that replace every transfer with a `memref.copy`, erase
/// `dma.wait`, and deallocate SRAM memrefs through a cast to the default
/// memory space (upstream cannot lower `memref.dealloc` in another space).
/// Tokens are replaced with no value, so the conversion must also convert
/// the ops that carry tokens (see
/// scf::populateSCFStructuralTypeConversionsAndLegality).
void populateDmaToMemRefConversionPatterns(const TypeConverter &converter,
                                           RewritePatternSet &patterns);

/// Replaces every dma op under `root` with memref ops as --dma-to-memref
/// does: transfers become `memref.copy`, waits are erased, tokens carried
/// by scf ops are dropped and SRAM memrefs are deallocated in the default
/// memory space. Fails, with a diagnostic, on a token that
/// anything else uses.
LogicalResult convertDmaToMemRef(Operation *root);

} // namespace mlir::dma

#endif // CNN_DIALECT_DMA_TRANSFORMS_TRANSFORMS_H
