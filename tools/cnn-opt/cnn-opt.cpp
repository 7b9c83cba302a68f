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
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
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
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv,
      "cnn-opt: plans CNN execution for an SRAM-limited vision processor\n",
      registry));
}
