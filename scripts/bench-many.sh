#!/usr/bin/env bash
# The many-series benchmark: SERIES generated series of POINTS points (benchmarks/many_series_data.py),
# forecast HORIZON steps each, by
#   - tsf forecast --id with --threads 1 and 2 (series per second, peak memory from /usr/bin/time),
#   - the same tsf job through Spark local[2] (spark/forecast_with_spark.py),
#   - a Python loop on PyTorch doing the same per-series job (benchmarks/many_series_torch.py; on
#     the first TORCH_LIMIT series, extrapolated as series per second),
#   - statsforecast's AutoETS with n_jobs=2 (benchmarks/many_series_statsforecast.py).
# Per-series training is kept small for the benchmark: --epochs $EPOCHS (default 5), other options at
# their defaults (LSTM, hidden 32, lookback 14 for daily data, early stopping, automatic method).
#
# Environment: PYTHON (default /tmp/venv/bin/python), SERIES (1000), POINTS (500), HORIZON (7),
#              EPOCHS (5), TORCH_LIMIT (200), SKIP_SPARK (unset), TSF (default: release build).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-/tmp/venv/bin/python}"
SERIES="${SERIES:-1000}"
POINTS="${POINTS:-500}"
HORIZON="${HORIZON:-7}"
EPOCHS="${EPOCHS:-5}"
TORCH_LIMIT="${TORCH_LIMIT:-200}"
if [[ -z "${TSF:-}" ]]; then
    swift build -c release --scratch-path .build-bench --product tsf >&2
    TSF=.build-bench/release/tsf
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$PYTHON" benchmarks/many_series_data.py "$work/series.csv" --series "$SERIES" --points "$POINTS"

# One JSON line per tsf run: wall seconds, series per second and peak resident memory.
run_tsf() {  # threads
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/time.$1" "$TSF" forecast "$work/series.csv" --id id --column value \
        --horizon "$HORIZON" --epochs "$EPOCHS" --threads "$1" --format csv > "$work/out.$1.csv" 2> "$work/err.$1" || true
    end=$(date +%s.%N)
    "$PYTHON" - "$start" "$end" "$SERIES" "$1" "$(tail -n 1 "$work/time.$1")" <<'PY'
import json, sys
start, end, series, threads, kilobytes = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
print(json.dumps({"tool": "tsf", "threads": threads, "series": series, "seconds": round(end - start, 2),
                  "series_per_second": round(series / (end - start), 2), "peak_mib": round(kilobytes / 1024, 1)}))
PY
}
run_tsf 1
run_tsf 2
if cmp -s "$work/out.1.csv" "$work/out.2.csv"; then echo '{"check": "tsf output identical with 1 and 2 threads"}'; else echo '{"check": "tsf output DIFFERS between 1 and 2 threads"}'; fi

if [[ -z "${SKIP_SPARK:-}" ]]; then
    start=$(date +%s.%N)
    "$PYTHON" spark/forecast_with_spark.py "$work/series.csv" "$work/spark" --id id --column value --horizon "$HORIZON" \
        --tsf "$TSF" --master 'local[2]' -- --epochs "$EPOCHS" 2> "$work/spark.err"
    end=$(date +%s.%N)
    "$PYTHON" - "$start" "$end" "$SERIES" <<'PY'
import json, sys
start, end, series = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(json.dumps({"tool": "spark-local[2]+tsf", "series": series, "seconds": round(end - start, 2),
                  "series_per_second": round(series / (end - start), 2), "note": "includes Spark start-up"}))
PY
    "$PYTHON" spark/compare_results.py "$work/out.2.csv" "$work/spark" || true
fi

"$PYTHON" benchmarks/many_series_torch.py "$work/series.csv" --horizon "$HORIZON" --lookback 14 --epochs "$EPOCHS" --limit "$TORCH_LIMIT"
"$PYTHON" benchmarks/many_series_statsforecast.py "$work/series.csv" --horizon "$HORIZON"
