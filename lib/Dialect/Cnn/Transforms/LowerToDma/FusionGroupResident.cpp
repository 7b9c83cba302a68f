//===- FusionGroupResident.cpp - Fusion groups in mode resident -*- C++ -*-===//
//
// GroupLowering for the groups of mode resident: the whole feature maps of
// the group stay in SRAM (placed by placeResidentBuffers), the group's
// inputs are loaded whole, each layer runs once over whole maps, and each
// convolution or fully connected layer streams its weights one output
// channel at a time (a fully connected layer is a 1x1 convolution of its
// input flattened into 1x(C*H*W)x1x1).
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

#include "cnn/Analysis/GroupModes.h"

namespace mlir::cnn::lower_to_dma {

LogicalResult GroupLowering::emitResident() {
  std::vector<ResidentBuffer> bufs = collectResidentBuffers();
  int64_t peak = placeResidentBuffers(bufs, em.sram);
  if (peak > em.sram)
    return group.emitError()
           << "fusion group '" << (group.getName() ? *group.getName() : "")
           << "': its whole feature maps could not be placed in " << em.sram
           << " bytes of SRAM without fragmentation (the placement found "
              "needs "
           << peak << ")";
  bindResidentBuffers(bufs);
  allocateResidentAccumulators();
  return computeResidentLayers();
}

std::vector<ResidentBuffer> GroupLowering::collectResidentBuffers() {
  size_t nl = layerOps.size(), nt = graph.tensors.size();
  // Lifetimes in layer positions, as the cost model plans them.
  std::vector<int> all(nl);
  for (size_t l = 0; l < nl; ++l)
    all[l] = static_cast<int>(l);
  std::vector<int> start(nt, 0), end(nt, 0);
  for (const ResidentLifetime &life : getResidentLifetimes(graph, all)) {
    start[life.tensor] = life.first;
    end[life.tensor] = life.last;
  }

  std::vector<ResidentBuffer> bufs;
  for (size_t t = 0; t < nt; ++t) {
    if (isView(static_cast<int>(t)))
      continue;
    const TensorShape &sh = graph.tensors[t].shape;
    Type elem =
        cast<RankedTensorType>(tensorValue[t].getType()).getElementType();
    bufs.push_back({{1, sh.c, sh.h, sh.w},
                    elem,
                    start[t],
                    end[t],
                    sh.bytes(),
                    -1,
                    static_cast<int>(t)});
  }
  for (size_t l = 0; l < nl; ++l) {
    auto conv = cast<CnnLayerOpInterface>(layerOps[l]);
    const LayerInfo &info = graph.layers[l].info;
    if (!streamsWeightChannels(info))
      continue;
    auto wt = cast<RankedTensorType>(conv.getLayerWeight().getType());
    // A fully connected layer's weights (M x K) are read as M x K x 1 x 1.
    SmallVector<int64_t> shape = {1, wt.getDimSize(1), 1, 1};
    if (info.cls == LayerClass::Dense) {
      Value raw = dram.lookup(conv.getLayerWeight());
      if (!info.hasCompressedWeights())
        denseWeight[static_cast<int>(l)] = memref::ExpandShapeOp::create(
            b, loc,
            MemRefType::get({wt.getDimSize(0), wt.getDimSize(1), 1, 1},
                            wt.getElementType()),
            raw, SmallVector<ReassociationIndices>{{0}, {1, 2, 3}});
    } else {
      shape = {1, wt.getDimSize(1), wt.getDimSize(2), wt.getDimSize(3)};
    }
    if (info.hasCompressedWeights()) {
      // Coded: the largest channel's bytes in the arena, one channel
      // decoded outside it.
      int64_t largest = info.largestCompressedChannel();
      bufs.push_back({{largest}, b.getI8Type(), static_cast<int>(l),
                      static_cast<int>(l), largest, -1, -1,
                      static_cast<int>(l)});
      decodedBuf[static_cast<int>(l)] = memref::AllocaOp::create(
          b, loc, MemRefType::get(shape, wt.getElementType()));
    } else {
      bufs.push_back({shape, wt.getElementType(), static_cast<int>(l),
                      static_cast<int>(l),
                      shape[1] * shape[2] * shape[3] *
                          getElementBytes(wt.getElementType()),
                      -1, -1, static_cast<int>(l)});
    }
    if (Value bias = conv.getLayerBias()) {
      Type be = cast<RankedTensorType>(bias.getType()).getElementType();
      bufs.push_back({{1},
                      be,
                      static_cast<int>(l),
                      static_cast<int>(l),
                      getElementBytes(be),
                      -1,
                      -1,
                      static_cast<int>(l),
                      true});
    }
    // Double buffering: the next output channel's weights (and bias) load
    // into a second copy.
    if (em.doubleBuffer) {
      size_t n = bufs.size();
      for (size_t i = n - (conv.getLayerBias() ? 2 : 1); i < n; ++i) {
        ResidentBuffer copy = bufs[i];
        copy.second = true;
        bufs.push_back(copy);
      }
    }
  }
  return bufs;
}

void GroupLowering::bindResidentBuffers(ArrayRef<ResidentBuffer> bufs) {
  for (const ResidentBuffer &x : bufs) {
    if (x.second) {
      (x.bias ? bBuf2 : wBuf2)[x.layer] =
          em.secondBuffer(x.shape, x.elem, x.offset);
      continue;
    }
    Value v = em.buffer(x.shape, x.elem, x.offset);
    if (x.tensor >= 0)
      lineBuf[x.tensor] = v;
    else if (x.bias)
      bBuf[x.layer] = v;
    else
      wBuf[x.layer] = v;
  }
}

void GroupLowering::allocateResidentAccumulators() {
  size_t nl = layerOps.size();
  // Registers for one output channel of integer convolutions and fully
  // connected layers, and for the sums of integer average pools and global
  // pools.
  for (size_t l = 0; l < nl; ++l) {
    int out = graph.layers[l].output;
    Type elem =
        cast<RankedTensorType>(tensorValue[out].getType()).getElementType();
    if (!isa<IntegerType>(elem))
      continue;
    const TensorShape &os = graph.tensors[out].shape;
    const LayerInfo &info = graph.layers[l].info;
    if (streamsWeightChannels(info))
      acc[out] = memref::AllocaOp::create(
          b, loc, MemRefType::get({1, 1, os.h, os.w}, b.getI32Type()));
    else if (needsAccumulator(layerOps[l]) ||
             (info.cls == LayerClass::Stream &&
              info.stream == StreamPattern::ChannelReduce))
      acc[out] = memref::AllocaOp::create(
          b, loc, MemRefType::get({1, os.c, os.h, os.w}, b.getI32Type()));
  }
}

LogicalResult GroupLowering::computeResidentLayers() {
  size_t nl = layerOps.size(), nt = graph.tensors.size();
  // The group's inputs, whole.
  for (size_t t = 0; t < nt; ++t)
    if (graph.tensors[t].producer < 0)
      em.load(dram.lookup(tensorValue[t]), lineBuf[t], "input");
  for (size_t l = 0; l < nl; ++l) {
    int out = graph.layers[l].output;
    if (isView(out))
      continue;
    const TensorShape &sh = graph.tensors[out].shape;
    const LayerInfo &info = graph.layers[l].info;
    int li = static_cast<int>(l);
    LogicalResult ok = success();
    if (streamsWeightChannels(info))
      ok = computeConvResident(li);
    else if (info.cls == LayerClass::Stream &&
             info.stream == StreamPattern::ChannelReduce)
      computeGlobalPoolResident(li);
    else if (info.cls == LayerClass::Stream &&
             info.stream == StreamPattern::Pixels)
      computeSoftmaxResident(li);
    else
      ok = computeLayer(li, em.idx(0), 0, sh.h);
    if (failed(ok))
      return failure();
    if (stored[out])
      em.store(lineBuf[out], dram.lookup(tensorValue[out]), "output");
  }
  return success();
}

LogicalResult GroupLowering::computeConvResident(int l) {
  const GraphLayer &gl = graph.layers[l];
  const LayerInfo &info = gl.info;
  int out = gl.output;
  const TensorShape &os = graph.tensors[out].shape;
  const TensorShape &is = info.inputs.front();
  TileProblem prob = getTileProblem(info);
  bool channelwise = prob.cls == TilingClass::Channelwise;
  std::vector<Part> parts = partsOf(gl.inputs.front());
  bool grouped = channelwise || prob.groups > 1;
  int64_t cg = is.c / info.groups, mg = os.c / info.groups;
  // A grouped convolution of a concatenation: one loop per part when each
  // group's input channels lie in one part, else one per group.
  bool aligned = llvm::all_of(parts, [&](Part pt) {
    return pt.offset % cg == 0 && pt.channels % cg == 0;
  });
  // A fully connected layer reads each part flattened, C*H*W channels of
  // one pixel.
  if (info.cls == LayerClass::Dense)
    for (Part pt : parts)
      if (!flatInput.count(pt.tensor)) {
        Value whole = lineBuf[pt.tensor];
        auto type = cast<MemRefType>(whole.getType());
        Value flat = memref::CollapseShapeOp::create(
            b, loc, whole, SmallVector<ReassociationIndices>{{0, 1, 2, 3}});
        flatInput[pt.tensor] = memref::ExpandShapeOp::create(
            b, loc,
            MemRefType::get({1, type.getNumElements(), 1, 1},
                            type.getElementType(), MemRefLayoutAttrInterface(),
                            type.getMemorySpace()),
            flat, SmallVector<ReassociationIndices>{{0, 1, 2, 3}});
      }
  // Under double buffering the first output channel's weights load ahead;
  // each channel then loads the next one's while it computes.
  pendingWeights.clear();
  if (em.doubleBuffer)
    pendingWeights = loadChannelWeights(l, em.idx(0), /*async=*/true);
  if (!grouped) {
    emitConvChannels(l, 0, os.c, parts, std::nullopt);
    return success();
  }
  if (!aligned) {
    for (int64_t g = 0; g < info.groups; ++g)
      emitConvChannels(l, g * mg, (g + 1) * mg, parts, std::nullopt, g);
    return success();
  }
  for (Part pt : parts)
    emitConvChannels(l, pt.offset / cg * mg,
                     (pt.offset + pt.channels) / cg * mg, parts, pt);
  return success();
}

void GroupLowering::emitConvChannels(int l, int64_t mBegin, int64_t mEnd,
                                     ArrayRef<Part> parts,
                                     std::optional<Part> groupPart,
                                     int64_t group) {
  const TensorShape &os = graph.tensors[graph.layers[l].output].shape;
  // One output channel at a time: its weights stream through SRAM; under
  // double buffering channel m's are in copy m % 2 and loaded during the
  // previous channel, the last channel of the range loading the next
  // range's first.
  if (em.doubleBuffer) {
    int64_t total = os.c;
    auto copyOf = [&](DenseMap<int, Value> &first, DenseMap<int, Value> &second,
                      Value m) {
      return first.count(l) ? channelCopy(first[l], second[l], m) : Value();
    };
    if (mEnd - mBegin > 1) {
      SmallVector<Value> init(pendingWeights);
      auto loop = scf::ForOp::create(b, loc, em.idx(mBegin), em.idx(mEnd - 1),
                                     em.idx(1), init);
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(loop.getBody());
      Value m = loop.getInductionVar();
      dma::WaitOp::create(b, loc, loop.getRegionIterArgs());
      SmallVector<Value> next =
          loadChannelWeights(l, em.add(m, 1), /*async=*/true);
      emitConvChannel(l, m, channelWeights(l, m, copyOf(wBuf, wBuf2, m)),
                      copyOf(bBuf, bBuf2, m), parts, groupPart, group);
      scf::YieldOp::create(b, loc, next);
      pendingWeights.assign(loop.getResults().begin(),
                            loop.getResults().end());
    }
    Value last = em.idx(mEnd - 1);
    dma::WaitOp::create(b, loc, pendingWeights);
    pendingWeights.clear();
    if (mEnd < total)
      pendingWeights = loadChannelWeights(l, em.idx(mEnd), /*async=*/true);
    emitConvChannel(l, last, channelWeights(l, last, copyOf(wBuf, wBuf2, last)),
                    copyOf(bBuf, bBuf2, last), parts, groupPart, group);
    return;
  }
  auto loop =
      scf::ForOp::create(b, loc, em.idx(mBegin), em.idx(mEnd), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value m = loop.getInductionVar();
  loadChannelWeights(l, m, /*async=*/false);
  emitConvChannel(l, m, channelWeights(l, m, wBuf[l]),
                  bBuf.count(l) ? bBuf[l] : Value(), parts, groupPart, group);
}

std::pair<Value, Value> GroupLowering::codedChannel(int l, Value m) {
  Value weight = cast<CnnLayerOpInterface>(layerOps[l]).getLayerWeight();
  Value table = em.codedChannels->lookup(weight);
  auto read = [&](Value i) {
    Value v = memref::LoadOp::create(b, loc, table, ValueRange{i});
    return arith::IndexCastOp::create(b, loc, b.getIndexType(), v).getResult();
  };
  Value begin = read(m), end = read(em.add(m, 1));
  return {begin, arith::SubIOp::create(b, loc, end, begin).getResult()};
}

Value GroupLowering::channelWeights(int l, Value m, Value copy) {
  if (!copy || !graph.layers[l].info.hasCompressedWeights())
    return copy;
  Value bytes = codedChannel(l, m).second;
  OpFoldResult one = em.fold(1);
  Value coded = memref::SubViewOp::create(b, loc, copy,
                                          ArrayRef<OpFoldResult>{em.fold(0)},
                                          ArrayRef<OpFoldResult>{bytes},
                                          ArrayRef<OpFoldResult>{one});
  dma::DecodeOp::create(b, loc, coded, decodedBuf[l],
                        b.getStringAttr("zrl-rice"));
  return decodedBuf[l];
}

Value GroupLowering::channelCopy(Value first, Value second, Value m) {
  if (std::optional<int64_t> k = getConstantIntValue(m))
    return *k % 2 ? second : first;
  Value odd = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne,
                                    em.rem(m, 2), em.idx(0));
  return arith::SelectOp::create(b, loc, odd, second, first);
}

SmallVector<Value> GroupLowering::loadChannelWeights(int l, Value m,
                                                     bool async) {
  // Output channel m's weights (and bias) into copy m % 2 of the buffers
  // (one copy without double buffering).
  auto conv = cast<CnnLayerOpInterface>(layerOps[l]);
  SmallVector<Value> tokens;
  auto into = [&](DenseMap<int, Value> &first, DenseMap<int, Value> &second) {
    return async ? channelCopy(first[l], second[l], m) : first[l];
  };
  auto transfer = [&](Value src, Value dst) {
    StringAttr kind = b.getStringAttr("weights");
    if (async)
      tokens.push_back(dma::LoadAsyncOp::create(b, loc, src, dst, kind));
    else
      dma::LoadOp::create(b, loc, src, dst, kind);
  };
  Value weight = conv.getLayerWeight();
  if (graph.layers[l].info.hasCompressedWeights()) {
    // The channel's coded bytes, at the offset its table gives.
    auto [offset, bytes] = codedChannel(l, m);
    OpFoldResult one = em.fold(1);
    transfer(memref::SubViewOp::create(b, loc, dram.lookup(weight),
                                       ArrayRef<OpFoldResult>{offset},
                                       ArrayRef<OpFoldResult>{bytes},
                                       ArrayRef<OpFoldResult>{one}),
             memref::SubViewOp::create(b, loc, into(wBuf, wBuf2),
                                       ArrayRef<OpFoldResult>{em.fold(0)},
                                       ArrayRef<OpFoldResult>{bytes},
                                       ArrayRef<OpFoldResult>{one}));
  } else {
    Value src = denseWeight.count(l) ? denseWeight[l] : dram.lookup(weight);
    auto wType = cast<MemRefType>(src.getType());
    transfer(em.subview(src,
                        {getAsOpFoldResult(m), em.fold(0), em.fold(0),
                         em.fold(0)},
                        {1, wType.getDimSize(1), wType.getDimSize(2),
                         wType.getDimSize(3)}),
             into(wBuf, wBuf2));
  }
  if (Value bias = conv.getLayerBias())
    transfer(em.subview(dram.lookup(bias), {getAsOpFoldResult(m)}, {1}),
             into(bBuf, bBuf2));
  return tokens;
}

void GroupLowering::emitConvChannel(int l, Value m, Value wChan, Value bChan,
                                    ArrayRef<Part> parts,
                                    std::optional<Part> groupPart,
                                    int64_t group) {
  const GraphLayer &gl = graph.layers[l];
  const LayerInfo &info = gl.info;
  auto conv = cast<CnnLayerOpInterface>(layerOps[l]);
  int out = gl.output;
  const TensorShape &os = graph.tensors[out].shape;
  const TensorShape &is = info.inputs.front();
  Type elem =
      cast<RankedTensorType>(conv->getResult(0).getType()).getElementType();
  bool isInt = isa<IntegerType>(elem);
  WindowDim rd{os.h,           0,   info.strideH, info.padTop, info.kernelH,
               info.dilationH, is.h};
  WindowDim cd{os.w,           0,   info.strideW, info.padLeft, info.kernelW,
               info.dilationW, is.w};
  // A fully connected layer: a 1x1 window over its flattened input, whose
  // channel k of part p is element k of the part's map.
  bool dense = info.cls == LayerClass::Dense;
  int64_t pixels = dense ? is.h * is.w : 1;
  if (dense)
    rd = cd = WindowDim{1, 0, 1, 0, 1, 1, 1};
  TileShape rs = windowSpanShape(rd, 0, os.h);
  TileShape cs = windowSpanShape(cd, 0, os.w);
  auto strides = b.getI64TensorAttr({rd.stride, cd.stride});
  auto dilations = b.getI64TensorAttr({rd.dilation, cd.dilation});
  int64_t cg = is.c / info.groups, mg = os.c / info.groups;
  Value outChan =
      em.subview(lineBuf[out],
                 {em.fold(0), getAsOpFoldResult(m), em.fold(0), em.fold(0)},
                 {1, 1, os.h, os.w});
  Value accChan = isInt ? acc[out] : outChan;
  Type accElem = cast<MemRefType>(accChan.getType()).getElementType();
  linalg::FillOp::create(b, loc, zeroOf(b, loc, accElem), accChan);
  // The input channels this output channel reads, in the part that holds
  // its group.
  Value c0;
  if (groupPart)
    c0 = arith::SubIOp::create(
        b, loc,
        arith::MulIOp::create(
            b, loc, arith::DivUIOp::create(b, loc, m, em.idx(mg)),
            em.idx(cg)),
        em.idx(groupPart->offset));
  int64_t rowCl = rs.inRel, colCl = cs.inRel;
  forEachBandPair(rs, cs, rd, cd, [&](const BandPair &bp) {
    Value a = em.subview(
        accChan,
        {em.fold(0), em.fold(0), em.fold(bp.rows.o0), em.fold(bp.cols.o0)},
        {1, 1, bp.outR, bp.outC});
    auto input = [&](int t, OpFoldResult ch, int64_t n) {
      return em.subview(dense ? flatInput[t] : lineBuf[t],
                        {em.fold(0), ch, em.fold(rowCl + bp.rows.in),
                         em.fold(colCl + bp.cols.in)},
                        {1, n, bp.inR, bp.inC});
    };
    // The weight buffer holds one output channel: m0 = 0 in it.
    if (c0) {
      emitBandOp(em, WindowReduction::MultiplyAccumulate,
                 /*channelwise=*/false, input(groupPart->tensor, c0, cg), wChan,
                 em.fold(0), 1, em.fold(0), cg, a, bp, elem, strides,
                 dilations);
      return;
    }
    // Every input channel (group < 0), or those of group `group`, from the
    // parts that hold them.
    int64_t cLo = group < 0 ? 0 : group * cg;
    int64_t cHi = group < 0 ? is.c * pixels : (group + 1) * cg;
    for (Part pt : parts) {
      int64_t first = pt.offset * pixels;
      int64_t lo = std::max(cLo, first);
      int64_t hi = std::min(cHi, first + pt.channels * pixels);
      if (lo >= hi)
        continue;
      emitBandOp(em, WindowReduction::MultiplyAccumulate,
                 /*channelwise=*/false,
                 input(pt.tensor, em.fold(lo - first), hi - lo), wChan,
                 em.fold(0), 1, em.fold(lo - cLo), hi - lo, a, bp, elem,
                 strides, dilations);
    }
  });
  int64_t shift = requantShift(info);
  Activation act = conv.getFusedActivation();
  emitLayerEnd(b, loc, accChan, bChan, outChan, isInt, shift, act);
}

} // namespace mlir::cnn::lower_to_dma

namespace mlir::cnn::lower_to_dma {

void GroupLowering::computeGlobalPoolResident(int l) {
  const GraphLayer &gl = graph.layers[l];
  int out = gl.output;
  const TensorShape &is = gl.info.inputs.front();
  // Each part's channels summed into their sums (the output itself for
  // floats, i32 registers for integers), rows then columns, then divided.
  Value sums = acc.count(out) ? acc[out] : lineBuf[out];
  Type sumElem = cast<MemRefType>(sums.getType()).getElementType();
  linalg::FillOp::create(b, loc, zeroOf(b, loc, sumElem), sums);
  for (Part pt : partsOf(gl.inputs.front()))
    emitSumInto(em, lineBuf[pt.tensor],
                em.subview(sums,
                           {em.fold(0), em.fold(pt.offset), em.fold(0),
                            em.fold(0)},
                           {1, pt.channels, 1, 1}));
  emitMean(em, sums, lineBuf[out], is.h * is.w);
}

void GroupLowering::computeSoftmaxResident(int l) {
  const GraphLayer &gl = graph.layers[l];
  int out = gl.output;
  const TensorShape &os = graph.tensors[out].shape;
  Type elem = cast<MemRefType>(lineBuf[out].getType()).getElementType();
  Type f = isa<IntegerType>(elem) ? Type(b.getF32Type()) : elem;
  // The running maximum and sum are registers.
  Value scalar = memref::AllocaOp::create(b, loc, MemRefType::get({2}, f));
  std::vector<Part> parts = partsOf(gl.inputs.front());
  auto rows = scf::ForOp::create(b, loc, em.idx(0), em.idx(os.h), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(rows.getBody());
  auto cols = scf::ForOp::create(b, loc, em.idx(0), em.idx(os.w), em.idx(1));
  b.setInsertionPointToStart(cols.getBody());
  Value r = rows.getInductionVar(), col = cols.getInductionVar();
  auto pixel = [&](Value buf, int64_t c) {
    return em.subview(buf, {em.fold(0), em.fold(0), r, col}, {1, c, 1, 1});
  };
  SmallVector<ChannelSpan> spans;
  for (Part pt : parts)
    spans.push_back({pixel(lineBuf[pt.tensor], pt.channels), pt.offset,
                     pt.channels});
  emitSoftmaxPixel(em, spans, pixel(lineBuf[out], os.c), scalar);
}

} // namespace mlir::cnn::lower_to_dma
