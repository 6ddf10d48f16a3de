#!/usr/bin/env bash
# Walk-forward backtest of the recurrent model against the naive, drift, mean, moving-average,
# seasonal-naive, exponential smoothing and theta forecasts on Apple's adjusted close, with a plot of
# every fold's forecasts.
# Run from the repository root; TSF picks the binary, TSF_EPOCHS the training length.
set -euo pipefail
TSF="${TSF:-.build/release/tsf}"
OUT="${OUT:-examples/cli/output}"
mkdir -p "$OUT"

"$TSF" backtest datasets/aapl_daily.csv --column "Adj Close" \
    --horizon 5 --folds 4 --refit once --epochs "${TSF_EPOCHS:-100}" \
    --plot "$OUT/aapl-backtest.svg" --plot-baselines
echo "Plot written to $OUT/aapl-backtest.svg" >&2
