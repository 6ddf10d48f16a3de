#!/usr/bin/env python3
"""Many short series: `tsf forecast --id` with its defaults against statsforecast's AutoETS and AutoARIMA.

Walk-forward on a long-format file: for fold k = 1..FOLDS, every series loses its last k*HORIZON
values, `tsf forecast FILE --id ... --horizon HORIZON --format csv` forecasts the next HORIZON from
what is left (exactly what a user runs, no other option unless --options adds some), and the forecasts
are scored by MASE against the values removed (scale: the in-sample naive error of the values left,
season --season). statsforecast's AutoETS and AutoARIMA forecast the same truncated series. A series
is scored in a fold when at least --min-length values are left.

Prints the mean MASE per method over every (series, fold), per fold and pooled, and the ratios of tsf
to the better of AutoETS and AutoARIMA. With --tsf-only, statsforecast is skipped.

With --level L (e.g. 80), tsf is run with `--level L` and statsforecast's models give their L %
intervals too; a second table gives each method's coverage (per fold and pooled over every scored
step) and MSIS (M4's mean scaled interval score: the Winkler score over the same scale as MASE), its
mean and geometric mean over the (series, fold) pairs every method gave bounds for (a line says how
many of all pairs that is). L may be fractional (97.5).

Usage (the bundled data set, built by datasets/build_many_short.py):
    swift build -c release && python3 benchmarks/many_short.py
    python3 benchmarks/many_short.py --options "--choice per-series" --tsf-only
Needs pandas and statsforecast unless --tsf-only (a venv: pip install statsforecast pandas).
"""
import argparse
import csv
import math
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def read_long(path, id_column, date_column, value_column):
    series = defaultdict(list)
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            series[row[id_column]].append((row[date_column], float(row[value_column])))
    return series


def naive_scale(history, season):
    """MASE's scale: the in-sample mean absolute error of the seasonal-naive forecast (None if zero)."""
    m = season if len(history) > season else 1
    scale = sum(abs(history[t] - history[t - m]) for t in range(m, len(history))) / (len(history) - m)
    return scale if scale > 0 else None


def mase(forecast, actual, history, season):
    scale = naive_scale(history, season)
    if scale is None:
        return None
    return sum(abs(f - a) for f, a in zip(forecast, actual)) / len(actual) / scale


def run_tsf(tsf, path, args, horizon, options):
    command = [tsf, "forecast", path, "--id", args.id, "--column", args.column, "--horizon", str(horizon),
               "--format", "csv", "--threads", str(args.threads)] + shlex.split(options)
    started = time.time()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.time() - started
    if done.returncode not in (0, 65):
        sys.exit(f"tsf failed ({done.returncode}): {done.stderr[-2000:]}")
    forecasts = defaultdict(list)
    bounds = defaultdict(list)
    for row in csv.DictReader(done.stdout.splitlines()):
        forecasts[row["id"]].append(float(row["forecast"]))
        if args.level:
            lower, upper = row.get(f"lower{level_label(args.level)}", ""), row.get(f"upper{level_label(args.level)}", "")
            bounds[row["id"]].append((float(lower), float(upper)) if lower not in ("", "undefined") else None)
    notes = [line for line in done.stderr.splitlines() if "note:" in line]
    return forecasts, bounds, elapsed, notes


def level_label(level):
    """A level as tsf and statsforecast name it in their columns: 80, 97.5."""
    return f"{level:g}"


def winkler(bounds, actual, level):
    """Mean Winkler score of the intervals `bounds` (lower, upper) at `level` percent."""
    alpha = 1 - level / 100
    total = 0.0
    for (lower, upper), y in zip(bounds, actual):
        total += upper - lower + (2 / alpha) * (max(lower - y, 0) + max(y - upper, 0))
    return total / len(actual)


def run_statsforecast(truncated, horizon, season, frequency, level=None):
    import pandas as pd
    from statsforecast import StatsForecast
    from statsforecast.models import AutoARIMA, AutoETS
    records = []
    for sid, values in truncated.items():
        for t, v in enumerate(values):
            records.append((sid, t, v))
    frame = pd.DataFrame(records, columns=["unique_id", "ds", "y"])
    models = [AutoETS(season_length=season), AutoARIMA(season_length=season)]
    started = time.time()
    # statsforecast names its columns after the level as given: 80 (not 80.0) gives AutoETS-lo-80.
    given = int(level) if level and level.is_integer() else level
    result = StatsForecast(models=models, freq=1, n_jobs=1).forecast(df=frame, h=horizon, level=[given] if level else None)
    elapsed = time.time() - started
    if "unique_id" not in result.columns:
        result = result.reset_index()
    out = {"AutoETS": defaultdict(list), "AutoARIMA": defaultdict(list)}
    bounds = {"AutoETS": defaultdict(list), "AutoARIMA": defaultdict(list)}
    for _, row in result.sort_values(["unique_id", "ds"]).iterrows():
        for name in out:
            out[name][row["unique_id"]].append(float(row[name]))
            if level:
                bounds[name][row["unique_id"]].append((float(row[f"{name}-lo-{level_label(level)}"]),
                                                       float(row[f"{name}-hi-{level_label(level)}"])))
    return out, bounds, elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--file", default=os.path.join(ROOT, "datasets", "gapminder_yearly.csv"))
    ap.add_argument("--id", default="series")
    ap.add_argument("--date", default="year")
    ap.add_argument("--column", default="value")
    ap.add_argument("--horizon", type=int, default=6)
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--season", type=int, default=1)
    ap.add_argument("--min-length", type=int, default=30)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--options", default="", help="extra tsf options, e.g. \"--choice per-series\"")
    ap.add_argument("--tsf", default=os.path.join(ROOT, ".build", "release", "tsf"))
    ap.add_argument("--tsf-only", action="store_true")
    ap.add_argument("--level", type=float, help="also score the intervals at this level, in percent (e.g. 80, 97.5)")
    args = ap.parse_args()

    data = read_long(args.file, args.id, args.date, args.column)
    scores = defaultdict(lambda: defaultdict(list))  # method -> fold -> [MASE]
    covered = defaultdict(lambda: defaultdict(lambda: [0, 0]))  # method -> fold -> [inside, steps]
    msis = defaultdict(lambda: defaultdict(list))  # method -> fold -> [MSIS]
    interval_pairs = [0, 0]  # (series, fold) pairs scored for intervals, of all pairs
    work = tempfile.mkdtemp(prefix="many_short_")
    for fold in range(1, args.folds + 1):
        cut = fold * args.horizon
        truncated = {sid: [v for _, v in rows[:-cut]] for sid, rows in data.items() if len(rows) - cut >= args.min_length}
        path = os.path.join(work, f"fold{fold}.csv")
        with open(path, "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow([args.id, args.date, args.column])
            for sid, rows in data.items():
                if sid in truncated:
                    for date, value in rows[:-cut]:
                        w.writerow([sid, date, repr(value)])
        actuals = {sid: [v for _, v in data[sid][len(values):len(values) + args.horizon]] for sid, values in truncated.items()}
        methods, intervals = {}, {}
        options = args.options + (f" --level {level_label(args.level)}" if args.level else "")
        forecasts, bounds, elapsed, notes = run_tsf(args.tsf, path, args, args.horizon, options)
        methods["tsf"], intervals["tsf"] = forecasts, bounds
        print(f"fold {fold}: {len(truncated)} series, tsf {elapsed:.1f} s", file=sys.stderr)
        for note in notes:
            print("   ", note[:400], file=sys.stderr)
        if not args.tsf_only:
            sf, sf_bounds, sf_elapsed = run_statsforecast(truncated, args.horizon, args.season, None, args.level)
            methods.update(sf)
            intervals.update(sf_bounds)
            print(f"fold {fold}: statsforecast {sf_elapsed:.1f} s", file=sys.stderr)
        for sid, values in truncated.items():
            row = {}
            for name, table in methods.items():
                forecast = table.get(sid)
                if not forecast or len(forecast) < args.horizon:
                    break
                row[name] = mase(forecast[:args.horizon], actuals[sid], values, args.season)
            if len(row) == len(methods) and all(v is not None for v in row.values()):
                for name, value in row.items():
                    scores[name][fold].append(value)
            if args.level:
                scale = naive_scale(values, args.season)
                found = {name: table.get(sid, [])[:args.horizon] for name, table in intervals.items()}
                interval_pairs[1] += 1
                if scale and all(len(b) == args.horizon and all(b) for b in found.values()):
                    interval_pairs[0] += 1
                    for name, b in found.items():
                        covered[name][fold][0] += sum(lower <= y <= upper for (lower, upper), y in zip(b, actuals[sid]))
                        covered[name][fold][1] += args.horizon
                        msis[name][fold].append(winkler(b, actuals[sid], args.level) / scale)

    names = list(scores)
    print(f"{'method':10} " + " ".join(f"{'fold ' + str(k):>9}" for k in range(1, args.folds + 1)) + f" {'pooled':>9} {'n':>6}")
    pooled = {}
    for name in names:
        everything = [v for fold in scores[name].values() for v in fold]
        pooled[name] = statistics.mean(everything)
        per_fold = " ".join(f"{statistics.mean(scores[name][k]):9.4f}" for k in range(1, args.folds + 1))
        print(f"{name:10} {per_fold} {pooled[name]:9.4f} {len(everything):6d}")
    if not args.tsf_only:
        better = min(pooled["AutoETS"], pooled["AutoARIMA"])
        print(f"tsf / AutoARIMA {pooled['tsf'] / pooled['AutoARIMA']:.3f}; tsf / better of AutoETS and AutoARIMA {pooled['tsf'] / better:.3f}")
    if args.level:
        print()
        print(f"{'method':10} " + " ".join(f"{'cover ' + str(k):>9}" for k in range(1, args.folds + 1))
              + f" {'pooled':>9} {'MSIS':>9} {'geo MSIS':>9} {'n':>6}")
        for name in msis:
            per_fold = " ".join(f"{100 * covered[name][k][0] / max(1, covered[name][k][1]):8.1f}%" for k in range(1, args.folds + 1))
            inside = sum(c[0] for c in covered[name].values())
            steps = sum(c[1] for c in covered[name].values())
            everything = [v for fold in msis[name].values() for v in fold]
            geometric = math.exp(statistics.mean(math.log(v) for v in everything)) if all(v > 0 for v in everything) else float("nan")
            print(f"{name:10} {per_fold} {100 * inside / max(1, steps):8.1f}% {statistics.mean(everything):9.3f} {geometric:9.3f} {len(everything):6d}")
        print(f"intervals scored on {interval_pairs[0]} of {interval_pairs[1]} (series, fold) pairs: the others lack "
              "bounds from some method (a level needs enough calibration errors) or a scale")


if __name__ == "__main__":
    main()
