//===- Schedule.h - Reusable steps of the planning passes -------*- C++ -*-===//
//
// The passes are thin drivers around these functions, so that tools (a
// sweep, a backend) can plan a layer without running a pass.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_DIALECT_CNN_TRANSFORMS_SCHEDULE_H
#define CNN_DIALECT_CNN_TRANSFORMS_SCHEDULE_H

#include "cnn/Analysis/FusionModel.h"
#include "cnn/Analysis/LayerInfo.h"

#include "mlir/IR/Block.h"
#include "mlir/IR/Operation.h"

namespace mlir::cnn {

/// Chooses the minimum-traffic tiling of one layer for `sram` bytes and
/// attaches `cnn.tiling` and `cnn.traffic` to it. Emits an error naming the
/// layer (`name`) and the SRAM it needs when no tiling fits.
LogicalResult tileLayer(Operation *op, const LayerInfo &info, StringRef name,
                        int64_t sram);

/// Builds the fusion model's graph of the layers of `block` (in block order,
/// a topological order), with each layer's traffic alone read from its
/// `cnn.traffic`. `layerOps[i]` is the op of graph layer i. Fails with an
/// error when a layer has not been tiled or the block is already merged.
LogicalResult buildFusionGraph(Block &block, FusionGraph &graph,
                               SmallVectorImpl<Operation *> &layerOps);

} // namespace mlir::cnn

#endif // CNN_DIALECT_CNN_TRANSFORMS_SCHEDULE_H
