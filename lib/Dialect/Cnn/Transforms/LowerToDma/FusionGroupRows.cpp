//===- FusionGroupRows.cpp - Fusion groups in mode rows ---------*- C++ -*-===//
//
// GroupLowering for the groups of mode rows: the group's RowProgram (a
// prologue, one scf.for over the steady-state steps, an epilogue), each
// step loading the new rows of the group's inputs into circular line
// buffers, computing the new rows of every layer, and storing the new rows
// of the tensors that leave the group. GroupCompute.cpp computes rows of
// one layer in either mode; FusionGroupResident.cpp has mode resident.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace mlir::cnn::lower_to_dma {

LogicalResult GroupLowering::buildGraph() {
  // The group's body as a graph of its own, built as planning builds one.
  if (failed(buildGroupGraph(group, graph, layerOps, tensorValue)))
    return failure();
  // The target the plan was made for: its row program and buffers.
  if (em.target)
    graph.setTarget(*em.target);
  // The tensors the group yields are stored, through a concatenation's
  // parts.
  size_t nt = graph.tensors.size();
  stored.assign(nt, 0);
  for (size_t t = 0; t < nt; ++t)
    if (graph.tensors[t].isNetworkOutput)
      for (Part pt : partsOf(static_cast<int>(t)))
        if (graph.tensors[pt.tensor].producer >= 0)
          stored[pt.tensor] = 1;
  return success();
}

LogicalResult GroupLowering::emit() {
  if (failed(buildGraph()))
    return failure();
  switch (getGroupMode(group.getMode())) {
  case GroupMode::Rows:
    return emitRows();
  case GroupMode::Resident:
    return emitResident();
  }
  llvm_unreachable("every group mode is lowered");
}

LogicalResult GroupLowering::emitRows() {
  std::vector<int> all;
  for (size_t i = 0; i < graph.layers.size(); ++i)
    all.push_back(static_cast<int>(i));
  const GroupModeModel &rowsMode = getGroupModeModel(GroupMode::Rows);
  for (int l : all)
    if (const LayerInfo &info = graph.layers[l].info;
        !rowsMode.supports(info))
      return group.emitError()
             << "fusion group '" << (group.getName() ? *group.getName() : "")
             << "' cannot run in mode 'rows': layer '" << info.name << "' ("
             << info.kind
             << ") needs its whole input at once and runs only in mode "
                "'resident'; run --merge-layers again";
  program = buildRowProgram(graph, all);
  circular = true;
  if (std::optional<int64_t> width = group.getStripWidth()) {
    StripPlanner planner(graph, all);
    int64_t period = planner.getPeriod();
    if (period <= 0 || *width % period != 0 ||
        *width >= planner.getDriverWidth() || !areStripsLowered(graph, all))
      return group.emitError()
             << "fusion group '" << (group.getName() ? *group.getName() : "")
             << "' cannot run in width strips of " << *width
             << " columns: its strips must be a multiple of " << period
             << " columns below its last layer's " << planner.getDriverWidth()
             << ", through convolutions, pools, element-wise layers, "
                "concatenations, pads and nearest up-sampling only; run "
                "--merge-layers again";
    strips = planner.plan(*width);
    keepHalo = group.getKeepHalo();
    if (keepHalo && em.doubleBuffer)
      return group.emitError()
             << "fusion group '" << (group.getName() ? *group.getName() : "")
             << "' keeps its halo columns (keep_halo), which is not lowered "
                "when DMA overlaps compute; run --merge-layers again";
    size_t nt = graph.tensors.size();
    widest.assign(nt, 0);
    shift.assign(nt, 0);
    for (size_t k = 0; k < strips->tensors.size(); ++k) {
      int t = strips->tensors[k];
      shift[t] = strips->shift[k];
      for (const Strip &s : strips->strips)
        widest[t] = std::max(widest[t], s.held[k].width());
    }
  }

  if (failed(allocateRowBuffers()))
    return failure();
  allocateRowAccumulators();
  loadWeights();
  if (!strips)
    return emitRowProgram();
  // Each strip runs the program; a run of strips alike is one loop whose
  // DRAM columns move by a strip per iteration.
  for (size_t si = 0; si < strips->strips.size(); ++si) {
    const Strip &s = strips->strips[si];
    if (s.count == 1) {
      setStrip(si, Value());
      if (failed(emitRowProgram()))
        return failure();
      continue;
    }
    auto loop =
        scf::ForOp::create(b, loc, em.idx(0), em.idx(s.count), em.idx(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    setStrip(si, loop.getInductionVar());
    if (failed(emitRowProgram()))
      return failure();
  }
  stripIndex = Value();
  return success();
}

void GroupLowering::setStrip(size_t si, Value index) {
  const Strip &s = strips->strips[si];
  size_t nt = graph.tensors.size();
  for (auto *v : {&heldLo, &heldWidth, &storedLo, &storedWidth, &keptLo,
                  &keptWidth, &loadLo, &loadWidth, &nextLo, &nextWidth})
    v->assign(nt, 0);
  for (size_t k = 0; k < strips->tensors.size(); ++k) {
    int t = strips->tensors[k];
    heldLo[t] = s.held[k].empty() ? 0 : s.held[k].lo;
    heldWidth[t] = s.held[k].width();
    storedLo[t] = s.stored[k].empty() ? 0 : s.stored[k].lo;
    storedWidth[t] = s.stored[k].width();
    ColumnRange load = s.loaded(k, keepHalo);
    loadLo[t] = load.empty() ? 0 : load.lo;
    loadWidth[t] = load.width();
    if (!keepHalo)
      continue;
    ColumnRange next = strips->keptByNext(si, k);
    keptLo[t] = s.kept[k].empty() ? 0 : s.kept[k].lo;
    keptWidth[t] = s.kept[k].width();
    nextLo[t] = next.empty() ? 0 : next.lo;
    nextWidth[t] = next.width();
  }
  stripIndex = index;
}

LogicalResult GroupLowering::emitRowProgram() {
  if (em.doubleBuffer)
    return emitPipelinedRows();
  for (const RowStep &step : program.prologue)
    if (failed(emitStep(step, Value())))
      return failure();
  if (program.trips > 0) {
    auto loop = scf::ForOp::create(b, loc, em.idx(0), em.idx(program.trips),
                                   em.idx(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    for (const RowStep &step : program.body)
      if (failed(emitStep(step, loop.getInductionVar())))
        return failure();
  }
  for (const RowStep &step : program.epilogue)
    if (failed(emitStep(step, Value())))
      return failure();
  return success();
}

Value GroupLowering::rows(int t, Value row, int64_t n, int64_t c0, int64_t nc,
                          int64_t col0, int64_t ncols) {
  const TensorShape &sh = graph.tensors[t].shape;
  if (ncols < 0)
    ncols = strips ? heldWidth[t] : sh.w;
  Value pos = row;
  if (circular) {
    int64_t size = std::max<int64_t>(program.bufferRows[t], 1);
    pos = em.rem(row, size);
    std::optional<int64_t> at = getConstantIntValue(pos);
    assert((n == 1 || (at && *at + n <= size)) &&
           "a view of a circular buffer does not wrap");
    (void)at;
  }
  return em.subview(lineBuf[t],
                    {em.fold(0), em.fold(c0), getAsOpFoldResult(pos),
                     em.fold(col0)},
                    {1, nc, n, ncols});
}

LogicalResult GroupLowering::allocateRowBuffers() {
  // Buffers: every layer's weights and bias, every tensor's line buffer.
  ArenaPlan plan;
  std::vector<std::pair<int, int>> wReq, bReq, lineReq;
  for (size_t l = 0; l < layerOps.size(); ++l) {
    auto layer = cast<CnnLayerOpInterface>(layerOps[l]);
    Value w = layer.getLayerWeight(), bias = layer.getLayerBias();
    // Coded weights: their bytes in the arena, decoded outside it.
    if (w && graph.layers[l].info.hasCompressedWeights())
      wReq.push_back(
          {static_cast<int>(l),
           plan.add({graph.layers[l].info.storedWeightBytes()},
                    b.getI8Type())});
    else if (w)
      wReq.push_back(
          {static_cast<int>(l),
           plan.add(cast<RankedTensorType>(w.getType()).getShape(),
                    cast<RankedTensorType>(w.getType()).getElementType())});
    if (bias)
      bReq.push_back(
          {static_cast<int>(l),
           plan.add(cast<RankedTensorType>(bias.getType()).getShape(),
                    cast<RankedTensorType>(bias.getType()).getElementType())});
  }
  // Line buffers of the program's rows (under double buffering, twice the
  // live rows for those DMA fills or drains).
  for (int t : program.tensors) {
    const TensorShape &sh = graph.tensors[t].shape;
    Type elem =
        cast<RankedTensorType>(tensorValue[t].getType()).getElementType();
    SmallVector<int64_t> shape = {
        1, sh.c, std::max<int64_t>(program.bufferRows[t], 1),
        strips ? widest[t] : sh.w};
    lineReq.push_back({t, plan.add(shape, elem)});
  }
  // Kept halos: a column cache per group input, every row.
  std::vector<std::pair<int, int>> cacheReq;
  if (keepHalo)
    for (size_t k = 0; k < strips->tensors.size(); ++k) {
      int t = strips->tensors[k];
      if (strips->cacheWidth[k] == 0)
        continue;
      const TensorShape &sh = graph.tensors[t].shape;
      Type elem =
          cast<RankedTensorType>(tensorValue[t].getType()).getElementType();
      cacheReq.push_back(
          {t, plan.add({1, sh.c, sh.h, strips->cacheWidth[k]}, elem)});
    }
  int64_t used = plan.place();
  if (used > em.sram)
    return group.emitError()
           << "fusion group '" << (group.getName() ? *group.getName() : "")
           << "' needs " << used << " bytes of SRAM, the target has "
           << em.sram;
  auto view = [&](int req) {
    const ArenaPlan::Request &r = plan.requests[req];
    return em.buffer(r.shape, r.elem, r.offset);
  };
  for (auto [l, req] : wReq)
    wBuf[l] = view(req);
  for (auto [l, req] : bReq)
    bBuf[l] = view(req);
  for (auto [t, req] : lineReq)
    lineBuf[t] = view(req);
  for (auto [t, req] : cacheReq)
    cacheBuf[t] = view(req);
  return success();
}

void GroupLowering::allocateRowAccumulators() {
  // Accumulators of integer layers: registers for one row.
  for (size_t l = 0; l < layerOps.size(); ++l) {
    const LayerInfo &info = graph.layers[l].info;
    int out = graph.layers[l].output;
    Type elem =
        cast<RankedTensorType>(tensorValue[out].getType()).getElementType();
    if (needsAccumulator(layerOps[l]) && isa<IntegerType>(elem))
      acc[out] = memref::AllocaOp::create(
          b, loc,
          MemRefType::get({1, info.output.c, 1,
                           strips ? std::max<int64_t>(widest[out], 1)
                                  : info.output.w},
                          b.getI32Type()));
  }
}

void GroupLowering::loadWeights() {
  // The weights, once; coded weights are decoded where they are used (the
  // decoder feeds the MAC array).
  for (size_t l = 0; l < layerOps.size(); ++l) {
    Value w = cast<CnnLayerOpInterface>(layerOps[l]).getLayerWeight();
    if (!w)
      continue;
    int li = static_cast<int>(l);
    em.load(dram.lookup(w), wBuf[li], "weights");
    if (!graph.layers[l].info.hasCompressedWeights())
      continue;
    auto type = cast<RankedTensorType>(w.getType());
    Value decoded = memref::AllocaOp::create(
        b, loc, MemRefType::get(type.getShape(), type.getElementType()));
    dma::DecodeOp::create(b, loc, wBuf[li], decoded,
                          b.getStringAttr("zrl-rice"));
    wBuf[li] = decoded;
  }
  for (size_t l = 0; l < layerOps.size(); ++l)
    if (Value bias = cast<CnnLayerOpInterface>(layerOps[l]).getLayerBias())
      em.load(dram.lookup(bias), bBuf[static_cast<int>(l)], "weights");
}

Value GroupLowering::firstRow(const RowAction &a, Value k) {
  return k ? em.add(em.mul(k, a.advance), a.first) : em.idx(a.first);
}

Value GroupLowering::transferRow(const RowAction &a, Value row, bool async) {
  int t = a.index;
  const TensorShape &sh = graph.tensors[t].shape;
  bool load = a.kind == RowAction::Kind::Load;
  // In a width strip: a load fills the columns the strip holds, a store
  // writes the strip's own columns.
  int64_t col = 0, width = sh.w;
  if (strips) {
    col = load ? loadLo[t] : storedLo[t];
    width = load ? loadWidth[t] : storedWidth[t];
    // Kept halo columns come from the column cache (an SRAM copy), the
    // others from DRAM; the copy for the next strip follows the load.
    if (load && keepHalo && keptWidth[t] > 0)
      memref::CopyOp::create(
          b, loc, cacheRow(t, row, keptWidth[t]),
          rows(t, row, 1, 0, sh.c, keptLo[t] - colBase(t), keptWidth[t]));
    if (width == 0) {
      if (load)
        keepForNext(t, row);
      return Value();
    }
  }
  Value inDram = em.subview(dram.lookup(tensorValue[t]),
                            {em.fold(0), em.fold(0), getAsOpFoldResult(row),
                             dramColumn(t, col)},
                            {1, sh.c, 1, width});
  Value inSram = rows(t, row, 1, 0, sh.c, col - colBase(t), width);
  StringAttr kind = b.getStringAttr(load ? "input" : "output");
  if (!async) {
    if (load) {
      dma::LoadOp::create(b, loc, inDram, inSram, kind);
      keepForNext(t, row);
    } else {
      dma::StoreOp::create(b, loc, inSram, inDram, kind);
    }
    return Value();
  }
  if (load)
    return dma::LoadAsyncOp::create(b, loc, inDram, inSram, kind);
  return dma::StoreAsyncOp::create(b, loc, inSram, inDram, kind);
}

Value GroupLowering::cacheRow(int t, Value row, int64_t width) {
  const TensorShape &sh = graph.tensors[t].shape;
  return em.subview(cacheBuf.lookup(t),
                    {em.fold(0), em.fold(0), getAsOpFoldResult(row),
                     em.fold(0)},
                    {1, sh.c, 1, width});
}

void GroupLowering::keepForNext(int t, Value row) {
  if (!strips || !keepHalo || nextWidth[t] == 0)
    return;
  const TensorShape &sh = graph.tensors[t].shape;
  memref::CopyOp::create(
      b, loc, rows(t, row, 1, 0, sh.c, nextLo[t] - colBase(t), nextWidth[t]),
      cacheRow(t, row, nextWidth[t]));
}

LogicalResult GroupLowering::emitPipelinedRows() {
  // The steps in order, as (step, iteration): the prologue and the loop's
  // first iteration, then iterations 1 .. trips-2 in an scf.for, then the
  // last iteration and the epilogue. Every step issues the loads of the
  // next step and the stores of the previous one before it computes, and
  // waits for them after.
  struct Ref {
    const RowStep *step = nullptr;
    Value k;
  };
  std::vector<Ref> head, tail;
  for (const RowStep &s : program.prologue)
    head.push_back({&s, Value()});
  int64_t trips = program.trips;
  if (trips > 0)
    for (const RowStep &s : program.body)
      head.push_back({&s, em.idx(0)});
  if (trips > 1)
    for (const RowStep &s : program.body)
      tail.push_back({&s, em.idx(trips - 1)});
  for (const RowStep &s : program.epilogue)
    tail.push_back({&s, Value()});
  bool loop = trips > 2;
  size_t period = program.body.size();

  auto transfers = [&](Ref ref, RowAction::Kind kind, bool async,
                       SmallVector<Value> &tokens) {
    if (!ref.step)
      return;
    for (const RowAction &a : ref.step->actions) {
      if (a.kind != kind)
        continue;
      Value first = firstRow(a, ref.k);
      for (int64_t j = 0; j < a.count; ++j)
        if (Value token = transferRow(a, em.add(first, j), async))
          tokens.push_back(token);
    }
  };
  auto emitOne = [&](Ref prev, Ref cur, Ref next) -> LogicalResult {
    SmallVector<Value> tokens;
    transfers(next, RowAction::Kind::Load, /*async=*/true, tokens);
    transfers(prev, RowAction::Kind::Store, /*async=*/true, tokens);
    if (failed(emitStep(*cur.step, cur.k, /*computeOnly=*/true)))
      return failure();
    if (!tokens.empty())
      dma::WaitOp::create(b, loc, tokens);
    return success();
  };

  // The loop's neighbours of the flat parts.
  Ref loopFirst, loopLast;
  if (loop) {
    loopFirst = {&program.body.front(), em.idx(1)};
    loopLast = {&program.body.back(), em.idx(trips - 2)};
  }
  Ref first = !head.empty() ? head.front() : tail.front();
  SmallVector<Value> none;
  transfers(first, RowAction::Kind::Load, /*async=*/false, none);
  for (size_t i = 0; i < head.size(); ++i) {
    Ref prev = i ? head[i - 1] : Ref();
    Ref next = i + 1 < head.size() ? head[i + 1]
               : loop              ? loopFirst
               : !tail.empty()     ? tail.front()
                                   : Ref();
    if (failed(emitOne(prev, head[i], next)))
      return failure();
  }
  if (loop) {
    auto forOp = scf::ForOp::create(b, loc, em.idx(1), em.idx(trips - 1),
                                    em.idx(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(forOp.getBody());
    Value k = forOp.getInductionVar();
    for (size_t j = 0; j < period; ++j) {
      Ref prev = j ? Ref{&program.body[j - 1], k}
                   : Ref{&program.body.back(), em.add(k, -1)};
      Ref next = j + 1 < period ? Ref{&program.body[j + 1], k}
                                : Ref{&program.body.front(), em.add(k, 1)};
      if (failed(emitOne(prev, {&program.body[j], k}, next)))
        return failure();
    }
  }
  for (size_t i = 0; i < tail.size(); ++i) {
    Ref prev = i                ? tail[i - 1]
               : loop           ? loopLast
               : !head.empty()  ? head.back()
                                : Ref();
    Ref next = i + 1 < tail.size() ? tail[i + 1] : Ref();
    if (failed(emitOne(prev, tail[i], next)))
      return failure();
  }
  Ref last = !tail.empty() ? tail.back() : head.back();
  transfers(last, RowAction::Kind::Store, /*async=*/false, none);
  return success();
}

LogicalResult GroupLowering::emitStep(const RowStep &step, Value k,
                                      bool computeOnly) {
  for (const RowAction &a : step.actions) {
    if (computeOnly && a.kind != RowAction::Kind::Compute)
      continue;
    // The action's first row: a constant, or in the loop a.first plus
    // a.advance per iteration.
    Value first = firstRow(a, k);
    // Its rows one at a time: one body in a loop when there are several.
    auto eachRow = [&](function_ref<LogicalResult(Value)> body) {
      if (a.count == 1)
        return body(first);
      auto loop =
          scf::ForOp::create(b, loc, em.idx(0), em.idx(a.count), em.idx(1));
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(loop.getBody());
      Value j = loop.getInductionVar();
      return body(isConstantIntValue(first, 0)
                      ? j
                      : Value(arith::AddIOp::create(b, loc, first, j)));
    };
    LogicalResult ok = eachRow([&](Value row) -> LogicalResult {
      if (a.kind == RowAction::Kind::Compute)
        return computeLayer(a.index, row, a.first, 1);
      transferRow(a, row, /*async=*/false);
      return success();
    });
    if (failed(ok))
      return failure();
  }
  return success();
}

} // namespace mlir::cnn::lower_to_dma
