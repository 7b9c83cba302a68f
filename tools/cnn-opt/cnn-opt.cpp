//===- cnn-opt.cpp - The cnn-opt driver -------------------------*- C++ -*-===//
//
// MlirOptMain with the cnn and dma dialects, their passes, the upstream
// dialects the project reads and emits, and the upstream passes that take
// lowered IR to the LLVM dialect to run it on a CPU.
//
//===----------------------------------------------------------------------===//

#include "cnn/Conversion/Passes.h"
#include "cnn/Dialect/Cnn/IR/CnnDialect.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Dialect/Dma/IR/DmaDialect.h"
#include "cnn/Dialect/Dma/Transforms/Passes.h"

#include "mlir/Conversion/AffineToStandard/AffineToStandard.h"
#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVMPass.h"
#include "mlir/Conversion/MemRefToLLVM/MemRefToLLVM.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "cnn/Support/Report.h"
#include "cnn/Support/SafeRead.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "mlir/Transforms/Passes.h"

/// The upstream passes that run lowered IR on a CPU after --dma-to-memref:
/// --convert-linalg-to-loops --expand-strided-metadata --lower-affine
/// --convert-scf-to-cf --finalize-memref-to-llvm --convert-arith-to-llvm
/// --convert-cf-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts.
static void registerCpuLoweringPasses() {
  mlir::registerPass([] { return mlir::createConvertLinalgToLoopsPass(); });
  mlir::registerPass(
      [] { return mlir::memref::createExpandStridedMetadataPass(); });
  mlir::registerPass([] { return mlir::createLowerAffinePass(); });
  mlir::registerPass([] { return mlir::createSCFToControlFlowPass(); });
  mlir::registerPass(
      [] { return mlir::createFinalizeMemRefToLLVMConversionPass(); });
  mlir::registerPass([] { return mlir::createArithToLLVMConversionPass(); });
  mlir::registerPass([] { return mlir::createConvertControlFlowToLLVMPass(); });
  mlir::registerPass([] { return mlir::createConvertFuncToLLVMPass(); });
  mlir::registerPass([] { return mlir::createReconcileUnrealizedCastsPass(); });
}

/// MlirOptMain over files cnn-opt opens itself: the output file is kept
/// only when the pipeline succeeds and every byte reached it (a full disk
/// or an unwritable file is an error, not LLVM's fatal IO error), and the
/// reports a failing pipeline wrote are removed.
static int run(int argc, char **argv, mlir::DialectRegistry &registry) {
  llvm::InitLLVM init(argc, argv);
  auto [inputFilename, outputFilename] = mlir::registerAndParseCLIOptions(
      argc, argv,
      "cnn-opt: plans CNN execution for an SRAM-limited vision processor\n",
      registry);
  mlir::MlirOptMainConfig config = mlir::MlirOptMainConfig::createFromCLOptions();
  if (config.shouldShowDialects() || config.shouldListPasses())
    return mlir::asMainReturnCode(mlir::MlirOptMain(
        argc, argv, inputFilename, outputFilename, registry));
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> input =
      mlir::openInputFile(inputFilename, &error);
  if (!input) {
    llvm::errs() << error << "\n";
    return 1;
  }
  auto read = mlir::cnn::readBytecodeInChild(input->getMemBufferRef(),
                                             registry, inputFilename, &error);
  if (mlir::failed(read)) {
    llvm::errs() << "error: " << error << "\n";
    return 1;
  }
  if (*read)
    input = std::move(*read);
  std::unique_ptr<llvm::ToolOutputFile> output =
      mlir::openOutputFile(outputFilename, &error);
  if (!output) {
    llvm::errs() << error << "\n";
    return 1;
  }
  bool ok = mlir::succeeded(
      mlir::MlirOptMain(output->os(), std::move(input), registry, config));
  if (std::optional<std::string> failure =
          mlir::cnn::takeWriteError(output->os());
      failure && ok) {
    llvm::errs() << "error: cannot write '" << outputFilename
                 << "': " << *failure << "\n";
    ok = false;
  }
  if (!ok) {
    mlir::cnn::removeWrittenReports();
    return 1;
  }
  mlir::cnn::keepWrittenReports();
  output->keep();
  return 0;
}

int main(int argc, char **argv) {
  // An error names the layer or group and points at its line; the op it was
  // raised on (a whole group or module, thousands of lines after lowering)
  // is printed only on request (--mlir-print-op-on-diagnostic=true).
  std::vector<char *> args(argv, argv + argc);
  bool given = false;
  for (char *arg : args)
    given |= llvm::StringRef(arg).contains("mlir-print-op-on-diagnostic");
  std::string quiet = "--mlir-print-op-on-diagnostic=false";
  if (!given)
    args.insert(args.begin() + 1, quiet.data());
  argc = static_cast<int>(args.size());
  args.push_back(nullptr);
  argv = args.data();
  mlir::DialectRegistry registry;
  registry.insert<
      mlir::cnn::CnnDialect, mlir::dma::DmaDialect, mlir::arith::ArithDialect,
      mlir::bufferization::BufferizationDialect, mlir::func::FuncDialect,
      mlir::linalg::LinalgDialect, mlir::math::MathDialect,
      mlir::memref::MemRefDialect, mlir::scf::SCFDialect,
      mlir::tensor::TensorDialect, mlir::tosa::TosaDialect>();
  mlir::registerTransformsPasses();
  mlir::cnn::registerCnnPasses();
  mlir::cnn::registerCnnConversionPasses();
  mlir::cnn::registerCnnPipelines();
  mlir::dma::registerDmaPasses();
  registerCpuLoweringPasses();
  return run(argc, argv, registry);
}
