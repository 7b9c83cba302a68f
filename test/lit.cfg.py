# -*- Python -*-
# lit configuration of the cnn-opt regression tests.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "CNN"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.cnn_obj_root, "test")
config.excludes = ["Inputs", "CMakeLists.txt", "README.md",
                   "lit.cfg.py", "lit.site.cfg.py"]

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%cnn_src_root", config.cnn_src_root))
# The build under test and the LLVM tools it was configured with, for the
# scripts the tests run.
config.substitutions.append(("%cnn_obj_root", config.cnn_obj_root))
config.substitutions.append(("%cnn_llvm_tools_dir", config.llvm_tools_dir))
# Debian's python modules (onnx, torch, matplotlib) are seen only by this one.
config.substitutions.append(("%python3", "/usr/bin/python3"))
# Runs a tensor-level module with a `main` on the CPU (bufferize, lower to
# LLVM, mlir-runner) with the same LLVM as the build.
config.substitutions.append(
    ("%run_mlir",
     "env LLVM_TOOLS_DIR=%s bash %s" % (
         config.llvm_tools_dir,
         os.path.join(config.cnn_src_root, "scripts", "run-mlir.sh"))))

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

# Lowered programs run on the CPU with mlir-runner and the runner utilities.
llvm_lib_dir = os.path.join(os.path.dirname(config.llvm_tools_dir), "lib")
config.substitutions.append(
    ("%mlir_runner", os.path.join(config.llvm_tools_dir, "mlir-runner")))
config.substitutions.append(("%runner_libs", ",".join(
    os.path.join(llvm_lib_dir, lib)
    for lib in ["libmlir_runner_utils.so", "libmlir_c_runner_utils.so"])))

tool_dirs = [config.cnn_tools_dir, config.llvm_tools_dir]
tools = ["cnn-opt", "cnn-zoo", "cnn-translate", "cnn-sweep", "cnn-fuzz", "cnn-fuzz-onnx", "cnn-run"]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# A sanitized build (scripts/test.sh --sanitize): a report is an error, and
# UndefinedBehaviorSanitizer prints where. LLVM's allocators poison and
# unpoison their slabs only in instrumented code; Debian's libLLVM and
# libMLIR are not, so the inline allocator code compiled into the project
# would poison memory the libraries then use (false reports):
# allow_user_poisoning=0 turns that manual poisoning off. Everything the
# compiler instruments is still checked.
if getattr(config, "cnn_sanitizer", ""):
    config.available_features.add("sanitizer")
    config.environment["ASAN_OPTIONS"] = "detect_leaks=1:allow_user_poisoning=0:detect_stack_use_after_return=1:strict_string_checks=1"
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"

# The real-model checks (test/RealModels) need torchvision to export models
# and onnxruntime-node, the oracle (scripts/install-real-model-deps.sh
# installs both).
import shutil
import subprocess
_ort_dir = os.environ.get("ONNXRUNTIME_DIR", os.path.join(
    os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
    "cnn-opt", "onnxruntime"))
_node_modules = os.path.join(_ort_dir, "node_modules")
if shutil.which("node") and os.path.isfile(
        os.path.join(_node_modules, "onnxruntime-node", "package.json")):
    config.available_features.add("onnxruntime")
    config.environment["NODE_PATH"] = _node_modules
if subprocess.run(["/usr/bin/python3", "-c", "import torchvision"],
                  stdout=subprocess.DEVNULL,
                  stderr=subprocess.DEVNULL).returncode == 0:
    config.available_features.add("torchvision")
