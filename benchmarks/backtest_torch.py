#!/usr/bin/env python3
"""The walk-forward backtest of `tsf backtest FILE --column NAME --folds 10 --horizon 5 --epochs N
--patience 0 --baselines naive`, written as a plain loop of PyTorch refits.

Folds are cut as tsf cuts them: the last `folds` windows of `horizon` rows, cut-offs `horizon` rows
apart, the last test window ending at the last row, expanding history (every row before the cut-off),
and only cut-offs with at least max(2 * (lookback + horizon) + 1, 2 * season + 1, 20) rows of history.
Each fold repeats the whole preparation of `forecast_job_torch.py` on its own history: log-returns,
the 20 % validation split, the standard scaler fitted on the fold's training rows, a fresh network
seeded alike, N epochs without early stopping, then one direct 5-step forecast.
(tsf re-chooses the transform on every fold with a unit-root test; on daily share prices it picks
log-return for every fold, which is what this script does unconditionally.)

Prints the MAE of the model and of the naive forecast over all folds (a check that both tools did the
same job, not a timing) and, on the last line, a JSON object with the timings measured in the process.

Usage: backtest_torch.py FILE --column NAME [--folds 10] [--horizon 5] [--epochs 20] [--threads 1]
"""
import json
import sys
import time
from pathlib import Path

START = time.perf_counter()

import numpy as np  # noqa: E402
import torch  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from forecast_job_torch import fit_and_forecast, job_parser, read_levels  # noqa: E402

IMPORTED = time.perf_counter()


def cutoffs(rows, folds, horizon, lookback, season=1):
    """Cut-off rows of the last `folds` test windows, oldest first, each with enough history to train on."""
    minimum_history = max(2 * (lookback + horizon) + 1, 2 * season + 1, 20)
    last = rows - horizon
    chosen = [last - k * horizon for k in range(folds)]
    return [c for c in reversed(chosen) if c >= max(1, minimum_history)]


def main():
    parser = job_parser("A 10-fold walk-forward backtest of the forecast job, refitting on every fold.")
    parser.add_argument("--folds", type=int, default=10)
    args = parser.parse_args()
    folds = args.folds
    torch.set_num_threads(args.threads)
    began = time.perf_counter()
    levels = read_levels(args.file, args.column)
    if not (levels > 0).all():
        raise SystemExit(f"{args.file}: the column {args.column!r} has values <= 0; log-returns need positive values.")
    model_errors, naive_errors = [], []
    plan = cutoffs(len(levels), folds, args.horizon, args.lookback)
    for cutoff in plan:
        history = levels[:cutoff]
        actuals = levels[cutoff:cutoff + args.horizon]
        forecasts, _ = fit_and_forecast(history, args)
        model_errors.extend(np.abs(forecasts - actuals))
        naive_errors.extend(np.abs(history[-1] - actuals))
    done = time.perf_counter()
    print(f"folds {len(plan)}, cut-offs {plan[0]}..{plan[-1]}")
    print(f"MAE lstm {np.mean(model_errors):.4f}  naive {np.mean(naive_errors):.4f}")
    print(json.dumps({
        "threads": args.threads, "folds": len(plan), "epochs": args.epochs,
        "import_s": round(IMPORTED - START, 3), "backtest_s": round(done - began, 3),
        "in_process_s": round(done - START, 3),
    }))


if __name__ == "__main__":
    main()
