//===- WeightDecoder.cpp - The weight decoder lowered programs call -------===//

#include "cnn/Runtime/WeightDecoder.h"

#include "cnn/Analysis/WeightCodec.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

/// Decodes into `values` the `bitWidth`-bit integers (or bit patterns) of
/// `channels` output channels; aborts on a stream that does not decode.
template <typename T>
void decode(StridedMemRefType<int8_t, 1> *bytes, StridedMemRefType<T, 1> *values,
            int64_t channels, unsigned bitWidth) {
  std::vector<uint8_t> coded(static_cast<size_t>(bytes->sizes[0]));
  for (int64_t i = 0; i < bytes->sizes[0]; ++i)
    coded[i] = static_cast<uint8_t>(
        bytes->data[bytes->offset + i * bytes->strides[0]]);
  std::optional<std::vector<int64_t>> decoded = mlir::cnn::decodeWeights(
      coded, values->sizes[0], channels, bitWidth);
  if (!decoded) {
    std::fprintf(stderr,
                 "cnn_zrl_rice_decode: %lld coded bytes do not hold %lld "
                 "weights in %lld channels\n",
                 static_cast<long long>(bytes->sizes[0]),
                 static_cast<long long>(values->sizes[0]),
                 static_cast<long long>(channels));
    std::abort();
  }
  for (int64_t i = 0; i < values->sizes[0]; ++i) {
    // Two's complement truncation keeps the bit pattern.
    auto bits = static_cast<uint64_t>((*decoded)[i]);
    T v;
    if constexpr (sizeof(T) == 1) {
      uint8_t u = static_cast<uint8_t>(bits);
      std::memcpy(&v, &u, 1);
    } else if constexpr (sizeof(T) == 2) {
      uint16_t u = static_cast<uint16_t>(bits);
      std::memcpy(&v, &u, 2);
    } else {
      uint32_t u = static_cast<uint32_t>(bits);
      std::memcpy(&v, &u, 4);
    }
    values->data[values->offset + i * values->strides[0]] = v;
  }
}

} // namespace

extern "C" {
void _mlir_ciface_cnn_zrl_rice_decode_i8(StridedMemRefType<int8_t, 1> *bytes,
                                         StridedMemRefType<int8_t, 1> *values,
                                         int64_t channels) {
  decode(bytes, values, channels, 8);
}
void _mlir_ciface_cnn_zrl_rice_decode_i16(
    StridedMemRefType<int8_t, 1> *bytes, StridedMemRefType<int16_t, 1> *values,
    int64_t channels) {
  decode(bytes, values, channels, 16);
}
void _mlir_ciface_cnn_zrl_rice_decode_i32(
    StridedMemRefType<int8_t, 1> *bytes, StridedMemRefType<int32_t, 1> *values,
    int64_t channels) {
  decode(bytes, values, channels, 32);
}
void _mlir_ciface_cnn_zrl_rice_decode_f16(
    StridedMemRefType<int8_t, 1> *bytes, StridedMemRefType<uint16_t, 1> *values,
    int64_t channels) {
  decode(bytes, values, channels, 16);
}
void _mlir_ciface_cnn_zrl_rice_decode_f32(StridedMemRefType<int8_t, 1> *bytes,
                                          StridedMemRefType<float, 1> *values,
                                          int64_t channels) {
  decode(bytes, values, channels, 32);
}
}

void mlir::cnn::forEachWeightDecoderSymbol(
    const std::function<void(const std::string &, void *)> &add) {
  add("_mlir_ciface_cnn_zrl_rice_decode_i8",
      reinterpret_cast<void *>(&_mlir_ciface_cnn_zrl_rice_decode_i8));
  add("_mlir_ciface_cnn_zrl_rice_decode_i16",
      reinterpret_cast<void *>(&_mlir_ciface_cnn_zrl_rice_decode_i16));
  add("_mlir_ciface_cnn_zrl_rice_decode_i32",
      reinterpret_cast<void *>(&_mlir_ciface_cnn_zrl_rice_decode_i32));
  add("_mlir_ciface_cnn_zrl_rice_decode_f16",
      reinterpret_cast<void *>(&_mlir_ciface_cnn_zrl_rice_decode_f16));
  add("_mlir_ciface_cnn_zrl_rice_decode_f32",
      reinterpret_cast<void *>(&_mlir_ciface_cnn_zrl_rice_decode_f32));
}
