//===- StreamedLayers.cpp - Layers streamed through SRAM --------*- C++ -*-===//
//
// The layers run alone whose traffic does not depend on tiling: element-wise
// layers row block by row block, global average pooling, softmax, padding
// and nearest resize, each reading its input once and writing its output
// once; and lowerLayer, which lowers one layer as its class says.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace mlir::cnn::lower_to_dma {

void emitSumInto(Emitter &em, Value src, Value acc) {
  OpBuilder &b = em.b;
  MLIRContext *ctx = b.getContext();
  Type accElem = cast<MemRefType>(acc.getType()).getElementType();
  bool isInt = isa<IntegerType>(accElem);
  // Into one element: everything is reduced; per channel: rows and
  // columns.
  AffineExpr zero = getAffineConstantExpr(0, ctx);
  bool single = cast<MemRefType>(acc.getType()).getRank() == 1;
  AffineMap id = AffineMap::getMultiDimIdentityMap(4, ctx);
  AffineMap toAcc =
      single ? AffineMap::get(4, 0, {zero}, ctx)
             : AffineMap::get(4, 0,
                              {getAffineDimExpr(0, ctx),
                               getAffineDimExpr(1, ctx), zero, zero},
                              ctx);
  SmallVector<utils::IteratorType> iters(4, utils::IteratorType::reduction);
  if (!single)
    iters[0] = iters[1] = utils::IteratorType::parallel;
  linalg::GenericOp::create(
      b, em.loc, TypeRange{}, ValueRange{src}, ValueRange{acc},
      ArrayRef<AffineMap>{id, toAcc}, iters,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        Value v = args[0];
        Value r = isInt
                      ? (Value)arith::AddIOp::create(
                            nb, l, arith::ExtSIOp::create(nb, l, accElem, v),
                            args[1])
                      : (Value)arith::AddFOp::create(nb, l, v, args[1]);
        linalg::YieldOp::create(nb, l, r);
      });
}

void emitMean(Emitter &em, Value sums, Value res, int64_t count) {
  OpBuilder &b = em.b;
  MLIRContext *ctx = b.getContext();
  Type accElem = cast<MemRefType>(sums.getType()).getElementType();
  Type elem = cast<MemRefType>(res.getType()).getElementType();
  bool isInt = isa<IntegerType>(elem);
  int64_t rank = cast<MemRefType>(res.getType()).getRank();
  AffineMap id = AffineMap::getMultiDimIdentityMap(rank, ctx);
  AffineMap fromSums =
      cast<MemRefType>(sums.getType()).getRank() == rank
          ? id
          : AffineMap::get(rank, 0, {getAffineConstantExpr(0, ctx)}, ctx);
  SmallVector<utils::IteratorType> par(rank, utils::IteratorType::parallel);
  // mean = sum / count, rounded toward zero for integers.
  linalg::GenericOp::create(
      b, em.loc, TypeRange{}, ValueRange{sums}, ValueRange{res},
      ArrayRef<AffineMap>{fromSums, id}, par,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        Value v;
        if (isInt) {
          v = arith::DivSIOp::create(
              nb, l, args[0], arith::ConstantIntOp::create(nb, l, accElem, count));
          v = arith::TruncIOp::create(nb, l, elem, v);
        } else {
          v = arith::DivFOp::create(
              nb, l, args[0],
              arith::ConstantOp::create(nb, l,
                                        nb.getFloatAttr(elem, double(count))));
        }
        linalg::YieldOp::create(nb, l, v);
      });
}

void emitSoftmaxPixel(Emitter &em, ArrayRef<ChannelSpan> in, Value out,
                      Value scalar) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  Type elem = cast<MemRefType>(out.getType()).getElementType();
  bool isInt = isa<IntegerType>(elem);
  Type f = cast<MemRefType>(scalar.getType()).getElementType();
  Value zero = em.idx(0), one = em.idx(1);
  auto read = [&](const ChannelSpan &span, Value k) -> Value {
    Value x = memref::LoadOp::create(b, loc, span.view,
                                     ValueRange{zero, k, zero, zero});
    return isInt ? Value(arith::SIToFPOp::create(b, loc, f, x)) : x;
  };
  memref::StoreOp::create(b, loc, lowestOf(b, loc, f), scalar,
                          ValueRange{zero});
  memref::StoreOp::create(b, loc, zeroOf(b, loc, f), scalar, ValueRange{one});
  // Each pass over the channels, span by span in channel order.
  auto loopC = [&](function_ref<void(const ChannelSpan &, Value)> body) {
    for (const ChannelSpan &span : in) {
      auto l = scf::ForOp::create(b, loc, em.idx(0), em.idx(span.channels),
                                  em.idx(1));
      OpBuilder::InsertionGuard g(b);
      b.setInsertionPointToStart(l.getBody());
      body(span, l.getInductionVar());
    }
  };
  auto expOf = [&](const ChannelSpan &span, Value k) -> Value {
    Value m = memref::LoadOp::create(b, loc, scalar, ValueRange{zero});
    return math::ExpOp::create(
        b, loc, arith::SubFOp::create(b, loc, read(span, k), m));
  };
  loopC([&](const ChannelSpan &span, Value k) {
    Value m = memref::LoadOp::create(b, loc, scalar, ValueRange{zero});
    memref::StoreOp::create(
        b, loc, arith::MaximumFOp::create(b, loc, read(span, k), m), scalar,
        ValueRange{zero});
  });
  loopC([&](const ChannelSpan &span, Value k) {
    Value s = memref::LoadOp::create(b, loc, scalar, ValueRange{one});
    memref::StoreOp::create(b, loc,
                            arith::AddFOp::create(b, loc, s, expOf(span, k)),
                            scalar, ValueRange{one});
  });
  loopC([&](const ChannelSpan &span, Value k) {
    Value s = memref::LoadOp::create(b, loc, scalar, ValueRange{one});
    Value p = arith::DivFOp::create(b, loc, expOf(span, k), s);
    if (isInt) {
      int64_t qmax = (int64_t(1) << (elem.getIntOrFloatBitWidth() - 1)) - 1;
      p = arith::MulFOp::create(
          b, loc, p,
          arith::ConstantOp::create(b, loc, b.getFloatAttr(f, qmax)));
      p = arith::AddFOp::create(
          b, loc, p, arith::ConstantOp::create(b, loc, b.getFloatAttr(f, 0.5)));
      p = arith::FPToSIOp::create(b, loc, elem, p);
    }
    memref::StoreOp::create(b, loc, p, out,
                            ValueRange{zero, em.add(k, span.offset), zero,
                                       zero});
  });
}

namespace {

//===----------------------------------------------------------------------===//
// Layers whose traffic does not depend on tiling
//===----------------------------------------------------------------------===//

/// Streams an element-wise layer: its operands (4-D DRAM memrefs of the
/// output's shape, or one element per channel) row block by row block of
/// each channel through SRAM, computing the output row block and storing
/// it: every operand is read once and the output written once. The rows
/// per block are the layer's stream plan.
LogicalResult lowerRowwise(Emitter &em, CnnElementwiseLayerOpInterface layer,
                           const LayerInfo &info, ArrayRef<Value> inputs,
                           Value out) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto outType = cast<MemRefType>(out.getType());
  Type elem = outType.getElementType();
  int64_t c = outType.getDimSize(1), h = outType.getDimSize(2),
          w = outType.getDimSize(3);
  int64_t rowBytes = w * getElementBytes(elem);
  StreamPlan plan = planStream(info, *em.target);
  int64_t rows = plan.rows;
  SmallVector<Value> bufs;
  for (size_t i = 0; i <= inputs.size(); ++i) {
    bool broadcast = i < inputs.size() && isBroadcast(inputs[i], h, w);
    SmallVector<int64_t> shape = {1, 1, broadcast ? 1 : rows,
                                  broadcast ? 1 : w};
    bufs.push_back(em.buffer(shape, elem, i * rows * rowBytes));
  }
  auto loop = scf::ForOp::create(b, loc, em.idx(0), em.idx(c), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value ch = loop.getInductionVar();
  // A broadcast operand's element of this channel, once.
  for (size_t i = 0; i < inputs.size(); ++i)
    if (isBroadcast(inputs[i], h, w))
      em.load(em.subview(inputs[i], {em.fold(0), ch, em.fold(0), em.fold(0)},
                         {1, 1, 1, 1}),
              bufs[i], "input");
  forEachRowBlock(em, h, rows, [&](Value r0, int64_t n) {
    SmallVector<Value> locals;
    for (size_t i = 0; i < inputs.size(); ++i) {
      if (isBroadcast(inputs[i], h, w)) {
        locals.push_back(bufs[i]);
        continue;
      }
      Value src =
          em.subview(inputs[i], {em.fold(0), ch, r0, em.fold(0)}, {1, 1, n, w});
      Value dst =
          em.subview(bufs[i], {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                     {1, 1, n, w});
      em.load(src, dst, "input");
      locals.push_back(dst);
    }
    Value dst = em.subview(bufs.back(),
                           {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                           {1, 1, n, w});
    emitElementwise(b, loc, layer, locals, dst);
    em.store(dst,
             em.subview(out, {em.fold(0), ch, r0, em.fold(0)}, {1, 1, n, w}),
             "output");
  });
  return success();
}

/// Global average pooling: each channel's rows stream through SRAM into an
/// accumulator; the channel's mean is stored as one element.
LogicalResult lowerGlobalAvgPool(Emitter &em, Operation *op,
                                 const LayerInfo &info, Value in, Value out) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto inType = cast<MemRefType>(in.getType());
  Type elem = inType.getElementType();
  int64_t c = inType.getDimSize(1), h = inType.getDimSize(2),
          w = inType.getDimSize(3);
  int64_t eb = getElementBytes(elem);
  StreamPlan plan = planStream(info, *em.target);
  int64_t rows = plan.rows;
  Value buf = em.buffer({1, 1, rows, w}, elem, 0);
  Value res = em.buffer({1, 1, 1, 1}, elem, rows * w * eb);
  bool isInt = isa<IntegerType>(elem);
  Type accElem = isInt ? b.getI32Type() : elem;
  Value acc = memref::AllocaOp::create(b, loc, MemRefType::get({1}, accElem));
  auto loop = scf::ForOp::create(b, loc, em.idx(0), em.idx(c), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value ch = loop.getInductionVar();
  linalg::FillOp::create(b, loc, zeroOf(b, loc, accElem), acc);
  forEachRowBlock(em, h, rows, [&](Value r0, int64_t n) {
    Value dst = em.subview(
        buf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)}, {1, 1, n, w});
    em.load(em.subview(in, {em.fold(0), ch, r0, em.fold(0)}, {1, 1, n, w}), dst,
            "input");
    emitSumInto(em, dst, acc);
  });
  emitMean(em, acc, res, h * w);
  em.store(
      res,
      em.subview(out, {em.fold(0), ch, em.fold(0), em.fold(0)}, {1, 1, 1, 1}),
      "output");
  return success();
}

/// Softmax over channels, one pixel at a time (docs/Semantics.md: integers
/// are converted to f32 and the probability scaled to the type's maximum).
/// exp is computed twice instead of keeping a float per channel in SRAM.
LogicalResult lowerSoftmax(Emitter &em, Operation *op, Value in, Value out) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto type = cast<MemRefType>(in.getType());
  Type elem = type.getElementType();
  bool isInt = isa<IntegerType>(elem);
  Type f = isInt ? Type(b.getF32Type()) : elem;
  int64_t c = type.getDimSize(1), h = type.getDimSize(2),
          w = type.getDimSize(3);
  int64_t eb = getElementBytes(elem);
  Value inBuf = em.buffer({1, c, 1, 1}, elem, 0);
  Value outBuf = em.buffer({1, c, 1, 1}, elem, c * eb);
  // The running maximum and sum are registers.
  Value scalar = memref::AllocaOp::create(b, loc, MemRefType::get({2}, f));
  auto rows = scf::ForOp::create(b, loc, em.idx(0), em.idx(h), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(rows.getBody());
  auto cols = scf::ForOp::create(b, loc, em.idx(0), em.idx(w), em.idx(1));
  b.setInsertionPointToStart(cols.getBody());
  Value r = rows.getInductionVar(), col = cols.getInductionVar();
  em.load(em.subview(in, {em.fold(0), em.fold(0), r, col}, {1, c, 1, 1}), inBuf,
          "input");
  emitSoftmaxPixel(em, {ChannelSpan{inBuf, 0, c}}, outBuf, scalar);
  em.store(outBuf,
           em.subview(out, {em.fold(0), em.fold(0), r, col}, {1, c, 1, 1}),
           "output");
  return success();
}

/// Padding: each output row of each channel is assembled in SRAM (the
/// border produced locally, zero or the pad value; the interior loaded)
/// and stored; every input row is read once.
LogicalResult lowerPad(Emitter &em, PadOp pad, Value in, Value out) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto inType = cast<MemRefType>(in.getType());
  auto outType = cast<MemRefType>(out.getType());
  Type elem = inType.getElementType();
  int64_t c = inType.getDimSize(1), h = inType.getDimSize(2),
          w = inType.getDimSize(3), ow = outType.getDimSize(3);
  ArrayRef<int64_t> p = pad.getPadding();
  Value row = em.buffer({1, 1, 1, ow}, elem, 0);
  Value fill;
  if (auto it = dyn_cast<IntegerType>(elem))
    fill = arith::ConstantIntOp::create(
        b, loc, elem, static_cast<int64_t>(pad.getValue().convertToDouble()));
  else
    fill = arith::ConstantOp::create(
        b, loc, b.getFloatAttr(elem, pad.getValue().convertToDouble()));
  auto loop = scf::ForOp::create(b, loc, em.idx(0), em.idx(c), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value ch = loop.getInductionVar();
  auto rows = [&](int64_t from, int64_t to, bool interior) {
    if (from >= to)
      return;
    OpBuilder::InsertionGuard g(b);
    auto rl = scf::ForOp::create(b, loc, em.idx(from), em.idx(to), em.idx(1));
    b.setInsertionPointToStart(rl.getBody());
    Value r = rl.getInductionVar();
    linalg::FillOp::create(b, loc, fill, row);
    if (interior) {
      Value src = em.subview(
          in,
          {em.fold(0), ch,
           arith::SubIOp::create(b, loc, r, em.idx(p[0])).getResult(),
           em.fold(0)},
          {1, 1, 1, w});
      em.load(src,
              em.subview(row,
                         {em.fold(0), em.fold(0), em.fold(0), em.fold(p[2])},
                         {1, 1, 1, w}),
              "input");
    }
    em.store(row,
             em.subview(out, {em.fold(0), ch, r, em.fold(0)}, {1, 1, 1, ow}),
             "output");
  };
  rows(0, p[0], false);
  rows(p[0], p[0] + h, true);
  rows(p[0] + h, p[0] + h + p[1], false);
  return success();
}

/// Bilinear up-sampling: each input row of each channel is loaded once into
/// a circular buffer of two rows; output row o reads the rows clamp(i0) and
/// clamp(i0 + 1), i0 = floor((2o + 1 - s) / 2s), and is stored alone.
/// Output rows [s*k + s/2, s*(k+1) + s/2) read rows k and k + 1: the rows
/// before the first (k = -1) read row 0 twice, after loading it; then each
/// loaded row k + 1 completes s output rows; the last rows read row H - 1
/// twice.
LogicalResult lowerBilinearResize(Emitter &em, Operation *resize,
                                  const LayerInfo &info, Value in, Value out) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto inType = cast<MemRefType>(in.getType());
  Type elem = inType.getElementType();
  int64_t c = inType.getDimSize(1), h = inType.getDimSize(2),
          w = inType.getDimSize(3);
  int64_t sh = info.strideH, sw = info.strideW;
  int64_t eb = getElementBytes(elem);
  Value lines = em.buffer({1, 1, 2, w}, elem, 0);
  Value dst = em.buffer({1, 1, 1, w * sw}, elem, 2 * w * eb);
  SmallVector<int64_t> scale = {sh, sw}, size = {h, w};
  auto loop = scf::ForOp::create(b, loc, em.idx(0), em.idx(c), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value ch = loop.getInductionVar();
  // Line `row mod 2` of the circular buffer.
  auto line = [&](Value row) {
    Value slot = arith::RemUIOp::create(b, loc, row, em.idx(2));
    return em.subview(lines, {em.fold(0), em.fold(0), slot, em.fold(0)},
                      {1, 1, 1, w});
  };
  auto load = [&](Value row) {
    em.load(em.subview(in, {em.fold(0), ch, row, em.fold(0)}, {1, 1, 1, w}),
            line(row), "input");
  };
  auto emitRow = [&](Value o, Value lower, Value upper) {
    emitBilinearRow(em, line(lower), line(upper), dst, o, scale, size);
    em.store(
        dst,
        em.subview(out, {em.fold(0), ch, o, em.fold(0)}, {1, 1, 1, w * sw}),
        "output");
  };
  int64_t half = sh / 2;
  load(em.idx(0));
  for (int64_t o = 0; o < half; ++o)
    emitRow(em.idx(o), em.idx(0), em.idx(0));
  auto rl = scf::ForOp::create(b, loc, em.idx(1), em.idx(h), em.idx(1));
  {
    OpBuilder::InsertionGuard inner(b);
    b.setInsertionPointToStart(rl.getBody());
    Value k1 = rl.getInductionVar();
    Value k = arith::SubIOp::create(b, loc, k1, em.idx(1));
    load(k1);
    Value first = arith::AddIOp::create(
        b, loc, arith::MulIOp::create(b, loc, k, em.idx(sh)), em.idx(half));
    for (int64_t r = 0; r < sh; ++r)
      emitRow(arith::AddIOp::create(b, loc, first, em.idx(r)), k, k1);
  }
  for (int64_t o = sh * (h - 1) + half; o < sh * h; ++o)
    emitRow(em.idx(o), em.idx(h - 1), em.idx(h - 1));
  return success();
}

/// Nearest up-sampling: each input row of each channel is loaded once,
/// widened and repeated into the block of output rows it becomes, and
/// stored with one transfer.
LogicalResult lowerResize(Emitter &em, Operation *resize, const LayerInfo &info,
                          Value in, Value out) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  if (info.bilinear)
    return lowerBilinearResize(em, resize, info, in, out);
  auto inType = cast<MemRefType>(in.getType());
  Type elem = inType.getElementType();
  int64_t c = inType.getDimSize(1), h = inType.getDimSize(2),
          w = inType.getDimSize(3);
  int64_t sh = info.strideH, sw = info.strideW;
  int64_t eb = getElementBytes(elem);
  Value src = em.buffer({1, 1, 1, w}, elem, 0);
  Value dst = em.buffer({1, 1, sh, w * sw}, elem, w * eb);
  auto loop = scf::ForOp::create(b, loc, em.idx(0), em.idx(c), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value ch = loop.getInductionVar();
  auto rl = scf::ForOp::create(b, loc, em.idx(0), em.idx(h), em.idx(1));
  b.setInsertionPointToStart(rl.getBody());
  Value r = rl.getInductionVar();
  em.load(em.subview(in, {em.fold(0), ch, r, em.fold(0)}, {1, 1, 1, w}), src,
          "input");
  emitWidenRow(em, src, dst, sw);
  Value r0 = arith::MulIOp::create(b, loc, r, em.idx(sh));
  em.store(
      dst,
      em.subview(out, {em.fold(0), ch, r0, em.fold(0)}, {1, 1, sh, w * sw}),
      "output");
  return success();
}

} // namespace

/// A copy layer with a block of 1 (a channel selection): each output
/// channel's rows stream in blocks through one SRAM buffer, loaded from the
/// input channel it copies and stored; one loop per channel copy.
LogicalResult lowerGather(Emitter &em, CnnCopyLayerOpInterface op,
                          const LayerInfo &info, Value in, Value out) {
  auto outType = cast<MemRefType>(out.getType());
  int64_t h = outType.getDimSize(2), w = outType.getDimSize(3);
  StreamPlan plan = planStream(info, *em.target);
  Value buf = em.buffer({1, 1, plan.rows, w}, outType.getElementType(), 0);
  for (const ChannelCopy &copy : op.getChannelCopies()) {
    OpBuilder::InsertionGuard guard(em.b);
    Value iv;
    if (copy.count > 1) {
      auto loop = scf::ForOp::create(em.b, em.loc, em.idx(0),
                                     em.idx(copy.count), em.idx(1));
      em.b.setInsertionPointToStart(loop.getBody());
      iv = loop.getInductionVar();
    }
    Value inCh = em.affine(iv, copy.inStep, copy.inStart);
    Value outCh = em.affine(iv, copy.outStep, copy.outStart);
    forEachRowBlock(em, h, plan.rows, [&](Value r0, int64_t n) {
      Value local = em.subview(
          buf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)}, {1, 1, n, w});
      em.load(em.subview(in, {em.fold(0), inCh, r0, em.fold(0)}, {1, 1, n, w}),
              local, "input");
      em.store(local,
               em.subview(out, {em.fold(0), outCh, r0, em.fold(0)},
                          {1, 1, n, w}),
               "output");
    });
  }
  return success();
}

/// A copy layer with a block b > 1 (depth to space): for each output
/// channel and input row, the input rows of its b * b block positions are
/// loaded one by one and copied, every b-th column, into the b output rows
/// they become, stored with one transfer: every input row is loaded once.
LogicalResult lowerBlockCopy(Emitter &em, CnnCopyLayerOpInterface op,
                             Value in, Value out) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto inType = cast<MemRefType>(in.getType());
  Type elem = inType.getElementType();
  int64_t c = cast<MemRefType>(out.getType()).getDimSize(1),
          h = inType.getDimSize(2), w = inType.getDimSize(3);
  int64_t bs = op.getCopyBlock();
  int64_t eb = getElementBytes(elem);
  SmallVector<ChannelCopy> copies = op.getChannelCopies();
  for (const ChannelCopy &copy : copies)
    if (copy.outStart != 0 || copy.outStep != 1 || copy.count != c)
      return op->emitError() << "layer '" << getLayerName(op)
                             << "': a block copy of some output channels "
                                "only is not lowered to DMA";
  Value src = em.buffer({1, 1, 1, w}, elem, 0);
  Value dst = em.buffer({1, 1, bs, w * bs}, elem, w * eb);
  auto loop = scf::ForOp::create(b, loc, em.idx(0), em.idx(c), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value ch = loop.getInductionVar();
  auto rl = scf::ForOp::create(b, loc, em.idx(0), em.idx(h), em.idx(1));
  b.setInsertionPointToStart(rl.getBody());
  Value r = rl.getInductionVar();
  for (const ChannelCopy &copy : copies) {
    em.load(em.subview(in, {em.fold(0), em.affine(ch, copy.inStep, copy.inStart),
                            r, em.fold(0)},
                       {1, 1, 1, w}),
            src, "input");
    Value row = em.subview(dst, {em.fold(0), em.fold(0),
                                 em.fold(copy.blockRow), em.fold(copy.blockCol)},
                           {1, 1, 1, (w - 1) * bs + 1});
    memref::CopyOp::create(b, loc, src, em.everyNthColumn(row, w, bs));
  }
  Value r0 = arith::MulIOp::create(b, loc, r, em.idx(bs));
  em.store(dst,
           em.subview(out, {em.fold(0), ch, r0, em.fold(0)}, {1, 1, bs, w * bs}),
           "output");
  return success();
}

LogicalResult lowerLayer(Emitter &em, Operation *op, const LayerInfo &info,
                         const llvm::DenseMap<Value, Value> &buffers) {
  auto buf = [&](Value v) { return buffers.lookup(v); };
  Value out = buf(op->getResult(0));
  SmallVector<Value> inputs;
  for (Value v : getFeatureMapOperands(op))
    inputs.push_back(buf(v));
  switch (info.cls) {
  case LayerClass::Convolution:
  case LayerClass::Pool:
  case LayerClass::Dense:
    lowerWindowLayer(em, op, info, buffers);
    return success();
  case LayerClass::View:
    return success();
  case LayerClass::Stream:
    break;
  }
  // Planning rejected a layer whose smallest blocks do not fit; a module
  // planned for a larger SRAM is caught here.
  if (StreamPlan plan = planStream(info, *em.target);
      plan.minSramBytes > em.sram)
    return op->emitError() << "layer '" << getLayerName(op)
                           << "' needs at least " << plan.minSramBytes
                           << " bytes of SRAM to stream it, but the target "
                              "has "
                           << em.sram;
  switch (info.stream) {
  case StreamPattern::RowBlocks:
    if (auto elementwise = dyn_cast<CnnElementwiseLayerOpInterface>(op))
      return lowerRowwise(em, elementwise, info, inputs, out);
    break;
  case StreamPattern::ChannelReduce:
    return lowerGlobalAvgPool(em, op, info, inputs.front(), out);
  case StreamPattern::Pixels:
    return lowerSoftmax(em, op, inputs.front(), out);
  case StreamPattern::Gather:
    if (auto copy = dyn_cast<CnnCopyLayerOpInterface>(op))
      return lowerGather(em, copy, info, inputs.front(), out);
    break;
  case StreamPattern::InputRows:
    if (auto copy = dyn_cast<CnnCopyLayerOpInterface>(op))
      return lowerBlockCopy(em, copy, inputs.front(), out);
    if (isUpsample(info))
      return lowerResize(em, op, info, inputs.front(), out);
    if (auto pad = dyn_cast<PadOp>(op))
      return lowerPad(em, pad, inputs.front(), out);
    break;
  }
  return op->emitError() << "layer '" << getLayerName(op) << "' ("
                         << op->getName() << ") is not lowered to DMA yet";
}

} // namespace mlir::cnn::lower_to_dma
