#!/usr/bin/env bash
# Times `tsf forecast FILE --column NAME --horizon H` with every other option at its default, on every
# bundled series at the horizon benchmarks/quality.py uses: the median wall time of 3 runs, in seconds.
# Give two binaries (for example the build before a change and after it) to compare them series by
# series in the same run, one after the other.
#
# Usage: scripts/bench-defaults.sh TSF [TSF…]        (release builds)
set -euo pipefail
(( $# >= 1 )) || { echo "usage: scripts/bench-defaults.sh TSF [TSF…]" >&2; exit 64; }
binaries=()
for tsf in "$@"; do binaries+=("$(realpath "$tsf")"); done
cd "$(dirname "$0")/../datasets"
cases=("aapl_daily.csv|Adj Close|5|" "msft_daily.csv|Close|5|" "sp500_daily.csv|Close|5|"
       "stocks_monthly.csv|price|12|--id symbol --series IBM" "airpassengers_monthly.csv|Passengers|12|"
       "sunspots_monthly.csv|sunspots|12|" "sunspots_yearly.csv|SUNACTIVITY|5|" "co2_weekly.csv|co2|13|"
       "macrodata_quarterly.csv|realgdp|8|" "macrodata_quarterly.csv|unemp|8|" "macrodata_quarterly.csv|infl|8|"
       "seattle_weather_daily.csv|temp_max|14|" "electricity_victoria_halfhourly.csv|Demand|48|"
       "solar_colorado_halfhourly.csv|GHI|48|")
for tsf in "${binaries[@]}"; do
    echo "== $tsf"
    for entry in "${cases[@]}"; do
        IFS='|' read -r file column horizon extra <<<"$entry"
        times=()
        for _ in 1 2 3; do
            start=$(date +%s.%N)
            # shellcheck disable=SC2086  # extra holds whole options
            "$tsf" forecast "$file" --column "$column" --horizon "$horizon" $extra > /dev/null 2>&1
            times+=("$(echo "$(date +%s.%N) - $start" | bc)")
        done
        printf '%-45s %.2f\n' "$file:$column" "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)"
    done
done
