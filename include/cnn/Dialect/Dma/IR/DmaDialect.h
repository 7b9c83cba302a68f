//===- DmaDialect.h - The dma dialect ---------------------------*- C++ -*-===//

#ifndef CNN_DIALECT_DMA_IR_DMADIALECT_H
#define CNN_DIALECT_DMA_IR_DMADIALECT_H

#include "mlir/IR/Dialect.h"

#include "cnn/Dialect/Dma/IR/DmaOpsDialect.h.inc"

#endif // CNN_DIALECT_DMA_IR_DMADIALECT_H
