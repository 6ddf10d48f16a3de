#!/usr/bin/env bash
# The main job on a bundled dataset: installs what is missing, builds tsf in release mode,
# and forecasts the next five trading days of a shipped share price, with prediction intervals.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product tsf
.build/release/tsf forecast datasets/aapl_daily.csv --column "Adj Close" --horizon 5 --level 80,95
