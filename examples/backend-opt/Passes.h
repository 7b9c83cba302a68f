//===- Passes.h - Passes of the example backend -----------------*- C++ -*-===//

#ifndef BACKEND_PASSES_H
#define BACKEND_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace backend {

#define GEN_PASS_DECL
#include "Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "Passes.h.inc"

} // namespace backend

#endif // BACKEND_PASSES_H
