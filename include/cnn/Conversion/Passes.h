//===- Passes.h - Conversion passes of cnn-opt ------------------*- C++ -*-===//

#ifndef CNN_CONVERSION_PASSES_H
#define CNN_CONVERSION_PASSES_H

#include "cnn/Conversion/CnnToLinalg/CnnToLinalg.h"
#include "cnn/Conversion/TosaToCnn/TosaToCnn.h"

namespace mlir::cnn {

#define GEN_PASS_REGISTRATION
#include "cnn/Conversion/Passes.h.inc"

} // namespace mlir::cnn

#endif // CNN_CONVERSION_PASSES_H
