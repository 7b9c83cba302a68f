//===- FusionGroupOp.cpp - The cnn.fusion_group op --------------*- C++ -*-===//
//
// The format and the verifiers of a fusion group: its plan attributes and
// its body of layers.
//
//===----------------------------------------------------------------------===//

#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::cnn;

// The attributes are an ordinary attribute dictionary, so any order parses;
// the printer puts the plan first and in a fixed order. The result types are
// written as a function's: none, `-> T` or `-> (T1, T2)`.
ParseResult FusionGroupOp::parse(OpAsmParser &parser, OperationState &result) {
  SMLoc attrLoc = parser.getCurrentLocation();
  if (parser.parseOptionalAttrDict(result.attributes) ||
      failed(result.name.verifyInherentAttrs(
          result.attributes, [&] { return parser.emitError(attrLoc); })) ||
      parser.parseOptionalArrowTypeList(result.types))
    return failure();
  Region *body = result.addRegion();
  if (parser.parseRegion(*body))
    return failure();
  // `{}` is an empty block, which the verifier reports as such.
  if (body->empty())
    body->emplaceBlock();
  return success();
}

void FusionGroupOp::print(OpAsmPrinter &p) {
  // The plan in a fixed order, then the annotations of other passes (e.g.
  // `cnn.traffic`). Missing attributes are skipped so that an op that fails
  // to verify still prints.
  SmallVector<NamedAttribute> attrs;
  auto add = [&](StringAttr name, Attribute value) {
    if (value)
      attrs.emplace_back(name, value);
  };
  add(getModeAttrName(), getModeAttr());
  add(getSramBytesAttrName(), getSramBytesAttr());
  add(getWeightBytesAttrName(), getWeightBytesAttr());
  add(getStripWidthAttrName(), getStripWidthAttr());
  add(getKeepHaloAttrName(), getKeepHaloAttr());
  if (ArrayAttr buffers = getBuffersAttr(); buffers && !buffers.empty())
    add(getBuffersAttrName(), buffers);
  add(getNameAttrName(), getNameAttr());
  llvm::append_range(attrs, (*this)->getDiscardableAttrs());

  p << " {";
  llvm::interleaveComma(attrs, p, [&](NamedAttribute attr) {
    // i64 is what a bare integer parses as, so the byte counts need no type.
    auto bytes = dyn_cast<IntegerAttr>(attr.getValue());
    if (bytes && bytes.getType().isSignlessInteger(64) &&
        (attr.getName() == getSramBytesAttrName() ||
         attr.getName() == getWeightBytesAttrName() ||
         attr.getName() == getStripWidthAttrName())) {
      p << attr.getName().getValue() << " = " << bytes.getInt();
      return;
    }
    p.printNamedAttribute(attr);
  });
  p << "}";
  p.printOptionalArrowTypeList(getResultTypes());
  p << ' ';
  p.printRegion(getBody());
}

SmallVector<Operation *> FusionGroupOp::getLayers() {
  SmallVector<Operation *> layers;
  for (Operation &op : getBodyBlock())
    if (isLayer(&op))
      layers.push_back(&op);
  return layers;
}

YieldOp FusionGroupOp::getYield() {
  return cast<YieldOp>(getBodyBlock().getTerminator());
}

void FusionGroupOp::getSuccessorRegions(
    RegionBranchPoint point, SmallVectorImpl<RegionSuccessor> &regions) {
  // The body runs exactly once and its yielded values become the results.
  if (point.isParent()) {
    regions.push_back(RegionSuccessor(&getBody()));
    return;
  }
  regions.push_back(RegionSuccessor(getOperation(), getResults()));
}

LogicalResult FusionGroupOp::verify() {
  for (auto [name, bytes] : {std::pair{"sram_bytes", getSramBytes()},
                             std::pair{"weight_bytes", getWeightBytes()}})
    if (bytes < 0)
      return emitOpError() << "expects a non-negative '" << name << "', got "
                           << bytes;
  std::optional<int64_t> strip = getStripWidth();
  if (strip && (*strip <= 0 || getMode() != FusionMode::rows))
    return emitOpError() << "expects 'strip_width' (width strips) to be "
                            "positive and in mode 'rows', got " << *strip
                         << " in mode '" << stringifyFusionMode(getMode())
                         << "'";
  if (getKeepHalo() && !strip)
    return emitOpError() << "expects 'keep_halo' (halo columns kept from "
                            "the strip before) only with 'strip_width'";

  // The yield is matched against the results here, before the region branch
  // interface checks the same edge in terms of successors and inputs. The
  // body has not been verified yet: it may still lack its terminator.
  Block &body = getBodyBlock();
  auto yield = body.empty() ? YieldOp() : dyn_cast<YieldOp>(body.back());
  if (!yield)
    return success();
  if (yield.getNumOperands() != getNumResults())
    return emitOpError() << "has " << getNumResults()
                         << " results but its 'cnn.yield' has "
                         << yield.getNumOperands() << " operands";
  for (auto [i, value, resultType] :
       llvm::enumerate(yield.getValues(), getResultTypes()))
    if (value.getType() != resultType)
      return emitOpError() << "expects yielded value #" << i
                           << " to have the type of result #" << i << " ("
                           << resultType << "), got " << value.getType();
  return success();
}

// Runs after the body's ops have verified, so the terminator is known to be
// the last op and every layer is well formed.
LogicalResult FusionGroupOp::verifyRegions() {
  Block *body = &getBodyBlock();
  // Block arguments would be a second way to bring a tensor into the group,
  // next to capturing it; passes would have to handle both.
  if (body->getNumArguments() != 0)
    return emitOpError()
           << "expects a body without block arguments (layers read the "
              "group's inputs from the enclosing scope), got "
           << body->getNumArguments();

  bool hasLayer = false;
  for (Operation &op : *body) {
    if (isLayer(&op)) {
      hasLayer = true;
      continue;
    }
    if (isa<WeightOp, YieldOp>(op))
      continue;
    InFlightDiagnostic diag = emitOpError()
                              << "may hold only layers, 'cnn.weight' and "
                                 "'cnn.yield', got '"
                              << op.getName() << "'";
    diag.attachNote(op.getLoc()) << "see the op here";
    return diag;
  }
  if (!hasLayer)
    return emitOpError() << "expects at least one layer in its body";

  // The body now ends in a cnn.yield that verify() has matched with the
  // results. Each tensor leaves the group once, as the result of one of its
  // layers: the cost model counts exactly these tensors as written to DRAM.
  llvm::SmallDenseMap<Value, unsigned> firstIndex;
  for (auto [i, value] : llvm::enumerate(getYield().getValues())) {
    Operation *producer = value.getDefiningOp();
    if (!producer || producer->getBlock() != body) {
      InFlightDiagnostic diag = emitOpError()
                                << "expects yielded value #" << i
                                << " to be produced by a layer of the group, "
                                   "but it is defined outside the group";
      if (producer)
        diag.attachNote(producer->getLoc()) << "defined here";
      return diag;
    }
    if (!isLayer(producer))
      return emitOpError() << "expects yielded value #" << i
                           << " to be produced by a layer of the group, got "
                              "the result of '"
                           << producer->getName() << "'";
    auto [it, inserted] = firstIndex.try_emplace(value, i);
    if (!inserted)
      return emitOpError() << "yields the same tensor as results #"
                           << it->second << " and #" << i
                           << "; each tensor leaves the group once";
  }
  return success();
}
