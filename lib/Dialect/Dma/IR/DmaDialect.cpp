//===- DmaDialect.cpp - The dma dialect -------------------------*- C++ -*-===//

#include "cnn/Dialect/Dma/IR/DmaDialect.h"
#include "cnn/Dialect/Dma/IR/DmaOps.h"

#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::dma;

#include "cnn/Dialect/Dma/IR/DmaOpsDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "cnn/Dialect/Dma/IR/DmaOpsTypes.cpp.inc"

void DmaDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "cnn/Dialect/Dma/IR/DmaOps.cpp.inc"
      >();
  addTypes<
#define GET_TYPEDEF_LIST
#include "cnn/Dialect/Dma/IR/DmaOpsTypes.cpp.inc"
      >();
}
