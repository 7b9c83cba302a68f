//===- WeightCodec.h - Lossless zero-run/Rice codec for weights -*- C++ -*-===//
//
// The measured compressed size of a weight tensor (the `bytes` of a
// `#cnn.compression`) comes from a real encoder whose decoder restores the
// values exactly. Pure: integers in, bytes and sizes out.
//
// The scheme, "zrl-rice", codes signed integers of a bit width (1 to 32:
// i8 and i16 weights, or the raw bit patterns of f16 and f32 weights). The
// tensor is a run of `channels` equal, contiguous channels (dimension 0,
// the output channels), each coded independently into an MSB-first bit
// stream padded with zero bits to a whole byte, one after the other. So any
// run of consecutive channels is a run of whole bytes that decodes on its
// own: a tile of output channels is loaded and decoded without the rest. A
// channel of n values is:
//
//   k_run (4 bits) k_val (5 bits)
//   then, for each nonzero value v at index i, with pos starting at 0:
//     Rice(k_run) of i - pos, Rice(k_val) of zigzag(v) - 1, pos = i + 1
//   then, if pos < n, Rice(k_run) of n - pos.
//
// zigzag maps 0, -1, 1, -2, ... to 0, 1, 2, 3, ...; Rice(k) of u is u >> k
// one-bits, a zero-bit, and the k low bits of u. The encoder picks, per
// channel, the k_run in [0, 15] and k_val in [0, min(31, bitWidth)] giving
// the fewest bits (the smallest of each on ties).
//
//===----------------------------------------------------------------------===//

#ifndef CNN_ANALYSIS_WEIGHTCODEC_H
#define CNN_ANALYSIS_WEIGHTCODEC_H

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace mlir::cnn {

/// The name of the scheme, as the cost model and its attributes spell it.
constexpr const char *kWeightCodecName = "zrl-rice";

/// The largest bit width the codec accepts (k_val has 5 bits).
constexpr unsigned kMaxWeightCodecBitWidth = 32;

/// An encoded tensor: the channels' streams, each padded to whole bytes;
/// the number of meaningful bits (without the padding); the bytes of each
/// channel.
struct EncodedWeights {
  std::vector<uint8_t> bytes;
  uint64_t bits = 0;
  std::vector<uint64_t> channelBytes;
};

/// Encodes `values`, `channels` contiguous channels of equal length, each a
/// signed integer of `bitWidth` bits. Requires 1 <= bitWidth <= 32,
/// channels >= 1 dividing values.size(), and every value in
/// [-2^(bitWidth-1), 2^(bitWidth-1) - 1] (asserted: these are programmer
/// errors).
EncodedWeights encodeWeights(llvm::ArrayRef<int64_t> values, int64_t channels,
                             unsigned bitWidth);

/// Exact number of meaningful bits of encodeWeights(...) (its `bits`),
/// computed without building the stream. Same requirements.
uint64_t getEncodedBits(llvm::ArrayRef<int64_t> values, int64_t channels,
                        unsigned bitWidth);

/// Exact size in bytes of each channel of encodeWeights(...) (its
/// `channelBytes`), computed without building the stream. Same
/// requirements.
std::vector<uint64_t> getEncodedChannelSizes(llvm::ArrayRef<int64_t> values,
                                             int64_t channels,
                                             unsigned bitWidth);

/// Exact size in bytes of encodeWeights(...).bytes, computed without
/// building the stream: use it for the size of big tensors. Same
/// requirements.
uint64_t getEncodedSize(llvm::ArrayRef<int64_t> values, int64_t channels,
                        unsigned bitWidth);

/// Decodes `count` values in `channels` channels of `bitWidth` bits from
/// `bytes`. Returns std::nullopt, never crashing, when the arguments are
/// invalid or the stream is not one encodeWeights can produce: truncated,
/// a header or value out of range, a run past the end of its channel,
/// nonzero padding or bytes left over.
std::optional<std::vector<int64_t>> decodeWeights(llvm::ArrayRef<uint8_t> bytes,
                                                  int64_t count,
                                                  int64_t channels,
                                                  unsigned bitWidth);

/// Magnitude pruning: returns `values` with the round(sparsity * n) values
/// of smallest |value| set to zero (rounding half away from zero; on equal
/// magnitudes the lower index goes first; values already zero count).
/// Requires 0 <= sparsity <= 1 (asserted).
std::vector<int64_t> pruneByMagnitude(llvm::ArrayRef<int64_t> values,
                                      double sparsity);

} // namespace mlir::cnn

#endif // CNN_ANALYSIS_WEIGHTCODEC_H
