#!/usr/bin/env bash
# Times `tsf inspect` (release build) against pandas.read_csv + pd.to_datetime on the same
# generated 200,000-row OHLCV file (one-minute bars), several repetitions each, and prints the medians and the ratio.
# The generated file lives in /tmp and is not committed.
#
# Usage: scripts/bench-csv.sh [ROWS] [REPETITIONS]
# Needs: a Python with pandas (PYTHON, default /tmp/venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
ROWS="${1:-200000}"
REPS="${2:-7}"
PYTHON="${PYTHON:-/tmp/venv/bin/python}"
SCRATCH="${SCRATCH:-.build-csv}"
FILE="/tmp/tsf-bench-ohlcv-minutes-${ROWS}.csv"

if [ ! -s "$FILE" ]; then
    # One-minute bars, 09:30 to 15:59 on weekdays from 2020-01-01 (a Wednesday): random-walk prices
    # with two decimals and integer volumes. (Daily bars would need 770 years for 200,000 rows, past
    # what pandas' nanosecond timestamps can hold.)
    awk -v rows="$ROWS" 'BEGIN {
        srand(42); print "Date,Open,High,Low,Close,Volume";
        split("31 28 31 30 31 30 31 31 30 31 30 31", dim, " ");
        y = 2020; m = 1; d = 1; wd = 3; price = 100; n = 0;
        while (n < rows) {
            leap = (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
            if (wd <= 5) {
                for (minute = 570; minute < 960 && n < rows; minute++) {
                    op = price; cl = price * (1 + (rand() - 0.5) * 0.004);
                    hi = (op > cl ? op : cl) * (1 + rand() * 0.001);
                    lo = (op < cl ? op : cl) * (1 - rand() * 0.001);
                    printf "%04d-%02d-%02d %02d:%02d:00,%.2f,%.2f,%.2f,%.2f,%d\n", y, m, d, int(minute / 60), minute % 60, op, hi, lo, cl, 1000 + int(rand() * 90000);
                    price = cl; n++;
                }
            }
            wd = wd % 7 + 1; d++;
            last = dim[m] + (m == 2 && leap ? 1 : 0);
            if (d > last) { d = 1; m++; if (m > 12) { m = 1; y++ } }
        }
    }' > "$FILE"
fi
echo "file: $FILE ($(wc -l < "$FILE") lines, $(du -h "$FILE" | cut -f1))"

swift build -c release --scratch-path "$SCRATCH" --product tsf >/dev/null
TSF="$SCRATCH/release/tsf"
"$TSF" inspect "$FILE" >/dev/null   # warm the page cache


# The machine may be busy, so the two tools take turns: each round runs tsf once and pandas once
# (the second of two reads in a warm interpreter), and both wall and CPU time are kept.
tsf_wall=(); tsf_cpu=(); pandas_wall=(); pandas_cpu=()
for _ in $(seq "$REPS"); do
    read -r wall user sys < <( { /usr/bin/time -f "%e %U %S" "$TSF" inspect "$FILE" >/dev/null; } 2>&1 | tail -1 )
    tsf_wall+=("$wall"); tsf_cpu+=("$(echo "$user + $sys" | bc -l)")
    read -r wall cpu < <("$PYTHON" scripts/bench_csv_pandas.py "$FILE" 2 | tail -1)
    pandas_wall+=("$wall"); pandas_cpu+=("$cpu")
done

ms() { printf '%.0f' "$(echo "$1 * 1000" | bc -l)"; }
tw=$(printf '%s\n' "${tsf_wall[@]}" | median); tc=$(printf '%s\n' "${tsf_cpu[@]}" | median)
pw=$(printf '%s\n' "${pandas_wall[@]}" | median); pc=$(printf '%s\n' "${pandas_cpu[@]}" | median)
echo "rows: $ROWS, rounds: $REPS, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tsf inspect (whole process, release): median wall $(ms "$tw") ms, cpu $(ms "$tc") ms"
echo "pandas read_csv + to_datetime (warm): median wall $(ms "$pw") ms, cpu $(ms "$pc") ms"
printf 'ratio pandas / tsf: wall %.2fx, cpu %.2fx (above 1 means tsf is faster)\n' \
    "$(echo "$pw / $tw" | bc -l)" "$(echo "$pc / $tc" | bc -l)"
