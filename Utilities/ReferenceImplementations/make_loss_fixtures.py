#!/usr/bin/env python3
"""Golden values of the training losses, from PyTorch's autograd, for Tests/ForecastNNTests/LossParityTests.swift.

Writes losses.safetensors (float32 tensors, computed in float64) holding:
  prediction, target           B x O values (B = 6 rows, O = 6 outputs); some elements tie exactly
  <loss>.value, <loss>.grad    the mean loss and d loss / d prediction, for
                               mse (torch.nn.functional.mse_loss), mae (l1_loss),
                               huber1 and huber05 (huber_loss, delta 1 and 0.5), and
                               pinball (torch.maximum(tau * (y - p), (tau - 1) * (y - p)).mean(), with the
                               output column c at level tau = LEVELS[c % 3]: a head of two steps and
                               three quantiles, step-major)
and, in its metadata, the pinball levels.

Run by hand (CI has no PyTorch):
    /tmp/venv/bin/python Utilities/ReferenceImplementations/make_loss_fixtures.py Tests/ForecastNNTests/Fixtures
"""
import pathlib, sys

import torch
from safetensors.torch import save_file

LEVELS = [0.1, 0.5, 0.9]


def main():
    directory = pathlib.Path(sys.argv[1])
    generator = torch.Generator().manual_seed(20261205)
    prediction = torch.randn(6, 6, generator=generator, dtype=torch.float64)
    target = torch.randn(6, 6, generator=generator, dtype=torch.float64)
    # Exact ties, where the losses' kinks are, so the subgradients PyTorch picks are pinned down too.
    prediction = prediction.float().double()
    target = target.float().double()
    target[0, :] = prediction[0, :]
    tau = torch.tensor(LEVELS, dtype=torch.float64).repeat(2)
    losses = {
        "mse": lambda p, y: torch.nn.functional.mse_loss(p, y),
        "mae": lambda p, y: torch.nn.functional.l1_loss(p, y),
        "huber1": lambda p, y: torch.nn.functional.huber_loss(p, y, delta=1.0),
        "huber05": lambda p, y: torch.nn.functional.huber_loss(p, y, delta=0.5),
        "pinball": lambda p, y: torch.maximum(tau * (y - p), (tau - 1) * (y - p)).mean(),
    }
    tensors = {"prediction": prediction.float(), "target": target.float()}
    for name, loss in losses.items():
        p = prediction.clone().requires_grad_(True)
        value = loss(p, target)
        value.backward()
        tensors[f"{name}.value"] = value.detach().float().reshape(1)
        tensors[f"{name}.grad"] = p.grad.float()
    save_file(tensors, str(directory / "losses.safetensors"),
              metadata={"levels": ",".join(map(str, LEVELS)), "torch": torch.__version__})


if __name__ == "__main__":
    main()
