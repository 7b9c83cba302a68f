//===- WeightDecoder.cpp - The weight decoder lowered programs call -------===//

#include "cnn/Runtime/WeightDecoder.h"

#include "cnn/Analysis/WeightCodec.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <type_traits>
#include <vector>

namespace {

/// Decodes into `values` the integers (or the bit patterns) of `channels`
/// output channels, as wide as T; aborts on a stream that does not decode.
template <typename T>
void decode(StridedMemRefType<int8_t, 1> *bytes, StridedMemRefType<T, 1> *values,
            int64_t channels) {
  std::vector<uint8_t> coded(static_cast<size_t>(bytes->sizes[0]));
  for (int64_t i = 0; i < bytes->sizes[0]; ++i)
    coded[i] = static_cast<uint8_t>(
        bytes->data[bytes->offset + i * bytes->strides[0]]);
  std::optional<std::vector<int64_t>> decoded = mlir::cnn::decodeWeights(
      coded, values->sizes[0], channels, 8 * sizeof(T));
  if (!decoded) {
    std::fprintf(stderr,
                 "cnn_zrl_rice_decode: %lld coded bytes do not hold %lld "
                 "weights in %lld channels\n",
                 static_cast<long long>(bytes->sizes[0]),
                 static_cast<long long>(values->sizes[0]),
                 static_cast<long long>(channels));
    std::abort();
  }
  // The unsigned integer as wide as T: truncating to it keeps the two's
  // complement bit pattern.
  using Bits = std::conditional_t<
      sizeof(T) == 1, uint8_t,
      std::conditional_t<sizeof(T) == 2, uint16_t, uint32_t>>;
  for (int64_t i = 0; i < values->sizes[0]; ++i) {
    auto bits = static_cast<Bits>((*decoded)[i]);
    T v;
    std::memcpy(&v, &bits, sizeof(T));
    values->data[values->offset + i * values->strides[0]] = v;
  }
}

} // namespace

extern "C" {
void _mlir_ciface_cnn_zrl_rice_decode_i8(StridedMemRefType<int8_t, 1> *bytes,
                                         StridedMemRefType<int8_t, 1> *values,
                                         int64_t channels) {
  decode(bytes, values, channels);
}
void _mlir_ciface_cnn_zrl_rice_decode_i16(
    StridedMemRefType<int8_t, 1> *bytes, StridedMemRefType<int16_t, 1> *values,
    int64_t channels) {
  decode(bytes, values, channels);
}
void _mlir_ciface_cnn_zrl_rice_decode_i32(
    StridedMemRefType<int8_t, 1> *bytes, StridedMemRefType<int32_t, 1> *values,
    int64_t channels) {
  decode(bytes, values, channels);
}
void _mlir_ciface_cnn_zrl_rice_decode_f16(
    StridedMemRefType<int8_t, 1> *bytes, StridedMemRefType<uint16_t, 1> *values,
    int64_t channels) {
  decode(bytes, values, channels);
}
void _mlir_ciface_cnn_zrl_rice_decode_f32(StridedMemRefType<int8_t, 1> *bytes,
                                          StridedMemRefType<float, 1> *values,
                                          int64_t channels) {
  decode(bytes, values, channels);
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
