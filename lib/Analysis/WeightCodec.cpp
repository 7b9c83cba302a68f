//===- WeightCodec.cpp - Lossless zero-run/Rice codec for weights ---------===//

#include "cnn/Analysis/WeightCodec.h"

#include "llvm/ADT/bit.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <numeric>

using namespace mlir::cnn;
using llvm::ArrayRef;

namespace {

constexpr unsigned kRunParamBits = 4;
constexpr unsigned kValParamBits = 5;
constexpr unsigned kHeaderBits = kRunParamBits + kValParamBits;
constexpr unsigned kMaxRunParam = (1u << kRunParamBits) - 1;
constexpr unsigned kMaxValParam = (1u << kValParamBits) - 1;

/// k_val never needs to exceed the bit width: with k_val = bitWidth every
/// quotient is already 0.
unsigned getMaxValParam(unsigned bitWidth) {
  return std::min(bitWidth, kMaxValParam);
}

/// zigzag(v) - 1 of the most negative value, the largest coded value.
uint64_t getMaxCodedValue(unsigned bitWidth) {
  return (uint64_t(1) << bitWidth) - 2;
}

uint64_t zigzag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}

int64_t unzigzag(uint64_t z) {
  return static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
}

[[maybe_unused]] bool fitsWidth(int64_t v, unsigned bitWidth) {
  int64_t half = int64_t(1) << (bitWidth - 1);
  return v >= -half && v < half;
}

[[maybe_unused]] bool areValidArguments(ArrayRef<int64_t> values,
                                        int64_t channels, unsigned bitWidth) {
  return bitWidth >= 1 && bitWidth <= kMaxWeightCodecBitWidth &&
         channels >= 1 && values.size() % static_cast<size_t>(channels) == 0;
}

/// The Rice parameters of one channel and the bits the channel takes.
struct ChannelCode {
  unsigned kRun = 0, kVal = 0;
  uint64_t bits = 0;
};

/// Picks the cheapest parameters of a channel from the exact cost of every
/// candidate. Rice(k) of u takes (u >> k) + 1 + k bits, and runs and values
/// have their own parameters, so the two sums are minimised separately:
/// one pass over the channel, no stream built.
ChannelCode chooseChannelCode(ArrayRef<int64_t> channel, unsigned bitWidth) {
  unsigned maxKVal = getMaxValParam(bitWidth);
  // Sum of u >> k per k. Runs add up to at most the channel length, so their
  // sums cannot overflow; value sums saturate instead (only candidates far
  // from the best could get there).
  std::array<uint64_t, kMaxRunParam + 1> runSum{};
  std::array<uint64_t, kMaxValParam + 1> valSum{};
  uint64_t numRuns = 0, numVals = 0;
  auto addRun = [&](uint64_t run) {
    ++numRuns;
    for (unsigned k = 0; k <= kMaxRunParam && (run >> k) != 0; ++k)
      runSum[k] += run >> k;
  };

  int64_t n = static_cast<int64_t>(channel.size()), pos = 0;
  for (int64_t i = 0; i < n; ++i) {
    int64_t v = channel[i];
    if (v == 0)
      continue;
    assert(fitsWidth(v, bitWidth) && "weight does not fit the bit width");
    addRun(static_cast<uint64_t>(i - pos));
    uint64_t u = zigzag(v) - 1;
    ++numVals;
    for (unsigned k = 0; k <= maxKVal && (u >> k) != 0; ++k)
      valSum[k] = llvm::SaturatingAdd(valSum[k], u >> k);
    pos = i + 1;
  }
  if (pos < n)
    addRun(static_cast<uint64_t>(n - pos));

  ChannelCode code;
  uint64_t bestRun = UINT64_MAX, bestVal = UINT64_MAX;
  for (unsigned k = 0; k <= kMaxRunParam; ++k) {
    uint64_t cost = runSum[k] + numRuns * (1 + k);
    if (cost < bestRun) {
      bestRun = cost;
      code.kRun = k;
    }
  }
  for (unsigned k = 0; k <= maxKVal; ++k) {
    uint64_t cost = llvm::SaturatingAdd(valSum[k], numVals * (1 + k));
    if (cost < bestVal) {
      bestVal = cost;
      code.kVal = k;
    }
  }
  code.bits = kHeaderBits + bestRun + bestVal;
  return code;
}

/// Appends bits MSB-first.
class BitWriter {
public:
  explicit BitWriter(uint64_t expectedBits) {
    bytes.reserve((expectedBits + 7) / 8);
  }

  /// Appends the `width` (at most 32) low bits of `value`.
  void write(uint64_t value, unsigned width) {
    assert(width <= 32 && (width == 32 || value >> width == 0));
    // At most 7 bits wait in `acc` between calls, so 39 bits suffice.
    acc = (acc << width) | value;
    accBits += width;
    bits += width;
    while (accBits >= 8) {
      accBits -= 8;
      bytes.push_back(static_cast<uint8_t>(acc >> accBits));
    }
  }

  void writeOnes(uint64_t count) {
    for (; count >= 32; count -= 32)
      write(0xFFFFFFFFu, 32);
    write((uint64_t(1) << count) - 1, static_cast<unsigned>(count));
  }

  void writeRice(uint64_t u, unsigned k) {
    writeOnes(u >> k);
    write(0, 1);
    write(u & ((uint64_t(1) << k) - 1), k);
  }

  /// Pads with zero bits to a whole byte (padding is not counted in
  /// `bits`).
  void align() {
    if (accBits != 0)
      bytes.push_back(static_cast<uint8_t>(acc << (8 - accBits)));
    acc = 0;
    accBits = 0;
  }

  size_t getByteSize() const { return bytes.size(); }

  EncodedWeights finish() && {
    align();
    return {std::move(bytes), bits, {}};
  }

private:
  std::vector<uint8_t> bytes;
  uint64_t acc = 0;
  unsigned accBits = 0;
  uint64_t bits = 0;
};

/// Reads bits MSB-first; every read checks the end of the stream.
class BitReader {
public:
  explicit BitReader(ArrayRef<uint8_t> bytes)
      : bytes(bytes), size(uint64_t(bytes.size()) * 8) {}

  uint64_t getPosition() const { return pos; }
  uint64_t getSize() const { return size; }

  /// Reads `width` (at most 32) bits; false past the end.
  bool read(unsigned width, uint64_t &value) {
    if (width > size - pos)
      return false;
    value = 0;
    while (width != 0) {
      unsigned offset = pos & 7;
      unsigned take = std::min(8 - offset, width);
      unsigned byte = bytes[pos >> 3];
      value = (value << take) |
              ((byte >> (8 - offset - take)) & ((1u << take) - 1));
      pos += take;
      width -= take;
    }
    return true;
  }

  /// Reads a Rice(k) code; false when the stream ends inside it or its value
  /// exceeds `limit` (checked on the quotient first, so a long run of
  /// one-bits is refused as soon as it is too long).
  bool readRice(unsigned k, uint64_t limit, uint64_t &value) {
    uint64_t quotient, low;
    if (!readUnary(limit >> k, quotient) || !read(k, low))
      return false;
    value = (quotient << k) | low;
    return value <= limit;
  }

private:
  bool readUnary(uint64_t maxQuotient, uint64_t &quotient) {
    quotient = 0;
    while (pos < size) {
      unsigned offset = pos & 7;
      // Bits before `pos` shift out; zeros shift in at the bottom, so the
      // count of leading ones stops inside this byte.
      auto rest = static_cast<uint8_t>(bytes[pos >> 3] << offset);
      unsigned ones = llvm::countl_one(rest);
      unsigned avail = 8 - offset;
      quotient += std::min(ones, avail);
      if (quotient > maxQuotient)
        return false;
      if (ones < avail) {
        pos += ones + 1;
        return true;
      }
      pos += avail;
    }
    return false;
  }

  ArrayRef<uint8_t> bytes;
  uint64_t size;
  uint64_t pos = 0;
};

void writeChannel(BitWriter &writer, ArrayRef<int64_t> channel,
                  const ChannelCode &code) {
  writer.write(code.kRun, kRunParamBits);
  writer.write(code.kVal, kValParamBits);
  int64_t n = static_cast<int64_t>(channel.size()), pos = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (channel[i] == 0)
      continue;
    writer.writeRice(static_cast<uint64_t>(i - pos), code.kRun);
    writer.writeRice(zigzag(channel[i]) - 1, code.kVal);
    pos = i + 1;
  }
  if (pos < n)
    writer.writeRice(static_cast<uint64_t>(n - pos), code.kRun);
}

/// Decodes one channel into `out`, which holds zeros; false if corrupt.
bool readChannel(BitReader &reader, llvm::MutableArrayRef<int64_t> out,
                 unsigned bitWidth) {
  uint64_t kRun, kVal;
  if (!reader.read(kRunParamBits, kRun) || !reader.read(kValParamBits, kVal) ||
      kVal > getMaxValParam(bitWidth))
    return false;
  uint64_t maxValue = getMaxCodedValue(bitWidth);
  uint64_t n = out.size(), pos = 0;
  while (pos < n) {
    // A run never passes the end of the channel; one that reaches it is
    // the final run.
    uint64_t run, u;
    if (!reader.readRice(static_cast<unsigned>(kRun), n - pos, run))
      return false;
    pos += run;
    if (pos == n)
      break;
    if (!reader.readRice(static_cast<unsigned>(kVal), maxValue, u))
      return false;
    out[pos++] = unzigzag(u + 1);
  }
  return true;
}

} // namespace

EncodedWeights mlir::cnn::encodeWeights(ArrayRef<int64_t> values,
                                        int64_t channels, unsigned bitWidth) {
  assert(areValidArguments(values, channels, bitWidth) &&
         "bad bit width or channel count");
  size_t n = values.size() / static_cast<size_t>(channels);
  std::vector<ChannelCode> codes;
  codes.reserve(static_cast<size_t>(channels));
  uint64_t bits = 0;
  for (int64_t c = 0; c < channels; ++c) {
    codes.push_back(chooseChannelCode(values.slice(c * n, n), bitWidth));
    bits += codes.back().bits;
  }
  BitWriter writer(bits + 8 * static_cast<uint64_t>(channels));
  std::vector<uint64_t> channelBytes;
  channelBytes.reserve(static_cast<size_t>(channels));
  for (int64_t c = 0; c < channels; ++c) {
    size_t before = writer.getByteSize();
    writeChannel(writer, values.slice(c * n, n), codes[c]);
    writer.align();
    channelBytes.push_back(writer.getByteSize() - before);
  }
  EncodedWeights encoded = std::move(writer).finish();
  encoded.channelBytes = std::move(channelBytes);
  assert(encoded.bits == bits && "cost model and stream disagree");
  return encoded;
}

uint64_t mlir::cnn::getEncodedBits(ArrayRef<int64_t> values, int64_t channels,
                                   unsigned bitWidth) {
  assert(areValidArguments(values, channels, bitWidth) &&
         "bad bit width or channel count");
  size_t n = values.size() / static_cast<size_t>(channels);
  uint64_t bits = 0;
  for (int64_t c = 0; c < channels; ++c)
    bits += chooseChannelCode(values.slice(c * n, n), bitWidth).bits;
  return bits;
}

std::vector<uint64_t>
mlir::cnn::getEncodedChannelSizes(ArrayRef<int64_t> values, int64_t channels,
                                  unsigned bitWidth) {
  assert(areValidArguments(values, channels, bitWidth) &&
         "bad bit width or channel count");
  size_t n = values.size() / static_cast<size_t>(channels);
  std::vector<uint64_t> sizes;
  sizes.reserve(static_cast<size_t>(channels));
  for (int64_t c = 0; c < channels; ++c)
    sizes.push_back(
        (chooseChannelCode(values.slice(c * n, n), bitWidth).bits + 7) / 8);
  return sizes;
}

uint64_t mlir::cnn::getEncodedSize(ArrayRef<int64_t> values, int64_t channels,
                                   unsigned bitWidth) {
  uint64_t bytes = 0;
  for (uint64_t b : getEncodedChannelSizes(values, channels, bitWidth))
    bytes += b;
  return bytes;
}

std::optional<std::vector<int64_t>>
mlir::cnn::decodeWeights(ArrayRef<uint8_t> bytes, int64_t count,
                         int64_t channels, unsigned bitWidth) {
  if (bitWidth < 1 || bitWidth > kMaxWeightCodecBitWidth || channels < 1 ||
      count < 0 || count % channels != 0)
    return std::nullopt;

  // Refuse counts the stream cannot hold before allocating them. A channel
  // of n values takes at least its header plus n / 2^15 bits: a value takes
  // at least one bit, and a run r at least (r >> 15) + 1 > r / 2^15.
  BitReader reader(bytes);
  uint64_t avail = reader.getSize();
  if (static_cast<uint64_t>(channels) > avail / kHeaderBits ||
      (static_cast<uint64_t>(count) >> kMaxRunParam) >
          avail - static_cast<uint64_t>(channels) * kHeaderBits)
    return std::nullopt;

  std::vector<int64_t> values(static_cast<size_t>(count), 0);
  size_t n = values.size() / static_cast<size_t>(channels);
  llvm::MutableArrayRef<int64_t> all(values);
  for (int64_t c = 0; c < channels; ++c) {
    if (!readChannel(reader, all.slice(c * n, n), bitWidth))
      return std::nullopt;
    // The encoder pads each channel with zero bits to the next byte.
    uint64_t padBits = (8 - reader.getPosition() % 8) % 8, padding;
    if (!reader.read(static_cast<unsigned>(padBits), padding) || padding != 0)
      return std::nullopt;
  }
  // And stops there.
  if (reader.getPosition() != avail)
    return std::nullopt;
  return values;
}

std::vector<int64_t> mlir::cnn::pruneByMagnitude(ArrayRef<int64_t> values,
                                                 double sparsity) {
  assert(sparsity >= 0.0 && sparsity <= 1.0 && "sparsity outside [0, 1]");
  std::vector<int64_t> pruned(values.begin(), values.end());
  size_t n = pruned.size();
  if (!(sparsity > 0.0) || n == 0)
    return pruned;
  size_t numZeroed =
      sparsity >= 1.0
          ? n
          : std::min(n, static_cast<size_t>(std::round(sparsity * double(n))));
  if (numZeroed == 0)
    return pruned;

  // |INT64_MIN| does not fit int64_t; compare magnitudes unsigned. The index
  // breaks ties, so the order is total and the result does not depend on
  // the selection algorithm.
  auto magnitude = [&](size_t i) {
    uint64_t u = static_cast<uint64_t>(pruned[i]);
    return pruned[i] < 0 ? 0 - u : u;
  };
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t(0));
  auto nth = order.begin() + static_cast<std::ptrdiff_t>(numZeroed);
  if (numZeroed < n)
    std::nth_element(order.begin(), nth, order.end(), [&](size_t a, size_t b) {
      uint64_t ma = magnitude(a), mb = magnitude(b);
      return ma < mb || (ma == mb && a < b);
    });
  for (auto it = order.begin(); it != nth; ++it)
    pruned[*it] = 0;
  return pruned;
}
