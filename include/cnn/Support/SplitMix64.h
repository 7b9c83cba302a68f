//===- SplitMix64.h - A portable pseudo-random generator --------*- C++ -*-===//

#ifndef CNN_SUPPORT_SPLITMIX64_H
#define CNN_SUPPORT_SPLITMIX64_H

#include <cstdint>

namespace mlir::cnn {

/// SplitMix64: a tiny generator whose sequence is the same on every host,
/// unlike the standard library's distributions. Deterministic weights (the
/// zoo's, --cnn-fill-weights) come from it.
class SplitMix64 {
public:
  explicit SplitMix64(uint64_t seed) : state(seed) {}
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [-bound, bound].
  int64_t nextInt(int64_t bound) {
    return static_cast<int64_t>(next() % (2 * uint64_t(bound) + 1)) - bound;
  }
  /// Uniform in [-bound, bound).
  double nextReal(double bound) {
    double unit = static_cast<double>(next() >> 11) * 0x1.0p-53;
    return (2.0 * unit - 1.0) * bound;
  }

private:
  uint64_t state;
};

} // namespace mlir::cnn

#endif // CNN_SUPPORT_SPLITMIX64_H
