//===- WeightCodecTest.cpp - The zrl-rice weight codec --------------------===//

#include "cnn/Analysis/WeightCodec.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>

using namespace mlir::cnn;

namespace {

/// Packs a string of '0' and '1' MSB-first, padding with zeros; any other
/// character (spaces between fields) is ignored.
std::vector<uint8_t> packBits(const std::string &bits) {
  std::vector<uint8_t> bytes;
  unsigned n = 0;
  for (char c : bits) {
    if (c != '0' && c != '1')
      continue;
    if (n % 8 == 0)
      bytes.push_back(0);
    if (c == '1')
      bytes.back() |= uint8_t(0x80 >> (n % 8));
    ++n;
  }
  return bytes;
}

uint64_t countBits(const std::string &bits) {
  return std::count(bits.begin(), bits.end(), '0') +
         std::count(bits.begin(), bits.end(), '1');
}

int64_t minValue(unsigned w) { return -(int64_t(1) << (w - 1)); }
int64_t maxValue(unsigned w) { return (int64_t(1) << (w - 1)) - 1; }

// An independent, literal reading of the format: every (k_run, k_val) pair
// tried on the list of codes of a channel. Slow; for small tensors only.
struct ReferenceCode {
  bool isRun;
  uint64_t u;
};

std::vector<ReferenceCode> referenceCodes(const std::vector<int64_t> &ch) {
  std::vector<ReferenceCode> codes;
  size_t pos = 0;
  for (size_t i = 0; i < ch.size(); ++i) {
    if (ch[i] == 0)
      continue;
    uint64_t zz = ch[i] >= 0 ? 2 * uint64_t(ch[i]) : 2 * uint64_t(-ch[i]) - 1;
    codes.push_back({true, i - pos});
    codes.push_back({false, zz - 1});
    pos = i + 1;
  }
  if (pos < ch.size())
    codes.push_back({true, ch.size() - pos});
  return codes;
}

void appendBinary(std::string &s, uint64_t u, unsigned width) {
  for (int b = int(width) - 1; b >= 0; --b)
    s += ((u >> b) & 1) ? '1' : '0';
}

/// The stream as a string of bits, each channel padded with zeros to a
/// whole byte; `meaningful` is set to the number of bits without padding.
std::string referenceEncode(const std::vector<int64_t> &values,
                            int64_t channels, unsigned w,
                            uint64_t &meaningful) {
  size_t n = values.size() / channels;
  std::string all;
  meaningful = 0;
  for (int64_t c = 0; c < channels; ++c) {
    std::vector<ReferenceCode> codes = referenceCodes(std::vector<int64_t>(
        values.begin() + c * n, values.begin() + (c + 1) * n));
    unsigned bestRun = 0, bestVal = 0;
    uint64_t bestBits = UINT64_MAX;
    for (unsigned kr = 0; kr <= 15; ++kr)
      for (unsigned kv = 0; kv <= std::min(w, 31u); ++kv) {
        uint64_t bits = 9;
        for (ReferenceCode code : codes) {
          unsigned k = code.isRun ? kr : kv;
          bits += (code.u >> k) + 1 + k;
        }
        if (bits < bestBits) {
          bestBits = bits;
          bestRun = kr;
          bestVal = kv;
        }
      }
    appendBinary(all, bestRun, 4);
    appendBinary(all, bestVal, 5);
    for (ReferenceCode code : codes) {
      unsigned k = code.isRun ? bestRun : bestVal;
      all.append(code.u >> k, '1');
      all += '0';
      appendBinary(all, code.u, k);
    }
    meaningful += bestBits;
    all.append((8 - all.size() % 8) % 8, '0');
  }
  return all;
}

int64_t laplacian(std::mt19937_64 &rng, double scale, unsigned w) {
  std::exponential_distribution<double> expo(1.0 / scale);
  double x = expo(rng) - expo(rng);
  return std::clamp<int64_t>(std::llround(x), minValue(w), maxValue(w));
}

std::vector<int64_t> laplacianTensor(std::mt19937_64 &rng, size_t n,
                                     double scale, unsigned w) {
  std::vector<int64_t> v(n);
  for (int64_t &x : v)
    x = laplacian(rng, scale, w);
  return v;
}

std::vector<int64_t> uniformTensor(std::mt19937_64 &rng, size_t n, unsigned w) {
  std::uniform_int_distribution<int64_t> dist(minValue(w), maxValue(w));
  std::vector<int64_t> v(n);
  for (int64_t &x : v)
    x = dist(rng);
  return v;
}

/// A random tensor of one of many shapes of data; `channels` is set.
std::vector<int64_t> randomTensor(std::mt19937_64 &rng, unsigned w,
                                  int64_t &channels, size_t maxPerChannel) {
  channels = std::uniform_int_distribution<int64_t>(1, 8)(rng);
  size_t n =
      channels * std::uniform_int_distribution<size_t>(0, maxPerChannel)(rng);
  std::uniform_int_distribution<int64_t> any(minValue(w), maxValue(w));
  std::vector<int64_t> v(n, 0);
  switch (std::uniform_int_distribution<int>(0, 9)(rng)) {
  case 0: // Dense uniform.
    v = uniformTensor(rng, n, w);
    break;
  case 1: { // Sparse: a random density of nonzeros.
    double density = std::uniform_real_distribution<double>(0, 1)(rng);
    std::bernoulli_distribution keep(density);
    for (int64_t &x : v)
      x = keep(rng) ? any(rng) : 0;
    break;
  }
  case 2: { // Laplacian-like small values, at a random scale.
    double scale = std::pow(
        2.0, std::uniform_real_distribution<double>(-2, double(w) - 2)(rng));
    v = laplacianTensor(rng, n, scale, w);
    break;
  }
  case 3: // All zeros.
    break;
  case 4:
    std::fill(v.begin(), v.end(), maxValue(w));
    break;
  case 5:
    std::fill(v.begin(), v.end(), minValue(w));
    break;
  case 6: // Only the extremes and zero.
    for (int64_t &x : v)
      x = std::array<int64_t, 3>{minValue(w), 0, maxValue(w)}[rng() % 3];
    break;
  case 7: // Single element.
    channels = 1;
    v = {any(rng)};
    break;
  case 8: // Long zero runs between rare values.
    for (int64_t &x : v)
      x = rng() % 500 == 0 ? any(rng) : 0;
    break;
  case 9: { // Sparse Laplacian: pruned small values.
    v = laplacianTensor(rng, n, 3.0, w);
    v = pruneByMagnitude(v, std::uniform_real_distribution<double>(0, 1)(rng));
    break;
  }
  }
  return v;
}

void expectRoundTrip(const std::vector<int64_t> &values, int64_t channels,
                     unsigned w) {
  EncodedWeights enc = encodeWeights(values, channels, w);
  EXPECT_EQ(getEncodedBits(values, channels, w), enc.bits);
  EXPECT_EQ(getEncodedSize(values, channels, w), enc.bytes.size());
  EXPECT_EQ(getEncodedChannelSizes(values, channels, w), enc.channelBytes);
  ASSERT_EQ(enc.channelBytes.size(), size_t(channels));
  // Each channel is its bits padded to a byte, and decodes on its own.
  size_t n = values.size() / channels, offset = 0;
  for (int64_t c = 0; c < channels; ++c) {
    uint64_t bytes = enc.channelBytes[c];
    EXPECT_GE(bytes, 2u); // the 9-bit header alone takes two bytes
    std::optional<std::vector<int64_t>> one = decodeWeights(
        llvm::ArrayRef(enc.bytes).slice(offset, bytes), n, 1, w);
    ASSERT_TRUE(one.has_value());
    EXPECT_TRUE(std::equal(one->begin(), one->end(), values.begin() + c * n));
    offset += bytes;
  }
  EXPECT_EQ(offset, enc.bytes.size());
  EXPECT_LE(enc.bytes.size(), (enc.bits + 7) / 8 + size_t(channels) - 1);
  // With k_run = 0 and k_val = min(w, 31) a value costs at most w + 2 bits
  // with its run, a zero one bit, a channel its header and one more bit;
  // the chosen code is never longer.
  EXPECT_LE(enc.bits, uint64_t(channels) * 10 + values.size() * (w + 2));
  std::optional<std::vector<int64_t>> dec =
      decodeWeights(enc.bytes, values.size(), channels, w);
  ASSERT_TRUE(dec.has_value());
  EXPECT_EQ(*dec, values);
}

double ratio(const std::vector<int64_t> &values, int64_t channels, unsigned w) {
  return double(getEncodedSize(values, channels, w)) /
         (double(values.size()) * w / 8);
}

//===----------------------------------------------------------------------===//
// Sizes and streams worked out by hand
//===----------------------------------------------------------------------===//

// One channel of 8 zeros: no values, so k_val = 0, and one final run of 8.
// Rice(k) of 8 costs (8 >> k) + 1 + k bits: 9, 6, 5, 5, 5, 6, ... for
// k = 0, 1, 2, 3, 4, 5; the smallest k of the cheapest is 2:
// "110" (quotient 2) "00". Header 0010 00000 + 5 bits = 14 bits, 2 bytes.
TEST(WeightCodecTest, EightZeros) {
  std::vector<int64_t> v(8, 0);
  EncodedWeights enc = encodeWeights(v, 1, 8);
  EXPECT_EQ(enc.bits, 14u);
  EXPECT_EQ(enc.bytes, packBits("0010 00000 110 00"));
  EXPECT_EQ(enc.bytes, (std::vector<uint8_t>{0x20, 0x60}));
  EXPECT_EQ(getEncodedSize(v, 1, 8), 2u);
  expectRoundTrip(v, 1, 8);
}

// [0, 0, 3, 0, -1, 0, 0, 0]: runs 2, 1 and a final 3; zigzag(3) - 1 = 5,
// zigzag(-1) - 1 = 0.
//   runs:   k=0: 2+1+3 + 3*1 = 9, k=1: 1+0+1 + 3*2 = 8, k=2: 0 + 3*3 = 9
//   values: k=0: 5+0 + 2*1 = 7,   k=1: 2+0 + 2*2 = 6,   k=2: 1 + 2*3 = 7
// so k_run = 1, k_val = 1: 9 + 8 + 6 = 23 bits, 3 bytes:
//   0001 00001 | run 2: 10 0 | 5: 110 1 | run 1: 0 1 | 0: 0 0 | run 3: 10 1
TEST(WeightCodecTest, SmallChannelBitByBit) {
  std::vector<int64_t> v = {0, 0, 3, 0, -1, 0, 0, 0};
  EncodedWeights enc = encodeWeights(v, 1, 8);
  const char *expected = "0001 00001  100 1101  01 00  101";
  EXPECT_EQ(enc.bits, 23u);
  EXPECT_EQ(countBits(expected), 23u);
  EXPECT_EQ(enc.bytes, packBits(expected));
  EXPECT_EQ(enc.bytes, (std::vector<uint8_t>{0x10, 0xCD, 0x4A}));
  expectRoundTrip(v, 1, 8);
}

// Two i8 channels, [-128, 127] and [0, 0].
// Channel 0: runs 0, 0 (no final run): k_run = 0, 2 bits. Values
// zigzag - 1 = 254, 253: k=6: 3+3 + 2*7 = 20, k=7: 1+1 + 2*8 = 18,
// k=8: 0 + 2*9 = 18, so k_val = 7, 18 bits: 9 + 2 + 18 = 29 bits.
// Channel 1: final run 2 costs 3 bits for k = 0, 1, 2; k_run = 0:
// 9 + 3 = 12 bits. Total 41 bits; each channel padded to a byte: 4 + 2
// bytes.
TEST(WeightCodecTest, TwoChannels) {
  std::vector<int64_t> v = {-128, 127, 0, 0};
  EncodedWeights enc = encodeWeights(v, 2, 8);
  const char *expected = "0000 00111  0 10 1111110  0 10 1111101  000"
                         "0000 00000  110";
  EXPECT_EQ(enc.bits, 41u);
  EXPECT_EQ(countBits(expected), 44u);
  EXPECT_EQ(enc.channelBytes, (std::vector<uint64_t>{4, 2}));
  EXPECT_EQ(enc.bytes, packBits(expected));
  EXPECT_EQ(getEncodedSize(v, 2, 8), 6u);
  expectRoundTrip(v, 2, 8);
}

// A single 127: run 0 (1 bit with k_run = 0) and zigzag - 1 = 253, whose
// cost (253 >> k) + 1 + k is 10, 9, 9 for k = 6, 7, 8: k_val = 7.
// 9 + 1 + 9 = 19 bits, 3 bytes.
TEST(WeightCodecTest, SingleValue) {
  std::vector<int64_t> v = {127};
  EncodedWeights enc = encodeWeights(v, 1, 8);
  EXPECT_EQ(enc.bits, 19u);
  EXPECT_EQ(enc.bytes, packBits("0000 00111  0  10 1111101"));
  EXPECT_EQ(enc.bytes, (std::vector<uint8_t>{0x03, 0xAF, 0xA0}));
  expectRoundTrip(v, 1, 8);
  // -1 is zigzag 1, coded as 0: one bit with k_val = 0. 9 + 1 + 1 = 11.
  EXPECT_EQ(encodeWeights({-1}, 1, 8).bits, 11u);
}

// No values: each channel is its header alone, padded to two bytes.
TEST(WeightCodecTest, EmptyChannels) {
  EncodedWeights enc = encodeWeights({}, 3, 16);
  EXPECT_EQ(enc.bits, 27u);
  EXPECT_EQ(enc.bytes, std::vector<uint8_t>(6, 0));
  expectRoundTrip({}, 3, 16);
}

// 2^20 zeros: (2^20 >> k) + 1 + k is smallest at the largest k_run,
// 15: 32 + 1 + 15 = 48 bits, 57 with the header, 8 bytes. A long run needs
// no long unary code and no memory beyond the output.
TEST(WeightCodecTest, LongZeroRun) {
  std::vector<int64_t> v(size_t(1) << 20, 0);
  EXPECT_EQ(encodeWeights(v, 1, 8).bits, 57u);
  EXPECT_EQ(getEncodedSize(v, 1, 8), 8u);
  v.back() = 1;
  expectRoundTrip(v, 1, 8);
  v[v.size() / 2] = -128;
  expectRoundTrip(v, 4, 8);
}

// f32 weights travel as the signed 32-bit integers of their bit patterns.
TEST(WeightCodecTest, FloatBitPatterns) {
  std::vector<float> floats = {0.0f,
                               -0.0f,
                               1.0f,
                               -1.0f,
                               0.5f,
                               -3.25e-7f,
                               1e30f,
                               -1e30f,
                               std::numeric_limits<float>::quiet_NaN(),
                               std::numeric_limits<float>::infinity(),
                               -std::numeric_limits<float>::infinity(),
                               0.0f};
  std::vector<int64_t> v;
  for (float f : floats) {
    int32_t i;
    std::memcpy(&i, &f, sizeof(i));
    v.push_back(i);
  }
  expectRoundTrip(v, 1, 32);
  expectRoundTrip(v, 3, 32);
  expectRoundTrip({minValue(32), maxValue(32), -1, 0}, 2, 32);
}

//===----------------------------------------------------------------------===//
// Round trips
//===----------------------------------------------------------------------===//

TEST(WeightCodecTest, RandomRoundTrip) {
  std::mt19937_64 rng(1);
  for (int iter = 0; iter < 4000; ++iter) {
    unsigned w = std::array<unsigned, 3>{8, 16, 32}[iter % 3];
    int64_t channels;
    std::vector<int64_t> v =
        randomTensor(rng, w, channels, iter % 10 == 0 ? 3000 : 200);
    SCOPED_TRACE("iteration " + std::to_string(iter));
    expectRoundTrip(v, channels, w);
    if (HasFailure())
      return;
  }
}

// Widths other than the usual ones, down to 1 (values -1 and 0 only).
TEST(WeightCodecTest, RandomRoundTripAnyWidth) {
  std::mt19937_64 rng(2);
  for (int iter = 0; iter < 1000; ++iter) {
    unsigned w = 1 + iter % 32;
    int64_t channels;
    std::vector<int64_t> v = randomTensor(rng, w, channels, 100);
    SCOPED_TRACE("iteration " + std::to_string(iter));
    expectRoundTrip(v, channels, w);
    if (HasFailure())
      return;
  }
}

// The stream is exactly the literal format with the cheapest parameters.
TEST(WeightCodecTest, MatchesReferenceEncoder) {
  std::mt19937_64 rng(3);
  for (int iter = 0; iter < 300; ++iter) {
    unsigned w = std::array<unsigned, 4>{8, 16, 32, 4}[iter % 4];
    int64_t channels;
    std::vector<int64_t> v = randomTensor(rng, w, channels, 24);
    uint64_t meaningful;
    std::string bits = referenceEncode(v, channels, w, meaningful);
    EncodedWeights enc = encodeWeights(v, channels, w);
    SCOPED_TRACE("iteration " + std::to_string(iter));
    EXPECT_EQ(enc.bits, meaningful);
    EXPECT_EQ(enc.bytes, packBits(bits));
    if (HasFailure())
      return;
  }
}

//===----------------------------------------------------------------------===//
// Decoder robustness
//===----------------------------------------------------------------------===//

void expectValidOrNothing(const std::optional<std::vector<int64_t>> &dec,
                          int64_t count, unsigned w) {
  if (!dec)
    return;
  ASSERT_EQ(dec->size(), size_t(count));
  for (int64_t x : *dec)
    ASSERT_TRUE(x >= minValue(w) && x <= maxValue(w));
}

// Every bit of the last byte but the padding is needed, and the decoder
// reads the same bits whatever follows, so any truncation is refused; so
// is a byte too many.
TEST(WeightCodecTest, TruncatedAndExtendedStreams) {
  std::mt19937_64 rng(4);
  for (int iter = 0; iter < 300; ++iter) {
    unsigned w = std::array<unsigned, 3>{8, 16, 32}[iter % 3];
    int64_t channels;
    std::vector<int64_t> v = randomTensor(rng, w, channels, 60);
    std::vector<uint8_t> bytes = encodeWeights(v, channels, w).bytes;
    for (size_t len = 0; len < bytes.size(); ++len)
      EXPECT_FALSE(decodeWeights(llvm::ArrayRef(bytes).take_front(len),
                                 v.size(), channels, w));
    bytes.push_back(0);
    EXPECT_FALSE(decodeWeights(bytes, v.size(), channels, w));
    if (HasFailure())
      return;
  }
}

TEST(WeightCodecTest, CorruptStreams) {
  std::mt19937_64 rng(5);
  // Flipped bits: refused, or some values of the right count and range.
  int decoded = 0;
  for (int iter = 0; iter < 2000; ++iter) {
    unsigned w = std::array<unsigned, 3>{8, 16, 32}[iter % 3];
    int64_t channels;
    std::vector<int64_t> v = randomTensor(rng, w, channels, 60);
    std::vector<uint8_t> bytes = encodeWeights(v, channels, w).bytes;
    int flips = 1 + rng() % 4;
    for (int f = 0; f < flips; ++f)
      bytes[rng() % bytes.size()] ^= uint8_t(1u << (rng() % 8));
    std::optional<std::vector<int64_t>> dec =
        decodeWeights(bytes, v.size(), channels, w);
    decoded += dec.has_value();
    expectValidOrNothing(dec, v.size(), w);
  }
  // Many flips land in value bits and still decode: both outcomes are
  // exercised.
  EXPECT_GT(decoded, 100);
  EXPECT_LT(decoded, 1900);
  // Garbage of any length, with any plausible or implausible shape.
  for (int iter = 0; iter < 20000; ++iter) {
    std::vector<uint8_t> bytes(rng() % 64);
    for (uint8_t &b : bytes)
      b = iter % 4 == 0 ? uint8_t(rng() % 2 ? 0xFF : 0x00) : uint8_t(rng());
    unsigned w = 1 + rng() % 32;
    int64_t channels = 1 + rng() % 4;
    int64_t count = channels * int64_t(rng() % 300);
    expectValidOrNothing(decodeWeights(bytes, count, channels, w), count, w);
    if (HasFailure())
      return;
  }
}

TEST(WeightCodecTest, DecoderRefusesMalformedInput) {
  std::vector<uint8_t> zeros = {0x20, 0x60}; // Eight zeros, see EightZeros.
  ASSERT_TRUE(decodeWeights(zeros, 8, 1, 8));
  EXPECT_FALSE(decodeWeights(zeros, 8, 3, 8)); // 3 does not divide 8.
  EXPECT_FALSE(decodeWeights(zeros, 8, 0, 8));
  EXPECT_FALSE(decodeWeights(zeros, -8, 1, 8));
  EXPECT_FALSE(decodeWeights(zeros, 8, 1, 0));
  EXPECT_FALSE(decodeWeights(zeros, 8, 1, 33));
  // The same bits read as 7 values: the final run 8 passes the end.
  EXPECT_FALSE(decodeWeights(zeros, 7, 1, 8));
  // Two values: a run of 3 passes the end, though a value follows it.
  EXPECT_FALSE(decodeWeights(packBits("0000 00000 1110 0"), 2, 1, 8));
  // Nonzero padding.
  EXPECT_FALSE(decodeWeights({0x20, 0x61}, 8, 1, 8));
  // Counts no stream of two bytes can hold are refused before allocation.
  EXPECT_FALSE(decodeWeights(zeros, std::numeric_limits<int64_t>::max(), 1, 8));
  EXPECT_FALSE(decodeWeights(zeros, int64_t(1) << 40, 1 << 20, 8));
  // k_val = 9 above the width 8 (the stream is otherwise complete); with
  // k_val = 8, run 0 and value 0 (zigzag 1: -1).
  EXPECT_FALSE(decodeWeights(packBits("0000 01001 0 0 000000000"), 1, 1, 8));
  EXPECT_EQ(*decodeWeights(packBits("0000 01000 0 0 00000000"), 1, 1, 8),
            std::vector<int64_t>{-1});
  // Value zigzag - 1 = 255 is not an i8 (254 is -128).
  EXPECT_FALSE(decodeWeights(packBits("0000 00111 0 10 1111111"), 1, 1, 8));
  EXPECT_EQ(*decodeWeights(packBits("0000 00111 0 10 1111110"), 1, 1, 8),
            std::vector<int64_t>{-128});
  // A unary code running off the end.
  EXPECT_FALSE(decodeWeights({0x00, 0x7F, 0xFF, 0xFF}, 1000, 1, 8));
}

//===----------------------------------------------------------------------===//
// Pruning
//===----------------------------------------------------------------------===//

TEST(WeightCodecTest, PruneHandExamples) {
  // round(0.5 * 6) = 3 smallest magnitudes: 0 (index 3), -1, 2.
  EXPECT_EQ(pruneByMagnitude({5, -1, 3, 0, -7, 2}, 0.5),
            (std::vector<int64_t>{5, 0, 3, 0, -7, 0}));
  EXPECT_EQ(pruneByMagnitude({5, -1, 3, 0, -7, 2}, 0.0),
            (std::vector<int64_t>{5, -1, 3, 0, -7, 2}));
  EXPECT_EQ(pruneByMagnitude({5, -1, 3, 0, -7, 2}, 1.0),
            (std::vector<int64_t>(6, 0)));
  // Ties on |2|: the lower index goes first. round(0.4 * 5) = 2.
  EXPECT_EQ(pruneByMagnitude({2, -2, 2, 1, -2}, 0.4),
            (std::vector<int64_t>{0, -2, 2, 0, -2}));
  EXPECT_EQ(pruneByMagnitude({-3, 3, -3, 3}, 0.75),
            (std::vector<int64_t>{0, 0, 0, 3}));
  // round(0.5 * 5) = round(2.5) = 3, half away from zero.
  EXPECT_EQ(pruneByMagnitude({1, 2, 3, 4, 5}, 0.5),
            (std::vector<int64_t>{0, 0, 0, 4, 5}));
  // round(0.09 * 5) = 0.
  EXPECT_EQ(pruneByMagnitude({1, 2, 3, 4, 5}, 0.09),
            (std::vector<int64_t>{1, 2, 3, 4, 5}));
  // |INT64_MIN| is the largest magnitude.
  int64_t lowest = std::numeric_limits<int64_t>::min();
  EXPECT_EQ(pruneByMagnitude({lowest, 1, -1}, 2.0 / 3),
            (std::vector<int64_t>{lowest, 0, 0}));
  EXPECT_TRUE(pruneByMagnitude({}, 0.5).empty());
}

// Against sorting all indices by (|value|, index).
TEST(WeightCodecTest, PruneMatchesSort) {
  std::mt19937_64 rng(6);
  for (int iter = 0; iter < 500; ++iter) {
    std::vector<int64_t> v = laplacianTensor(rng, rng() % 200, 2.0, 8);
    double s = std::uniform_real_distribution<double>(0, 1)(rng);
    std::vector<size_t> order(v.size());
    for (size_t i = 0; i < v.size(); ++i)
      order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return std::abs(v[a]) < std::abs(v[b]);
    });
    std::vector<int64_t> expected = v;
    size_t k = size_t(std::round(s * v.size()));
    for (size_t i = 0; i < k; ++i)
      expected[order[i]] = 0;
    EXPECT_EQ(pruneByMagnitude(v, s), expected);
  }
}

TEST(WeightCodecTest, PrunedWeightsCompressSmaller) {
  std::mt19937_64 rng(7);
  std::vector<int64_t> v = laplacianTensor(rng, 64 * 3 * 3 * 64, 4.0, 8);
  uint64_t previous = getEncodedSize(v, 64, 8);
  for (double s : {0.25, 0.5, 0.75, 0.9, 1.0}) {
    std::vector<int64_t> p = pruneByMagnitude(v, s);
    uint64_t size = getEncodedSize(p, 64, 8);
    EXPECT_LT(size, previous) << "sparsity " << s;
    previous = size;
    expectRoundTrip(p, 64, 8);
  }
}

//===----------------------------------------------------------------------===//
// Compression ratios
//===----------------------------------------------------------------------===//

TEST(WeightCodecTest, CompressionRatios) {
  std::mt19937_64 rng(8);
  const int64_t channels = 64;
  const size_t n = channels * 3 * 3 * 64;
  // Small Laplacian weights take about log2(2e * scale) bits, 3.4 at
  // scale 2: well below the 8 raw bits.
  EXPECT_LT(ratio(laplacianTensor(rng, n, 2.0, 8), channels, 8), 0.6);
  EXPECT_LT(ratio(laplacianTensor(rng, n, 1.0, 8), channels, 8), 0.45);
  // Uniform values do not compress. The format charges every nonzero at
  // least one bit of run code and one unary bit: with k_val = 7 an i8 value
  // costs 1 + 1 + 7 + (1 half the time), 9.5 bits, 119% of raw. The codec
  // always has the k_val = min(w, 31) code, at most w + 2 bits a value:
  // (w + 2) / w of raw plus headers, 125% for i8.
  for (unsigned w : {8u, 16u, 32u}) {
    double r = ratio(uniformTensor(rng, n, w), channels, w);
    EXPECT_GT(r, 1.0) << "i" << w;
    EXPECT_LE(r, double(w + 2) / w + 0.01) << "i" << w;
  }
  double r8 = ratio(uniformTensor(rng, n, 8), channels, 8);
  EXPECT_NEAR(r8, 9.5 / 8, 0.01);
}

} // namespace
