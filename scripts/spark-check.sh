#!/usr/bin/env bash
# Runs the Spark recipe (spark/forecast_with_spark.py) in local[2] mode on a generated many-series
# file and checks that its forecasts equal those of one local `tsf forecast --id` run.
#
# Environment: PYTHON (default /tmp/venv/bin/python, needs pyspark and numpy; Java 17 on PATH),
#              TSF (default: build .build-spark/release/tsf), SERIES (default 40), POINTS (default 200),
#              HORIZON (default 7). Training is kept small (--epochs 3 --hidden 8) so the check is quick.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-/tmp/venv/bin/python}"
SERIES="${SERIES:-40}"
POINTS="${POINTS:-200}"
HORIZON="${HORIZON:-7}"
if ! "$PYTHON" -c "import pyspark" 2>/dev/null; then
    echo "spark-check: pyspark is not installed for $PYTHON (pip install pyspark)" >&2
    exit 66
fi
if [[ -z "${TSF:-}" ]]; then
    swift build -c release --scratch-path .build-spark --product tsf >&2
    TSF=.build-spark/release/tsf
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$PYTHON" benchmarks/many_series_data.py "$work/series.csv" --series "$SERIES" --points "$POINTS" --seed 1
options=(--epochs 3 --hidden 8 --level 80)

"$TSF" forecast "$work/series.csv" --id id --column value --horizon "$HORIZON" --format csv --threads 2 \
    "${options[@]}" > "$work/local.csv" 2> "$work/local.err"
"$PYTHON" spark/forecast_with_spark.py "$work/series.csv" "$work/spark" --id id --column value \
    --horizon "$HORIZON" --tsf "$TSF" --master 'local[2]' --partitions 4 --level 80 -- --epochs 3 --hidden 8 \
    2> "$work/spark.err" || { tail -20 "$work/spark.err" >&2; exit 70; }
"$PYTHON" spark/compare_results.py "$work/local.csv" "$work/spark"
