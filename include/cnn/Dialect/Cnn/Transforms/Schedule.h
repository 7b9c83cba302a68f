//===- Schedule.h - Reusable steps of the planning passes -------*- C++ -*-===//
//
// The passes are thin drivers around these functions, so that tools (a
// sweep, a backend) can plan a layer without running a pass.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_DIALECT_CNN_TRANSFORMS_SCHEDULE_H
#define CNN_DIALECT_CNN_TRANSFORMS_SCHEDULE_H

#include "cnn/Analysis/LayerInfo.h"

#include "mlir/IR/Operation.h"

namespace mlir::cnn {

/// Chooses the minimum-traffic tiling of one layer for `sram` bytes and
/// attaches `cnn.tiling` and `cnn.traffic` to it. Emits an error naming the
/// layer (`name`) and the SRAM it needs when no tiling fits.
LogicalResult tileLayer(Operation *op, const LayerInfo &info, StringRef name,
                        int64_t sram);

} // namespace mlir::cnn

#endif // CNN_DIALECT_CNN_TRANSFORMS_SCHEDULE_H
