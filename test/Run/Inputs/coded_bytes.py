"""Checks that a plan reads coded weights once, at their measured size:
coded_bytes.py ANNOTATED.mlir DMA.json

Sums the channel sizes of every #cnn.compression<..., channels = [...]>
(the encoder's measured sizes, per output channel) and the bytes of every
i32 bias, and compares the sum with the weight bytes --dma-traffic-report
counts in the lowered program.
"""
import json
import re
import sys

text = open(sys.argv[1]).read()
coded = sum(int(x) for m in re.finditer(r"channels = \[([0-9, ]+)\]", text)
            for x in m.group(1).split(","))
biases = sum(4 * int(n)
             for n in re.findall(r"cnn\.weight[^\n]*: tensor<(\d+)xi32>", text))
with open(sys.argv[2]) as f:
    read = json.load(f)["networks"][0]["total"]["read_weight_bytes"]
if read == coded + biases:
    print(f"weights read once: {read} = {coded} coded + {biases} bias bytes")
else:
    print(f"MISMATCH: read {read}, coded {coded} + biases {biases}")
