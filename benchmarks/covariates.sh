#!/bin/bash
# What each covariate kind gains on the two bundled series with an input known in advance: the
# same walk-forward backtest (day-ahead, 48 half-hours, a fold every week over the second half of
# the year) without covariates, with the known-in-advance input, and with observed ones too, all
# without calendar features; then the calendar's automatic choice on top. Each backtest fits once,
# on the first half of the year, and re-conditions on every fold's history (--refit once).
# Usage: swift build -c release && bash benchmarks/covariates.sh [path/to/tsf]
set -euo pipefail
cd "$(dirname "$0")/.."
tsf=${1:-.build/release/tsf}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() {
    local name=$1; shift
    "$tsf" backtest "$@" --horizon 48 --start 8784 --stride 336 --refit once --format json > "$out/$name.json" 2> "$out/$name.err"
}
electricity=datasets/electricity_victoria_halfhourly.csv
solar=datasets/solar_colorado_halfhourly.csv
run elec-none "$electricity" --column Demand --calendar none
run elec-known "$electricity" --column Demand --future-features WorkDay --calendar none
run elec-both "$electricity" --column Demand --future-features WorkDay --features Temperature --calendar none
run elec-calendar "$electricity" --column Demand --future-features WorkDay
run solar-none "$solar" --column GHI --calendar none
run solar-known "$solar" --column GHI --future-features "Solar Zenith Angle" --calendar none
run solar-both "$solar" --column GHI --future-features "Solar Zenith Angle" --features "Temperature,Cloud Type" --calendar none
run solar-calendar "$solar" --column GHI --future-features "Solar Zenith Angle"
python3 - "$out" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
print("| series | covariates | auto MAE | auto MASE | seasonal-naive MAE | folds |")
print("|---|---|---|---|---|---|")
labels = {"none": "none", "known": "known in advance", "both": "known + observed",
          "calendar": "known in advance + calendar auto"}
for series in ("elec", "solar"):
    for kind in ("none", "known", "both", "calendar"):
        data = json.loads((out / f"{series}-{kind}.json").read_text())
        models = {m["model"]: m for m in data["models"]}
        auto, snaive = models["auto"], models["seasonal-naive"]
        print(f"| {series} | {labels[kind]} | {auto['MAE']:.4g} | {auto['MASE']:.3f} | {snaive['MAE']:.4g} | {data['folds']} |")
PY
