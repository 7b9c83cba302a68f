//===- cnn-fuzz.cpp - libFuzzer target: bytes as IR through every pass ----===//
//
// Feeds arbitrary bytes as MLIR text or bytecode through parsing,
// verification and one of the pass pipelines users run, at an SRAM size
// drawn from the input:
//
//   0  footprint report, tiling, traffic report (text)
//   1  tiling, merging, traffic report (JSON)
//   2  tiling, merging, lowering to DMA, arena check, DMA traffic report
//   3  weight compression, tiling, merging, traffic report
//   4  weights filled, untiled reference lowering to linalg
//   5  TOSA import, tiling, merging
//
// The input's 64-bit FNV-1a hash picks the pipeline and the SRAM size
// (16 bytes to 2 MiB), so mutations explore both; `CNN_FUZZ_VERBOSE=1`
// prints the choice for reproducing a finding with cnn-opt. Diagnostics are
// swallowed: an error is a correct answer to bad input; a crash, a
// sanitizer report, a leak, or IR that a pass produced and that fails
// verification (a broken pass, not a rejected input: the verifier runs
// after every pass that succeeds, and aborts) is a finding. Bytecode is
// first read in a child process with a time limit, as the tools read it
// (cnn/Support/SafeRead.h): MLIR's own reader may hang or crash on it. Networks whose tensors hold more
// than 2^16 elements, or with more than 64 ops, are skipped so that every
// execution stays fast (work grows with the tensor sizes, not with bugs).
//
// Built with libFuzzer (`-DLLVM_USE_SANITIZE_COVERAGE=ON`, clang) it is the
// fuzzer; otherwise its own main runs the inputs named on the command line,
// which is how the test suite replays the corpus and every past finding.
//
//===----------------------------------------------------------------------===//

#include "FuzzCommon.h"
#include "cnn/Conversion/Passes.h"
#include "cnn/Dialect/Cnn/IR/CnnDialect.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Dialect/Dma/IR/DmaDialect.h"
#include "cnn/Dialect/Dma/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassRegistry.h"
#include "cnn/Support/SafeRead.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace mlir;

static DialectRegistry *registry;

static constexpr const char *kPipelines[] = {
    "cnn-footprint-report{output-file=/dev/null},"
    "cnn-tile-for-sram{sram=@},cnn-traffic-report{output-file=/dev/null}",
    "cnn-tile-for-sram{sram=@},merge-layers,"
    "cnn-traffic-report{format=json output-file=/dev/null}",
    "cnn-tile-for-sram{sram=@},merge-layers,lower-to-dma,dma-verify-arena,"
    "dma-traffic-report{output-file=/dev/null}",
    "annotate-weight-compression{ratio=0.5 prune-sparsity=0.25},"
    "cnn-tile-for-sram{sram=@},merge-layers,"
    "cnn-traffic-report{output-file=/dev/null}",
    "cnn-fill-weights,cnn-to-linalg",
    "tosa-to-cnn,cnn-tile-for-sram{sram=@},merge-layers",
    "cnn-tile-for-sram{target=nvdla-small,sram_bytes=@},merge-layers,"
    "cnn-traffic-report{output-file=/dev/null},lower-to-dma,"
    "dma-verify-arena,dma-traffic-report{output-file=/dev/null}",
};

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  registry = new DialectRegistry();
  registry->insert<cnn::CnnDialect, dma::DmaDialect, arith::ArithDialect,
                   bufferization::BufferizationDialect, func::FuncDialect,
                   linalg::LinalgDialect, math::MathDialect,
                   memref::MemRefDialect, scf::SCFDialect,
                   tensor::TensorDialect, tosa::TosaDialect>();
  cnn::registerCnnPasses();
  cnn::registerCnnConversionPasses();
  dma::registerDmaPasses();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint64_t h = cnn_fuzz::hashBytes(data, size);
  size_t pipeline = h % std::size(kPipelines);
  int64_t sram = (int64_t(1) << (4 + (h >> 8) % 18)) + (h >> 16) % 1024;
  std::string text = kPipelines[pipeline];
  if (size_t at = text.find('@'); at != std::string::npos)
    text.replace(at, 1, std::to_string(sram));
  if (std::getenv("CNN_FUZZ_VERBOSE"))
    llvm::errs() << "cnn-fuzz: --pass-pipeline='builtin.module(" << text
                 << ")'\n";

  MLIRContext context(*registry, MLIRContext::Threading::DISABLED);
  ScopedDiagnosticHandler quiet(&context,
                                [](Diagnostic &) { return success(); });
  // The parser reads a buffer as a file: with a terminating null, which
  // libFuzzer's data does not have.
  std::string source(reinterpret_cast<const char *>(data), size);
  llvm::MemoryBufferRef ref(source, "input");
  std::string error;
  // Bytecode: what a child read, written back by MLIR's writer.
  auto read = cnn::readBytecodeInChild(ref, *registry, "input", &error);
  if (failed(read))
    return 0;
  auto sourceMgr = std::make_shared<llvm::SourceMgr>();
  sourceMgr->AddNewSourceBuffer(
      *read ? std::move(*read)
            : llvm::MemoryBuffer::getMemBuffer(source, "input",
                                               /*RequiresNullTerminator=*/true),
      llvm::SMLoc());
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  if (!module || !cnn_fuzz::isSmallEnough(*module))
    return 0;
  PassManager pm(&context);
  pm.enableVerifier(false);
  pm.addInstrumentation(
      std::make_unique<cnn_fuzz::VerifyAfterEachPass>("cnn-fuzz"));
  if (failed(parsePassPipeline(text, pm))) {
    llvm::errs() << "cnn-fuzz: bad pipeline " << text << "\n";
    std::abort();
  }
  (void)pm.run(*module);
  return 0;
}
