#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (every module instrumented, with the address sanitizer) and
# runs each for a set time on a seed corpus made from datasets/, the CSV fixtures and model files.
#
#   scripts/fuzz.sh [seconds-per-target] [target...]      (default 120 s; targets FuzzCSV FuzzModelFile)
#   FUZZ_CONFIG=debug scripts/fuzz.sh 60                  (release by default: about ten times the executions)
#
# Crashes and hangs are written to Fuzz/findings/<target>/ (crash-*, timeout-*, oom-*); turn each into
# a regression test. The grown corpus stays in Fuzz/.corpus/ (not committed) for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
shift || true
targets=("${@:-FuzzCSV FuzzModelFile}")
targets=(${targets[@]})
scratch=Fuzz/.build-fuzz
config="${FUZZ_CONFIG:-release}"

swift build --package-path Fuzz --scratch-path "$scratch" -c "$config" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
bin="$(swift build --package-path Fuzz --scratch-path "$scratch" -c "$config" --show-bin-path)"

seed() {
    local target="$1" corpus="Fuzz/.corpus/$1"
    mkdir -p "$corpus"
    case "$target" in
    FuzzCSV)
        # The first lines of every dataset (inputs stay small, so each run is fast) and every fixture.
        for file in datasets/*.csv; do head -n 40 "$file" > "$corpus/seed-$(basename "$file")"; done
        cp Tests/ForecastIOTests/Fixtures/*.csv "$corpus/" 2>/dev/null || true
        ;;
    FuzzModelFile)
        cp Fuzz/Seeds/*.safetensors Tests/ForecastingTests/Fixtures/*.safetensors \
           Tests/ForecastNNTests/Fixtures/*.safetensors "$corpus/" 2>/dev/null || true
        ;;
    esac
    echo "$corpus"
}

for target in "${targets[@]}"; do
    corpus="$(seed "$target")"
    findings="Fuzz/findings/$target"
    mkdir -p "$findings"
    echo "== $target for $seconds s (corpus $corpus, findings $findings)"
    # -timeout: an input taking 10 s is a hang; -rss_limit_mb: allocating gigabytes is a finding.
    "$bin/$target" "$corpus" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$findings/" -print_final_stats=1 2>&1 | tee "Fuzz/.last-$target.log" | grep -E "^(#[0-9]+.*(DONE|pulse)|stat::|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)" || true
done
