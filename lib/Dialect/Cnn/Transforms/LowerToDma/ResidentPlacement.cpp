//===- ResidentPlacement.cpp - Arena of resident fusion groups --*- C++ -*-===//
//
// Places the buffers of a fusion group in mode resident in the SRAM arena:
// whole feature maps and one output channel's weights, each live over a
// range of the group's layers, first fit in one of a few orders.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "cnn/Support/SplitMix64.h"

#include <functional>
#include <tuple>

namespace mlir::cnn::lower_to_dma {
namespace {

/// Places `bufs` in `order`, each at the lowest offset aligned to its
/// element size where it overlaps no buffer placed before it that is live
/// at the same time; returns the peak bytes.
int64_t placeFirstFit(std::vector<ResidentBuffer> &bufs,
                      const std::vector<int> &order) {
  std::vector<int> placed;
  int64_t peak = 0;
  for (int i : order) {
    ResidentBuffer &x = bufs[i];
    int64_t align = getElementBytes(x.elem);
    int64_t offset = 0;
    for (bool moved = true; moved;) {
      moved = false;
      for (int j : placed) {
        const ResidentBuffer &y = bufs[j];
        bool live = x.first <= y.last && y.first <= x.last;
        if (live && offset < y.offset + y.bytes &&
            y.offset < offset + x.bytes) {
          offset = (y.offset + y.bytes + align - 1) / align * align;
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

} // namespace

int64_t placeResidentBuffers(std::vector<ResidentBuffer> &bufs, int64_t sram) {
  // First fit at offsets aligned to the element size, trying a few orders
  // (largest first; by birth; by death) and keeping the first that fits.
  std::vector<int> base(bufs.size());
  for (size_t i = 0; i < base.size(); ++i)
    base[i] = static_cast<int>(i);
  using Less = std::function<bool(int, int)>;
  std::vector<Less> orders = {
      [&](int a, int c) { return bufs[a].bytes > bufs[c].bytes; },
      [&](int a, int c) {
        return std::make_tuple(bufs[a].first, -bufs[a].bytes) <
               std::make_tuple(bufs[c].first, -bufs[c].bytes);
      },
      [&](int a, int c) {
        return std::make_tuple(-bufs[a].last, -bufs[a].bytes) <
               std::make_tuple(-bufs[c].last, -bufs[c].bytes);
      },
      [&](int a, int c) {
        return std::make_tuple(bufs[a].last - bufs[a].first, bufs[a].bytes) >
               std::make_tuple(bufs[c].last - bufs[c].first, bufs[c].bytes);
      },
      [&](int a, int c) {
        return std::make_tuple(bufs[a].first, -bufs[a].last, -bufs[a].bytes) <
               std::make_tuple(bufs[c].first, -bufs[c].last, -bufs[c].bytes);
      },
      [&](int a, int c) {
        // Long-lived tensors first, then the rest by size; one-layer
        // buffers (weights, biases) last, into whatever gaps remain.
        bool la = bufs[a].tensor >= 0, lc = bufs[c].tensor >= 0;
        return std::make_tuple(!la, -bufs[a].bytes *
                                        (bufs[a].last - bufs[a].first + 1)) <
               std::make_tuple(!lc, -bufs[c].bytes *
                                        (bufs[c].last - bufs[c].first + 1));
      }};
  int64_t peak = 0;
  for (const Less &less : orders) {
    std::vector<int> order = base;
    std::stable_sort(order.begin(), order.end(), less);
    peak = placeFirstFit(bufs, order);
    if (peak <= sram)
      break;
  }
  // Then orders shuffled from the first with a fixed seed, so the result
  // is the same on every run.
  SplitMix64 rng(0x5eed);
  std::vector<int> order = base;
  std::stable_sort(order.begin(), order.end(), orders.front());
  for (int attempt = 0; peak > sram && attempt < 512; ++attempt) {
    for (size_t i = order.size(); i > 1; --i)
      std::swap(order[i - 1], order[rng.next() % i]);
    peak = placeFirstFit(bufs, order);
  }
  return peak;
}

} // namespace mlir::cnn::lower_to_dma
