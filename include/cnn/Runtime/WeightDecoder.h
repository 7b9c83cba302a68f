//===- WeightDecoder.h - The weight decoder lowered programs call -*- C++ -*-===//
//
// On the CPU, --dma-to-memref turns `dma.decode` into a call of one of these
// functions (C interface of MLIR memrefs): the coded bytes of a run of whole
// output channels, the decoded weights flattened, and the number of
// channels. Each decodes with the project's zrl-rice decoder
// (cnn/Analysis/WeightCodec.h), writing integers, or the bit patterns of
// f16 and f32 weights. A stream that does not decode to exactly the
// weights' count is a broken program: the function reports it on standard
// error and aborts.
//
// cnn-run provides them to the programs it compiles
// (registerWeightDecoderSymbols).
//
//===----------------------------------------------------------------------===//

#ifndef CNN_RUNTIME_WEIGHTDECODER_H
#define CNN_RUNTIME_WEIGHTDECODER_H

#include "mlir/ExecutionEngine/CRunnerUtils.h"

#include <cstdint>
#include <functional>
#include <string>

extern "C" {
void _mlir_ciface_cnn_zrl_rice_decode_i8(StridedMemRefType<int8_t, 1> *bytes,
                                         StridedMemRefType<int8_t, 1> *values,
                                         int64_t channels);
void _mlir_ciface_cnn_zrl_rice_decode_i16(
    StridedMemRefType<int8_t, 1> *bytes, StridedMemRefType<int16_t, 1> *values,
    int64_t channels);
void _mlir_ciface_cnn_zrl_rice_decode_i32(
    StridedMemRefType<int8_t, 1> *bytes, StridedMemRefType<int32_t, 1> *values,
    int64_t channels);
void _mlir_ciface_cnn_zrl_rice_decode_f16(
    StridedMemRefType<int8_t, 1> *bytes, StridedMemRefType<uint16_t, 1> *values,
    int64_t channels);
void _mlir_ciface_cnn_zrl_rice_decode_f32(StridedMemRefType<int8_t, 1> *bytes,
                                          StridedMemRefType<float, 1> *values,
                                          int64_t channels);
}

namespace mlir::cnn {
/// Calls `add(name, address)` for each decoder: the symbols a JIT-compiled
/// program needs.
void forEachWeightDecoderSymbol(
    const std::function<void(const std::string &, void *)> &add);
} // namespace mlir::cnn

#endif // CNN_RUNTIME_WEIGHTDECODER_H
