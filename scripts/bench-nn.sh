#!/usr/bin/env bash
# Side-by-side speed of `tsf bench` and PyTorch (bench/torch_reference.py) on this machine:
# rnn, lstm and gru at hidden 64 with 1 and 2 threads, and at hidden 128 with 2 layers.
# Prints each pair of JSON lines, then a table of ratios where above 1 means tsf is faster.
# The numbers are only as steady as the machine: run it when nothing else is busy.
#
# Environment: OPENBLAS_CORETYPE (default: SkylakeX with AVX-512, Haswell with AVX2),
#              PYTHON (default /tmp/venv/bin/python, needs torch and numpy),
#              TORCH_REFERENCE (default ../shared/bench/torch_reference.py beside the repo),
#              EPOCHS (default 4), POINTS (default 5000).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-/tmp/venv/bin/python}"
TORCH_REFERENCE="${TORCH_REFERENCE:-$(cd .. && pwd)/shared/bench/torch_reference.py}"
EPOCHS="${EPOCHS:-4}"
POINTS="${POINTS:-5000}"
SCRATCH="${SCRATCH:-.build-bench}"

# OpenBLAS 0.3.21 does not recognise recent CPUs and falls back to generic SSE kernels, about
# 3x slower for training (see BLASBackend.swift); name the kernel family from the CPU's flags
# unless the caller chose one. PyTorch brings its own kernels and is unaffected.
if [[ -z "${OPENBLAS_CORETYPE:-}" && -r /proc/cpuinfo ]]; then
    if grep -qw avx512f /proc/cpuinfo; then export OPENBLAS_CORETYPE=SkylakeX
    elif grep -qw avx2 /proc/cpuinfo; then export OPENBLAS_CORETYPE=Haswell
    fi
fi
echo "bench-nn: OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<OpenBLAS default>}; load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" >&2

if [[ ! -x "$PYTHON" ]]; then echo "bench-nn: no Python at $PYTHON (set PYTHON)" >&2; exit 66; fi
if [[ ! -f "$TORCH_REFERENCE" ]]; then echo "bench-nn: no reference script at $TORCH_REFERENCE (set TORCH_REFERENCE)" >&2; exit 66; fi

swift build -c release --scratch-path "$SCRATCH" --product tsf >&2
TSF="$SCRATCH/release/tsf"

results="$(mktemp)"
trap 'rm -f "$results"' EXIT

run_pair() {  # cell hidden layers threads
    local options=(--cell "$1" --hidden "$2" --layers "$3" --threads "$4" --epochs "$EPOCHS" --points "$POINTS")
    local torch_line tsf_line
    torch_line="$("$PYTHON" "$TORCH_REFERENCE" "${options[@]}")"
    tsf_line="$("$TSF" bench "${options[@]}")"
    echo "$torch_line"
    echo "$tsf_line"
    printf '%s\n%s\n' "$torch_line" "$tsf_line" >>"$results"
}

for cell in rnn lstm gru; do
    for threads in 1 2; do run_pair "$cell" 64 1 "$threads"; done
done
for cell in rnn lstm gru; do
    for threads in 1 2; do run_pair "$cell" 128 2 "$threads"; done
done

"$PYTHON" - "$results" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print()
print(f"{'cell':5} {'H':>4} {'layers':>6} {'threads':>7} | {'train tsf/torch':>15} {'infer tsf/torch':>15} {'latency torch/tsf':>17} | {'mse torch':>9} {'mse tsf':>9}")
for torch, tsf in zip(lines[0::2], lines[1::2]):
    print(f"{tsf['cell']:5} {tsf['hidden']:>4} {tsf['layers']:>6} {tsf['threads']:>7} | "
          f"{tsf['train_windows_per_s'] / torch['train_windows_per_s']:>15.2f} "
          f"{tsf['infer_windows_per_s'] / torch['infer_windows_per_s']:>15.2f} "
          f"{torch['latency_us_batch1'] / tsf['latency_us_batch1']:>17.2f} | "
          f"{torch['final_train_mse']:>9.5f} {tsf['final_train_mse']:>9.5f}")
print("Ratios above 1: tsf is faster. Final MSEs differ in value because the random walks differ (same law).")
PY
