#!/usr/bin/python3
"""Exports torchvision models to ONNX for the real-model checks.

    /usr/bin/python3 scripts/export-torchvision.py OUT_DIR [model ...]

Each model is built with `weights=None` after `torch.manual_seed(0)` (so the
random weights are the same on every run), put in eval mode and exported
with `torch.onnx.export` at opset 13 on a 1x3xHxW input (224x224; 299x299
for inception_v3; 224x224 for the segmentation models too) as
OUT_DIR/<model>.onnx. Needs Debian's python3-torch and python3-torchvision
(only /usr/bin/python3 sees them). Without model names, every model of
MODELS is exported; a model already exported is kept.
"""
import os
import sys

MODELS = [
    "resnet18", "resnet50", "resnext50_32x4d", "mobilenet_v2",
    "mobilenet_v3_small", "mobilenet_v3_large", "mnasnet1_0",
    "efficientnet_b0", "shufflenet_v2_x1_0", "squeezenet1_1",
    "regnet_x_400mf", "googlenet", "inception_v3", "densenet121", "vgg16",
    "alexnet", "deeplabv3_mobilenet_v3_large", "lraspp_mobilenet_v3_large",
]

SEGMENTATION = {"deeplabv3_mobilenet_v3_large", "lraspp_mobilenet_v3_large"}


class Logits(object):
    """Wraps a segmentation model, whose forward returns a dict, so that the
    export has one output."""


def build(name):
    import torch
    import torchvision
    torch.manual_seed(0)
    if name in SEGMENTATION:
        model = getattr(torchvision.models.segmentation, name)(
            weights=None, weights_backbone=None, aux_loss=False)

        class Out(torch.nn.Module):
            def __init__(self, m):
                super().__init__()
                self.m = m

            def forward(self, x):
                return self.m(x)["out"]
        return Out(model)
    kwargs = {"weights": None}
    if name in ("googlenet", "inception_v3"):
        kwargs.update(aux_logits=False, init_weights=True)
    return getattr(torchvision.models, name)(**kwargs)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    names = sys.argv[2:] or MODELS
    os.makedirs(out, exist_ok=True)
    import torch
    for name in names:
        path = os.path.join(out, name + ".onnx")
        if os.path.exists(path):
            continue
        size = 299 if name == "inception_v3" else 224
        model = build(name).eval()
        x = torch.zeros(1, 3, size, size)
        torch.onnx.export(model, x, path, opset_version=13,
                          input_names=["input"], output_names=["output"],
                          do_constant_folding=True)
        print("exported", path, flush=True)


if __name__ == "__main__":
    main()
