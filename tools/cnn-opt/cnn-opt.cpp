//===- cnn-opt.cpp - The cnn-opt driver -------------------------*- C++ -*-===//
//
// MlirOptMain with the cnn dialect, its passes and the upstream dialects the
// project reads and emits.
//
//===----------------------------------------------------------------------===//

#include "cnn/Dialect/Cnn/IR/CnnDialect.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<mlir::cnn::CnnDialect, mlir::arith::ArithDialect,
                  mlir::bufferization::BufferizationDialect,
                  mlir::func::FuncDialect, mlir::linalg::LinalgDialect,
                  mlir::memref::MemRefDialect, mlir::scf::SCFDialect,
                  mlir::tensor::TensorDialect, mlir::tosa::TosaDialect>();
  mlir::registerTransformsPasses();
  mlir::cnn::registerCnnPasses();
  mlir::cnn::registerCnnPipelines();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv,
      "cnn-opt: plans CNN execution for an SRAM-limited vision processor\n",
      registry));
}
