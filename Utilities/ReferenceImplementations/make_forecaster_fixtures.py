#!/usr/bin/env python3
"""PyTorch-made model files for ForecastingTests: a `state_dict` saved with safetensors and only
the required metadata keys (scaler none), plus the window it reads and PyTorch's forecast.

Run by hand when the fixtures change (needs torch, numpy, safetensors):
    python3 Utilities/ReferenceImplementations/make_forecaster_fixtures.py
Writes Tests/ForecastingTests/Fixtures/pytorch-<cell>-*.safetensors and pytorch-<cell>-*.json.
"""
import json
import pathlib

import numpy as np
import torch
from safetensors.torch import save_file

out = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "ForecastingTests" / "Fixtures"
out.mkdir(parents=True, exist_ok=True)


class Net(torch.nn.Module):
    """The module layout of docs/architecture.md: recurrent layer `rnn`, linear head `head` on the last step."""

    def __init__(self, cell, input_size, hidden, layers, horizon):
        super().__init__()
        kind = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell]
        self.rnn = kind(input_size, hidden, num_layers=layers, batch_first=True)
        self.head = torch.nn.Linear(hidden, horizon)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.head(out[:, -1, :])


cases = [
    # cell, input size, hidden, layers, lookback, horizon, seed
    ("lstm", 1, 8, 2, 12, 3, 1),
    ("gru", 2, 6, 1, 9, 2, 2),
    ("rnn", 1, 5, 1, 7, 4, 3),
]
for cell, input_size, hidden, layers, lookback, horizon, seed in cases:
    torch.manual_seed(seed)
    net = Net(cell, input_size, hidden, layers, horizon).eval()
    rng = np.random.default_rng(seed)
    # A history longer than the lookback: the model must read only its last `lookback` rows.
    history = rng.standard_normal((lookback + 5, input_size)).astype(np.float32)
    with torch.no_grad():
        forecast = net(torch.from_numpy(history[-lookback:][None])).numpy()[0]
    metadata = {
        "format": "tsf-model", "format_version": "1", "cell": cell, "input_size": str(input_size),
        "hidden_size": str(hidden), "num_layers": str(layers), "lookback": str(lookback),
        "horizon": str(horizon), "scaler": "none",
    }
    name = f"pytorch-{cell}-d{input_size}-l{layers}"
    save_file({k: v.contiguous() for k, v in net.state_dict().items()}, str(out / f"{name}.safetensors"), metadata=metadata)
    (out / f"{name}.json").write_text(json.dumps({
        "target": [float(v) for v in history[:, 0]],
        "features": [[float(v) for v in history[:, j]] for j in range(1, input_size)],
        "forecast": [float(v) for v in forecast],
        "torch": torch.__version__,
    }, indent=1) + "\n")
    print(name, forecast)


class KnownAheadNet(Net):
    """The layout of docs/model-format.md for K known-in-advance features: the head reads the last
    hidden state and the known values of every forecast step, `(B, horizon, K)` flattened step-major."""

    def __init__(self, cell, input_size, hidden, layers, horizon, known):
        super().__init__(cell, input_size, hidden, layers, horizon)
        self.head = torch.nn.Linear(hidden + known * horizon, horizon)

    def forward(self, x, future):
        out, _ = self.rnn(x)
        return self.head(torch.cat([out[:, -1, :], future.flatten(1)], dim=1))


known_cases = [
    # cell, input size (target, observed..., known...), known K, hidden, layers, lookback, horizon, seed
    ("gru", 3, 1, 6, 1, 8, 3, 4),
    ("lstm", 3, 2, 5, 2, 6, 2, 5),
]
for cell, input_size, known, hidden, layers, lookback, horizon, seed in known_cases:
    torch.manual_seed(seed)
    net = KnownAheadNet(cell, input_size, hidden, layers, horizon, known).eval()
    rng = np.random.default_rng(seed)
    history = rng.standard_normal((lookback + 5, input_size)).astype(np.float32)
    future = rng.standard_normal((horizon, known)).astype(np.float32)
    with torch.no_grad():
        forecast = net(torch.from_numpy(history[-lookback:][None]), torch.from_numpy(future[None])).numpy()[0]
    metadata = {
        "format": "tsf-model", "format_version": "1", "cell": cell, "input_size": str(input_size),
        "hidden_size": str(hidden), "num_layers": str(layers), "lookback": str(lookback),
        "horizon": str(horizon), "scaler": "none", "known_features": str(known),
    }
    name = f"pytorch-{cell}-d{input_size}-k{known}-l{layers}"
    save_file({k: v.contiguous() for k, v in net.state_dict().items()}, str(out / f"{name}.safetensors"), metadata=metadata)
    observed = input_size - 1 - known
    (out / f"{name}.json").write_text(json.dumps({
        "target": [float(v) for v in history[:, 0]],
        "features": [[float(v) for v in history[:, j]] for j in range(1, 1 + observed)],
        "knownFeatures": [[float(v) for v in history[:, j]] for j in range(1 + observed, input_size)],
        "knownFuture": [[float(v) for v in future[:, k]] for k in range(known)],
        "forecast": [float(v) for v in forecast],
        "torch": torch.__version__,
    }, indent=1) + "\n")
    print(name, forecast)
