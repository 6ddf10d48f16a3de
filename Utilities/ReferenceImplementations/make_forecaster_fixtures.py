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
