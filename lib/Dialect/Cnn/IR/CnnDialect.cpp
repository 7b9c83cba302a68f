//===- CnnDialect.cpp - The cnn dialect -------------------------*- C++ -*-===//

#include "cnn/Dialect/Cnn/IR/CnnDialect.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "cnn/Analysis/Target.h"

#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

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

FailureOr<llvm::APFloat> mlir::cnn::parseRealParameter(AsmParser &parser) {
  // An integer (1000) or a float literal (0.5, 1.0e-05).
  int64_t integer;
  OptionalParseResult isInteger = parser.parseOptionalInteger(integer);
  if (isInteger.has_value()) {
    if (failed(*isInteger))
      return failure();
    return llvm::APFloat(static_cast<double>(integer));
  }
  double value;
  if (parser.parseFloat(value))
    return failure();
  return llvm::APFloat(value);
}

void mlir::cnn::printRealParameter(AsmPrinter &printer,
                                   const llvm::APFloat &real) {
  double value = real.convertToDouble();
  // Integers print without a fraction; others as the shortest text that
  // reads back as the same double, with a '.' the float syntax requires.
  std::string text = formatReal(value);
  size_t e = text.find('e');
  if (text.find('.') == std::string::npos && e != std::string::npos)
    text.insert(e, ".0");
  printer << text;
}

FailureOr<bool> mlir::cnn::parseBoolParameter(AsmParser &parser) {
  if (succeeded(parser.parseOptionalKeyword("true")))
    return true;
  if (succeeded(parser.parseOptionalKeyword("false")))
    return false;
  return parser.emitError(parser.getCurrentLocation(),
                          "expected true or false");
}

LogicalResult TargetAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 int64_t sram, int64_t fmPercent,
                                 llvm::APFloat dramBw, int64_t macsPerCycle,
                                 llvm::APFloat clock, int64_t dmaAlign, bool,
                                 llvm::APFloat pjMac, llvm::APFloat pjBit,
                                 StringRef) {
  double dramBytesPerCycle = dramBw.convertToDouble();
  double clockMhz = clock.convertToDouble();
  double pjPerMac = pjMac.convertToDouble(), pjPerBit = pjBit.convertToDouble();
  if (sram <= 0 || sram > kMaxSramBytes)
    return emitError() << "expects a positive SRAM size in bytes of at most "
                          "1 TiB, got "
                       << sram;
  if (fmPercent < 1 || fmPercent > 100)
    return emitError() << "expects fm_percent between 1 and 100, got "
                       << fmPercent;
  // The bounds of docs/Targets.md, which keep cycle counts finite.
  if (!(dramBytesPerCycle > 0) || !std::isfinite(dramBytesPerCycle))
    return emitError() << "expects a positive dram_bytes_per_cycle, got "
                       << formatReal(dramBytesPerCycle);
  if (dramBytesPerCycle < 1.0 / 1024 || dramBytesPerCycle > (1 << 20))
    return emitError() << "expects dram_bytes_per_cycle between 0.0009765625 "
                          "and 1048576, got "
                       << formatReal(dramBytesPerCycle);
  if (macsPerCycle <= 0)
    return emitError() << "expects a positive macs_per_cycle, got "
                       << macsPerCycle;
  if (macsPerCycle > (1 << 30))
    return emitError() << "expects macs_per_cycle of at most 1073741824, got "
                       << macsPerCycle;
  if (!(clockMhz > 0) || !std::isfinite(clockMhz))
    return emitError() << "expects a positive clock_mhz, got "
                       << formatReal(clockMhz);
  if (clockMhz < 0.001 || clockMhz > 1e6)
    return emitError() << "expects clock_mhz between 0.001 and 1000000, got "
                       << formatReal(clockMhz);
  if (dmaAlign < 1 || dmaAlign > (int64_t(1) << 20))
    return emitError() << "expects dma_align between 1 and 1048576, got "
                       << dmaAlign;
  if (!(pjPerMac >= 0 && pjPerMac <= kMaxPicojoules) ||
      !(pjPerBit >= 0 && pjPerBit <= kMaxPicojoules))
    return emitError() << "expects energies between 0 and 1e6 pJ, got "
                          "pj_per_mac = "
                       << formatReal(pjPerMac)
                       << ", pj_per_bit = " << formatReal(pjPerBit);
  return success();
}

LogicalResult CyclesAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 int64_t compute, int64_t dma,
                                 int64_t estimated) {
  if (compute < 0 || dma < 0 || estimated < 0)
    return emitError() << "expects non-negative cycle counts";
  return success();
}

LogicalResult TilingAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 int64_t tm, int64_t te, int64_t tf,
                                 int64_t tc, LoopOrderKind, int64_t buffer,
                                 bool) {
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
                        int64_t bytes, StringRef scheme,
                        ArrayRef<int64_t> channels) {
  if (bytes < 0)
    return emitError() << "expects a non-negative compressed size, got "
                       << bytes;
  if (scheme.empty())
    return emitError() << "expects a non-empty scheme name";
  if (channels.empty())
    return success();
  int64_t sum = 0;
  for (int64_t c : channels) {
    if (c < 0)
      return emitError() << "expects non-negative channel sizes, got " << c;
    if (c > bytes - sum)
      return emitError() << "expects channel sizes that add up to bytes ("
                         << bytes << "), but they exceed it";
    sum += c;
  }
  if (sum != bytes)
    return emitError() << "expects channel sizes that add up to bytes ("
                       << bytes << "), got " << sum;
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

/// The values of a dense or dense-resource weight (in CnnOps.h).
DenseElementsAttr mlir::cnn::readDenseElements(ElementsAttr value) {
  if (auto dense = dyn_cast<DenseElementsAttr>(value))
    return dense;
  auto resource = dyn_cast<DenseResourceElementsAttr>(value);
  if (!resource)
    return {};
  AsmResourceBlob *blob = resource.getRawHandle().getBlob();
  if (!blob)
    return {};
  ArrayRef<char> data = blob->getData();
  bool isSplat = false;
  if (!DenseElementsAttr::isValidRawBuffer(resource.getType(), data, isSplat))
    return {};
  return DenseElementsAttr::getFromRawBuffer(resource.getType(), data);
}
