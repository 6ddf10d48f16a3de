#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (every module instrumented, with the address sanitizer) and
# runs each for a set time, starting from the committed minimised corpus in Fuzz/Corpus/<target>/ and
# seeds made from datasets/, the CSV fixtures and model files.
#
#   scripts/fuzz.sh [seconds-per-target] [target...]      (default 120 s; every target below)
#   FUZZ_CONFIG=debug scripts/fuzz.sh 60                  (release by default: about ten times the executions)
#   FUZZ_RUNS=1000000 scripts/fuzz.sh 3600 FuzzCSV        (stop a target after this many executions, or at
#                                                          the time limit if that comes first)
#   FUZZ_MINIMISE=1 scripts/fuzz.sh 300 FuzzDates         (afterwards, rewrite Fuzz/Corpus/FuzzDates/ as at
#                                                          most 40 inputs covering the most edges of it and
#                                                          the grown corpus; needs python3)
#
# Crashes and hangs are written to Fuzz/findings/<target>/ (crash-*, timeout-*, oom-*); turn each into
# a regression test. The grown corpus stays in Fuzz/.corpus/ (not committed) for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
shift || true
targets=("${@:-FuzzCSV FuzzModelFile FuzzDates FuzzNumbers FuzzLongFormat FuzzCovariates}")
targets=(${targets[@]})
scratch=Fuzz/.build-fuzz
config="${FUZZ_CONFIG:-release}"
runs=()
[ -n "${FUZZ_RUNS:-}" ] && runs=(-runs="$FUZZ_RUNS")

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
    FuzzDates)
        # The first column (a date in every dataset) of each dataset's first lines, and the date
        # fixtures' columns.
        for file in datasets/*.csv Tests/ForecastIOTests/Fixtures/*dates*.csv Tests/ForecastIOTests/Fixtures/epoch.csv \
                    Tests/ForecastIOTests/Fixtures/iso_datetime.csv Tests/ForecastIOTests/Fixtures/monthly.csv \
                    Tests/ForecastIOTests/Fixtures/yearly.csv; do
            [ -f "$file" ] && head -n 20 "$file" | tail -n +2 | cut -d, -f1 > "$corpus/seed-$(basename "$file")"
        done
        ;;
    FuzzNumbers)
        # The numeric columns of the fixtures about number spellings (the first byte picks the separators).
        for file in Tests/ForecastIOTests/Fixtures/{thousands,semicolon_decimal_comma,bad_number,infinite,good_prices}.csv; do
            [ -f "$file" ] && { printf '\000'; tail -n +2 "$file" | cut -d, -f2; } > "$corpus/seed-$(basename "$file")"
        done
        ;;
    FuzzLongFormat)
        cp Tests/ForecastIOTests/Fixtures/long_format.csv "$corpus/" 2>/dev/null || true
        head -n 30 datasets/stocks_monthly.csv > "$corpus/seed-stocks_monthly.csv"
        ;;
    FuzzCovariates)
        # The covariate datasets' first rows, whole and with the last six targets emptied (so the
        # rows after the last target value are future rows), and the covariate and holiday shapes
        # in Seeds/covariates/.
        for file in datasets/solar_colorado_halfhourly.csv datasets/electricity_victoria_halfhourly.csv; do
            head -n 30 "$file" > "$corpus/seed-$(basename "$file")"
            head -n 30 "$file" | awk -F, -v OFS=, 'NR > 24 { $2 = "" } { print }' > "$corpus/seed-future-$(basename "$file")"
        done
        cp Fuzz/Seeds/covariates/*.csv "$corpus/"
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
    # New inputs go to the first folder ($corpus); the committed corpus is read, never written.
    committed="Fuzz/Corpus/$target"
    mkdir -p "$committed"
    "$bin/$target" "$corpus" "$committed" -max_total_time="$seconds" ${runs[@]+"${runs[@]}"} -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$findings/" -print_final_stats=1 2>&1 | tee "Fuzz/.last-$target.log" | grep -E "^(#[0-9]+.*(DONE|pulse)|stat::|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)" || true
    if [ "${FUZZ_MINIMISE:-0}" = 1 ]; then
        # The committed corpus becomes at most 40 small inputs covering the most edges of both
        # folders: a -merge=1 pass (edges only, inputs up to 1 KiB) records each input's coverage,
        # then scripts/fuzz-corpus-cap.py picks a greedy set cover of it.
        fresh="$(mktemp -d)" control="$(mktemp)"
        "$bin/$target" -merge=1 -merge_control_file="$control" -use_counters=0 -use_cmp=0 -max_len=1024 \
            "$fresh" "$committed" "$corpus" > "Fuzz/.merge-$target.log" 2>&1
        capped="$(mktemp -d)"
        python3 scripts/fuzz-corpus-cap.py "$control" "$capped" 40
        rm -f "$committed"/*
        cp "$capped"/* "$committed/"
        rm -rf "$fresh" "$capped" "$control"
        echo "minimised corpus: $(ls "$committed" | wc -l) files, $(du -sb "$committed" | cut -f1) bytes in $committed"
    fi
done
