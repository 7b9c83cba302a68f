"""Compares the cost model's traffic with the bytes the lowered IR moves.

Usage: compare_dma.py MODEL.json DMA.json LABEL
MODEL.json is --cnn-traffic-report=format=json of the planned network,
DMA.json is --dma-traffic-report=format=json of its lowering. Every layer's
reads of input and weights and writes of output must be equal.
"""
import json
import sys


def main():
    model_path, dma_path, label = sys.argv[1:4]
    with open(model_path) as f:
        model = json.load(f)["networks"][0]
    with open(dma_path) as f:
        dma = json.load(f)["networks"][0]
    moved = {l["name"]: l for l in dma["layers"]}
    keys = ["read_input_bytes", "read_weight_bytes", "write_output_bytes"]
    bad = []
    for layer in model["layers"]:
        got = moved.get(layer["name"], {k: 0 for k in keys})
        for k in keys:
            if layer[k] != got.get(k, 0):
                bad.append(f"{layer['name']} {k}: model {layer[k]}, dma {got.get(k, 0)}")
    total_model = model["total"]["total_bytes"]
    total_dma = dma["total"]["total_bytes"]
    if bad or total_model != total_dma:
        print(f"{label}: MISMATCH total model {total_model} dma {total_dma}")
        for line in bad[:10]:
            print("  " + line)
    else:
        print(f"{label}: equal, {total_model} bytes")


if __name__ == "__main__":
    main()
