//===- ArenaPlacementTest.cpp - Resident buffers in one arena -------------===//

#include "cnn/Analysis/ArenaPlacement.h"

#include "gtest/gtest.h"

#include <algorithm>

using namespace mlir::cnn;

namespace {

/// Random buffers over `layers` positions: feature maps of a few lifetimes
/// and one-layer weight buffers, with element sizes 1, 2 and 4.
std::vector<ArenaBuffer> randomBuffers(uint64_t &state, int layers) {
  auto next = [&](int64_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int64_t>((state >> 33) % bound);
  };
  std::vector<ArenaBuffer> bufs;
  int n = 2 + static_cast<int>(next(10));
  for (int i = 0; i < n; ++i) {
    ArenaBuffer b;
    b.align = int64_t(1) << next(3);
    b.first = static_cast<int>(next(layers));
    b.featureMap = next(3) != 0;
    b.last = b.featureMap ? std::min<int>(layers - 1, b.first + next(4))
                          : b.first;
    b.bytes = b.align * (1 + next(40));
    bufs.push_back(b);
  }
  return bufs;
}

/// The placement is valid: aligned, and no two buffers live at once
/// overlap; returns its peak.
int64_t checkPlacement(const std::vector<ArenaBuffer> &bufs) {
  int64_t peak = 0;
  for (size_t i = 0; i < bufs.size(); ++i) {
    const ArenaBuffer &a = bufs[i];
    EXPECT_GE(a.offset, 0);
    EXPECT_EQ(a.offset % a.align, 0);
    peak = std::max(peak, a.offset + a.bytes);
    for (size_t j = i + 1; j < bufs.size(); ++j) {
      const ArenaBuffer &b = bufs[j];
      bool live = a.first <= b.last && b.first <= a.last;
      bool overlap =
          a.offset < b.offset + b.bytes && b.offset < a.offset + a.bytes;
      EXPECT_FALSE(live && overlap) << "buffers " << i << " and " << j;
    }
  }
  return peak;
}

int64_t liveBound(const std::vector<ArenaBuffer> &bufs) {
  int64_t bound = 0;
  for (int l = 0; l < 16; ++l) {
    int64_t live = 0;
    for (const ArenaBuffer &b : bufs)
      if (b.first <= l && l <= b.last)
        live += b.bytes;
    bound = std::max(bound, live);
  }
  return bound;
}

// The need is a valid placement's peak, at least the bytes live at once,
// and does not depend on the order the buffers are listed in; with the
// need as the SRAM, the lowering's placement fits (what planning promises
// for every group it accepts), and with an SRAM below the bytes live at
// once, the need is above the SRAM.
TEST(ArenaPlacement, NeedIsWhatTheLoweringPlaces) {
  uint64_t state = 99;
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<ArenaBuffer> bufs = randomBuffers(state, 8);
    int64_t need = getArenaNeed(bufs);
    EXPECT_EQ(checkPlacement(bufs), need) << "trial " << trial;
    EXPECT_GE(need, liveBound(bufs));

    std::vector<ArenaBuffer> reversed(bufs.rbegin(), bufs.rend());
    EXPECT_EQ(getArenaNeed(reversed), need) << "trial " << trial;

    std::vector<ArenaBuffer> lowered = bufs;
    EXPECT_LE(placeArena(lowered, need), need) << "trial " << trial;
    checkPlacement(lowered);

    std::vector<ArenaBuffer> budget = bufs;
    int64_t withBudget = getArenaNeed(budget, need);
    EXPECT_LE(withBudget, need);
    EXPECT_GT(getArenaNeed(budget, liveBound(bufs) - 1), liveBound(bufs) - 1);
  }
}

// Hand-worked: a and b (8 bytes each) live at layer 0, c (8) at layer 1
// with b: first fit by size puts a at 0, b at 8, c at 0: peak 16, the
// bytes live at once.
TEST(ArenaPlacement, HandWorked) {
  std::vector<ArenaBuffer> bufs = {{0, 0, 8, 1, true},
                                   {0, 1, 8, 1, true},
                                   {1, 1, 8, 1, true}};
  EXPECT_EQ(getArenaNeed(bufs), 16);
  EXPECT_EQ(checkPlacement(bufs), 16);
}

} // namespace
