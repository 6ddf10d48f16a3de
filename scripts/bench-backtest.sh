#!/usr/bin/env bash
# Times a 10-fold walk-forward backtest with a refit of the default LSTM on every fold:
#   tsf backtest datasets/aapl_daily.csv --column "Adj Close" --folds 10 --horizon 5 \
#       --epochs N --patience 0 --baselines naive --threads T
# for T = 1 and 2 (tsf runs folds in parallel, one thread per fit), and the same backtest as a loop of
# PyTorch refits (benchmarks/backtest_torch.py: same cut-offs, same per-fold preparation), with torch
# using 1 and 2 threads. Prints median wall and CPU (user + system) seconds of the whole process, tsf's
# 2-thread speed-up over 1 thread (the target is at least 1.8x), the ratio torch / tsf at each thread
# count, and each tool's MAE of the model and of the naive forecast (they should be close: the same
# job, though the weights start from different random draws).
#
# Usage: scripts/bench-backtest.sh [REPETITIONS]        (default 3)
# Environment: PYTHON (default /tmp/venv/bin/python, needs torch, numpy, pandas), EPOCHS (default 10),
#              FILE (default datasets/aapl_daily.csv), COLUMN (default "Adj Close"), SCRATCH.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS="${1:-3}"
PYTHON="${PYTHON:-/tmp/venv/bin/python}"
EPOCHS="${EPOCHS:-10}"
FILE="${FILE:-datasets/aapl_daily.csv}"
COLUMN="${COLUMN:-Adj Close}"
SCRATCH="${SCRATCH:-.build-bench}"

if [[ ! -x "$PYTHON" ]]; then echo "bench-backtest: no Python at $PYTHON (set PYTHON)" >&2; exit 66; fi
"$PYTHON" -c "import torch, pandas" || { echo "bench-backtest: $PYTHON lacks torch or pandas" >&2; exit 66; }

swift build -c release --scratch-path "$SCRATCH" --product tsf >&2
TSF="$SCRATCH/release/tsf"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
# Runs a command with its output in $work/out and $work/err; prints "wall cpu" in seconds.
timed() {
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >"$work/out" 2>"$work/err"
    awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$work/time"
}
ratio() { printf '%.2f' "$(echo "$1 / $2" | bc -l)"; }

"$PYTHON" -c "import torch, pandas" >/dev/null   # warm the page cache
"$TSF" --help >/dev/null

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, rounds: $REPS, epochs per fit: $EPOCHS"
echo "backtest: $FILE column \"$COLUMN\", 10 folds, horizon 5, expanding, refit every fold, default LSTM"

declare -A tsf_wall tsf_cpu py_wall py_cpu
for threads in 1 2; do
    tw=(); tc=(); pw=(); pc=()
    load_before="$(cut -d' ' -f1 /proc/loadavg)"
    for _ in $(seq "$REPS"); do
        read -r wall cpu < <(timed "$TSF" backtest "$FILE" --column "$COLUMN" --folds 10 --horizon 5 \
            --epochs "$EPOCHS" --patience 0 --baselines naive --threads "$threads" --format csv)
        tw+=("$wall"); tc+=("$cpu")
        tsf_mae="$("$PYTHON" -c "import csv, sys; print('  '.join(r['model'] + ' ' + r['MAE'] for r in csv.DictReader(open(sys.argv[1]))))" "$work/out")"
        read -r wall cpu < <(timed "$PYTHON" benchmarks/backtest_torch.py "$FILE" --column "$COLUMN" --folds 10 \
            --horizon 5 --epochs "$EPOCHS" --patience 0 --threads "$threads")
        pw+=("$wall"); pc+=("$cpu")
        py_mae="$(grep '^MAE' "$work/out")"
        py_folds="$(grep '^folds' "$work/out")"
    done
    tsf_wall[$threads]=$(printf '%s\n' "${tw[@]}" | median); tsf_cpu[$threads]=$(printf '%s\n' "${tc[@]}" | median)
    py_wall[$threads]=$(printf '%s\n' "${pw[@]}" | median); py_cpu[$threads]=$(printf '%s\n' "${pc[@]}" | median)
    echo
    echo "threads $threads (load $load_before→$(cut -d' ' -f1 /proc/loadavg)): walls tsf ${tw[*]}  torch ${pw[*]}"
    printf '  tsf   median wall %7.2fs  cpu %7.2fs   MAE: %s\n' "${tsf_wall[$threads]}" "${tsf_cpu[$threads]}" "$tsf_mae"
    printf '  torch median wall %7.2fs  cpu %7.2fs   %s (%s)\n' "${py_wall[$threads]}" "${py_cpu[$threads]}" "$py_mae" "$py_folds"
    echo "  ratio torch / tsf: wall $(ratio "${py_wall[$threads]}" "${tsf_wall[$threads]}")x, cpu $(ratio "${py_cpu[$threads]}" "${tsf_cpu[$threads]}")x (above 1: tsf is faster)"
done
echo
echo "tsf speed-up 2 threads vs 1: $(ratio "${tsf_wall[1]}" "${tsf_wall[2]}")x wall (target ≥ 1.8x)"
echo "torch speed-up 2 threads vs 1: $(ratio "${py_wall[1]}" "${py_wall[2]}")x wall"
