//===- SafeRead.cpp - Reading MLIR bytecode without trusting it -*- C++ -*-===//

#include "cnn/Support/SafeRead.h"

#include "mlir/Bytecode/BytecodeReader.h"
#include "mlir/Bytecode/BytecodeWriter.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
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

FailureOr<std::unique_ptr<llvm::MemoryBuffer>>
mlir::cnn::readBytecodeInChild(llvm::MemoryBufferRef buffer,
                               const DialectRegistry &registry,
                               StringRef name, std::string *error) {
  if (!isBytecode(buffer))
    return std::unique_ptr<llvm::MemoryBuffer>();
  unsigned seconds =
      kBytecodeReadSeconds + static_cast<unsigned>(buffer.getBufferSize() >> 20);
  // The child parses; it writes the module as bytecode (exit 0) or the
  // parser's message (exit 3) to a pipe the parent drains.
  int fds[2];
  if (::pipe(fds) != 0) {
    *error = ("cannot read '" + name + "': no pipe to a child process").str();
    return failure();
  }
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    *error = ("cannot read '" + name + "': no child process").str();
    return failure();
  }
  if (pid == 0) {
    ::close(fds[0]);
    runInChild([&] {
      llvm::raw_fd_ostream out(fds[1], /*shouldClose=*/true);
      MLIRContext context(registry, MLIRContext::Threading::DISABLED);
      auto sourceMgr = std::make_shared<llvm::SourceMgr>();
      sourceMgr->AddNewSourceBuffer(
          llvm::MemoryBuffer::getMemBuffer(buffer,
                                           /*RequiresNullTerminator=*/false),
          llvm::SMLoc());
      std::string message;
      ScopedDiagnosticHandler keep(&context, [&](Diagnostic &d) {
        if (message.empty() && d.getSeverity() == DiagnosticSeverity::Error)
          message = d.str();
        return success();
      });
      OwningOpRef<ModuleOp> module =
          parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
      if (!module || failed(writeBytecodeToFile(*module, out))) {
        out << (message.empty() ? std::string("not a module") : message);
        out.flush();
        ::_exit(3);
      }
      out.flush();
    });
  }
  ::close(fds[1]);
  std::string bytes;
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  bool late = false;
  char chunk[65536];
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
      late = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(std::min<long>(left, 100)));
    if (ready < 0 && errno == EINTR)
      continue;
    if (ready <= 0)
      continue;
    ssize_t n = ::read(fds[0], chunk, sizeof(chunk));
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    bytes.append(chunk, static_cast<size_t>(n));
  }
  ::close(fds[0]);
  // The child may still be releasing what it read: within the same limit.
  int status = 0;
  while (!late && ::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline)
      late = true;
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (late) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
  }
  std::string prefix = ("'" + name + "' is malformed MLIR bytecode: ").str();
  if (late) {
    *error = prefix + "the bytecode reader did not finish reading it in " +
             std::to_string(seconds) + " s";
    return failure();
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
    return llvm::MemoryBuffer::getMemBufferCopy(bytes, name);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 3) {
    *error = prefix + bytes;
    return failure();
  }
  *error = prefix + "MLIR's bytecode reader " +
           (WIFSIGNALED(status)
                ? std::string("stopped on signal ") +
                      std::to_string(WTERMSIG(status)) + " (" +
                      ::strsignal(WTERMSIG(status)) + ")"
                : "exited with status " + std::to_string(WEXITSTATUS(status))) +
           " while reading it";
  return failure();
}
