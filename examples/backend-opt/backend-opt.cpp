//===- backend-opt.cpp - An example backend's driver ------------*- C++ -*-===//
//
// MlirOptMain with cnn-opt's dialects and passes, linked from the installed
// CnnOpt package, the upstream dialects lowered IR uses, and the backend's
// own pass.
//
//===----------------------------------------------------------------------===//

#include "Passes.h"

#include "cnn/Conversion/Passes.h"
#include "cnn/Dialect/Cnn/IR/CnnDialect.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Dialect/Dma/IR/DmaDialect.h"
#include "cnn/Dialect/Dma/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  // Tensor too: --cnn-to-linalg emits tensor ops.
  registry.insert<mlir::cnn::CnnDialect, mlir::dma::DmaDialect,
                  mlir::arith::ArithDialect, mlir::func::FuncDialect,
                  mlir::linalg::LinalgDialect, mlir::math::MathDialect,
                  mlir::memref::MemRefDialect, mlir::scf::SCFDialect,
                  mlir::tensor::TensorDialect>();

  mlir::cnn::registerCnnPasses();
  mlir::cnn::registerCnnPipelines();
  mlir::cnn::registerCnnConversionPasses();
  mlir::dma::registerDmaPasses();
  backend::registerBackendPasses();

  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "backend-opt: cnn-opt's lowering and a backend's passes\n",
      registry));
}
