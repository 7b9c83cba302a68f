//===- CnnDialect.h - The cnn dialect ---------------------------*- C++ -*-===//

#ifndef CNN_DIALECT_CNN_IR_CNNDIALECT_H
#define CNN_DIALECT_CNN_IR_CNNDIALECT_H

#include "mlir/IR/Dialect.h"

#include "cnn/Dialect/Cnn/IR/CnnOpsDialect.h.inc"

#endif // CNN_DIALECT_CNN_IR_CNNDIALECT_H
