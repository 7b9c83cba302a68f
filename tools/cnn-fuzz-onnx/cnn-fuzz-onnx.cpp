//===- cnn-fuzz-onnx.cpp - libFuzzer target: bytes as an ONNX model -------===//
//
// Feeds arbitrary bytes as a serialized onnx.ModelProto to the ONNX importer
// (Debian's ONNX with its shape inference), then, for a network small enough
// for a fast execution, plans it at an SRAM size drawn from the input:
//
//   cnn-tile-for-sram{sram=N}, merge-layers, cnn-traffic-report
//
// An error is a correct answer to bad input. A crash, a sanitizer report, a
// leak, a module the importer returns that does not verify, or IR a pass
// leaves invalid after succeeding is a finding (the importer's own
// verification is turned off, so that invalid IR cannot pass for a
// rejection).
//
// Built with libFuzzer (`-DLLVM_USE_SANITIZE_COVERAGE=ON`, clang) it is the
// fuzzer; otherwise its own main runs the inputs named on the command line.
//
//===----------------------------------------------------------------------===//

#include "../cnn-fuzz/FuzzCommon.h"
#include "cnn/Dialect/Cnn/IR/CnnDialect.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Target/Onnx/ImportOnnx.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace mlir;

static DialectRegistry *registry;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  registry = new DialectRegistry();
  registry->insert<cnn::CnnDialect, arith::ArithDialect, func::FuncDialect,
                   tensor::TensorDialect>();
  cnn::registerCnnPasses();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint64_t h = cnn_fuzz::hashBytes(data, size);
  int64_t sram = (int64_t(1) << (6 + (h >> 8) % 16)) + (h >> 16) % 1024;
  MLIRContext context(*registry, MLIRContext::Threading::DISABLED);
  context.loadAllAvailableDialects();
  ScopedDiagnosticHandler quiet(&context,
                                [](Diagnostic &) { return success(); });
  llvm::MemoryBufferRef model(
      llvm::StringRef(reinterpret_cast<const char *>(data), size), "model");
  cnn::OnnxImportOptions options;
  options.verifyResult = false;
  options.elementType =
      (h >> 40) % 2 ? cnn::zoo::ElementType::i8 : cnn::zoo::ElementType::f32;
  OwningOpRef<ModuleOp> module = cnn::importOnnx(model, &context, options);
  if (!module)
    return 0;
  if (failed(verify(*module))) {
    llvm::errs() << "cnn-fuzz-onnx: the importer returned IR that does not "
                    "verify\n";
    std::abort();
  }
  if (!cnn_fuzz::isSmallEnough(*module))
    return 0;
  std::string text = "cnn-tile-for-sram{sram=" + std::to_string(sram) +
                     "},merge-layers,cnn-traffic-report{output-file=/dev/null}";
  if (std::getenv("CNN_FUZZ_VERBOSE"))
    llvm::errs() << "cnn-fuzz-onnx: --pass-pipeline='builtin.module(" << text
                 << ")'\n";
  PassManager pm(&context);
  pm.enableVerifier(false);
  pm.addInstrumentation(
      std::make_unique<cnn_fuzz::VerifyAfterEachPass>("cnn-fuzz-onnx"));
  if (failed(parsePassPipeline(text, pm))) {
    llvm::errs() << "cnn-fuzz-onnx: bad pipeline " << text << "\n";
    std::abort();
  }
  (void)pm.run(*module);
  return 0;
}
