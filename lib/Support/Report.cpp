//===- Report.cpp - Writing the project's reports ---------------*- C++ -*-===//

#include "cnn/Support/Report.h"

#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace mlir;

LogicalResult
mlir::cnn::writeReport(Operation *anchor, StringRef what, StringRef outputFile,
                       ReportFormat format,
                       function_ref<void(llvm::raw_ostream &)> printText,
                       function_ref<llvm::json::Array()> networksJson) {
  std::string error;
  std::unique_ptr<llvm::ToolOutputFile> out =
      openOutputFile(outputFile, &error);
  if (!out)
    return anchor->emitError() << "cannot write the " << what << ": " << error;
  if (format == ReportFormat::Json)
    out->os() << llvm::formatv("{0:2}",
                               llvm::json::Value(llvm::json::Object{
                                   {"networks", networksJson()}}))
              << "\n";
  else
    printText(out->os());
  out->keep();
  return success();
}
