//===- GroupCompute.cpp - Rows of one layer of a fusion group ---*- C++ -*-===//
//
// GroupLowering::computeLayer and its parts: rows of one layer's output
// computed from its inputs' buffers, in both group modes. In mode rows one
// row at a time from circular line buffers, a window layer one kernel row
// at a time (the rows it reads may wrap around its input's buffer); in mode
// resident every row at once from whole maps.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace mlir::cnn::lower_to_dma {

LogicalResult GroupLowering::computeLayer(int l, Value row, int64_t at,
                                          int64_t n) {
  Operation *op = layerOps[l];
  // A width strip that holds none of the layer's output computes nothing.
  if (strips && heldWidth[graph.layers[l].output] == 0)
    return success();
  if (strips && !areStripsLowered(graph, {l}))
    return op->emitError() << "layer '" << graph.layers[l].info.name
                           << "' is not lowered in width strips yet";
  if (auto elementwise = dyn_cast<CnnElementwiseLayerOpInterface>(op)) {
    computeElementwise(l, elementwise, row, n);
    return success();
  }
  if (auto copy = dyn_cast<CnnCopyLayerOpInterface>(op)) {
    computeCopy(l, copy, row, at, n);
    return success();
  }
  if (isUpsample(graph.layers[l].info)) {
    computeUpsample(l, row, at, n);
    return success();
  }
  if (auto pad = dyn_cast<PadOp>(op)) {
    computePad(l, pad, row, at, n);
    return success();
  }
  return computeWindow(l, row, at, n);
}

void GroupLowering::copyChannels(const std::vector<Part> &parts, int64_t first,
                                 int64_t step, int64_t count, Value row,
                                 int64_t nrows,
                                 function_ref<Value(int64_t, int64_t)> dst) {
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
    int64_t n =
        std::min(count - i, (pt->offset + pt->channels - 1 - ch) / step + 1);
    Value src = em.everyNthChannel(
        rows(pt->tensor, row, nrows, ch - pt->offset, (n - 1) * step + 1), n,
        step);
    memref::CopyOp::create(b, loc, src, dst(i, n));
    i += n;
  }
}

void GroupLowering::computeCopy(int l, CnnCopyLayerOpInterface op, Value row,
                                int64_t at, int64_t n) {
  const GraphLayer &gl = graph.layers[l];
  int out = gl.output;
  int64_t bs = op.getCopyBlock(), w = graph.tensors[gl.inputs.front()].shape.w;
  std::vector<Part> parts = partsOf(gl.inputs.front());
  SmallVector<ChannelCopy> copies = op.getChannelCopies();
  // With a block of 1, the n rows at once; else each output row o, which
  // is block row o % b of input row o / b, with every b-th column.
  int64_t step = bs == 1 ? n : 1;
  for (int64_t j = 0; j < n; j += step) {
    Value o = em.add(row, j);
    for (const ChannelCopy &copy : copies) {
      if ((at + j) % bs != copy.blockRow)
        continue;
      copyChannels(parts, copy.inStart, copy.inStep, copy.count,
                   em.floorDiv(o, bs), step, [&](int64_t i, int64_t count) {
                     Value view =
                         rows(out, o, step, copy.outStart + i * copy.outStep,
                              (count - 1) * copy.outStep + 1, copy.blockCol,
                              (w - 1) * bs + 1);
                     return em.everyNthColumn(
                         em.everyNthChannel(view, count, copy.outStep), w, bs);
                   });
    }
  }
}

void GroupLowering::computeElementwise(
    int l, CnnElementwiseLayerOpInterface elementwise, Value row, int64_t n) {
  const GraphLayer &gl = graph.layers[l];
  const LayerInfo &info = gl.info;
  int out = gl.output;
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
      // A broadcast operand is read whole: its one row (and column).
      bool whole = info.inputRows[j].kind == RowDependence::Kind::Whole;
      bool wholeCols = info.inputCols[j].kind == RowDependence::Kind::Whole;
      for (Part pt : inParts[j]) {
        if (pt.offset > c0 || c0 >= pt.offset + pt.channels)
          continue;
        // The output's columns, where the operand's buffer holds them.
        int64_t col0 = 0, ncols = -1;
        if (strips && !wholeCols) {
          col0 = colBase(out) - colBase(pt.tensor);
          ncols = heldWidth[out];
        }
        ins.push_back(whole ? rows(pt.tensor, em.idx(0), info.inputs[j].h,
                                   c0 - pt.offset, nc, col0, ncols)
                            : rows(pt.tensor, row, n, c0 - pt.offset, nc, col0,
                                   ncols));
      }
    }
    emitElementwise(b, loc, elementwise, ins, rows(out, row, n, c0, nc));
  }
}

void GroupLowering::computeUpsample(int l, Value row, int64_t at, int64_t n) {
  const GraphLayer &gl = graph.layers[l];
  const LayerInfo &info = gl.info;
  int out = gl.output;
  int64_t sh = info.strideH, sw = info.strideW;
  std::vector<Part> parts = partsOf(gl.inputs.front());
  const TensorShape &is = info.inputs.front();
  RowDependence dep = info.inputRows.front();
  for (int64_t j = 0; j < n; ++j) {
    Value o = em.add(row, j);
    if (!info.bilinear && strips) {
      // Nearest, in a width strip: output column c is input column c / sw;
      // the strip's columns of each phase c mod sw are one strided copy.
      int64_t lo = heldLo[out], w = heldWidth[out];
      for (int64_t p = 0; p < sw; ++p) {
        int64_t j0 = ((p - lo) % sw + sw) % sw;
        if (j0 >= w)
          continue;
        int64_t count = (w - 1 - j0) / sw + 1;
        int64_t src = (lo + j0) / sw;
        for (Part pt : parts)
          memref::CopyOp::create(
              b, loc,
              rows(pt.tensor, em.floorDiv(o, sh), 1, 0, pt.channels,
                   src - colBase(pt.tensor), count),
              em.everyNthColumn(rows(out, o, 1, pt.offset, pt.channels, j0,
                                     (count - 1) * sw + 1),
                                count, sw));
      }
      continue;
    }
    if (!info.bilinear) {
      // Nearest: output row o repeats input row o / sh, each column sw
      // times.
      for (Part pt : parts)
        emitWidenRow(em, rows(pt.tensor, em.floorDiv(o, sh), 1, 0, pt.channels),
                     rows(out, o, 1, pt.offset, pt.channels), sw);
      continue;
    }
    // Bilinear: output row o reads rows clamp(i0) and clamp(i0 + 1) of its
    // input, i0 = floor((2o + 1 - sh) / 2sh); whether they clamp is the
    // row's shape.
    int64_t lo = dep.lowestRead(at + j), hi = dep.highestRead(at + j, is.h);
    Value i0 = em.floorDiv(em.add(em.mul(o, 2), 1 - sh), 2 * sh);
    int64_t i0At = dep.bilinearRow(at + j);
    Value lower = i0At < 0 ? em.idx(lo) : i0;
    Value upper = i0At + 1 > is.h - 1 ? em.idx(hi) : em.add(i0, 1);
    SmallVector<int64_t> scale = {sh, sw}, size = {is.h, is.w};
    for (Part pt : parts)
      emitBilinearRow(em, rows(pt.tensor, lower, 1, 0, pt.channels),
                      rows(pt.tensor, upper, 1, 0, pt.channels),
                      rows(out, o, 1, pt.offset, pt.channels), o, scale, size);
  }
}

void GroupLowering::computePad(int l, PadOp pad, Value row, int64_t at,
                               int64_t n) {
  const GraphLayer &gl = graph.layers[l];
  const LayerInfo &info = gl.info;
  int out = gl.output;
  const TensorShape &os = graph.tensors[out].shape;
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
  linalg::FillOp::create(b, loc, fill, rows(out, row, n, 0, os.c));
  std::vector<Part> parts = partsOf(gl.inputs.front());
  // The output columns [c0, c1) that hold input columns (those the width
  // strip holds, or all).
  int64_t outLo = colBase(out);
  int64_t outHi = outLo + (strips ? heldWidth[out] : os.w);
  int64_t c0 = std::max(outLo, pd[2]), c1 = std::min(outHi, pd[2] + is.w);
  for (int64_t j = 0; j < n && c0 < c1; ++j) {
    int64_t i = at + j - pd[0];
    if (i < 0 || i >= is.h)
      continue;
    Value o = em.add(row, j);
    for (Part pt : parts)
      memref::CopyOp::create(
          b, loc,
          rows(pt.tensor, em.add(o, -pd[0]), 1, 0, pt.channels,
               c0 - pd[2] - colBase(pt.tensor), c1 - c0),
          rows(out, o, 1, pt.offset, pt.channels, c0 - outLo, c1 - c0));
  }
}

LogicalResult GroupLowering::computeWindow(int l, Value row, int64_t at,
                                           int64_t n) {
  const GraphLayer &gl = graph.layers[l];
  const LayerInfo &info = gl.info;
  Operation *op = layerOps[l];
  int out = gl.output;
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
  TileShape rs = windowSpanShape(rd, at, n);
  // The output columns: all, or those the width strip holds.
  int64_t outCol0 = colBase(out);
  int64_t outCols = strips ? heldWidth[out] : os.w;
  TileShape cs = windowSpanShape(cd, outCol0, outCols);
  // The input column the first band reads (its buffer column is this less
  // the part's colBase).
  int64_t colCl = outCol0 * cd.stride + cs.inRel;
  auto strides = b.getI64TensorAttr({rd.stride, cd.stride});
  auto dilations = b.getI64TensorAttr({rd.dilation, cd.dilation});
  Value outRows = rows(out, row, n, 0, os.c);

  // Accumulators: registers for integer convolutions and averages, the
  // output rows themselves otherwise.
  WindowReduction reduction = window.getWindowReduction();
  bool needsAcc = isInt && reduction != WindowReduction::Max;
  Value accRows =
      needsAcc ? em.subview(acc[out],
                            {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                            {1, os.c, n, outCols})
               : outRows;
  Type accElem = cast<MemRefType>(accRows.getType()).getElementType();
  if (reduction != WindowReduction::Max)
    linalg::FillOp::create(b, loc, zeroOf(b, loc, accElem), accRows);

  std::vector<Part> parts = partsOf(gl.inputs.front());
  // One piece of the rows' window: kernel rows of one band, read from
  // input row `inRow` on; `partial` when the band's kernel rows are split.
  auto emitPiece = [&](const BandPair &bp, Value inRow, bool partial) {
    int64_t inCol = colCl + bp.cols.in;
    if (grouped) {
      emitGroupedBand(l, accRows, parts, inRow, inCol, bp, strides, dilations,
                      partial);
      return;
    }
    for (Part pt : parts) {
      Value in = rows(pt.tensor, inRow, bp.inR, 0, pt.channels,
                      inCol - colBase(pt.tensor), bp.inC);
      int64_t m0 = channelwise ? pt.offset : 0;
      int64_t mN = channelwise ? pt.channels : os.c;
      Value a = em.subview(
          accRows,
          {em.fold(0), em.fold(m0), em.fold(bp.rows.o0), em.fold(bp.cols.o0)},
          {1, mN, bp.outR, bp.outC});
      emitBandOp(em, reduction, channelwise, in, wBuf.lookup(l), em.fold(m0),
                 mN, em.fold(pt.offset), pt.channels, a, bp, elem, strides,
                 dilations, partial);
    }
  };
  if (!circular) {
    // Whole maps: each band reads contiguous rows.
    Value rowCl = em.add(em.mul(row, rd.stride), rs.inRel);
    forEachBandPair(rs, cs, rd, cd, [&](const BandPair &bp) {
      emitPiece(bp, em.add(rowCl, bp.rows.in), /*partial=*/false);
    });
  } else {
    // One row from a circular buffer: one kernel row at a time, each
    // reading one input row, into one accumulator.
    if (reduction == WindowReduction::Max)
      linalg::FillOp::create(b, loc, lowestOf(b, loc, elem), outRows);
    for (const Band &rb : rs.bands)
      for (int64_t kh = rb.k0; kh < rb.k1; ++kh) {
        Band one{rb.o0, rb.o1, kh, kh + 1, 0};
        TileShape rowShape;
        rowShape.bands = {one};
        Value inRow = em.add(em.mul(row, rd.stride), kh * rd.dilation - rd.pad);
        forEachBandPair(rowShape, cs, rd, cd, [&](const BandPair &bp) {
          emitPiece(bp, inRow, /*partial=*/true);
        });
      }
    if (reduction == WindowReduction::Average)
      forEachBandPair(rs, cs, rd, cd, [&](const BandPair &bp) {
        emitDivide(em,
                   em.subview(accRows,
                              {em.fold(0), em.fold(0), em.fold(bp.rows.o0),
                               em.fold(bp.cols.o0)},
                              {1, os.c, bp.outR, bp.outC}),
                   bp.kr * bp.kc);
      });
  }

  // Requantize / add the bias / activate into the output rows.
  Activation act = window.getFusedActivation();
  int64_t shift = 0;
  if (reduction == WindowReduction::MultiplyAccumulate)
    shift = requantShift(info);
  Value bias = bBuf.count(l) ? bBuf[l] : Value();
  emitLayerEnd(b, loc, accRows, bias, outRows, needsAcc, shift, act);
  return success();
}

void GroupLowering::emitGroupedBand(int l, Value accRows, ArrayRef<Part> parts,
                                    Value inRow, int64_t inCol,
                                    const BandPair &bp, Attribute strides,
                                    Attribute dilations, bool partial) {
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
    Value all = rows(pt.tensor, inRow, bp.inR, 0, pt.channels,
                     inCol - colBase(pt.tensor), bp.inC);
    Value in = em.subview(all, {em.fold(0), c0, em.fold(0), em.fold(0)},
                          {1, cg, bp.inR, bp.inC});
    emitBandOp(em, WindowReduction::MultiplyAccumulate, /*channelwise=*/false,
               in, wBuf.lookup(l), m0, mg, em.fold(0), cg, accBand(m0), bp,
               elem, strides, dilations, partial);
    return;
  }
  // A concatenation: each group reads the parts its channels lie in.
  for (int64_t g = 0; g < groups; ++g)
    for (Part pt : parts) {
      int64_t lo = std::max(g * cg, pt.offset);
      int64_t hi = std::min((g + 1) * cg, pt.offset + pt.channels);
      if (lo >= hi)
        continue;
      Value in = rows(pt.tensor, inRow, bp.inR, lo - pt.offset, hi - lo,
                      inCol - colBase(pt.tensor), bp.inC);
      emitBandOp(em, WindowReduction::MultiplyAccumulate,
                 /*channelwise=*/false, in, wBuf.lookup(l), em.fold(g * mg), mg,
                 em.fold(lo - g * cg), hi - lo, accBand(em.fold(g * mg)), bp,
                 elem, strides, dilations, partial);
    }
}

} // namespace mlir::cnn::lower_to_dma
