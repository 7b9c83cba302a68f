// RUN: cnn-opt %s -split-input-file -verify-diagnostics '--cnn-footprint-report=output-file=%t.missing/dir/report.txt'
// RUN: not cnn-opt %s '--cnn-footprint-report=format=yaml' 2>&1 | FileCheck %s --check-prefix=FORMAT

// A report that cannot be written is an error on the module.
// expected-error@+1 {{cannot write the footprint report}}
module {
  func.func @f(%x: tensor<1x3x8x8xi8>) -> tensor<1x3x8x8xi8> {
    return %x : tensor<1x3x8x8xi8>
  }
}

// FORMAT: for the --format option: Cannot find option named 'yaml'!
