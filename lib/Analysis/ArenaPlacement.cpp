//===- ArenaPlacement.cpp - Buffers placed in one SRAM arena ----*- C++ -*-===//

#include "cnn/Analysis/ArenaPlacement.h"

#include "cnn/Support/SplitMix64.h"

#include <algorithm>
#include <functional>
#include <tuple>

using namespace mlir::cnn;

namespace {

/// Places `bufs` in `order`, each at the lowest offset aligned to its
/// element size where it overlaps no buffer placed before it that is live
/// at the same time; returns the peak bytes.
int64_t placeFirstFit(std::vector<ArenaBuffer> &bufs,
                      const std::vector<int> &order) {
  std::vector<int> placed;
  int64_t peak = 0;
  for (int i : order) {
    ArenaBuffer &x = bufs[i];
    int64_t offset = 0;
    for (bool moved = true; moved;) {
      moved = false;
      for (int j : placed) {
        const ArenaBuffer &y = bufs[j];
        bool live = x.first <= y.last && y.first <= x.last;
        if (live && offset < y.offset + y.bytes &&
            y.offset < offset + x.bytes) {
          offset = (y.offset + y.bytes + x.align - 1) / x.align * x.align;
          moved = true;
        }
      }
    }
    x.offset = offset;
    placed.push_back(i);
    peak = std::max(peak, offset + x.bytes);
  }
  return peak;
}

/// Every buffer's fields, as the last key of each order: buffers that
/// compare equal are interchangeable.
auto key(const ArenaBuffer &b) {
  return std::make_tuple(b.first, b.last, b.bytes, b.align, b.featureMap);
}

using Less = std::function<bool(const ArenaBuffer &, const ArenaBuffer &)>;

/// The placement orders: largest first; by birth; by death; longest-lived;
/// by birth then latest death; feature maps by bytes x lifetime, then the
/// one-layer buffers into the gaps.
std::vector<Less> getOrders() {
  auto lifetime = [](const ArenaBuffer &b) { return b.last - b.first; };
  return {
      [](const ArenaBuffer &a, const ArenaBuffer &c) {
        return std::make_tuple(-a.bytes, key(a)) <
               std::make_tuple(-c.bytes, key(c));
      },
      [](const ArenaBuffer &a, const ArenaBuffer &c) {
        return std::make_tuple(a.first, -a.bytes, key(a)) <
               std::make_tuple(c.first, -c.bytes, key(c));
      },
      [](const ArenaBuffer &a, const ArenaBuffer &c) {
        return std::make_tuple(-a.last, -a.bytes, key(a)) <
               std::make_tuple(-c.last, -c.bytes, key(c));
      },
      [=](const ArenaBuffer &a, const ArenaBuffer &c) {
        return std::make_tuple(-lifetime(a), -a.bytes, key(a)) <
               std::make_tuple(-lifetime(c), -c.bytes, key(c));
      },
      [](const ArenaBuffer &a, const ArenaBuffer &c) {
        return std::make_tuple(a.first, -a.last, -a.bytes, key(a)) <
               std::make_tuple(c.first, -c.last, -c.bytes, key(c));
      },
      [=](const ArenaBuffer &a, const ArenaBuffer &c) {
        return std::make_tuple(!a.featureMap, -a.bytes * (lifetime(a) + 1),
                               key(a)) <
               std::make_tuple(!c.featureMap, -c.bytes * (lifetime(c) + 1),
                               key(c));
      }};
}

std::vector<int> sortedBy(const std::vector<ArenaBuffer> &bufs,
                          const Less &less) {
  std::vector<int> order(bufs.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int c) { return less(bufs[a], bufs[c]); });
  return order;
}

} // namespace

int64_t mlir::cnn::getArenaNeed(std::vector<ArenaBuffer> &bufs,
                                int64_t sram) {
  if (sram >= 0) {
    // No placement beats the bytes live at once.
    int last = 0;
    for (const ArenaBuffer &b : bufs)
      last = std::max(last, b.last);
    std::vector<int64_t> delta(last + 2, 0);
    for (const ArenaBuffer &b : bufs) {
      delta[b.first] += b.bytes;
      delta[b.last + 1] -= b.bytes;
    }
    int64_t live = 0, peakLive = 0;
    for (int64_t d : delta)
      peakLive = std::max(peakLive, live += d);
    if (peakLive > sram)
      return peakLive;
  }
  std::vector<Less> orders = getOrders();
  int64_t best = -1;
  size_t bestOrder = 0;
  for (size_t i = 0; i < orders.size(); ++i) {
    int64_t peak = placeFirstFit(bufs, sortedBy(bufs, orders[i]));
    if (sram >= 0 && peak <= sram)
      return peak;
    if (best < 0 || peak < best) {
      best = peak;
      bestOrder = i;
    }
  }
  if (bestOrder + 1 != orders.size())
    placeFirstFit(bufs, sortedBy(bufs, orders[bestOrder]));
  return std::max<int64_t>(best, 0);
}

int64_t mlir::cnn::placeArena(std::vector<ArenaBuffer> &bufs, int64_t sram) {
  std::vector<Less> orders = getOrders();
  int64_t peak = 0;
  for (const Less &less : orders) {
    peak = placeFirstFit(bufs, sortedBy(bufs, less));
    if (peak <= sram)
      return peak;
  }
  // Orders shuffled from the first with a fixed seed, so the result is the
  // same on every run.
  SplitMix64 rng(0x5eed);
  std::vector<int> order = sortedBy(bufs, orders.front());
  for (int attempt = 0; peak > sram && attempt < 512; ++attempt) {
    for (size_t i = order.size(); i > 1; --i)
      std::swap(order[i - 1], order[rng.next() % i]);
    peak = placeFirstFit(bufs, order);
  }
  return peak;
}
