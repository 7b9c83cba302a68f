//===- SafeRead.h - Reading MLIR bytecode without trusting it ---*- C++ -*-===//
//
// MLIR's bytecode reader trusts its input: a malformed file can make it
// abort, crash or run without end. Before a tool parses a bytecode file in
// its own process, checkBytecodeReadable parses it in a child process with
// a time limit (far above what reading takes); only a file the child read and released without fault is
// then parsed by the tool (which reports its ordinary errors itself).
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

/// Success when `buffer` is not MLIR bytecode, or when a child process
/// parsed it (with the dialects of `registry`) and freed it without
/// crashing, aborting or exceeding its time limit, whether or not the
/// parse succeeded. Otherwise failure with `*error` saying what happened,
/// naming `name`. Call it before any thread is started.
LogicalResult checkBytecodeReadable(llvm::MemoryBufferRef buffer,
                                    const DialectRegistry &registry,
                                    StringRef name, std::string *error);

} // namespace mlir::cnn

#endif // CNN_SUPPORT_SAFEREAD_H
