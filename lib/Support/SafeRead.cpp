//===- SafeRead.cpp - Reading MLIR bytecode without trusting it -*- C++ -*-===//

#include "cnn/Support/SafeRead.h"

#include "mlir/Bytecode/BytecodeReader.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/SourceMgr.h"

#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace mlir;

// Set by the sanitizers' runtime when it is linked in (a libFuzzer build).
extern "C" void __sanitizer_set_death_callback(void (*)(void))
    __attribute__((weak));

/// The child: run `work`, report success by the exit code.
[[noreturn]] static void runInChild(llvm::function_ref<void()> work) {
  // A fault is the parent's to report: no handler inherited from the
  // parent (LLVM's stack trace, a fuzzer writing a crash file) runs here.
  for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP})
    std::signal(sig, SIG_DFL);
  if (&__sanitizer_set_death_callback)
    __sanitizer_set_death_callback(nullptr);
  // Its diagnostics are the parent's to print, once.
  int devNull = ::open("/dev/null", O_WRONLY);
  if (devNull >= 0) {
    ::dup2(devNull, STDERR_FILENO);
    ::dup2(devNull, STDOUT_FILENO);
  }
  work();
  ::_exit(0);
}

LogicalResult mlir::cnn::runInChildFirst(llvm::function_ref<void()> work,
                                         unsigned seconds, std::string *how) {
  pid_t pid = ::fork();
  if (pid < 0)
    return success(); // No child: the caller runs the work, as before.
  if (pid == 0)
    runInChild(work);
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  int status = 0;
  while (true) {
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid)
      break;
    if (done < 0)
      return success();
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      *how = "did not finish in " + std::to_string(seconds) + " s";
      return failure();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
    return success();
  *how = WIFSIGNALED(status)
             ? std::string("stopped on signal ") +
                   std::to_string(WTERMSIG(status)) + " (" +
                   ::strsignal(WTERMSIG(status)) + ")"
             : "exited with status " + std::to_string(WEXITSTATUS(status));
  return failure();
}

LogicalResult mlir::cnn::checkBytecodeReadable(llvm::MemoryBufferRef buffer,
                                               const DialectRegistry &registry,
                                               StringRef name,
                                               std::string *error) {
  if (!isBytecode(buffer))
    return success();
  unsigned seconds =
      kBytecodeReadSeconds + static_cast<unsigned>(buffer.getBufferSize() >> 20);
  std::string how;
  auto read = [&] {
    MLIRContext context(registry, MLIRContext::Threading::DISABLED);
    auto sourceMgr = std::make_shared<llvm::SourceMgr>();
    sourceMgr->AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBuffer(buffer,
                                         /*RequiresNullTerminator=*/false),
        llvm::SMLoc());
    ScopedDiagnosticHandler quiet(&context,
                                  [](Diagnostic &) { return success(); });
    OwningOpRef<ModuleOp> module =
        parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  };
  if (succeeded(runInChildFirst(read, seconds, &how)))
    return success();
  if (how.rfind("did not finish", 0) == 0)
    *error = ("'" + name + "' is malformed MLIR bytecode: the bytecode "
              "reader did not finish reading it in " + llvm::Twine(seconds) +
              " s")
                 .str();
  else
    *error = ("'" + name + "' is malformed MLIR bytecode: MLIR's bytecode "
              "reader " + how + " while reading it")
                 .str();
  return failure();
}
