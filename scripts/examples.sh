#!/usr/bin/env bash
# Builds and runs the examples so none of them can rot: the command-line scripts in examples/cli
# (with a few training epochs) and the EmbeddedForecaster package. Fails on the first error.
#
# Environment: TSF (a tsf binary to use instead of building one), TSF_EPOCHS (default 2),
# SCRATCH (the build folder, default .build), CONFIGURATION (debug or release; default debug, which
# reuses the build of scripts/test.sh, so only the EmbeddedForecaster package is compiled anew).
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH="${SCRATCH:-.build}"
CONFIGURATION="${CONFIGURATION:-debug}"
export TSF_EPOCHS="${TSF_EPOCHS:-2}"
if [[ -z "${TSF:-}" ]]; then
    swift build -c "$CONFIGURATION" --product tsf --scratch-path "$SCRATCH"
    TSF="$SCRATCH/$CONFIGURATION/tsf"
fi
export TSF

OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
export OUT

for script in examples/cli/*.sh; do
    echo "== $script" >&2
    bash "$script" > "$OUT/$(basename "$script" .sh).txt"
    test -s "$OUT/$(basename "$script" .sh).txt"
done
for plot in aapl-forecast.svg aapl-backtest.svg; do
    grep -q "<svg" "$OUT/$plot"
done

for product in EmbeddedForecaster FileForecaster; do
    echo "== examples/EmbeddedForecaster: $product" >&2
    swift run -c "$CONFIGURATION" --package-path examples/EmbeddedForecaster \
        --scratch-path "$SCRATCH/examples/EmbeddedForecaster" "$product"
done

echo "Every example ran." >&2
