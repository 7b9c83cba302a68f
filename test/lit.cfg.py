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
# Debian's python modules (onnx, torch, matplotlib) are seen only by this one.
config.substitutions.append(("%python3", "/usr/bin/python3"))

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

tool_dirs = [config.cnn_tools_dir, config.llvm_tools_dir]
tools = ["cnn-opt", "cnn-zoo"]
llvm_config.add_tool_substitutions(tools, tool_dirs)
