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
  if (std::optional<std::string> failure = takeWriteError(out->os()))
    return anchor->emitError() << "cannot write the " << what << " to '"
                               << outputFile << "': " << *failure;
  out->keep();
  if (outputFile != "-") {
    std::lock_guard<std::mutex> lock(writtenMutex);
    writtenFiles.push_back(outputFile.str());
  }
  return success();
}

std::optional<std::string> mlir::cnn::takeWriteError(llvm::raw_fd_ostream &os) {
  os.flush();
  if (!os.has_error())
    return std::nullopt;
  std::string message = os.error().message();
  os.clear_error();
  return message;
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
