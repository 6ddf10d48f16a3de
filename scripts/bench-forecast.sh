#!/usr/bin/env bash
# Times `tsf forecast FILE --column NAME` (release build) against the same job in pandas + PyTorch
# (benchmarks/forecast_job_torch.py), on daily share prices, with 1 and 2 threads on each side.
#
# Two modes per file:
#   default  tsf's defaults (early stopping on the validation loss, patience 10, at most 100 epochs)
#            and the same in Python: each side stops when its own validation loss says so, so the
#            epoch counts may differ; both are printed.
#   fixed    exactly EPOCHS epochs and no early stopping on both sides (`--epochs N --patience 0`):
#            identical work, the fair comparison of speed.
# Each round runs tsf once and Python once (taking turns, since the machine may be busy) and keeps the
# wall and CPU (user + system) time of the whole process; the medians over the rounds are printed,
# with the ratio torch / tsf (above 1: tsf is faster). Python's time includes starting the interpreter
# and importing torch (about a second when warm), as a user running the script would wait for it; its
# in-process fit time is printed too.
#
# Usage: scripts/bench-forecast.sh [REPETITIONS]        (default 3)
# Environment: PYTHON (default /tmp/venv/bin/python, needs torch, numpy, pandas), EPOCHS (fixed mode,
#              default 20), MODES (default "default fixed"), THREADS (default "1 2"), SCRATCH,
#              TORCH_WAIT_POLICY (OMP_WAIT_POLICY of the Python runs, default PASSIVE).
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
bench_own_session "$0" "$@"   # SESSION_NICE: see bench-lib.sh
cd "$(dirname "$0")/.."
REPS="${1:-3}"
PYTHON="${PYTHON:-/tmp/venv/bin/python}"
EPOCHS="${EPOCHS:-20}"
MODES="${MODES:-default fixed}"
THREADS="${THREADS:-1 2}"
SCRATCH="${SCRATCH:-.build-bench}"
# PyTorch's OpenMP workers spin while they wait; on a busy machine with 2 threads that costs them ten
# times the work (measured). PASSIVE lets them sleep, which only helps torch; set ACTIVE to see the default.
TORCH_WAIT_POLICY="${TORCH_WAIT_POLICY:-PASSIVE}"
CASES=("datasets/aapl_daily.csv|Adj Close" "datasets/msft_daily.csv|Close")

if [[ ! -x "$PYTHON" ]]; then echo "bench-forecast: no Python at $PYTHON (set PYTHON)" >&2; exit 66; fi
"$PYTHON" -c "import torch, pandas" || { echo "bench-forecast: $PYTHON lacks torch or pandas" >&2; exit 66; }

swift build -c release --scratch-path "$SCRATCH" --product tsf >&2
TSF="$SCRATCH/release/tsf"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

json_field() { "$PYTHON" -c "import json, sys; print(json.loads(open(sys.argv[1]).read().splitlines()[-1])[sys.argv[2]])" "$1" "$2"; }

# Warm the page cache (torch's shared libraries, the binary, the files).
"$PYTHON" -c "import torch, pandas" >/dev/null
"$TSF" --help >/dev/null

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, rounds: $REPS, fixed epochs: $EPOCHS"
echo "torch $("$PYTHON" -c 'import torch; print(torch.__version__)'), $(swift --version 2>/dev/null | head -1)"
echo "torch runs with OMP_WAIT_POLICY=$TORCH_WAIT_POLICY; session: $(cat /proc/self/autogroup)"
printf '\n%-28s %-7s %3s | %8s %8s %6s | %8s %8s %8s %6s | %8s %8s %8s\n' \
    "series" "mode" "thr" "tsf wall" "tsf cpu" "epochs" "py wall" "py cpu" "py fit" "epochs" "wall x" "cpu x" "fit x"

for case in "${CASES[@]}"; do
    file="${case%%|*}"; column="${case#*|}"
    for mode in $MODES; do
        extra=(); [[ "$mode" == fixed ]] && extra=(--epochs "$EPOCHS" --patience 0)
        for threads in $THREADS; do
            tw=(); tc=(); pw=(); pc=(); pf=()
            load_before="$(cut -d' ' -f1 /proc/loadavg)"
            for _ in $(seq "$REPS"); do
                read -r wall cpu < <(timed "$TSF" forecast "$file" --column "$column" --threads "$threads" "${extra[@]}" --format csv)
                tw+=("$wall"); tc+=("$cpu")
                tsf_epochs="$(sed -n 's/.* for \([0-9]*\) epoch.*/\1/p' "$work/err")"
                tsf_notes="$(sed -n 's/^tsf: note: /    /p' "$work/err")"
                tsf_forecast="$(tail -n +2 "$work/out" | cut -d, -f2 | xargs printf '%.4f ')"
                read -r wall cpu < <(timed env OMP_WAIT_POLICY="$TORCH_WAIT_POLICY" "$PYTHON" benchmarks/forecast_job_torch.py "$file" --column "$column" --threads "$threads" "${extra[@]}")
                pw+=("$wall"); pc+=("$cpu"); pf+=("$(json_field "$work/out" fit_forecast_s)")
                py_epochs="$(json_field "$work/out" epochs_run)"
                py_forecast="$(head -n -1 "$work/out" | xargs printf '%.4f ')"
            done
            mtw=$(printf '%s\n' "${tw[@]}" | median); mtc=$(printf '%s\n' "${tc[@]}" | median)
            mpw=$(printf '%s\n' "${pw[@]}" | median); mpc=$(printf '%s\n' "${pc[@]}" | median)
            mpf=$(printf '%s\n' "${pf[@]}" | median)
            printf '%-28s %-7s %3s | %7.2fs %7.2fs %6s | %7.2fs %7.2fs %7.2fs %6s | %7.2fx %7.2fx %7.2fx   load %s→%s\n' \
                "$(basename "$file"):$column" "$mode" "$threads" "$mtw" "$mtc" "$tsf_epochs" "$mpw" "$mpc" "$mpf" "$py_epochs" \
                "$(echo "$mpw / $mtw" | bc -l)" "$(echo "$mpc / $mtc" | bc -l)" "$(echo "$mpf / $mtw" | bc -l)" "$load_before" "$(cut -d' ' -f1 /proc/loadavg)"
            if [[ "$threads" == "${THREADS%% *}" ]]; then
                echo "  tsf decisions:"; echo "$tsf_notes"
                echo "  forecasts  tsf: $tsf_forecast"
                echo "  forecasts  py : $py_forecast"
            fi
        done
    done
done
echo
echo "Times are medians of whole-process wall and CPU (user + system) seconds; 'x' = torch / tsf (above 1: tsf is faster)."
echo "'py fit' is Python's own time from the parsed file to the forecast, without interpreter start-up and imports;"
echo "'fit x' = py fit / tsf wall, the comparison that leaves Python's start-up out."
echo "Forecasts differ a little between the tools: the weights start from different random draws (same law)."
