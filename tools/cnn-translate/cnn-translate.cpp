//===- cnn-translate.cpp - Translates models into cnn IR --------*- C++ -*-===//
//
//   cnn-translate --import-onnx model.onnx -o model.mlir
//   cnn-translate --import-onnx --element-type=i8 model.onnx
//
// The MLIR translation driver with the project's translations. The output
// file is kept only when the translation succeeds.
//
//===----------------------------------------------------------------------===//

#include "cnn/Target/Onnx/ImportOnnx.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  // Hides the options libLLVM registers (code generators, ...) from --help;
  // the driver's and the translations' options are registered afterwards.
  llvm::cl::HideUnrelatedOptions({});
  mlir::cnn::registerImportOnnxTranslation();
  return mlir::failed(mlir::mlirTranslateMain(
      argc, argv, "cnn-translate: translates models into cnn IR"));
}
