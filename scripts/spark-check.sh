#!/usr/bin/env bash
# Runs the Spark recipe (spark/forecast_with_spark.py) in local[2] mode with the packaged tsf on a
# generated many-series file, and checks that its forecasts are byte for byte those of one local
# `tsf forecast --id` run of the same binary (spark/compare_results.py).
#
# With MEASURE=1 it is the Spark benchmark instead: tsf's default options, the recipe's default
# partitions, both runs sampled from /proc (benchmarks/process_tree_sampler.py) and compared by
# benchmarks/spark_overhead.py, which prints series per second, peak memory and Spark's own share of
# the time; the samples stay in bench-out/spark-DATE/.
#
# Environment: PYTHON (default /tmp/venv/bin/python, needs pyspark and numpy; Java 17 on PATH),
#              PACKAGE (a tsf-VERSION-linux-x86_64.tar.gz; default: built by scripts/package.sh),
#              SERIES (default 40), POINTS (default 200), HORIZON (default: tsf's), MEASURE (unset).
#              Without MEASURE, training is kept small (--epochs 3 --hidden 8) and 4 partitions are
#              used, so the check is quick.
#   e.g. SERIES=10000 POINTS=500 MEASURE=1 scripts/spark-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-/tmp/venv/bin/python}"
SERIES="${SERIES:-40}"
POINTS="${POINTS:-200}"
if ! "$PYTHON" -c "import pyspark" 2>/dev/null; then
    echo "spark-check: pyspark is not installed for $PYTHON (pip install pyspark)" >&2
    exit 66
fi
if [[ -z "${PACKAGE:-}" ]]; then
    bash scripts/package.sh >&2
    PACKAGE="$(ls -t dist/tsf-*-linux-x86_64.tar.gz | head -n 1)"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The local run uses the package's own binary, unpacked as a user would.
tar -xzf "$PACKAGE" -C "$work"
tsf="$(echo "$work"/tsf-*/bin/tsf)"
"$PYTHON" benchmarks/many_series_data.py "$work/series.csv" --series "$SERIES" --points "$POINTS" --seed 1

horizon=(${HORIZON:+--horizon "$HORIZON"})
if [[ -n "${MEASURE:-}" ]]; then
    out="bench-out/spark-$(date +%Y%m%d-%H%M%S)"
    mkdir -p "$out"
    options=() partitions=() level=()
    sample_local=("$PYTHON" benchmarks/process_tree_sampler.py "$out/local.json" --)
    sample_spark=("$PYTHON" benchmarks/process_tree_sampler.py "$out/spark.json" --)
else
    options=(--epochs 3 --hidden 8) partitions=(--partitions 4) level=(--level 80)
    sample_local=() sample_spark=()
fi

"${sample_local[@]}" "$tsf" forecast "$work/series.csv" --id id --column value "${horizon[@]}" --format csv \
    --choice per-series --threads 2 "${level[@]}" "${options[@]}" > "$work/local.csv" 2> "$work/local.err"
"${sample_spark[@]}" "$PYTHON" spark/forecast_with_spark.py "$work/series.csv" "$work/spark" --id id --column value \
    "${horizon[@]}" --package "$PACKAGE" --master 'local[2]' "${partitions[@]}" "${level[@]}" -- "${options[@]}" \
    2> "$work/spark.err" || { tail -20 "$work/spark.err" >&2; exit 70; }
status=0
"$PYTHON" spark/compare_results.py "$work/local.csv" "$work/spark" || status=$?
if [[ -n "${MEASURE:-}" ]]; then
    "$PYTHON" benchmarks/spark_overhead.py "$out/local.json" "$out/spark.json" --series "$SERIES" | tee "$out/summary.txt"
fi
exit "$status"
