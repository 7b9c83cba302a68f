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

//===----------------------------------------------------------------------===//
// Schedule annotations
//===----------------------------------------------------------------------===//

LogicalResult TargetAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 int64_t sram, int64_t fmPercent) {
  if (sram <= 0)
    return emitError() << "expects a positive SRAM size in bytes, got " << sram;
  if (fmPercent < 1 || fmPercent > 100)
    return emitError() << "expects fm_percent between 1 and 100, got "
                       << fmPercent;
  return success();
}

LogicalResult TilingAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 int64_t tm, int64_t te, int64_t tf,
                                 int64_t tc, LoopOrderKind, int64_t buffer) {
  if (tm < 1 || te < 1 || tf < 1 || tc < 1)
    return emitError() << "expects tile sizes >= 1, got tm = " << tm
                       << ", te = " << te << ", tf = " << tf << ", tc = " << tc;
  if (buffer < 0)
    return emitError() << "expects a non-negative buffer size, got " << buffer;
  return success();
}

LogicalResult TrafficAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                  int64_t input, int64_t weights,
                                  int64_t output) {
  if (input < 0 || weights < 0 || output < 0)
    return emitError() << "expects non-negative byte counts";
  return success();
}

LogicalResult
CompressionAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                        int64_t bytes, StringRef scheme) {
  if (bytes < 0)
    return emitError() << "expects a non-negative compressed size, got "
                       << bytes;
  if (scheme.empty())
    return emitError() << "expects a non-empty scheme name";
  return success();
}

LogicalResult
LineBufferAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                       StringRef tensor, int64_t rows, int64_t bytes) {
  if (rows < 0)
    return emitError() << "expects a non-negative number of rows, got " << rows;
  if (bytes < 0)
    return emitError() << "expects a non-negative buffer size in bytes, got "
                       << bytes;
  return success();
}
