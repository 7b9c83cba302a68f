//===- CnnDialect.cpp - The cnn dialect -------------------------*- C++ -*-===//

#include "cnn/Dialect/Cnn/IR/CnnDialect.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::cnn;

#include "cnn/Dialect/Cnn/IR/CnnOpsDialect.cpp.inc"

#include "cnn/Dialect/Cnn/IR/CnnEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "cnn/Dialect/Cnn/IR/CnnAttrs.cpp.inc"

void CnnDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "cnn/Dialect/Cnn/IR/CnnOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "cnn/Dialect/Cnn/IR/CnnAttrs.cpp.inc"
      >();
}
