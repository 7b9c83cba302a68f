//===- Report.cpp - Writing the project's reports ---------------*- C++ -*-===//

#include "cnn/Support/Report.h"

#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/ToolOutputFile.h"

#include <mutex>
#include <string>
#include <vector>

using namespace mlir;

/// The report files written by this process since the last keep or remove.
static std::mutex writtenMutex;
static std::vector<std::string> writtenFiles;

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
  out->os().flush();
  if (out->os().has_error()) {
    std::error_code ec = out->os().error();
    out->os().clear_error();
    return anchor->emitError() << "cannot write the " << what << " to '"
                               << outputFile << "': " << ec.message();
  }
  out->keep();
  if (outputFile != "-") {
    std::lock_guard<std::mutex> lock(writtenMutex);
    writtenFiles.push_back(outputFile.str());
  }
  return success();
}

void mlir::cnn::removeWrittenReports() {
  std::lock_guard<std::mutex> lock(writtenMutex);
  for (const std::string &file : writtenFiles)
    if (llvm::sys::fs::is_regular_file(file))
      llvm::sys::fs::remove(file);
  writtenFiles.clear();
}

void mlir::cnn::keepWrittenReports() {
  std::lock_guard<std::mutex> lock(writtenMutex);
  writtenFiles.clear();
}
