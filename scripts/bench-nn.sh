#!/usr/bin/env bash
# Side-by-side speed of `tsf bench`, PyTorch (bench/torch_reference.py) and ONNX Runtime
# (benchmarks/onnx_reference.py) on this machine: rnn, lstm and gru at hidden 64 (1 layer) and at
# hidden 128 with 2 layers, and lstm at hidden 256 (1 layer), each with 1 and 2 threads.
# Prints each row's JSON lines (PyTorch, ONNX Runtime, tsf), then a table of ratios where above 1
# means tsf is faster. The numbers are only as steady as the machine: run it when nothing else is busy.
#
# ONNX Runtime column: benchmarks/onnx_reference.py builds the PyTorch reference's module (same cell,
# hidden, layers, lookback, batch size; input size 1, linear head on the last step), exports it with
# torch.onnx.export and runs it with onnxruntime's CPUExecutionProvider, intra-op threads = the row's
# thread count. It times inference exactly as the PyTorch reference does: batched inference is one
# warm-up call on the first batch, then all windows in chunks of 256 timed as one span (windows/s);
# batch-1 latency is the median of 500 calls on one window after 50 warm-up calls (µs). Training is
# not measured for ONNX Runtime. If onnxruntime (or onnx) cannot be imported, the tsf and PyTorch rows
# still run and the ONNX columns say "skipped".
#
# Environment: OPENBLAS_CORETYPE (default: SkylakeX with AVX-512, Haswell with AVX2),
#              PYTHON (default /tmp/venv/bin/python, needs torch and numpy; onnx and onnxruntime
#                      for the ONNX column),
#              TORCH_REFERENCE (default ../shared/bench/torch_reference.py beside the repo),
#              ONNX_REFERENCE (default benchmarks/onnx_reference.py), ONNX=0 skips that column,
#              ONLY (rows to run: space-separated patterns matched against labels such as
#                    lstm-256x1-t2, e.g. ONLY="lstm" or ONLY="lstm-256x1 gru-128x2"; default all),
#              EPOCHS (default 4), POINTS (default 5000).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-/tmp/venv/bin/python}"
TORCH_REFERENCE="${TORCH_REFERENCE:-$(cd .. && pwd)/shared/bench/torch_reference.py}"
ONNX_REFERENCE="${ONNX_REFERENCE:-benchmarks/onnx_reference.py}"
ONNX="${ONNX:-1}"
ONLY="${ONLY:-}"
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

onnx_skipped=""
if [[ "$ONNX" == 0 ]]; then
    onnx_skipped="ONNX=0"
elif ! onnx_error="$("$PYTHON" -c 'import onnx, onnxruntime' 2>&1)"; then
    onnx_skipped="cannot import onnx/onnxruntime with $PYTHON: ${onnx_error##*$'\n'}"
fi
if [[ -n "$onnx_skipped" ]]; then echo "bench-nn: ONNX Runtime column skipped ($onnx_skipped)" >&2; fi

swift build -c release --scratch-path "$SCRATCH" --product tsf >&2
TSF="$SCRATCH/release/tsf"

results="$(mktemp)"
trap 'rm -f "$results"' EXIT

selected() {  # label
    [[ -z "$ONLY" ]] && return 0
    local pattern
    for pattern in $ONLY; do [[ "$1" == *"$pattern"* ]] && return 0; done
    return 1
}

run_row() {  # cell hidden layers threads
    selected "$1-$2x$3-t$4" || return 0
    local options=(--cell "$1" --hidden "$2" --layers "$3" --threads "$4" --epochs "$EPOCHS" --points "$POINTS")
    local torch_line onnx_line tsf_line
    torch_line="$("$PYTHON" "$TORCH_REFERENCE" "${options[@]}")"
    if [[ -n "$onnx_skipped" ]]; then
        onnx_line='{"skipped": "not run"}'
    elif ! onnx_line="$("$PYTHON" "$ONNX_REFERENCE" "${options[@]}")" || [[ -z "$onnx_line" ]]; then
        echo "bench-nn: ONNX Runtime failed for $1-$2x$3-t$4; its columns say skipped" >&2
        [[ "$onnx_line" == "{"* ]] || onnx_line='{"skipped": "onnx_reference.py failed"}'
    fi
    tsf_line="$("$TSF" bench "${options[@]}")"
    printf '%s\n%s\n%s\n' "$torch_line" "$onnx_line" "$tsf_line" | tee -a "$results"
}

for cell in rnn lstm gru; do
    for threads in 1 2; do run_row "$cell" 64 1 "$threads"; done
done
for cell in rnn lstm gru; do
    for threads in 1 2; do run_row "$cell" 128 2 "$threads"; done
done
for threads in 1 2; do run_row lstm 256 1 "$threads"; done

if [[ ! -s "$results" ]]; then echo "bench-nn: ONLY=\"$ONLY\" selected no rows" >&2; exit 64; fi

"$PYTHON" - "$results" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def ratio(numerator, denominator):
    return "skipped" if numerator is None or denominator is None else f"{numerator / denominator:.2f}"
print()
print(f"{'cell':5} {'H':>4} {'layers':>6} {'threads':>7} | {'train tsf/torch':>15} {'infer tsf/torch':>15} "
      f"{'latency torch/tsf':>17} | {'infer tsf/onnx':>14} {'latency onnx/tsf':>16} | {'mse torch':>9} {'mse tsf':>9}")
impls = set()
for torch, onnx, tsf in zip(lines[0::3], lines[1::3], lines[2::3]):
    impls.update(x["impl"] for x in (torch, onnx, tsf) if "impl" in x and "skipped" not in x)
    print(f"{tsf['cell']:5} {tsf['hidden']:>4} {tsf['layers']:>6} {tsf['threads']:>7} | "
          f"{ratio(tsf['train_windows_per_s'], torch['train_windows_per_s']):>15} "
          f"{ratio(tsf['infer_windows_per_s'], torch['infer_windows_per_s']):>15} "
          f"{ratio(torch['latency_us_batch1'], tsf['latency_us_batch1']):>17} | "
          f"{ratio(tsf['infer_windows_per_s'], onnx.get('infer_windows_per_s')):>14} "
          f"{ratio(onnx.get('latency_us_batch1'), tsf['latency_us_batch1']):>16} | "
          f"{torch['final_train_mse']:>9.5f} {tsf['final_train_mse']:>9.5f}")
print("Ratios above 1: tsf is faster. ONNX Runtime runs inference only (no training column).")
print("Final MSEs differ in value because the random walks differ (same law).")
print("Implementations: " + ", ".join(sorted(impls)))
PY
