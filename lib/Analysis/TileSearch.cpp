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
  switch (layer.kind) {
  case LayerKind::Conv2D:
  case LayerKind::MaxPool:
  case LayerKind::AvgPool: {
    const TensorShape &in = layer.inputs.front();
    bool channelwise = layer.kind != LayerKind::Conv2D ||
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
    break;
  }
  case LayerKind::FullyConnected:
    p.cls = TilingClass::Conv;
    p.c = layer.inputs.front().elements();
    p.h = p.w = p.e = p.f = 1;
    p.m = out.c;
    break;
  default:
    p.cls = TilingClass::Untiled;
    return p;
  }
  p.groupWeightBytes = layer.storedWeightBytes() / p.groups;
  p.biasBytesPerChannel =
      layer.biasElements ? layer.biasBytes / layer.biasElements : 0;
  return p;
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

namespace {
/// The loops of a tiling with their trip counts, outermost first.
struct LoopNest {
  enum Dim { M, E, F, C };
  std::array<Dim, 4> dims;
  std::array<int64_t, 4> trips;
  int size = 0;

  LoopNest(const TileProblem &p, const Tiling &t) {
    int64_t nm = ceilDiv(p.m, t.tm), ne = ceilDiv(p.e, t.te),
            nf = ceilDiv(p.f, t.tf);
    auto add = [&](Dim d, int64_t n) {
      dims[size] = d;
      trips[size++] = n;
    };
    auto addDim = [&](char c) {
      if (c == 'm')
        add(M, nm);
      else if (c == 'e')
        add(E, ne);
      else
        add(F, nf);
    };
    for (const char *c = getLoopOrderName(t.order); *c; ++c)
      addDim(*c);
    if (p.cls == TilingClass::Conv)
      add(C, ceilDiv(p.c, t.tc));
  }

  /// The reload factor of a tensor that depends on the loops in `deps`:
  /// drop loops of one trip; find the innermost remaining loop the tensor
  /// depends on; multiply the trips of the loops outside it that the tensor
  /// does not depend on.
  int64_t reloadFactor(std::initializer_list<Dim> deps) const {
    auto dependsOn = [&](Dim d) {
      return std::find(deps.begin(), deps.end(), d) != deps.end();
    };
    int innermost = -1;
    for (int i = 0; i < size; ++i)
      if (trips[i] > 1 && dependsOn(dims[i]))
        innermost = i;
    int64_t factor = 1;
    for (int i = 0; i < innermost; ++i)
      if (trips[i] > 1 && !dependsOn(dims[i]))
        factor *= trips[i];
    return factor;
  }
};

/// Sum over the tiles of one dimension of the input extent each tile reads,
/// clipped to the real input (padding is never read).
int64_t sweepExtent(int64_t outSize, int64_t tile, int64_t stride,
                    int64_t pad, int64_t window, int64_t inSize) {
  int64_t sum = 0;
  for (int64_t start = 0; start < outSize; start += tile) {
    int64_t last = std::min(start + tile, outSize) - 1;
    int64_t lo = std::max<int64_t>(start * stride - pad, 0);
    int64_t hi = std::min<int64_t>(last * stride - pad + window - 1, inSize - 1);
    sum += std::max<int64_t>(hi - lo + 1, 0);
  }
  return sum;
}

/// Input rows (or columns) buffered for a tile of `tile` outputs.
int64_t tileExtent(int64_t tile, int64_t stride, int64_t window,
                   int64_t inSize) {
  return std::min((tile - 1) * stride + window, inSize);
}
} // namespace

int64_t mlir::cnn::getTileCount(const TileProblem &p, const Tiling &t) {
  int64_t n = ceilDiv(p.m, t.tm) * ceilDiv(p.e, t.te) * ceilDiv(p.f, t.tf);
  if (p.cls == TilingClass::Conv)
    n *= ceilDiv(p.c, t.tc);
  return n * p.groups;
}

int64_t mlir::cnn::getTileBufferBytes(const TileProblem &p, const Tiling &t) {
  int64_t rows = tileExtent(t.te, p.strideH, p.effectiveKernelH(), p.h);
  int64_t cols = tileExtent(t.tf, p.strideW, p.effectiveKernelW(), p.w);
  int64_t outputTile = t.tm * t.te * t.tf;
  if (p.cls == TilingClass::Channelwise) {
    int64_t weightTile =
        p.groupWeightBytes > 0
            ? ceilDiv(p.groupWeightBytes * t.tm, p.m) + t.tm * p.biasBytesPerChannel
            : 0;
    return rows * cols * t.tm * p.elemBytes + weightTile +
           outputTile * p.elemBytes;
  }
  bool partialSums = ceilDiv(p.c, t.tc) > 1;
  // A weight tile is the fraction tm/m * tc/c of the group's weight bytes
  // (exactly tm*tc*R*S'*b when uncompressed).
  int64_t weightTile = ceilDiv(p.groupWeightBytes * t.tm * t.tc, p.m * p.c) +
                       t.tm * p.biasBytesPerChannel;
  return rows * cols * t.tc * p.elemBytes + weightTile +
         outputTile * (partialSums ? 4 : p.elemBytes);
}

Traffic mlir::cnn::getTilingTraffic(const TileProblem &p, const Tiling &t) {
  LoopNest nest(p, t);
  using D = LoopNest::Dim;
  int64_t sweepRows = sweepExtent(p.e, t.te, p.strideH, p.padTop,
                                  p.effectiveKernelH(), p.h);
  int64_t sweepCols = sweepExtent(p.f, t.tf, p.strideW, p.padLeft,
                                  p.effectiveKernelW(), p.w);
  Traffic traffic;
  int64_t inputSweep = sweepRows * sweepCols * p.c * p.elemBytes;
  int64_t weightSweep = p.groupWeightBytes + p.m * p.biasBytesPerChannel;
  if (p.cls == TilingClass::Channelwise) {
    traffic.input = inputSweep * nest.reloadFactor({D::M, D::E, D::F});
    traffic.weights = weightSweep * nest.reloadFactor({D::M});
  } else {
    traffic.input = inputSweep * nest.reloadFactor({D::E, D::F, D::C});
    traffic.weights = weightSweep * nest.reloadFactor({D::M, D::C});
  }
  traffic.output = p.m * p.e * p.f * p.elemBytes;
  traffic.input = scaleFeatureMapBytes(traffic.input * p.groups, p.fmPercent);
  traffic.weights *= p.groups;
  traffic.output = scaleFeatureMapBytes(traffic.output * p.groups, p.fmPercent);
  return traffic;
}

Traffic mlir::cnn::getUntiledTraffic(const LayerInfo &layer,
                                     int64_t fmPercent) {
  Traffic traffic;
  if (layer.kind == LayerKind::Concat)
    return traffic;
  traffic.input = scaleFeatureMapBytes(layer.inputBytes(), fmPercent);
  traffic.output = scaleFeatureMapBytes(layer.output.bytes(), fmPercent);
  return traffic;
}

bool mlir::cnn::isBetterChoice(const TileChoice &a, const TileChoice &b) {
  auto key = [](const TileChoice &c) {
    return std::make_tuple(c.traffic.total(), c.tiles, -c.tiling.te,
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
  int64_t need = getTileBufferBytes(p, t);
  if (p.cls == TilingClass::Conv) {
    Tiling whole = t;
    whole.tc = p.c;
    need = std::min(need, getTileBufferBytes(p, whole));
  }
  return need;
}

static TileChoice makeChoice(const TileProblem &p, const Tiling &t) {
  TileChoice c;
  c.tiling = t;
  c.traffic = getTilingTraffic(p, t);
  c.bufferBytes = getTileBufferBytes(p, t);
  c.tiles = getTileCount(p, t);
  return c;
}

std::optional<TileChoice> mlir::cnn::searchTiling(const TileProblem &p,
                                                  int64_t sramBytes) {
  if (p.cls == TilingClass::Untiled)
    return std::nullopt;
  std::vector<int64_t> ms = getTileCandidates(p.m);
  std::vector<int64_t> es = getTileCandidates(p.e);
  std::vector<int64_t> fs = getTileCandidates(p.f);
  std::vector<int64_t> cs = p.cls == TilingClass::Conv
                                ? getTileCandidates(p.c)
                                : std::vector<int64_t>{0};
  std::optional<TileChoice> best;
  for (LoopOrder order : kAllLoopOrders) {
    for (int64_t te : es) {
      for (int64_t tf : fs) {
        for (int64_t tcCand : cs) {
          // For fixed (order, te, tf, tc) the buffer grows with tm and the
          // traffic never does (fewer m trips can only lower reload
          // factors), so the largest fitting tm is the best of them.
          auto fits = [&](int64_t tm) {
            Tiling t{tm, te, tf, tcCand ? tcCand : tm, order};
            return getTileBufferBytes(p, t) <= sramBytes;
          };
          if (!fits(ms.front()))
            continue;
          size_t lo = 0, hi = ms.size() - 1;
          while (lo < hi) {
            size_t mid = (lo + hi + 1) / 2;
            if (fits(ms[mid]))
              lo = mid;
            else
              hi = mid - 1;
          }
          int64_t tm = ms[lo];
          TileChoice c = makeChoice(p, {tm, te, tf, tcCand ? tcCand : tm, order});
          if (!best || isBetterChoice(c, *best))
            best = c;
        }
      }
    }
  }
  return best;
}

std::optional<TileChoice>
mlir::cnn::searchTilingBruteForce(const TileProblem &p, int64_t sramBytes) {
  if (p.cls == TilingClass::Untiled)
    return std::nullopt;
  std::optional<TileChoice> best;
  std::vector<int64_t> cs = p.cls == TilingClass::Conv
                                ? getTileCandidates(p.c)
                                : std::vector<int64_t>{0};
  for (LoopOrder order : kAllLoopOrders)
    for (int64_t tm : getTileCandidates(p.m))
      for (int64_t te : getTileCandidates(p.e))
        for (int64_t tf : getTileCandidates(p.f))
          for (int64_t tcCand : cs) {
            Tiling t{tm, te, tf, tcCand ? tcCand : tm, order};
            if (getTileBufferBytes(p, t) > sramBytes)
              continue;
            TileChoice c = makeChoice(p, t);
            if (!best || isBetterChoice(c, *best))
              best = c;
          }
  return best;
}
