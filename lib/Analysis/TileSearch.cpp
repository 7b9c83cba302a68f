//===- TileSearch.cpp - Per-layer tiling under an SRAM budget --*- C++ -*-===//

#include "cnn/Analysis/TileSearch.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <tuple>

using namespace mlir::cnn;

static int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

const char *mlir::cnn::getLoopOrderName(LoopOrder order) {
  switch (order) {
  case LoopOrder::MEF:
    return "mef";
  case LoopOrder::MFE:
    return "mfe";
  case LoopOrder::EMF:
    return "emf";
  case LoopOrder::EFM:
    return "efm";
  case LoopOrder::FME:
    return "fme";
  case LoopOrder::FEM:
    return "fem";
  }
  return "mef";
}

std::optional<LoopOrder> mlir::cnn::parseLoopOrder(const char *name) {
  for (LoopOrder o : kAllLoopOrders)
    if (std::strcmp(name, getLoopOrderName(o)) == 0)
      return o;
  return std::nullopt;
}

TileProblem mlir::cnn::getTileProblem(const LayerInfo &layer) {
  TileProblem p;
  const TensorShape &out = layer.output;
  p.elemBytes = out.elemBytes;
  switch (layer.cls) {
  case LayerClass::Convolution:
  case LayerClass::Pool: {
    const TensorShape &in = layer.inputs.front();
    bool channelwise = layer.cls == LayerClass::Pool ||
                       (layer.groups == in.c && out.c == in.c);
    p.cls = channelwise ? TilingClass::Channelwise : TilingClass::Conv;
    p.groups = channelwise ? 1 : layer.groups;
    p.c = channelwise ? in.c : in.c / layer.groups;
    p.m = channelwise ? out.c : out.c / layer.groups;
    p.h = in.h;
    p.w = in.w;
    p.e = out.h;
    p.f = out.w;
    p.kernelH = layer.kernelH;
    p.kernelW = layer.kernelW;
    p.strideH = layer.strideH;
    p.strideW = layer.strideW;
    p.padTop = layer.padTop;
    p.padLeft = layer.padLeft;
    p.dilationH = layer.dilationH;
    p.dilationW = layer.dilationW;
    p.macsPerTap = layer.cls == LayerClass::Convolution
                       ? layer.kernelH * layer.kernelW
                       : 0;
    break;
  }
  case LayerClass::Dense:
    p.cls = TilingClass::Conv;
    p.c = layer.inputs.front().elements();
    p.h = p.w = p.e = p.f = 1;
    p.m = out.c;
    p.macsPerTap = 1;
    break;
  case LayerClass::Stream:
  case LayerClass::View:
    p.cls = TilingClass::Untiled;
    return p;
  }
  p.groupWeightBytes = layer.storedWeightBytes() / p.groups;
  // Pools have no weights; a depthwise layer's channels are its weight's.
  if (layer.hasWeights())
    p.weightOffsets = layer.weightOffsets;
  p.biasBytesPerChannel =
      layer.biasElements ? layer.biasBytes / layer.biasElements : 0;
  return p;
}

void mlir::cnn::setTarget(TileProblem &p, const TargetDesc &target) {
  p.target = target;
  p.fmPercent = target.fmPercent;
}

std::vector<int64_t> mlir::cnn::getTileCandidates(int64_t n) {
  // ceil(n/k) takes each value v <= sqrt(n) and the values ceil(n/k) for
  // k <= sqrt(n); walking k by the next k that changes the value visits each
  // distinct value once.
  std::vector<int64_t> values;
  for (int64_t k = 1; k <= n;) {
    int64_t v = ceilDiv(n, k);
    values.push_back(v);
    if (v == 1)
      break;
    // Smallest k' with ceil(n/k') < v is the smallest k' with n <= (v-1)*k'.
    k = ceilDiv(n, v - 1);
  }
  std::reverse(values.begin(), values.end());
  return values;
}

TileLoopNest mlir::cnn::getTileLoopNest(const TileProblem &p,
                                        const Tiling &t) {
  TileLoopNest nest;
  nest.trips = {ceilDiv(p.m, t.tm), ceilDiv(p.e, t.te), ceilDiv(p.f, t.tf), 1};
  for (const char *c = getLoopOrderName(t.order); *c; ++c)
    nest.dims[nest.size++] = *c == 'm'   ? TileLoopNest::M
                             : *c == 'e' ? TileLoopNest::E
                                         : TileLoopNest::F;
  bool conv = p.cls == TilingClass::Conv;
  if (conv) {
    nest.trips[TileLoopNest::C] = ceilDiv(p.c, t.tc);
    nest.dims[nest.size++] = TileLoopNest::C;
  }
  using D = TileLoopNest::Dim;
  nest.inputLoop = conv ? nest.innermost({D::E, D::F, D::C})
                        : nest.innermost({D::M, D::E, D::F});
  nest.weightLoop = conv ? nest.innermost({D::M, D::C})
                         : nest.innermost({D::M});
  return nest;
}

/// The dimensions of `deps` as a bit set (the search calls these in its
/// inner loop).
static unsigned maskOf(std::initializer_list<TileLoopNest::Dim> deps) {
  unsigned mask = 0;
  for (TileLoopNest::Dim d : deps)
    mask |= 1u << d;
  return mask;
}

int TileLoopNest::innermost(std::initializer_list<Dim> deps) const {
  unsigned mask = maskOf(deps);
  int inner = -1;
  for (int i = 0; i < size; ++i)
    if (trip(i) > 1 && (mask >> dims[i] & 1))
      inner = i;
  return inner;
}

int64_t TileLoopNest::reloadFactor(std::initializer_list<Dim> deps) const {
  unsigned mask = maskOf(deps);
  int inner = innermost(deps);
  int64_t factor = 1;
  for (int i = 0; i < inner; ++i)
    if (trip(i) > 1 && !(mask >> dims[i] & 1))
      factor *= trip(i);
  return factor;
}

bool mlir::cnn::isBetterChoice(const TileChoice &a, const TileChoice &b) {
  auto key = [](const TileChoice &c) {
    return std::make_tuple(c.traffic.total(), c.cycles.estimated, c.tiles,
                           -c.tiling.te,
                           -c.tiling.tf, -c.tiling.tc, -c.tiling.tm,
                           static_cast<int>(c.tiling.order));
  };
  return key(a) < key(b);
}

int64_t mlir::cnn::getMinimumSramBytes(const TileProblem &p) {
  if (p.cls == TilingClass::Untiled)
    return 0;
  Tiling t;
  // With tc = 1 < c the output tile holds 32-bit partial sums; tc = c may
  // need less (one element of b bytes) when the input tile is small, so the
  // minimum is the smaller of the two.
  int64_t need = p.weightOffsets && p.cls == TilingClass::Conv
                    ? INT64_MAX
                    : getTileFitBytes(p, t);
  if (p.cls == TilingClass::Conv) {
    Tiling whole = t;
    whole.tc = p.c;
    need = std::min(need, getTileFitBytes(p, whole));
  }
  return need;
}

static TileChoice makeChoice(const TileProblem &p, const Tiling &t) {
  TileChoice c;
  c.tiling = t;
  c.traffic = getTilingTraffic(p, t);
  c.cycles = getTilingCycles(p, t, c.traffic);
  c.bufferBytes = getTileFitBytes(p, t);
  c.tiles = getTileCount(p, t);
  return c;
}

/// The candidate input-channel tiles: every ceil(c / k) for convolutions,
/// only c when their weights are compressed (whole output channels), and
/// none (0) without an input-channel loop.
static std::vector<int64_t> getChannelTileCandidates(const TileProblem &p) {
  if (p.cls != TilingClass::Conv)
    return {0};
  if (p.weightOffsets)
    return {p.c};
  return getTileCandidates(p.c);
}

std::optional<TileChoice> mlir::cnn::searchTiling(const TileProblem &p,
                                                  int64_t sramBytes) {
  if (p.cls == TilingClass::Untiled)
    return std::nullopt;
  std::vector<int64_t> ms = getTileCandidates(p.m);
  std::vector<int64_t> es = getTileCandidates(p.e);
  std::vector<int64_t> fs = getTileCandidates(p.f);
  std::vector<int64_t> cs = getChannelTileCandidates(p);
  // The problem without bursts: its traffic bounds the traffic with bursts
  // from below (used when the target changes plans).
  TileProblem raw = p;
  raw.target.dmaAlignBytes = 1;
  std::optional<TileChoice> best;
  // The buffer grows with te, tf and tc (but for tc = c, where the output
  // tile stops holding 32-bit partial sums) and does not depend on the
  // loop order, so once the smallest tm does not fit, larger tiles of the
  // inner dimensions are skipped, a te or tf at which nothing fits ends its
  // loop, and the largest fitting tm is found once for every order.
  for (int64_t te : es) {
    bool teFits = false;
    for (int64_t tf : fs) {
      bool tfFits = false;
      for (size_t ci = 0; ci < cs.size(); ++ci) {
        int64_t tcCand = cs[ci];
        auto tilingOf = [&](int64_t tm, LoopOrder order) {
          return Tiling{tm, te, tf, tcCand ? tcCand : tm, order};
        };
        auto fits = [&](int64_t tm) {
          return getTileFitBytes(p, tilingOf(tm, LoopOrder::MEF)) <=
                 sramBytes;
        };
        if (!fits(ms.front())) {
          if (ci + 1 < cs.size() - 1)
            ci = cs.size() - 2;
          continue;
        }
        tfFits = teFits = true;
        size_t lo = 0, hi = ms.size() - 1;
        if (p.weightOffsets) {
          // The largest tile of compressed channels need not grow with tm
          // (tiles of 2 can hold two big channels that tiles of 3 split):
          // the largest fitting tm is found by walking down.
          lo = hi;
          while (!fits(ms[lo]))
            --lo;
          hi = lo;
        }
        while (lo < hi) {
          size_t mid = (lo + hi + 1) / 2;
          if (fits(ms[mid]))
            lo = mid;
          else
            hi = mid - 1;
        }
        // Orders that run the same loops (those of more than one trip) in
        // the same order are one plan; the earliest order stands for them
        // (it wins their tie).
        int64_t tm = ms[lo];
        std::array<int64_t, 3> trips = {ceilDiv(p.m, tm), ceilDiv(p.e, te),
                                        ceilDiv(p.f, tf)};
        llvm::SmallVector<std::string, 6> seen;
        for (LoopOrder order : kAllLoopOrders) {
          std::string loops;
          for (const char *c = getLoopOrderName(order); *c; ++c)
            if (trips[*c == 'm' ? 0 : *c == 'e' ? 1 : 2] > 1)
              loops += *c;
          if (llvm::is_contained(seen, loops))
            continue;
          seen.push_back(loops);
          if (p.target.plansLikeCostModel()) {
            // For fixed (order, te, tf, tc) the buffer grows with tm and
            // the traffic never does (fewer m trips can only lower reload
            // factors), and the cycles follow the traffic, so the largest
            // fitting tm is the best of them.
            TileChoice c = makeChoice(p, tilingOf(tm, order));
            if (!best || isBetterChoice(c, *best))
              best = c;
            continue;
          }
          // With bursts a smaller tm may move less (fewer partial bursts),
          // and under overlap cycles may differ at equal traffic: walk tm
          // down while the traffic without bursts, which never decreases
          // as tm shrinks and bounds the traffic with bursts from below,
          // can still match the best. (A smaller tm may have more m trips:
          // every order is walked.)
          seen.pop_back();
          for (size_t i = lo + 1; i-- > 0;) {
            Tiling t = tilingOf(ms[i], order);
            if (best &&
                getTilingTraffic(raw, t).total() > best->traffic.total())
              break;
            if (p.weightOffsets && !fits(ms[i]))
              continue;
            TileChoice c = makeChoice(p, t);
            if (!best || isBetterChoice(c, *best))
              best = c;
          }
        }
      }
      if (!tfFits)
        break;
    }
    if (!teFits)
      break;
  }
  return best;
}

std::optional<TileChoice> TileSearchMemo::search(const TileProblem &p,
                                                 int64_t sramBytes) {
  // Every field searchTiling reads; the speeds as their bit patterns.
  auto bits = [](double d) {
    int64_t v;
    std::memcpy(&v, &d, sizeof v);
    return v;
  };
  const TargetDesc &t = p.target;
  std::vector<int64_t> key = {static_cast<int64_t>(p.cls),
                              p.groups,
                              p.c,
                              p.h,
                              p.w,
                              p.m,
                              p.e,
                              p.f,
                              p.kernelH,
                              p.kernelW,
                              p.strideH,
                              p.strideW,
                              p.padTop,
                              p.padLeft,
                              p.dilationH,
                              p.dilationW,
                              p.elemBytes,
                              p.groupWeightBytes,
                              p.biasBytesPerChannel,
                              p.fmPercent,
                              p.macsPerTap,
                              sramBytes,
                              p.weightOffsets ? 1 : 0,
                              t.fmPercent,
                              bits(t.dramBytesPerCycle),
                              t.macsPerCycle,
                              t.dmaAlignBytes,
                              t.dmaOverlap};
  if (p.weightOffsets)
    key.insert(key.end(), p.weightOffsets->begin(), p.weightOffsets->end());
  auto [it, inserted] = results.try_emplace(std::move(key));
  if (inserted)
    it->second = searchTiling(p, sramBytes);
  return it->second;
}

LayerPlan mlir::cnn::planLayerAlone(const LayerInfo &layer,
                                    const TargetDesc &target,
                                    TileSearchMemo *memo) {
  LayerPlan plan;
  TileProblem problem = getTileProblem(layer);
  setTarget(problem, target);
  if (problem.cls == TilingClass::Untiled) {
    // A streamed layer needs its smallest blocks (the lowering's buffers).
    if (layer.cls == LayerClass::Stream) {
      int64_t need = planStream(layer, target).minSramBytes;
      if (need > target.sramBytes) {
        plan.fits = false;
        plan.need = need;
        return plan;
      }
    }
    plan.traffic = getUntiledTraffic(layer, target);
    plan.cycles = getUntiledCycles(layer, plan.traffic, target).whole();
    return plan;
  }
  auto search = [&](const TileProblem &p) {
    return memo ? memo->search(p, target.sramBytes)
                : searchTiling(p, target.sramBytes);
  };
  plan.choice = search(problem);
  int64_t need = plan.choice ? 0 : getMinimumSramBytes(problem);
  if (problem.weightOffsets) {
    // Coded weights load in whole output channels; when reading the
    // layer's weights raw, in any tiles, moves less (or fits where whole
    // channels do not), the layer reads them raw.
    TileProblem raw = problem;
    raw.weightOffsets = nullptr;
    raw.groupWeightBytes = layer.weightBytes / raw.groups;
    std::optional<TileChoice> rawChoice = search(raw);
    if (rawChoice && (!plan.choice || isBetterChoice(*rawChoice, *plan.choice))) {
      plan.choice = rawChoice;
      plan.choice->rawWeights = true;
    }
    if (!plan.choice)
      need = std::min(need, getMinimumSramBytes(raw));
  }
  if (!plan.choice) {
    plan.fits = false;
    plan.need = need;
    return plan;
  }
  plan.traffic = plan.choice->traffic;
  plan.cycles = plan.choice->cycles.whole();
  return plan;
}

std::optional<TileChoice>
mlir::cnn::searchTilingBruteForce(const TileProblem &p, int64_t sramBytes) {
  if (p.cls == TilingClass::Untiled)
    return std::nullopt;
  std::optional<TileChoice> best;
  std::vector<int64_t> cs = getChannelTileCandidates(p);
  for (LoopOrder order : kAllLoopOrders)
    for (int64_t tm : getTileCandidates(p.m))
      for (int64_t te : getTileCandidates(p.e))
        for (int64_t tf : getTileCandidates(p.f))
          for (int64_t tcCand : cs) {
            Tiling t{tm, te, tf, tcCand ? tcCand : tm, order};
            if (getTileFitBytes(p, t) > sramBytes)
              continue;
            TileChoice c = makeChoice(p, t);
            if (!best || isBetterChoice(c, *best))
              best = c;
          }
  return best;
}
