//===- FusionGroupRows.cpp - Fusion groups in mode rows ---------*- C++ -*-===//
//
// GroupLowering for the groups of mode rows: the steps of the model's row
// schedule, unrolled, each loading the new rows of the group's inputs into
// line buffers, computing the new rows of every layer, and storing the new
// rows of the tensors that leave the group. computeLayer computes rows of
// one layer in either mode; FusionGroupResident.cpp has mode resident.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace mlir::cnn::lower_to_dma {

LogicalResult GroupLowering::buildGraph() {
  // The group's body as a graph of its own, built as planning builds one:
  // the group's inputs are the graph's inputs. Traffic alone is not needed.
  auto noTraffic = [](Operation *, const LayerInfo &) -> FailureOr<Traffic> {
    return Traffic{};
  };
  if (failed(buildFusionGraph(group.getBodyBlock(), graph, layerOps,
                              noTraffic, /*intoGroups=*/false, &tensorValue)))
    return failure();
  llvm::DenseMap<Value, int> tensorOf;
  for (auto [t, v] : llvm::enumerate(tensorValue))
    tensorOf[v] = static_cast<int>(t);
  size_t nt = graph.tensors.size();
  stored.assign(nt, 0);
  for (Value v : group.getYield().getValues()) {
    int t = tensorOf.lookup(v);
    graph.tensors[t].isNetworkOutput = true;
    for (Part pt : partsOf(t))
      if (graph.tensors[pt.tensor].producer >= 0)
        stored[pt.tensor] = 1;
  }
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
  sched = computeRowSchedule(graph, all);

  if (failed(allocateRowBuffers()))
    return failure();
  allocateRowAccumulators();
  loadWeights();

  size_t nt = graph.tensors.size();
  curNeed.assign(nt, -1);
  curBase.assign(nt, 0);
  for (int64_t r = 0; r < sched.steps; ++r) {
    loadInputRows(r);
    if (failed(computeRows(r)))
      return failure();
  }
  return success();
}

LogicalResult GroupLowering::allocateRowBuffers() {
  // Buffers: every layer's weights and bias, every tensor's line buffer.
  ArenaPlan plan;
  std::vector<std::pair<int, int>> wReq, bReq, lineReq;
  for (size_t l = 0; l < layerOps.size(); ++l) {
    auto layer = cast<CnnLayerOpInterface>(layerOps[l]);
    Value w = layer.getLayerWeight(), bias = layer.getLayerBias();
    if (w)
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
  std::vector<int> secondReq;
  for (int t : sched.tensors) {
    const TensorShape &sh = graph.tensors[t].shape;
    Type elem =
        cast<RankedTensorType>(tensorValue[t].getType()).getElementType();
    SmallVector<int64_t> shape = {1, sh.c,
                                  std::max<int64_t>(sched.maxLive[t], 1), sh.w};
    lineReq.push_back({t, plan.add(shape, elem)});
    // Double buffering: DMA fills the group's inputs and drains the stored
    // tensors; their line buffers have a second copy.
    bool streamed = graph.tensors[t].producer < 0 || stored[t];
    if (em.doubleBuffer && streamed)
      secondReq.push_back(plan.add(shape, elem));
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
  for (int req : secondReq)
    em.secondBuffer(plan.requests[req].shape, plan.requests[req].elem,
                    plan.requests[req].offset);
  return success();
}

void GroupLowering::allocateRowAccumulators() {
  size_t nt = graph.tensors.size();
  // Accumulators of integer layers: registers for the most rows a step
  // computes.
  std::vector<int64_t> maxRows(nt, 0), prev(nt, -1);
  for (int64_t r = 0; r < sched.steps; ++r)
    for (size_t t = 0; t < nt; ++t) {
      maxRows[t] = std::max(maxRows[t], sched.need[r][t] - prev[t]);
      prev[t] = sched.need[r][t];
    }
  for (size_t l = 0; l < layerOps.size(); ++l) {
    const LayerInfo &info = graph.layers[l].info;
    int out = graph.layers[l].output;
    Type elem =
        cast<RankedTensorType>(tensorValue[out].getType()).getElementType();
    if (needsAccumulator(layerOps[l]) && isa<IntegerType>(elem) &&
        maxRows[out] > 0)
      acc[out] = memref::AllocaOp::create(
          b, loc,
          MemRefType::get({1, info.output.c, maxRows[out], info.output.w},
                          b.getI32Type()));
  }
}

void GroupLowering::loadWeights() {
  // The weights, once.
  for (size_t l = 0; l < layerOps.size(); ++l)
    if (Value w = cast<CnnLayerOpInterface>(layerOps[l]).getLayerWeight())
      em.load(dram.lookup(w), wBuf[static_cast<int>(l)], "weights");
  for (size_t l = 0; l < layerOps.size(); ++l)
    if (Value bias = cast<CnnLayerOpInterface>(layerOps[l]).getLayerBias())
      em.load(dram.lookup(bias), bBuf[static_cast<int>(l)], "weights");
}

void GroupLowering::loadInputRows(int64_t r) {
  // New rows of the group's inputs.
  for (int t : sched.tensors) {
    if (graph.tensors[t].producer >= 0)
      continue;
    shift(t, sched.base[r][t]);
    int64_t p = curNeed[t] + 1, q = sched.need[r][t];
    if (q >= p) {
      const TensorShape &sh = graph.tensors[t].shape;
      Value src = em.subview(dram.lookup(tensorValue[t]),
                             {em.fold(0), em.fold(0), em.fold(p), em.fold(0)},
                             {1, sh.c, q - p + 1, sh.w});
      em.load(src, rows(t, p, q - p + 1, 0, sh.c), "input");
      curNeed[t] = q;
    }
  }
}

LogicalResult GroupLowering::computeRows(int64_t r) {
  // New rows of every layer, in order.
  for (size_t l = 0; l < layerOps.size(); ++l) {
    int out = graph.layers[l].output;
    int64_t p = curNeed[out] + 1, q = sched.need[r][out];
    if (isView(out)) {
      curNeed[out] = q;
      continue;
    }
    shift(out, sched.base[r][out]);
    if (q < p)
      continue;
    if (failed(computeLayer(static_cast<int>(l), p, q)))
      return failure();
    curNeed[out] = q;
    if (stored[out]) {
      const TensorShape &sh = graph.tensors[out].shape;
      Value dst = em.subview(dram.lookup(tensorValue[out]),
                             {em.fold(0), em.fold(0), em.fold(p), em.fold(0)},
                             {1, sh.c, q - p + 1, sh.w});
      em.store(rows(out, p, q - p + 1, 0, sh.c), dst, "output");
    }
  }
  return success();
}

void GroupLowering::shift(int t, int64_t newBase) {
  int64_t d = newBase - curBase[t];
  if (d <= 0)
    return;
  const TensorShape &sh = graph.tensors[t].shape;
  // Keep rows newBase..curNeed: move them to the front, row by row in
  // increasing order so no row is overwritten before it moved.
  for (int64_t row = newBase; row <= curNeed[t]; ++row) {
    Value from = em.subview(
        lineBuf[t],
        {em.fold(0), em.fold(0), em.fold(row - curBase[t]), em.fold(0)},
        {1, sh.c, 1, sh.w});
    Value to =
        em.subview(lineBuf[t],
                   {em.fold(0), em.fold(0), em.fold(row - newBase), em.fold(0)},
                   {1, sh.c, 1, sh.w});
    memref::CopyOp::create(b, loc, from, to);
  }
  curBase[t] = newBase;
}

LogicalResult GroupLowering::computeLayer(int l, int64_t p, int64_t q) {
  const GraphLayer &gl = graph.layers[l];
  const LayerInfo &info = gl.info;
  Operation *op = layerOps[l];
  int out = gl.output;
  const TensorShape &os = graph.tensors[out].shape;
  Value outRows = rows(out, p, q - p + 1, 0, os.c);

  if (auto elementwise = dyn_cast<CnnElementwiseLayerOpInterface>(op)) {
    computeElementwise(l, elementwise, p, q);
    return success();
  }
  if (auto copy = dyn_cast<CnnCopyLayerOpInterface>(op)) {
    computeCopy(l, copy, p, q);
    return success();
  }
  if (isUpsample(info))
    return computeUpsample(l, p, q);
  if (auto pad = dyn_cast<PadOp>(op)) {
    computePad(l, pad, outRows, p, q);
    return success();
  }
  return computeWindow(l, outRows, p, q);
}

void GroupLowering::copyChannels(
    const std::vector<Part> &parts, int64_t first, int64_t step, int64_t count,
    int64_t row, int64_t nrows, function_ref<Value(int64_t, int64_t)> dst) {
  // Channels first, first + step, ... (count of them) of rows [row, row +
  // nrows) of a tensor made of `parts`, as strided views split where the
  // parts split them; `dst(i, n)` is the destination of n of them from the
  // i-th.
  for (int64_t i = 0; i < count;) {
    int64_t ch = first + i * step;
    const Part *pt = &parts.front();
    for (const Part &candidate : parts)
      if (candidate.offset <= ch && ch < candidate.offset + candidate.channels)
        pt = &candidate;
    int64_t n = std::min(count - i,
                         (pt->offset + pt->channels - 1 - ch) / step + 1);
    Value src = em.everyNthChannel(
        rows(pt->tensor, row, nrows, ch - pt->offset, (n - 1) * step + 1), n,
        step);
    memref::CopyOp::create(b, loc, src, dst(i, n));
    i += n;
  }
}

void GroupLowering::computeCopy(int l, CnnCopyLayerOpInterface op, int64_t p,
                                int64_t q) {
  const GraphLayer &gl = graph.layers[l];
  int out = gl.output;
  int64_t bs = op.getCopyBlock(), w = graph.tensors[gl.inputs.front()].shape.w;
  std::vector<Part> parts = partsOf(gl.inputs.front());
  SmallVector<ChannelCopy> copies = op.getChannelCopies();
  // With a block of 1, rows p..q at once; else each output row o, which is
  // block row o % b of input row o / b, with every b-th column.
  int64_t n = bs == 1 ? q - p + 1 : 1;
  for (int64_t o = p; o <= q; o += n)
    for (const ChannelCopy &copy : copies) {
      if (o % bs != copy.blockRow)
        continue;
      copyChannels(parts, copy.inStart, copy.inStep, copy.count, o / bs, n,
                   [&](int64_t i, int64_t count) {
                     Value view =
                         rows(out, o, n, copy.outStart + i * copy.outStep,
                              (count - 1) * copy.outStep + 1, copy.blockCol,
                              (w - 1) * bs + 1);
                     return em.everyNthColumn(
                         em.everyNthChannel(view, count, copy.outStep), w, bs);
                   });
    }
}

void GroupLowering::computeElementwise(
    int l, CnnElementwiseLayerOpInterface elementwise, int64_t p, int64_t q) {
  const GraphLayer &gl = graph.layers[l];
  const LayerInfo &info = gl.info;
  int out = gl.output;
  int64_t n = q - p + 1;
  const TensorShape &os = graph.tensors[out].shape;
  // Split the output channels where any input's parts split them.
  std::vector<std::vector<Part>> inParts;
  for (int t : gl.inputs)
    inParts.push_back(partsOf(t));
  std::vector<int64_t> cuts = {0, os.c};
  for (auto &ps : inParts)
    for (Part pt : ps)
      cuts.push_back(pt.offset);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    int64_t c0 = cuts[i], nc = cuts[i + 1] - cuts[i];
    SmallVector<Value> ins;
    for (size_t j = 0; j < inParts.size(); ++j) {
      // A broadcast operand is read whole: its one row.
      bool whole = info.inputRows[j].kind == RowDependence::Kind::Whole;
      for (Part pt : inParts[j])
        if (pt.offset <= c0 && c0 < pt.offset + pt.channels)
          ins.push_back(
              whole ? rows(pt.tensor, 0, info.inputs[j].h, c0 - pt.offset, nc)
                    : rows(pt.tensor, p, n, c0 - pt.offset, nc));
    }
    emitElementwise(b, loc, elementwise, ins, rows(out, p, n, c0, nc));
  }
}

LogicalResult GroupLowering::computeUpsample(int l, int64_t p, int64_t q) {
  const GraphLayer &gl = graph.layers[l];
  const LayerInfo &info = gl.info;
  int out = gl.output;
  int64_t sh = info.strideH, sw = info.strideW;
  std::vector<Part> parts = partsOf(gl.inputs.front());
  if (info.bilinear) {
    // Output row o reads rows clamp(i0) and clamp(i0 + 1) of its input.
    const TensorShape &is = info.inputs.front();
    SmallVector<int64_t> scale = {sh, sw}, size = {is.h, is.w};
    RowDependence dep = info.inputRows.front();
    for (int64_t o = p; o <= q; ++o) {
      int64_t lo = dep.lowestRead(o), hi = dep.highestRead(o, is.h);
      for (Part pt : parts)
        emitBilinearRow(em, rows(pt.tensor, lo, 1, 0, pt.channels),
                        rows(pt.tensor, hi, 1, 0, pt.channels),
                        rows(out, o, 1, pt.offset, pt.channels), em.idx(o),
                        scale, size);
    }
    return success();
  }
  // Nearest: output row o repeats input row o / sh, each column w / sw
  // times.
  for (int64_t o = p; o <= q; ++o)
    for (Part pt : parts)
      emitWidenRow(em, rows(pt.tensor, o / sh, 1, 0, pt.channels),
                   rows(out, o, 1, pt.offset, pt.channels), sw);
  return success();
}

void GroupLowering::computePad(int l, PadOp pad, Value outRows, int64_t p,
                               int64_t q) {
  const GraphLayer &gl = graph.layers[l];
  const LayerInfo &info = gl.info;
  int out = gl.output;
  Type elem =
      cast<RankedTensorType>(pad->getResult(0).getType()).getElementType();
  bool isInt = isa<IntegerType>(elem);
  // Output row o: the pad value, with input row o - top in the middle.
  ArrayRef<int64_t> pd = pad.getPadding();
  const TensorShape &is = info.inputs.front();
  Value fill =
      isInt ? Value(arith::ConstantIntOp::create(
                  b, loc, elem,
                  static_cast<int64_t>(pad.getValue().convertToDouble())))
            : Value(arith::ConstantOp::create(
                  b, loc,
                  b.getFloatAttr(elem, pad.getValue().convertToDouble())));
  linalg::FillOp::create(b, loc, fill, outRows);
  std::vector<Part> parts = partsOf(gl.inputs.front());
  for (int64_t o = p; o <= q; ++o) {
    int64_t i = o - pd[0];
    if (i < 0 || i >= is.h)
      continue;
    for (Part pt : parts)
      memref::CopyOp::create(
          b, loc, rows(pt.tensor, i, 1, 0, pt.channels),
          rows(out, o, 1, pt.offset, pt.channels, pd[2], is.w));
  }
}

LogicalResult GroupLowering::computeWindow(int l, Value outRows, int64_t p,
                                           int64_t q) {
  const GraphLayer &gl = graph.layers[l];
  const LayerInfo &info = gl.info;
  Operation *op = layerOps[l];
  int out = gl.output;
  int64_t n = q - p + 1;
  const TensorShape &os = graph.tensors[out].shape;
  Type elem =
      cast<RankedTensorType>(op->getResult(0).getType()).getElementType();
  bool isInt = isa<IntegerType>(elem);
  auto window = dyn_cast<CnnWindowLayerOpInterface>(op);
  bool windowed =
      info.cls == LayerClass::Convolution || info.cls == LayerClass::Pool;
  if (!window || !windowed)
    return op->emitError() << "layer '" << info.name << "' (" << op->getName()
                           << ") is not lowered inside a fusion group yet";

  TileProblem prob = getTileProblem(info);
  bool channelwise = prob.cls == TilingClass::Channelwise;
  bool grouped = !channelwise && prob.groups > 1;
  const TensorShape &is = info.inputs.front();
  WindowDim rd{info.output.h,  0,   info.strideH, info.padTop, info.kernelH,
               info.dilationH, is.h};
  WindowDim cd{info.output.w,  0,   info.strideW, info.padLeft, info.kernelW,
               info.dilationW, is.w};
  TileShape rs = windowSpanShape(rd, p, n);
  TileShape cs = windowSpanShape(cd, 0, os.w);
  int64_t rowCl = p * rd.stride + rs.inRel, colCl = cs.inRel;
  auto strides = b.getI64TensorAttr({rd.stride, cd.stride});
  auto dilations = b.getI64TensorAttr({rd.dilation, cd.dilation});

  // Accumulators: registers for integer convolutions and averages, the
  // output rows themselves otherwise.
  WindowReduction reduction = window.getWindowReduction();
  bool needsAcc = isInt && reduction != WindowReduction::Max;
  Value accRows =
      needsAcc ? em.subview(acc[out],
                            {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                            {1, os.c, n, os.w})
               : outRows;
  Type accElem = cast<MemRefType>(accRows.getType()).getElementType();
  if (reduction != WindowReduction::Max)
    linalg::FillOp::create(b, loc, zeroOf(b, loc, accElem), accRows);

  std::vector<Part> parts = partsOf(gl.inputs.front());
  forEachBandPair(rs, cs, rd, cd, [&](const BandPair &bp) {
    int64_t inRow = rowCl + bp.rows.in, inCol = colCl + bp.cols.in;
    if (grouped) {
      emitGroupedBand(l, accRows, parts, inRow, inCol, bp, strides, dilations);
      return;
    }
    for (Part pt : parts) {
      Value in = rows(pt.tensor, inRow, bp.inR, 0, pt.channels, inCol, bp.inC);
      int64_t m0 = channelwise ? pt.offset : 0;
      int64_t mN = channelwise ? pt.channels : os.c;
      Value a = em.subview(
          accRows,
          {em.fold(0), em.fold(m0), em.fold(bp.rows.o0), em.fold(bp.cols.o0)},
          {1, mN, bp.outR, bp.outC});
      emitBandOp(em, reduction, channelwise, in, wBuf.lookup(l), em.fold(m0),
                 mN, em.fold(pt.offset), pt.channels, a, bp, elem, strides,
                 dilations);
    }
  });

  // Requantize / add the bias / activate into the output rows.
  Activation act = window.getFusedActivation();
  int64_t shift = 0;
  if (reduction == WindowReduction::MultiplyAccumulate)
    shift = requantShift(info);
  Value bias = bBuf.count(l) ? bBuf[l] : Value();
  emitLayerEnd(b, loc, accRows, bias, outRows, needsAcc, shift, act);
  return success();
}

} // namespace mlir::cnn::lower_to_dma

namespace mlir::cnn::lower_to_dma {

void GroupLowering::emitGroupedBand(int l, Value accRows, ArrayRef<Part> parts,
                                    int64_t inRow, int64_t inCol,
                                    const BandPair &bp, Attribute strides,
                                    Attribute dilations) {
  const LayerInfo &info = graph.layers[l].info;
  Type elem = cast<RankedTensorType>(layerOps[l]->getResult(0).getType())
                  .getElementType();
  int64_t groups = info.groups;
  int64_t cg = info.inputs.front().c / groups;
  int64_t mg = info.output.c / groups;
  auto accBand = [&](OpFoldResult m0) {
    return em.subview(
        accRows, {em.fold(0), m0, em.fold(bp.rows.o0), em.fold(bp.cols.o0)},
        {1, mg, bp.outR, bp.outC});
  };
  if (parts.size() == 1) {
    // One loop over the groups: group g reads input channels [g*cg, +cg)
    // and computes output channels [g*mg, +mg).
    Part pt = parts.front();
    auto loop =
        scf::ForOp::create(b, loc, em.idx(0), em.idx(groups), em.idx(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    Value g = loop.getInductionVar();
    Value c0 = arith::MulIOp::create(b, loc, g, em.idx(cg));
    Value m0 = arith::MulIOp::create(b, loc, g, em.idx(mg));
    Value all = rows(pt.tensor, inRow, bp.inR, 0, pt.channels, inCol, bp.inC);
    Value in = em.subview(all, {em.fold(0), c0, em.fold(0), em.fold(0)},
                          {1, cg, bp.inR, bp.inC});
    emitBandOp(em, WindowReduction::MultiplyAccumulate, /*channelwise=*/false,
               in, wBuf.lookup(l), m0, mg, em.fold(0), cg, accBand(m0), bp,
               elem, strides, dilations);
    return;
  }
  // A concatenation: each group reads the parts its channels lie in.
  for (int64_t g = 0; g < groups; ++g)
    for (Part pt : parts) {
      int64_t lo = std::max(g * cg, pt.offset);
      int64_t hi = std::min((g + 1) * cg, pt.offset + pt.channels);
      if (lo >= hi)
        continue;
      Value in = rows(pt.tensor, inRow, bp.inR, lo - pt.offset, hi - lo, inCol,
                      bp.inC);
      emitBandOp(em, WindowReduction::MultiplyAccumulate,
                 /*channelwise=*/false, in, wBuf.lookup(l), em.fold(g * mg), mg,
                 em.fold(lo - g * cg), hi - lo, accBand(em.fold(g * mg)), bp,
                 elem, strides, dilations);
    }
}

} // namespace mlir::cnn::lower_to_dma
