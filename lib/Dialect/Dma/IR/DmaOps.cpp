//===- DmaOps.cpp - Verifiers and helpers of the dma ops --------*- C++ -*-===//
//
// The checks every transfer shares: which side is DRAM and which SRAM, and
// that both sides have the same elements and shape.
//
//===----------------------------------------------------------------------===//

#include "cnn/Dialect/Dma/IR/DmaOps.h"

#include "mlir/Dialect/MemRef/Utils/MemRefUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/Support/CheckedArithmetic.h"

using namespace mlir;
using namespace mlir::dma;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

bool mlir::dma::isSramMemRef(MemRefType type) {
  auto space = dyn_cast_or_null<IntegerAttr>(type.getMemorySpace());
  return space && space.getValue() == kSramMemorySpace;
}

std::optional<int64_t> mlir::dma::getElementBytes(Type elementType) {
  if (elementType.isIntOrFloat())
    return llvm::divideCeil(elementType.getIntOrFloatBitWidth(), 8);
  if (auto vector = dyn_cast<VectorType>(elementType)) {
    if (vector.isScalable())
      return std::nullopt;
    std::optional<int64_t> bytes = getElementBytes(vector.getElementType());
    if (!bytes)
      return std::nullopt;
    return llvm::checkedMul(*bytes, vector.getNumElements());
  }
  return std::nullopt;
}

std::optional<int64_t> mlir::dma::getStaticBytes(MemRefType type) {
  if (!type.hasStaticShape())
    return std::nullopt;
  std::optional<int64_t> bytes = getElementBytes(type.getElementType());
  for (int64_t size : type.getShape()) {
    if (!bytes)
      break;
    bytes = llvm::checkedMul(*bytes, size);
  }
  return bytes;
}

bool mlir::dma::isLayerRegion(Operation *op) {
  return op->getAttrOfType<StringAttr>(kLayerAttrName) ||
         op->getAttrOfType<StringAttr>(kGroupAttrName);
}

Operation *mlir::dma::getEnclosingLayerRegion(Operation *op) {
  for (Operation *parent = op->getParentOp(); parent;
       parent = parent->getParentOp())
    if (isLayerRegion(parent))
      return parent;
  return nullptr;
}

StringRef mlir::dma::getLayerRegionName(Operation *region) {
  if (auto group = region->getAttrOfType<StringAttr>(kGroupAttrName))
    return group.getValue();
  if (auto layer = region->getAttrOfType<StringAttr>(kLayerAttrName))
    return layer.getValue();
  return {};
}

//===----------------------------------------------------------------------===//
// Transfers
//===----------------------------------------------------------------------===//

LogicalResult mlir::dma::detail::verifyTransferOp(Operation *op) {
  auto transfer = cast<TransferOpInterface>(op);
  StringRef kind = transfer.getKind();
  if (kind != kKindInput && kind != kKindWeights && kind != kKindOutput)
    return op->emitOpError()
           << "expects kind to be \"" << kKindInput << "\", \"" << kKindWeights
           << "\" or \"" << kKindOutput << "\", got \"" << kind << "\"";

  bool load = transfer.isLoad();
  StringRef dramRole = load ? "source" : "target";
  StringRef sramRole = load ? "target" : "source";
  MemRefType dram = transfer.getDramBuffer().getType();
  MemRefType sram = transfer.getSramBuffer().getType();
  if (isSramMemRef(dram))
    return op->emitOpError()
           << "expects the " << dramRole
           << " to be a DRAM memref, outside SRAM memory space "
           << kSramMemorySpace << ", got " << dram;
  if (!isSramMemRef(sram))
    return op->emitOpError() << "expects the " << sramRole
                             << " to be an SRAM memref, in memory space "
                             << kSramMemorySpace << ", got " << sram;

  MemRefType source = transfer.getSource().getType();
  MemRefType target = transfer.getTarget().getType();
  if (source.getElementType() != target.getElementType())
    return op->emitOpError()
           << "expects the source and target to have the same element type, "
              "got "
           << source.getElementType() << " and " << target.getElementType();
  if (source.getRank() != target.getRank())
    return op->emitOpError()
           << "expects the source and target to have the same rank, got "
           << source.getRank() << " and " << target.getRank();
  for (auto [dim, sizes] :
       llvm::enumerate(llvm::zip(source.getShape(), target.getShape()))) {
    auto [sourceSize, targetSize] = sizes;
    if (ShapedType::isStatic(sourceSize) && ShapedType::isStatic(targetSize) &&
        sourceSize != targetSize)
      return op->emitOpError()
             << "expects the source and target to have the same sizes, "
                "dimension "
             << dim << " is " << sourceSize << " in the source and "
             << targetSize << " in the target";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// DecodeOp
//===----------------------------------------------------------------------===//

LogicalResult DecodeOp::verify() {
  MemRefType source = getSource().getType();
  MemRefType target = getTarget().getType();
  if (getScheme() != "zrl-rice")
    return emitOpError() << "expects scheme \"zrl-rice\", got \""
                         << getScheme() << "\"";
  if (!isSramMemRef(source) || source.getRank() != 1 ||
      !source.getElementType().isInteger(8))
    return emitOpError() << "expects the source to be bytes in SRAM, a "
                            "1-D memref of i8 in memory space "
                         << kSramMemorySpace << ", got " << source;
  if (isSramMemRef(target))
    return emitOpError() << "expects the target outside SRAM (the decoder "
                            "feeds the MAC array), got "
                         << target;
  Type elem = target.getElementType();
  if (target.getRank() < 1 ||
      !memref::isStaticShapeAndContiguousRowMajor(target) ||
      !(elem.isInteger(8) || elem.isInteger(16) || elem.isInteger(32) ||
        elem.isF16() || elem.isF32()))
    return emitOpError() << "expects the target to be a contiguous memref "
                            "of i8, i16, i32, f16 or f32 weights, got "
                         << target;
  return success();
}

//===----------------------------------------------------------------------===//
// WaitOp
//===----------------------------------------------------------------------===//

LogicalResult WaitOp::verify() {
  if (getTokens().empty())
    return emitOpError() << "expects at least one token";
  return success();
}

#include "cnn/Dialect/Dma/IR/DmaInterfaces.cpp.inc"

#define GET_OP_CLASSES
#include "cnn/Dialect/Dma/IR/DmaOps.cpp.inc"
