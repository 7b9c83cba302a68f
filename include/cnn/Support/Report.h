//===- Report.h - Writing the project's reports -----------------*- C++ -*-===//
//
// Every report pass prints one table per network in text, or one JSON
// object {"networks": [...]}, to a file or standard output.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_SUPPORT_REPORT_H
#define CNN_SUPPORT_REPORT_H

#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>

namespace mlir::cnn {

/// Output formats of the project's reports.
enum class ReportFormat { Text, Json };

/// Writes a report to `outputFile` ('-' is standard output): `printText`
/// in text, `{"networks": networksJson()}` in JSON. When the file cannot be
/// written, emits an error on `anchor` that names the report (`what`).
LogicalResult writeReport(Operation *anchor, StringRef what,
                          StringRef outputFile, ReportFormat format,
                          function_ref<void(llvm::raw_ostream &)> printText,
                          function_ref<llvm::json::Array()> networksJson);

/// Flushes `os`. When a write failed, clears the failure (so that closing
/// the stream is not LLVM's fatal IO error) and returns its message; the
/// caller reports it and does not keep the file.
std::optional<std::string> takeWriteError(llvm::raw_fd_ostream &os);

/// Removes the report files (not standard output) written since the last
/// call: a tool whose pipeline fails leaves no report behind.
void removeWrittenReports();

/// Forgets the report files written so far (the pipeline succeeded).
void keepWrittenReports();

} // namespace mlir::cnn

#endif // CNN_SUPPORT_REPORT_H
