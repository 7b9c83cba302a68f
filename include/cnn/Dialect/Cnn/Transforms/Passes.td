//===- Passes.td - Passes of the cnn dialect ---------------*- tablegen -*-===//

#ifndef CNN_DIALECT_CNN_TRANSFORMS_PASSES_TD
#define CNN_DIALECT_CNN_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def CnnFootprintReport : Pass<"cnn-footprint-report", "::mlir::ModuleOp"> {
  let summary = "Report each layer's MACs, weight bytes and feature-map bytes";
  let description = [{
    Prints, for every function of the module, one line per layer with its
    multiply-accumulates (convolutions and fully connected layers; other
    layers count 0), its parameters and weight bytes (weights plus bias),
    the bytes of the feature maps it reads and of the one it writes, and the
    network totals: the "size of feature maps & coefficients" of the network.
    The IR is not changed.

    ```
    cnn-opt --cnn-footprint-report models/mobilenet_v1.mlir -o /dev/null
    cnn-opt '--cnn-footprint-report=format=json output-file=fp.json' m.mlir
    ```
  }];
  let options = [
    Option<"format", "format", "::mlir::cnn::ReportFormat",
           "::mlir::cnn::ReportFormat::Text",
           "Output format of the report",
           [{::llvm::cl::values(
               clEnumValN(::mlir::cnn::ReportFormat::Text, "text",
                          "aligned columns for reading"),
               clEnumValN(::mlir::cnn::ReportFormat::Json, "json",
                          "one JSON object for scripts"))}]>,
    Option<"outputFile", "output-file", "std::string", "\"-\"",
           "File the report is written to ('-' is standard output)">
  ];
  let dependentDialects = ["::mlir::cnn::CnnDialect"];
}

#endif // CNN_DIALECT_CNN_TRANSFORMS_PASSES_TD
