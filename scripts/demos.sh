#!/usr/bin/env bash
# Builds the two classic demonstrations in release mode and runs them, so they cannot rot:
#   examples/CharacterRNN       next-character model, Elman RNN then LSTM, with samples and losses
#   examples/VanishingGradients long-lag task: gradient reaching the first input, accuracy, SVG plot
# The plot goes to $DEMOS_OUT (default /tmp/tsf-demos), also as PNG when rsvg-convert is installed.
# Prints the time each step took.
#
# Usage: scripts/demos.sh
# Environment: DEMOS_SCRATCH  build folder shared by both examples (default .build/demos)
#              DEMOS_OUT      folder for the plot (default /tmp/tsf-demos)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
# One build folder for both examples: they share the Forecasting package, compiled once.
SCRATCH="${DEMOS_SCRATCH:-$ROOT/.build/demos}"
OUT="${DEMOS_OUT:-/tmp/tsf-demos}"
mkdir -p "$OUT"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
TIMINGS=()

for example in CharacterRNN VanishingGradients; do
    cd "$ROOT/examples/$example"
    start=$(now)
    swift build -c release --scratch-path "$SCRATCH" --product "$example"
    TIMINGS+=("build $example: $(elapsed "$start") s")
done

echo
echo "=== CharacterRNN ==="
cd "$ROOT/examples/CharacterRNN"
start=$(now)
"$SCRATCH/release/CharacterRNN"
TIMINGS+=("run CharacterRNN: $(elapsed "$start") s")

echo
echo "=== VanishingGradients ==="
cd "$ROOT/examples/VanishingGradients"
start=$(now)
"$SCRATCH/release/VanishingGradients" "$OUT/vanishing-gradients.svg"
TIMINGS+=("run VanishingGradients: $(elapsed "$start") s")
if command -v rsvg-convert >/dev/null; then
    rsvg-convert "$OUT/vanishing-gradients.svg" -o "$OUT/vanishing-gradients.png"
    echo "PNG: $OUT/vanishing-gradients.png"
fi

echo
echo "=== timings ==="
printf '%s\n' "${TIMINGS[@]}"
