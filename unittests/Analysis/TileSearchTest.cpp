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
  l.kind = LayerKind::Conv2D;
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

/// Random small layers of every tiled kind: the pruned search and the
/// enumeration of every tiling agree exactly (traffic and tie-break).
TEST(TileSearch, MatchesBruteForceOnRandomLayers) {
  std::mt19937_64 rng(20261125);
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  int compared = 0;
  for (int iter = 0; iter < 600; ++iter) {
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
      l.kind = pick(0, 1) ? LayerKind::MaxPool : LayerKind::AvgPool;
      l.weightElements = l.weightBytes = 0;
    } else { // fully connected
      l.kind = LayerKind::FullyConnected;
      l.inputs = {{pick(1, 4), pick(1, 4), pick(1, 4), elem}};
      l.output = {pick(1, 40), 1, 1, elem};
      l.weightElements = l.output.c * l.inputs[0].elements();
      l.weightBytes = l.weightElements * elem;
    }
    TileProblem p = getTileProblem(l);
    int64_t need = getMinimumSramBytes(p);
    Tiling whole{p.m, p.e, p.f, p.cls == TilingClass::Conv ? p.c : p.m,
                 LoopOrder::MEF};
    int64_t all = getTileBufferBytes(p, whole);
    for (int64_t s : {need - 1, need, pick(need, all), pick(need, all), all}) {
      std::optional<TileChoice> fast = searchTiling(p, s);
      std::optional<TileChoice> slow = searchTilingBruteForce(p, s);
      ASSERT_EQ(fast.has_value(), slow.has_value()) << "iter " << iter;
      EXPECT_EQ(fast.has_value(), s >= need) << "iter " << iter;
      if (!fast)
        continue;
      ++compared;
      EXPECT_EQ(fast->traffic.total(), slow->traffic.total()) << "iter " << iter;
      EXPECT_EQ(fast->tiles, slow->tiles) << "iter " << iter;
      EXPECT_EQ(fast->tiling.tm, slow->tiling.tm) << "iter " << iter;
      EXPECT_EQ(fast->tiling.te, slow->tiling.te) << "iter " << iter;
      EXPECT_EQ(fast->tiling.tf, slow->tiling.tf) << "iter " << iter;
      EXPECT_EQ(fast->tiling.tc, slow->tiling.tc) << "iter " << iter;
      EXPECT_EQ(fast->tiling.order, slow->tiling.order) << "iter " << iter;
    }
  }
  EXPECT_GT(compared, 1000);
}

} // namespace
