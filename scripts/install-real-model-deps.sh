#!/usr/bin/env bash
# Installs what the real-model checks need (scripts/check-real-models.py and
# the tests under test/RealModels): Debian's PyTorch and torchvision, which
# export the models, and onnxruntime-node from npm, the oracle (its CPU
# binary ships inside the package), into ONNXRUNTIME_DIR (default
# ~/.cache/cnn-opt/onnxruntime, kept between runs). Optional: without them
# those tests are reported unsupported.
set -euo pipefail

dir="${ONNXRUNTIME_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cnn-opt/onnxruntime}"

missing=()
for p in python3-torch python3-torchvision nodejs npm; do
  dpkg -s "$p" >/dev/null 2>&1 || command -v "${p#python3-}" >/dev/null 2>&1 \
    || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-real-model-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  echo "install-real-model-deps: installing ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi

if [ ! -f "$dir/node_modules/onnxruntime-node/package.json" ]; then
  echo "install-real-model-deps: installing onnxruntime-node into $dir"
  mkdir -p "$dir"
  (cd "$dir" && ONNXRUNTIME_NODE_INSTALL=skip npm install --no-audit --no-fund \
    --loglevel=error onnxruntime-node >/dev/null)
fi
echo "$dir/node_modules"
