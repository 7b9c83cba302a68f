//===- SafeRead.h - Reading MLIR bytecode without trusting it ---*- C++ -*-===//
//
// MLIR's bytecode reader trusts its input: a malformed file can make it
// abort, crash, run without end, or write where it should not. A tool
// never reads a bytecode file in its own process: readBytecodeInChild
// parses it in a child process with a time limit (far above what reading
// takes), and the child writes the module it read back as bytecode, which
// the tool parses instead: bytes MLIR's own writer produced.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_SUPPORT_SAFEREAD_H
#define CNN_SUPPORT_SAFEREAD_H

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/MemoryBuffer.h"

#include <string>

namespace mlir::cnn {

/// Runs `work` first in a child process (forked, so it sees this process's
/// memory) with a limit of `seconds`: success when the child returned from
/// it (whatever it computed; the child's results are not kept), else
/// failure with `*how` saying what stopped it ("stopped on signal 8
/// (Floating point exception)", "did not finish in 5 s"). Without fork,
/// success. For libraries that trust their input (MLIR's bytecode reader,
/// ONNX's shape inference): the caller then runs `work` itself.
LogicalResult runInChildFirst(llvm::function_ref<void()> work,
                              unsigned seconds, std::string *how);

/// Seconds a child may spend reading one bytecode file: this many, plus
/// one per MiB of the file.
constexpr unsigned kBytecodeReadSeconds = 5;

/// When `buffer` is MLIR bytecode: a child process parses it (with the
/// dialects of `registry`) and writes the module back as bytecode, which is
/// returned (named `name`) for the caller to parse in place of `buffer`.
/// Failure, with `*error` naming `name`, when the parse fails (the
/// parser's message), or the child crashes, aborts or exceeds its time
/// limit. Not bytecode: null, the caller parses `buffer`. Call it before
/// any thread is started.
FailureOr<std::unique_ptr<llvm::MemoryBuffer>>
readBytecodeInChild(llvm::MemoryBufferRef buffer,
                    const DialectRegistry &registry, StringRef name,
                    std::string *error);

} // namespace mlir::cnn

#endif // CNN_SUPPORT_SAFEREAD_H
