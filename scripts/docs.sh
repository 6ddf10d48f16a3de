#!/usr/bin/env bash
# Builds the DocC documentation of every public module with swift-docc-plugin, treating any
# warning (an unresolved symbol link, a missing article) as an error.
#
# Output: one .doccarchive per module in $DOCS_OUT (default .build/docs). Environment: SCRATCH
# (the build folder, default .build). Preview one module with
#   swift package --disable-sandbox preview-documentation --target Forecasting
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH="${SCRATCH:-.build}"
DOCS_OUT="${DOCS_OUT:-$SCRATCH/docs}"
mkdir -p "$DOCS_OUT"

for target in Forecasting ForecastActions ForecastCharts ForecastData ForecastIO ForecastNN ForecastEvaluation; do
    echo "== $target" >&2
    swift package --scratch-path "$SCRATCH" --disable-sandbox generate-documentation \
        --target "$target" --output-path "$DOCS_OUT/$target.doccarchive" --warnings-as-errors
done
echo "Documentation archives are in $DOCS_OUT." >&2
