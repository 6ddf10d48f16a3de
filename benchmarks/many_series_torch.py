"""The per-series job of `tsf forecast --id` written as a plain Python loop on PyTorch, for the
many-series benchmark: for each series, log-returns, standard scaling on the training part, an LSTM
(hidden 32, one layer) with a linear head on the last step, windows of `lookback` steps forecasting
`horizon` steps directly, Adam (lr 1e-3), batch 32, `epochs` epochs, shuffled; then one forecast.
No early stopping and no baseline comparison, so it does a little less work than tsf.

    python benchmarks/many_series_torch.py FILE.csv --horizon 7 --lookback 14 --epochs 5 [--limit N]
Prints one JSON line: series, seconds, series_per_second, threads.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
import torch
from torch import nn


class Model(nn.Module):
    def __init__(self, hidden, horizon):
        super().__init__()
        self.rnn = nn.LSTM(1, hidden, batch_first=True)
        self.head = nn.Linear(hidden, horizon)

    def forward(self, x):
        output, _ = self.rnn(x)
        return self.head(output[:, -1, :])


def forecast_one(values, lookback, horizon, epochs, hidden, generator):
    returns = np.diff(np.log(values))
    training = returns[: int(len(returns) * 0.8)]
    mean, std = training.mean(), training.std() or 1.0
    scaled = (returns - mean) / std
    count = len(scaled) - lookback - horizon + 1
    inputs = np.stack([scaled[i:i + lookback] for i in range(count)])[:, :, None]
    targets = np.stack([scaled[i + lookback:i + lookback + horizon] for i in range(count)])
    x = torch.tensor(inputs, dtype=torch.float32)
    y = torch.tensor(targets, dtype=torch.float32)
    model = Model(hidden, horizon)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_function = nn.MSELoss()
    for _ in range(epochs):
        order = torch.randperm(count, generator=generator)
        for start in range(0, count, 32):
            batch = order[start:start + 32]
            optimizer.zero_grad()
            loss = loss_function(model(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
    with torch.no_grad():
        last = torch.tensor(scaled[-lookback:], dtype=torch.float32)[None, :, None]
        predicted = model(last)[0].numpy() * std + mean
    return values[-1] * np.exp(np.cumsum(predicted))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--horizon", type=int, default=7)
    parser.add_argument("--lookback", type=int, default=14)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--hidden", type=int, default=32)
    parser.add_argument("--limit", type=int, default=None, help="forecast only the first N series")
    parser.add_argument("--threads", type=int, default=1)
    arguments = parser.parse_args()
    torch.set_num_threads(arguments.threads)
    torch.manual_seed(0)
    generator = torch.Generator().manual_seed(0)
    frame = pd.read_csv(arguments.file)
    groups = list(frame.groupby("id", sort=False))[: arguments.limit]
    started = time.perf_counter()
    for _, group in groups:
        forecast_one(group["value"].to_numpy(dtype=float), arguments.lookback, arguments.horizon,
                     arguments.epochs, arguments.hidden, generator)
    seconds = time.perf_counter() - started
    print(json.dumps({"tool": "pytorch-loop", "series": len(groups), "seconds": round(seconds, 2),
                      "series_per_second": round(len(groups) / seconds, 2), "threads": arguments.threads}))


if __name__ == "__main__":
    main()
