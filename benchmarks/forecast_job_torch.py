#!/usr/bin/env python3
"""The job of `tsf forecast FILE --column NAME` with its defaults, written with pandas and PyTorch.

It exists to time tsf against the usual Python way of doing the same thing, so it repeats every
choice tsf makes by default for a daily share-price column (tsf reports them on stderr):

  - read the CSV with pandas (dates parsed), take the column as float64;
  - transform: log-return  r[t] = log(x[t] / x[t-1])  (tsf picks it for positive series with a unit root);
  - windows: lookback 10 (two seasons of 5 trading days), horizon 5, stride 1; the last 20 % of the
    targetable rows (rows - lookback, rounded half away from zero, at least one horizon) are the
    validation part; training windows end before it, validation windows start their targets in it;
  - standard scaler (mean, population standard deviation) fitted on the training rows only;
  - nn.LSTM(1, 32, 1 layer, batch_first) and nn.Linear(32, 5) on the last step (a direct 5-step head);
  - Adam lr 1e-3, batches of 32, mean squared error, training windows shuffled every epoch;
  - the validation loss after every epoch; early stopping after `patience` epochs without
    improvement, keeping the best weights (patience 0 trains every epoch and keeps the last);
  - forecast: the last 10 returns, scaled, through the network, unscaled, compounded from the last value.

Prints the forecasts (one per line) and, on the last line, a JSON object with the timings of each phase
measured inside the process (so the cost of starting Python and importing torch can be told apart).

Usage: forecast_job_torch.py FILE --column NAME [--threads 1] [--epochs 100] [--patience 10] ...
"""
import argparse
import json
import math
import time

START = time.perf_counter()

import numpy as np  # noqa: E402  (imports are timed on purpose)
import pandas as pd  # noqa: E402
import torch  # noqa: E402

IMPORTED = time.perf_counter()


class RecurrentRegressor(torch.nn.Module):
    """LSTM layers and a linear head reading the last step: the network tsf trains (same tensor names)."""

    def __init__(self, inputs, hidden, layers, outputs):
        super().__init__()
        self.rnn = torch.nn.LSTM(inputs, hidden, num_layers=layers, batch_first=True)
        self.head = torch.nn.Linear(hidden, outputs)

    def forward(self, x):
        sequence, _ = self.rnn(x)
        return self.head(sequence[:, -1, :])


def log_returns(values):
    """r[t] = log(x[t+1] / x[t]); one row shorter than the levels."""
    return np.log(values[1:] / values[:-1])


def validation_start(rows, lookback, horizon, fraction):
    """First validation row, as tsf's chronological split computes it (see ChronologicalSplit.swift)."""
    targetable = max(0, rows - lookback)
    validation_rows = math.floor(targetable * fraction + 0.5)
    if fraction > 0:
        validation_rows = max(validation_rows, horizon)
    validation_rows = min(validation_rows, max(0, rows - lookback - horizon))
    return rows - validation_rows


def windows(column, starts, lookback, horizon):
    """Inputs (B, lookback, 1) and targets (B, horizon) as float32 tensors for the given window starts."""
    starts = np.asarray(starts, dtype=np.int64)
    inputs = column[starts[:, None] + np.arange(lookback)[None, :]]
    targets = column[starts[:, None] + lookback + np.arange(horizon)[None, :]]
    return (torch.from_numpy(inputs.astype(np.float32)[..., None]),
            torch.from_numpy(targets.astype(np.float32)))


def fit_and_forecast(levels, args):
    """Fits a model on `levels` (oldest first) and returns (forecasts of the next `horizon` levels, epochs run)."""
    lookback, horizon = args.lookback, args.horizon
    returns = log_returns(levels)
    rows = len(returns)
    split = validation_start(rows, lookback, horizon, args.validation_fraction)
    training = returns[:split]
    center, scale = training.mean(), training.std()
    if not scale > 0:
        scale = 1.0
    scaled = (returns - center) / scale

    train_x, train_y = windows(scaled, range(0, split - lookback - horizon + 1), lookback, horizon)
    valid_x = valid_y = None
    if split < rows:
        valid_x, valid_y = windows(scaled, range(max(0, split - lookback), rows - lookback - horizon + 1),
                                   lookback, horizon)

    torch.manual_seed(args.seed)
    network = RecurrentRegressor(1, args.hidden, args.layers, horizon)
    optimizer = torch.optim.Adam(network.parameters(), lr=args.learning_rate)
    loss_function = torch.nn.MSELoss()
    order_generator = torch.Generator().manual_seed(args.seed)
    count = train_x.shape[0]
    best = None  # (validation loss, epoch, weights)
    epochs_run = 0
    for epoch in range(1, args.epochs + 1):
        network.train()
        order = torch.randperm(count, generator=order_generator)
        for first in range(0, count, args.batch_size):
            batch = order[first:first + args.batch_size]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_function(network(train_x[batch]), train_y[batch])
            loss.backward()
            optimizer.step()
        epochs_run = epoch
        if valid_x is None:
            continue
        network.eval()
        with torch.no_grad():
            validation_loss = loss_function(network(valid_x), valid_y).item()
        if args.patience > 0:
            if best is not None and not validation_loss < best[0]:
                if epoch - best[1] >= args.patience:
                    break
            else:
                best = (validation_loss, epoch, {k: v.clone() for k, v in network.state_dict().items()})
    if best is not None and best[1] != epochs_run:
        network.load_state_dict(best[2])

    network.eval()
    recent = torch.from_numpy(scaled[-lookback:].astype(np.float32)).reshape(1, lookback, 1)
    with torch.no_grad():
        output = network(recent)[0].double().numpy()
    predicted_returns = output * scale + center
    forecasts = np.exp(math.log(levels[-1]) + np.cumsum(predicted_returns))
    return forecasts, epochs_run


def job_parser(description):
    """The options of the job, shared by the backtest script."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("file")
    parser.add_argument("--column", required=True)
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads")
    parser.add_argument("--lookback", type=int, default=10)
    parser.add_argument("--horizon", type=int, default=5)
    parser.add_argument("--hidden", type=int, default=32)
    parser.add_argument("--layers", type=int, default=1)
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--patience", type=int, default=10, help="0 trains every epoch")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--learning-rate", type=float, default=1e-3)
    parser.add_argument("--validation-fraction", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=0)
    return parser


def read_levels(path, column):
    """The column as float64, oldest first, read the way a pandas user would."""
    frame = pd.read_csv(path, parse_dates=[0])
    return frame[column].to_numpy(dtype=np.float64)


def main():
    args = job_parser(__doc__.splitlines()[0]).parse_args()
    torch.set_num_threads(args.threads)
    began = time.perf_counter()
    levels = read_levels(args.file, args.column)
    if not (levels > 0).all():
        raise SystemExit(f"{args.file}: the column {args.column!r} has values <= 0; log-returns need positive values.")
    read = time.perf_counter()
    forecasts, epochs = fit_and_forecast(levels, args)
    done = time.perf_counter()
    for value in forecasts:
        print(f"{value:.6f}")
    print(json.dumps({
        "threads": args.threads, "epochs_run": epochs, "rows": len(levels),
        "import_s": round(IMPORTED - START, 3), "read_s": round(read - began, 3),
        "fit_forecast_s": round(done - read, 3), "in_process_s": round(done - START, 3),
    }))


if __name__ == "__main__":
    main()
