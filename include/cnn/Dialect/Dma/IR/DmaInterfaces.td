//===- DmaInterfaces.td - Interfaces of the dma dialect ----*- tablegen -*-===//
//
// The interface every transfer op implements, so that analyses and
// conversions handle loads and stores, blocking or not, in one place.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_DIALECT_DMA_IR_DMAINTERFACES_TD
#define CNN_DIALECT_DMA_IR_DMAINTERFACES_TD

include "mlir/IR/OpBase.td"

def Dma_TransferOpInterface : OpInterface<"TransferOpInterface"> {
  let cppNamespace = "::mlir::dma";
  let description = [{
    A copy of a rectangular region between a DRAM memref and an SRAM memref
    (`dma.load`, `dma.store`, `dma.load_async`, `dma.store_async`). The
    source is read and the target written; both have the same element type
    and shape. The interface verifies the operands and the `kind`
    attribute for all of them.
  }];

  let methods = [
    InterfaceMethod<"The memref the transfer reads.",
      "::mlir::TypedValue<::mlir::MemRefType>", "getSource">,
    InterfaceMethod<"The memref the transfer writes.",
      "::mlir::TypedValue<::mlir::MemRefType>", "getTarget">,
    InterfaceMethod<[{
        Which tensor of the layer the transfer moves: "input", "weights" or
        "output".
      }],
      "::llvm::StringRef", "getKind">,
    InterfaceMethod<[{
        True when the transfer reads DRAM and writes SRAM (a load), false
        when it reads SRAM and writes DRAM (a store).
      }],
      "bool", "isLoad">,
    InterfaceMethod<"The DRAM side of the transfer.",
      "::mlir::TypedValue<::mlir::MemRefType>", "getDramBuffer", (ins), [{}],
      [{ return $_op.isLoad() ? $_op.getSource() : $_op.getTarget(); }]>,
    InterfaceMethod<"The SRAM side of the transfer.",
      "::mlir::TypedValue<::mlir::MemRefType>", "getSramBuffer", (ins), [{}],
      [{ return $_op.isLoad() ? $_op.getTarget() : $_op.getSource(); }]>,
    InterfaceMethod<[{
        The token of an asynchronous transfer, null for a blocking one.
      }],
      "::mlir::Value", "getToken", (ins), [{}],
      [{ return $_op->getNumResults() ? $_op->getResult(0) : ::mlir::Value(); }]>
  ];

  let verify = [{ return ::mlir::dma::detail::verifyTransferOp($_op); }];
}

#endif // CNN_DIALECT_DMA_IR_DMAINTERFACES_TD
