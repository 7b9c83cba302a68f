//===- LayerInfoTest.cpp - MACs and bytes of plain layer descriptions -----===//

#include "cnn/Analysis/Footprint.h"
#include "cnn/Analysis/LayerInfo.h"

#include "gtest/gtest.h"

using namespace mlir::cnn;

namespace {

LayerInfo conv(int64_t c, int64_t h, int64_t w, int64_t m, int64_t e,
               int64_t f, int64_t k, int64_t groups, int64_t elemBytes) {
  LayerInfo l;
  l.inputs = {{c, h, w, elemBytes}};
  l.output = {m, e, f, elemBytes};
  l.kernelH = l.kernelW = k;
  l.groups = groups;
  l.weightElements = m * (c / groups) * k * k;
  l.weightBytes = l.weightElements * elemBytes;
  describeConvolution(l);
  return l;
}

// VGG16 conv4_2 from the talk: 512x28x28 -> 512x28x28, 3x3.
// MACs = 512 * 28 * 28 * 512 * 3 * 3 = 1,849,688,064; weights 2,359,296
// ("2.4M values"), each feature map 401,408 ("400K values").
TEST(LayerInfo, Vgg16Conv4_2) {
  LayerInfo l = conv(512, 28, 28, 512, 28, 28, 3, 1, 1);
  EXPECT_EQ(l.macs(), 1849688064);
  EXPECT_EQ(l.parameters(), 2359296);
  EXPECT_EQ(l.inputBytes(), 401408);
  EXPECT_EQ(l.output.bytes(), 401408);
}

// A depthwise 3x3 layer of MobileNet v1 (32 channels, 112x112): each output
// element reads 9 inputs of its own channel: 32*112*112*9 = 3,612,672 MACs.
TEST(LayerInfo, Depthwise) {
  LayerInfo l = conv(32, 112, 112, 32, 112, 112, 3, 32, 2);
  EXPECT_TRUE(l.isDepthwise());
  EXPECT_EQ(l.macs(), 3612672);
  EXPECT_EQ(l.parameterBytes(), 32 * 9 * 2);
}

// Fully connected: VGG16 fc6, 25088 -> 4096 = 102,760,448 MACs.
TEST(LayerInfo, FullyConnected) {
  LayerInfo l;
  l.inputs = {{512, 7, 7, 1}};
  l.output = {4096, 1, 1, 1};
  describeDense(l);
  EXPECT_EQ(l.macs(), 102760448);
}

TEST(LayerInfo, LayersWithoutWeightsCountNoMacs) {
  LayerInfo l;
  l.inputs = {{64, 56, 56, 1}, {64, 56, 56, 1}};
  l.output = {64, 56, 56, 1};
  describeElementwise(l, "add");
  EXPECT_EQ(l.macs(), 0);
  EXPECT_EQ(l.inputBytes(), 2 * 64 * 56 * 56);
}

TEST(Footprint, Totals) {
  Footprint fp;
  fp.network = "two";
  fp.layers.push_back(conv(3, 8, 8, 4, 8, 8, 3, 1, 1));  // 4*8*8*27 = 6912
  fp.layers.push_back(conv(4, 8, 8, 4, 8, 8, 3, 4, 1));  // 4*8*8*9 = 2304
  FootprintTotals t = fp.totals();
  EXPECT_EQ(t.layers, 2);
  EXPECT_EQ(t.macs, 6912 + 2304);
  EXPECT_EQ(t.parameters, 108 + 36);
  EXPECT_EQ(t.outputBytes, 2 * 256);
  EXPECT_EQ(t.inputBytes, 192 + 256);
  EXPECT_EQ(t.largestFeatureMapBytes, 256);
}

} // namespace

namespace {

/// Expands runs back to the selection they cover; an output channel covered
/// twice or not at all gives -2 or -1 there.
std::vector<int64_t> expand(const std::vector<ChannelRun> &runs, size_t n) {
  std::vector<int64_t> out(n, -1);
  for (const ChannelRun &r : runs) {
    EXPECT_GE(r.outStep, 1);
    EXPECT_GE(r.inStep, 1);
    EXPECT_GE(r.count, 1);
    for (int64_t i = 0; i < r.count; ++i) {
      int64_t k = r.outStart + i * r.outStep;
      EXPECT_LT(k, static_cast<int64_t>(n));
      if (k >= static_cast<int64_t>(n))
        continue;
      out[k] = out[k] == -1 ? r.inStart + i * r.inStep : -2;
    }
  }
  return out;
}

// A slice is one run; ShuffleNet's shuffle of 2 groups of 116 channels
// (output k = input (k % 2) * 116 + k / 2) is 2 runs of output step 2.
TEST(ChannelRuns, SliceAndShuffle) {
  std::vector<int64_t> slice;
  for (int64_t c = 58; c < 116; ++c)
    slice.push_back(c);
  std::vector<ChannelRun> runs = getChannelRuns(slice);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].inStart, 58);
  EXPECT_EQ(runs[0].count, 58);
  EXPECT_EQ(expand(runs, slice.size()), slice);

  for (int64_t g : {2, 3, 4}) {
    std::vector<int64_t> shuffle;
    int64_t per = 12;
    for (int64_t k = 0; k < g * per; ++k)
      shuffle.push_back((k % g) * per + k / g);
    runs = getChannelRuns(shuffle);
    EXPECT_EQ(runs.size(), static_cast<size_t>(g)) << g << " groups";
    EXPECT_EQ(expand(runs, shuffle.size()), shuffle);
  }
}

// Random selections (repeats and descending channels included) are covered
// exactly, each output channel once.
TEST(ChannelRuns, RandomSelectionsCoveredExactly) {
  uint64_t state = 12345;
  auto next = [&](int64_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int64_t>((state >> 33) % bound);
  };
  for (int trial = 0; trial < 500; ++trial) {
    int64_t n = 1 + next(40), c = 1 + next(40);
    std::vector<int64_t> sel;
    for (int64_t k = 0; k < n; ++k)
      sel.push_back(trial % 2 ? next(c) : (k * (1 + trial % 5)) % c);
    EXPECT_EQ(expand(getChannelRuns(sel), sel.size()), sel) << "trial " << trial;
  }
}

} // namespace
