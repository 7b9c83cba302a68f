# -*- Python -*-
# lit configuration that runs the GoogleTest unit tests, one lit test per case.

import os

import lit.formats

config.name = "CNN-Unit"
config.suffixes = []
config.test_exec_root = os.path.join(config.cnn_obj_root, "unittests")
config.test_source_root = config.test_exec_root
config.test_format = lit.formats.GoogleTest(config.llvm_build_mode, "Tests")
