#!/usr/bin/env bash
# Installs what building and testing cnn-opt needs on Debian bookworm:
# LLVM/MLIR 22, lit and FileCheck, Ninja, lld and GoogleTest; ONNX (C++
# protobuf classes for cnn-translate, Python module for its tests);
# matplotlib for the sweep plots; clang-22 and its sanitizer and libFuzzer
# runtimes for the sanitizer build.
set -euo pipefail

packages=(
  cmake ninja-build lld g++ python3
  llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools
  libgtest-dev
  libonnx-dev libprotobuf-dev python3-onnx python3-numpy
  python3-matplotlib
  clang-22 libclang-rt-22-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
