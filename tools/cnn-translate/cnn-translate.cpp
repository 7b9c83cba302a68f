//===- cnn-translate.cpp - Translates models into cnn IR --------*- C++ -*-===//
//
//   cnn-translate --import-onnx model.onnx -o model.mlir
//   cnn-translate --import-onnx --element-type=i8 model.onnx
//
// The MLIR translation driver's options with the project's translations:
// the input, `-o`, and one translation. The output file is kept only when
// the translation succeeds and every byte of it was written (a full disk
// is an error, not LLVM's fatal IO error).
//
//===----------------------------------------------------------------------===//

#include "cnn/Support/Report.h"
#include "cnn/Target/Onnx/ImportOnnx.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  // Hides the options libLLVM registers (code generators, ...) from --help;
  // the driver's and the translations' options are registered afterwards.
  llvm::cl::HideUnrelatedOptions({});
  mlir::cnn::registerImportOnnxTranslation();

  static llvm::cl::opt<std::string> inputFilename(
      llvm::cl::Positional, llvm::cl::desc("<input file>"),
      llvm::cl::init("-"));
  static llvm::cl::opt<std::string> outputFilename(
      "o", llvm::cl::desc("Output filename"), llvm::cl::value_desc("filename"),
      llvm::cl::init("-"));
  llvm::cl::opt<const mlir::Translation *, false, mlir::TranslationParser>
      translation("", llvm::cl::desc("Translation to perform"),
                  llvm::cl::Required);
  mlir::registerAsmPrinterCLOptions();
  mlir::registerMLIRContextCLOptions();
  mlir::registerTranslationCLOptions();
  llvm::cl::ParseCommandLineOptions(
      argc, argv, "cnn-translate: translates models into cnn IR\n");

  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> input =
      mlir::openInputFile(inputFilename, &error);
  if (!input) {
    llvm::errs() << error << "\n";
    return 1;
  }
  std::unique_ptr<llvm::ToolOutputFile> output =
      mlir::openOutputFile(outputFilename, &error);
  if (!output) {
    llvm::errs() << error << "\n";
    return 1;
  }
  mlir::MLIRContext context;
  context.printOpOnDiagnostic(false);
  auto sourceMgr = std::make_shared<llvm::SourceMgr>();
  sourceMgr->AddNewSourceBuffer(std::move(input), llvm::SMLoc());
  mlir::SourceMgrDiagnosticHandler handler(*sourceMgr, &context);
  bool ok = mlir::succeeded((*translation)(sourceMgr, output->os(), &context));
  if (std::optional<std::string> failure =
          mlir::cnn::takeWriteError(output->os());
      failure && ok) {
    llvm::errs() << "error: cannot write '" << outputFilename
                 << "': " << *failure << "\n";
    ok = false;
  }
  if (!ok)
    return 1;
  output->keep();
  return 0;
}
