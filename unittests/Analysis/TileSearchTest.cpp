//===- TileSearchTest.cpp - The tiling search against brute force ---------===//

#include "cnn/Analysis/TileSearch.h"

#include "gtest/gtest.h"

#include <random>
#include <set>

using namespace mlir::cnn;

namespace {

LayerInfo makeConv(int64_t c, int64_t h, int64_t w, int64_t m, int64_t k,
                   int64_t stride, int64_t pad, int64_t groups,
                   int64_t elemBytes, bool bias, int64_t dilation = 1) {
  LayerInfo l;
  int64_t reff = (k - 1) * dilation + 1;
  int64_t e = (h + 2 * pad - reff) / stride + 1;
  int64_t f = (w + 2 * pad - reff) / stride + 1;
  l.inputs = {{c, h, w, elemBytes}};
  l.output = {m, e, f, elemBytes};
  l.kernelH = l.kernelW = k;
  l.strideH = l.strideW = stride;
  l.padTop = l.padBottom = l.padLeft = l.padRight = pad;
  l.dilationH = l.dilationW = dilation;
  l.groups = groups;
  l.weightElements = m * (c / groups) * k * k;
  l.weightBytes = l.weightElements * elemBytes;
  if (bias) {
    l.biasElements = m;
    l.biasBytes = m * (elemBytes == 1 || elemBytes == 2 ? 4 : elemBytes);
  }
  describeConvolution(l);
  return l;
}

// The worked example of the cost model: VGG16 conv4_2, i8, 512x28x28 ->
// 512x28x28, 3x3, pad 1, no bias. At 256 KiB: tm=6, tc=512, te=28, tf=14,
// order e,f,m: weights read twice (4,718,592), input with its halo
// (28 rows x (15+15) columns x 512 = 430,080), output 401,408.
TEST(TileSearch, Vgg16Conv4_2At256KiB) {
  TileProblem p = getTileProblem(makeConv(512, 28, 28, 512, 3, 1, 1, 1, 1, false));
  std::optional<TileChoice> c = searchTiling(p, 262144);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->traffic.total(), 5550080);
  EXPECT_EQ(c->traffic.weights, 4718592);
  EXPECT_EQ(c->traffic.input, 430080);
  EXPECT_EQ(c->traffic.output, 401408);
  EXPECT_EQ(c->tiling.tm, 6);
  EXPECT_EQ(c->tiling.tc, 512);
  EXPECT_EQ(c->tiling.te, 28);
  EXPECT_EQ(c->tiling.tf, 14);
  EXPECT_EQ(c->tiling.order, LoopOrder::EFM);
  // Buffers: input 28 x 16 x 512 = 229,376; weights 6*512*9 = 27,648;
  // output 6*28*14 = 2,352.
  EXPECT_EQ(c->bufferBytes, 229376 + 27648 + 2352);
}

// At 1 MiB every tensor moves exactly once: 2,359,296 + 401,408 * 2.
TEST(TileSearch, Vgg16Conv4_2At1MiB) {
  TileProblem p = getTileProblem(makeConv(512, 28, 28, 512, 3, 1, 1, 1, 1, false));
  std::optional<TileChoice> c = searchTiling(p, 1 << 20);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->traffic.total(), 3162112);
}

TEST(TileSearch, Candidates) {
  for (int64_t n = 1; n <= 300; ++n) {
    std::set<int64_t> expected;
    for (int64_t k = 1; k <= n; ++k)
      expected.insert((n + k - 1) / k);
    std::vector<int64_t> got = getTileCandidates(n);
    EXPECT_EQ(std::vector<int64_t>(expected.begin(), expected.end()), got)
        << "n = " << n;
  }
}

TEST(TileSearch, TooSmallSramHasNoTiling) {
  TileProblem p = getTileProblem(makeConv(16, 8, 8, 16, 3, 1, 1, 1, 1, true));
  int64_t need = getMinimumSramBytes(p);
  EXPECT_FALSE(searchTiling(p, need - 1));
  EXPECT_TRUE(searchTiling(p, need));
}

/// A random small layer of a tiled kind: convolution, grouped convolution,
/// depthwise convolution, pool or fully connected.
LayerInfo randomLayer(std::mt19937_64 &rng) {
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  for (;;) {
    int kind = pick(0, 4);
    int64_t elem = std::array<int64_t, 3>{1, 2, 4}[pick(0, 2)];
    LayerInfo l;
    if (kind == 0 || kind == 1) { // convolution, grouped convolution
      int64_t groups = kind == 1 ? pick(2, 3) : 1;
      int64_t c = groups * pick(1, 6), m = groups * pick(1, 6);
      int64_t k = pick(1, 3), stride = pick(1, 2), pad = pick(0, k - 1);
      int64_t h = pick(k, 12), w = pick(k, 12);
      l = makeConv(c, h, w, m, k, stride, pad, groups, elem, pick(0, 1),
                   pick(1, 2));
      if (l.output.h < 1 || l.output.w < 1)
        continue;
    } else if (kind == 2) { // depthwise
      int64_t c = pick(1, 12), k = pick(1, 3);
      l = makeConv(c, pick(k, 12), pick(k, 12), c, k, pick(1, 2),
                   pick(0, k - 1), c, elem, pick(0, 1));
    } else if (kind == 3) { // pool
      int64_t c = pick(1, 12), k = pick(2, 3), stride = pick(1, 2);
      l = makeConv(c, pick(k, 12), pick(k, 12), c, k, stride, 0, c, elem,
                   false);
      l.weightElements = l.weightBytes = 0;
      describePool(l, pick(0, 1) ? "max_pool" : "avg_pool");
    } else { // fully connected
      l.inputs = {{pick(1, 4), pick(1, 4), pick(1, 4), elem}};
      l.output = {pick(1, 40), 1, 1, elem};
      l.weightElements = l.output.c * l.inputs[0].elements();
      l.weightBytes = l.weightElements * elem;
      describeDense(l);
    }
    return l;
  }
}

/// A random tiling of `p` in loop order `order`: each tile one of its
/// dimension's candidates.
Tiling randomTiling(const TileProblem &p, std::mt19937_64 &rng,
                    LoopOrder order) {
  auto pickFrom = [&](const std::vector<int64_t> &v) {
    return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
  };
  Tiling t;
  t.tm = pickFrom(getTileCandidates(p.m));
  t.te = pickFrom(getTileCandidates(p.e));
  t.tf = pickFrom(getTileCandidates(p.f));
  t.tc = p.cls == TilingClass::Conv ? pickFrom(getTileCandidates(p.c)) : t.tm;
  t.order = order;
  return t;
}

/// Targets that change plans: DMA bursts, double buffering, both.
std::vector<TargetDesc> planningTargets() {
  TargetDesc plain, burst, overlap, both;
  burst.dmaAlignBytes = 16;
  overlap.dmaOverlap = true;
  overlap.macsPerCycle = 4;
  overlap.dramBytesPerCycle = 2;
  both = overlap;
  both.dmaAlignBytes = 8;
  return {plain, burst, overlap, both};
}

/// Compares the search with the enumeration of every tiling on `p` at SRAM
/// sizes around its smallest and largest tile; returns how many sizes fit.
/// Compressed weights always tile whole input channels.
int expectSearchMatchesBruteForce(const TileProblem &p, int iter,
                                  std::mt19937_64 &rng) {
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  int compared = 0;
  int64_t need = getMinimumSramBytes(p);
  Tiling whole{p.m, p.e, p.f, p.cls == TilingClass::Conv ? p.c : p.m,
               LoopOrder::MEF};
  int64_t all = getTileFitBytes(p, whole);
  for (int64_t s : {need - 1, need, pick(need, all), pick(need, all), all}) {
    std::optional<TileChoice> fast = searchTiling(p, s);
    std::optional<TileChoice> slow = searchTilingBruteForce(p, s);
    EXPECT_EQ(fast.has_value(), slow.has_value()) << "iter " << iter;
    EXPECT_EQ(fast.has_value(), s >= need) << "iter " << iter;
    if (!fast || !slow)
      continue;
    ++compared;
    if (p.weightOffsets && p.cls == TilingClass::Conv)
      EXPECT_EQ(fast->tiling.tc, p.c) << "iter " << iter;
    EXPECT_EQ(fast->traffic.total(), slow->traffic.total()) << "iter " << iter;
    EXPECT_EQ(fast->cycles.estimated, slow->cycles.estimated)
        << "iter " << iter;
    EXPECT_EQ(fast->tiles, slow->tiles) << "iter " << iter;
    EXPECT_EQ(fast->tiling.tm, slow->tiling.tm) << "iter " << iter;
    EXPECT_EQ(fast->tiling.te, slow->tiling.te) << "iter " << iter;
    EXPECT_EQ(fast->tiling.tf, slow->tiling.tf) << "iter " << iter;
    EXPECT_EQ(fast->tiling.tc, slow->tiling.tc) << "iter " << iter;
    EXPECT_EQ(fast->tiling.order, slow->tiling.order) << "iter " << iter;
  }
  return compared;
}

/// Random small layers of every tiled kind on every kind of target: the
/// pruned search and the enumeration of every tiling agree exactly
/// (traffic, cycles and tie-break).
TEST(TileSearch, MatchesBruteForceOnRandomLayers) {
  std::mt19937_64 rng(20261125);
  int compared = 0;
  std::vector<TargetDesc> targets = planningTargets();
  for (int iter = 0; iter < 600; ++iter) {
    LayerInfo l = randomLayer(rng);
    TileProblem p = getTileProblem(l);
    setTarget(p, targets[iter % targets.size()]);
    compared += expectSearchMatchesBruteForce(p, iter, rng);
    if (HasFailure())
      return;
  }
  EXPECT_GT(compared, 1000);
}

/// Gives a layer with weights random per-output-channel compressed sizes
/// (coded weights): some channels shrink, some do not.
void compressRandomly(LayerInfo &l, std::mt19937_64 &rng) {
  int64_t channels = l.output.c;
  int64_t raw = l.weightBytes / channels;
  auto offsets = std::make_shared<std::vector<int64_t>>(1, 0);
  // Runs of big and small channels make the largest tile jump with tm.
  bool big = false;
  for (int64_t j = 0; j < channels; ++j) {
    if (rng() % 3 == 0)
      big = !big;
    int64_t lo = big ? raw : 2, hi = big ? raw + 2 : std::max<int64_t>(2, raw / 4);
    offsets->push_back(offsets->back() +
                       std::uniform_int_distribution<int64_t>(lo, hi)(rng));
  }
  l.compressedWeightBytes = offsets->back();
  l.weightOffsets = offsets;
}

/// The same with compressed weights, whose tiles are whole output channels
/// of unequal sizes (so the largest tile need not grow with tm): the search
/// still finds exactly the enumeration's best, always with tc = c.
TEST(TileSearch, MatchesBruteForceWithCompressedWeights) {
  std::mt19937_64 rng(20261207);
  int compared = 0;
  std::vector<TargetDesc> targets = planningTargets();
  for (int iter = 0; iter < 1500; ++iter) {
    LayerInfo l = randomLayer(rng);
    if (!l.hasWeights())
      continue;
    compressRandomly(l, rng);
    TileProblem p = getTileProblem(l);
    setTarget(p, targets[iter % targets.size()]);
    compared += expectSearchMatchesBruteForce(p, iter, rng);
    if (HasFailure())
      return;
  }
  EXPECT_GT(compared, 800);
}

/// A layer alone with coded weights reads them raw exactly when the raw
/// plan is better (or the coded one does not fit), so compression never
/// costs a layer alone traffic or feasibility.
TEST(TileSearch, CodedWeightsFallBackToRaw) {
  std::mt19937_64 rng(20261208);
  int fellBack = 0, kept = 0;
  for (int iter = 0; iter < 400; ++iter) {
    LayerInfo l = randomLayer(rng);
    if (!l.hasWeights())
      continue;
    LayerInfo coded = l;
    compressRandomly(coded, rng);
    TileProblem p = getTileProblem(coded), raw = getTileProblem(l);
    TargetDesc target = planningTargets()[iter % 4];
    setTarget(p, target);
    setTarget(raw, target);
    int64_t lo = std::min(getMinimumSramBytes(p), getMinimumSramBytes(raw));
    for (int64_t s : {lo - 1, lo, 2 * lo, 8 * lo}) {
      target.sramBytes = s;
      setTarget(p, target);
      setTarget(raw, target);
      LayerPlan plan = planLayerAlone(coded, target);
      std::optional<TileChoice> c = searchTiling(p, s), r = searchTiling(raw, s);
      ASSERT_EQ(plan.fits, c.has_value() || r.has_value()) << "iter " << iter;
      if (!plan.fits) {
        EXPECT_EQ(plan.need, lo) << "iter " << iter;
        continue;
      }
      bool useRaw = r && (!c || isBetterChoice(*r, *c));
      EXPECT_EQ(plan.choice->rawWeights, useRaw) << "iter " << iter;
      const TileChoice &best = useRaw ? *r : *c;
      EXPECT_EQ(plan.traffic.total(), best.traffic.total()) << "iter " << iter;
      if (r)
        EXPECT_LE(plan.traffic.total(), r->traffic.total()) << "iter " << iter;
      (useRaw ? fellBack : kept)++;
    }
  }
  EXPECT_GT(fellBack, 20);
  EXPECT_GT(kept, 20);
}

/// Compressed weights by steps: a tile's weights are its channels' exact
/// bytes, each transfer rounded to bursts on its own; without bursts the
/// steps add up to the closed form (every tile loads equally often).
TEST(TileSearch, CompressedStepsAddUpToTheClosedForm) {
  std::mt19937_64 rng(8);
  int checked = 0;
  for (int iter = 0; iter < 400; ++iter) {
    LayerInfo l = randomLayer(rng);
    if (!l.hasWeights())
      continue;
    compressRandomly(l, rng);
    TileProblem p = getTileProblem(l);
    auto pickFrom = [&](const std::vector<int64_t> &v) {
      return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
    };
    Tiling t;
    t.tm = pickFrom(getTileCandidates(p.m));
    t.te = pickFrom(getTileCandidates(p.e));
    t.tf = pickFrom(getTileCandidates(p.f));
    t.tc = p.cls == TilingClass::Conv ? p.c : t.tm;
    t.order = kAllLoopOrders[iter % kAllLoopOrders.size()];
    Traffic closed = getTilingTraffic(p, t);
    Traffic steps = getTilingTrafficBySteps(p, t);
    EXPECT_EQ(steps.weights, closed.weights) << "iter " << iter;
    EXPECT_EQ(steps.input, closed.input) << "iter " << iter;
    // Every tile of output channels loads the same number of times, so
    // the weights are a whole number of passes over the stored bytes and
    // the biases.
    int64_t pass = l.compressedWeightBytes + l.biasBytes;
    EXPECT_EQ(closed.weights % pass, 0) << "iter " << iter;
    ++checked;
  }
  EXPECT_GT(checked, 200);
}

/// Summing the transfers step by step (one step per tile, a tensor loaded
/// where the loop nest reloads it) gives the model's closed-form traffic,
/// and the steps' compute adds up to the layer's MACs.
TEST(TileSearch, StepsAddUpToTheClosedForm) {
  std::mt19937_64 rng(7);
  int checked = 0;
  for (int iter = 0; iter < 400; ++iter) {
    LayerInfo l = randomLayer(rng);
    TileProblem p = getTileProblem(l);
    Tiling t = randomTiling(p, rng, kAllLoopOrders[iter % kAllLoopOrders.size()]);
    Traffic closed = getTilingTraffic(p, t);
    Traffic steps = getTilingTrafficBySteps(p, t);
    EXPECT_EQ(steps.input, closed.input) << "iter " << iter;
    EXPECT_EQ(steps.weights, closed.weights) << "iter " << iter;
    EXPECT_EQ(steps.output, closed.output) << "iter " << iter;
    // Without overlap: compute (the layer's MACs) plus DMA; with overlap
    // the estimate lies between the larger part and the sum.
    Cycles c = getTilingCycles(p, t);
    double macs = static_cast<double>(l.macs());
    EXPECT_DOUBLE_EQ(c.compute, macs / p.target.macsPerCycle);
    EXPECT_DOUBLE_EQ(c.estimated, c.compute + c.dma);
    p.target.dmaOverlap = true;
    Cycles o = getTilingCycles(p, t);
    EXPECT_NEAR(o.compute, macs / p.target.macsPerCycle, 1e-6);
    EXPECT_NEAR(o.dma, closed.total() / p.target.dramBytesPerCycle, 1e-6);
    EXPECT_GE(o.estimated + 1e-9, std::max(o.compute, o.dma));
    EXPECT_LE(o.estimated, o.compute + o.dma + 1e-9);
    ++checked;
  }
  EXPECT_EQ(checked, 400);
}

/// Cycles of a tiling under DMA overlap, simulated tile by tile: the tiles
/// in the loop nest's order (groups outermost), each tensor loaded when an
/// index of its loop or of a loop outside it changes (the loop of a tensor:
/// the innermost with more than one trip it depends on), the output stored
/// after its last input-channel tile. The innermost loop with more than
/// one trip is pipelined: per pass over it, its first tile's loads, then
/// per tile the larger of its compute and the next tile's loads with the
/// previous tile's stores, then the last tile's stores.
double simulatePipelinedCycles(const TileProblem &p, const Tiling &t) {
  bool conv = p.cls == TilingClass::Conv;
  // Loop dimensions: 0 m, 1 e, 2 f, 3 c.
  std::vector<int> order;
  for (const char *c = getLoopOrderName(t.order); *c; ++c)
    order.push_back(*c == 'm' ? 0 : *c == 'e' ? 1 : 2);
  if (conv)
    order.push_back(3);
  std::array<int64_t, 4> size = {p.m, p.e, p.f, p.c},
                         tile = {t.tm, t.te, t.tf, conv ? t.tc : p.c};
  std::array<int64_t, 4> trips;
  for (int d = 0; d < 4; ++d)
    trips[d] = (size[d] + tile[d] - 1) / tile[d];
  if (!conv)
    trips[3] = 1;
  auto loopOf = [&](std::set<int> deps) {
    int at = -1;
    for (size_t i = 0; i < order.size(); ++i)
      if (trips[order[i]] > 1 && deps.count(order[i]))
        at = static_cast<int>(i);
    return at;
  };
  int inLoop = conv ? loopOf({1, 2, 3}) : loopOf({0, 1, 2});
  int wLoop = conv ? loopOf({0, 3}) : loopOf({0});
  int pipe = loopOf({0, 1, 2, 3});
  const TargetDesc &target = p.target;
  auto extent = [](int64_t o0, int64_t o1, int64_t stride, int64_t pad,
                   int64_t window, int64_t in) {
    int64_t lo = std::max<int64_t>(o0 * stride - pad, 0);
    int64_t hi = std::min<int64_t>(o1 * stride - pad + window - 1, in - 1);
    return std::max<int64_t>(hi - lo + 1, 0);
  };
  struct Tile {
    std::vector<int64_t> outer; // group and every index but the pipe's
    double macs;
    int64_t loads, stores;
  };
  std::vector<Tile> tiles;
  std::vector<int64_t> prev;
  std::vector<int64_t> idx(order.size(), 0);
  for (int64_t g = 0; g < p.groups; ++g) {
    for (int64_t n = 0;; ++n) {
      // Indices of the loops, outermost first, from the tile's number.
      int64_t rest = n;
      for (int i = static_cast<int>(order.size()) - 1; i >= 0; --i) {
        idx[i] = rest % trips[order[i]];
        rest /= trips[order[i]];
      }
      if (rest)
        break;
      std::array<int64_t, 4> i0{}, sz{};
      for (size_t i = 0; i < order.size(); ++i) {
        i0[order[i]] = idx[i] * tile[order[i]];
        sz[order[i]] = std::min(tile[order[i]], size[order[i]] - i0[order[i]]);
      }
      if (!conv) {
        i0[3] = 0;
        sz[3] = p.c;
      }
      auto changed = [&](int loop) {
        if (n == 0)
          return true;
        for (int i = 0; i <= loop; ++i)
          if (idx[i] != prev[i])
            return true;
        return false;
      };
      Tile tl;
      tl.outer.push_back(g);
      for (size_t i = 0; i < order.size(); ++i)
        if (static_cast<int>(i) != pipe)
          tl.outer.push_back(idx[i]);
      tl.macs = double(sz[0] * sz[1] * sz[2] * p.macsPerTap * (conv ? sz[3] : 1));
      tl.loads = tl.stores = 0;
      if (changed(inLoop)) {
        int64_t rows = extent(i0[1], i0[1] + sz[1] - 1, p.strideH, p.padTop,
                              p.effectiveKernelH(), p.h);
        int64_t cols = extent(i0[2], i0[2] + sz[2] - 1, p.strideW, p.padLeft,
                              p.effectiveKernelW(), p.w);
        tl.loads += target.alignTransfer(rows * cols * (conv ? sz[3] : sz[0]) *
                                         p.elemBytes);
      }
      if (p.groupWeightBytes > 0 && changed(wLoop)) {
        int64_t w = conv ? (p.groupWeightBytes * sz[0] * sz[3] + p.m * p.c - 1) /
                               (p.m * p.c)
                         : (p.groupWeightBytes * sz[0] + p.m - 1) / p.m;
        tl.loads += target.alignTransfer(w);
        if (i0[3] == 0)
          tl.loads += target.alignTransfer(sz[0] * p.biasBytesPerChannel);
      }
      if (i0[3] + sz[3] == p.c)
        tl.stores = target.alignTransfer(sz[0] * sz[1] * sz[2] * p.elemBytes);
      tiles.push_back(tl);
      prev = idx;
    }
  }
  double cycles = 0;
  auto dma = [&](int64_t bytes) { return target.dmaCycles(bytes); };
  for (size_t a = 0; a < tiles.size();) {
    size_t b = a;
    while (b < tiles.size() && tiles[b].outer == tiles[a].outer)
      ++b;
    cycles += dma(tiles[a].loads);
    for (size_t i = a; i < b; ++i)
      cycles += std::max(target.computeCycles(tiles[i].macs),
                         dma((i + 1 < b ? tiles[i + 1].loads : 0) +
                             (i > a ? tiles[i - 1].stores : 0)));
    cycles += dma(tiles[b - 1].stores);
    a = b;
  }
  return cycles;
}

/// Under DMA overlap the model's cycles are those of the pipelined program,
/// simulated tile by tile, on random layers and tilings (with and without
/// bursts, raw weights).
TEST(TileSearch, PipelinedCyclesMatchASimulation) {
  std::mt19937_64 rng(12);
  std::vector<TargetDesc> targets = planningTargets();
  int checked = 0;
  for (int iter = 0; iter < 800; ++iter) {
    LayerInfo l = randomLayer(rng);
    TileProblem p = getTileProblem(l);
    setTarget(p, targets[2 + iter % 2]);
    ASSERT_TRUE(p.target.dmaOverlap);
    Tiling t = randomTiling(p, rng, kAllLoopOrders[iter % kAllLoopOrders.size()]);
    double expected = simulatePipelinedCycles(p, t);
    Cycles got = getTilingCycles(p, t);
    EXPECT_NEAR(got.estimated, expected, 1e-6 * std::max(1.0, expected))
        << "iter " << iter;
    if (HasFailure())
      return;
    ++checked;
  }
  EXPECT_EQ(checked, 800);
}

/// Bursts round each transfer up: the chain layer of the lit tests (4x8x8
/// i8, 3x3, pad 1, 4 output channels, no bias) in one tile moves its input
/// (256 bytes), weights (144) and output (256) as one transfer each; with
/// 64-byte bursts the weights take 192. In 2x2 row tiles of 4 rows (te = 4)
/// each input tile reads 5 rows of 8 columns x 4 channels = 160 bytes ->
/// 192, twice; each output tile 128 bytes, twice.
TEST(TileSearch, BurstsRoundEachTransferUp) {
  TileProblem p = getTileProblem(makeConv(4, 8, 8, 4, 3, 1, 1, 1, 1, false));
  TargetDesc t;
  t.dmaAlignBytes = 64;
  setTarget(p, t);
  Traffic one = getTilingTraffic(p, Tiling{4, 8, 8, 4, LoopOrder::MEF});
  EXPECT_EQ(one.input, 256);
  EXPECT_EQ(one.weights, 192);
  EXPECT_EQ(one.output, 256);
  Traffic rows = getTilingTraffic(p, Tiling{4, 4, 8, 4, LoopOrder::EMF});
  EXPECT_EQ(rows.input, 2 * 192);
  EXPECT_EQ(rows.weights, 192);
  EXPECT_EQ(rows.output, 2 * 128);
}

/// Double buffering counts the tile buffers twice in the fit.
TEST(TileSearch, DoubleBufferingHalvesTheSram) {
  TileProblem p = getTileProblem(makeConv(16, 8, 8, 16, 3, 1, 1, 1, 1, true));
  int64_t single = getMinimumSramBytes(p);
  TargetDesc t;
  t.dmaOverlap = true;
  setTarget(p, t);
  EXPECT_EQ(getMinimumSramBytes(p), 2 * single);
  EXPECT_FALSE(searchTiling(p, 2 * single - 1));
  std::optional<TileChoice> c = searchTiling(p, 2 * single);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->bufferBytes, 2 * single);
}

} // namespace
