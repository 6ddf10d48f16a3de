#!/usr/bin/env python3
"""Prediction intervals of tsf's defaults against statsforecast's AutoETS, on the bundled series.

For every series of benchmarks/quality.py: `tsf backtest --level 80` with no model options (the same
folds, horizons and MASE seasons as the quality table) gives the coverage and MSIS (M4's mean scaled
interval score: the Winkler score over the in-sample seasonal-naive MAE, averaged over folds) of the
default model's 80 % intervals; AutoETS's 80 % intervals are fitted by statsforecast on exactly the
same cut-offs and scored the same way. Prints one row per series and, at the foot, the coverage
pooled over every scored step, the lowest series' coverage, and the geometric means of MSIS and of
tsf's MSIS over AutoETS's.

Usage: python3 benchmarks/intervals.py [--tsf .build/release/tsf] [--folds 5] [--tsf-only] [--options "--loss quantile"]
                                       [--rdatasets DIR]

--rdatasets scores the 27 held-out series of benchmarks/heldout.py (from a local Rdatasets clone)
instead of the bundled ones. A series too short for --folds gets fewer (tsf says how many); AutoETS
is scored on the same ones.

--options adds tsf options to every backtest (e.g. "--loss quantile" scores the quantile head's
conformalised intervals instead of the defaults').
Needs pandas, numpy and statsforecast (in a virtual environment outside the repo) unless --tsf-only.
"""
import argparse, json, math, pathlib, subprocess, sys

import numpy as np

from quality import SERIES, root, series_values

LEVEL = 80


def winkler(lower, upper, actual, alpha):
    """Mean Winkler score of the intervals [lower, upper] at level 1 - alpha."""
    score = upper - lower
    score = score + np.where(actual < lower, 2 / alpha * (lower - actual), 0)
    score = score + np.where(actual > upper, 2 / alpha * (actual - upper), 0)
    return float(np.mean(score))


def autoets_intervals(values, horizon, m_metric, m_season, folds):
    """Coverage (%), steps and MSIS of AutoETS's 80 % intervals on the quality table's cut-offs."""
    import pandas as pd
    from statsforecast import StatsForecast
    from statsforecast.models import AutoETS
    rows = len(values)
    inside, steps, scaled = 0, 0, []
    for cutoff in [rows - horizon - k * horizon for k in reversed(range(folds))]:
        history = values[:cutoff]
        frame = pd.DataFrame({"unique_id": "s", "ds": np.arange(cutoff), "y": history})
        model = StatsForecast(models=[AutoETS(season_length=m_season)], freq=1, n_jobs=1)
        forecast = model.forecast(df=frame, h=horizon, level=[LEVEL])
        lower = forecast[f"AutoETS-lo-{LEVEL}"].to_numpy()
        upper = forecast[f"AutoETS-hi-{LEVEL}"].to_numpy()
        actual = values[cutoff:cutoff + horizon]
        inside += int(np.sum((lower <= actual) & (actual <= upper)))
        steps += len(actual)
        scale = np.mean(np.abs(history[m_metric:] - history[:-m_metric]))
        if scale > 0:
            scaled.append(winkler(lower, upper, actual, 1 - LEVEL / 100) / scale)
    return 100 * inside / steps, steps, float(np.mean(scaled))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tsf", default=str(root / ".build" / "release" / "tsf"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--tsf-only", action="store_true", help="skip AutoETS (its columns print as —)")
    parser.add_argument("--options", default="", help="extra tsf options for every backtest")
    parser.add_argument("--rdatasets", help="score benchmarks/heldout.py's series from this Rdatasets clone")
    args = parser.parse_args()
    data_root, series = root, SERIES
    if args.rdatasets:
        from heldout import prepared_series
        data_root, series = prepared_series(args.rdatasets)
    print(f"| series | tsf cover{LEVEL}% | AutoETS cover{LEVEL}% | tsf MSIS | AutoETS MSIS | tsf / AutoETS |")
    print("|---|---|---|---|---|---|")
    pooled = {"tsf": [0.0, 0], "AutoETS": [0.0, 0]}
    lowest = {"tsf": math.inf, "AutoETS": math.inf}
    logs = {"tsf": [], "AutoETS": [], "ratio": []}
    for file, column, options, filt, horizon, m_metric, m_ets, _ in series:
        command = [args.tsf, "backtest", str(data_root / "datasets" / file), "--column", column,
                   "--folds", str(args.folds), "--horizon", str(horizon), "--season", str(m_metric),
                   "--baselines", "naive", "--level", str(LEVEL), "--format", "json", *options, *args.options.split()]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            print(f"{file} {column}: tsf failed: {result.stderr.strip()}", file=sys.stderr)
            continue
        auto = json.loads(result.stdout)["models"][0]  # the model (auto, or the cell with --method network)
        folds = json.loads(result.stdout)["folds"]
        scores = {"tsf": (auto[f"cover{LEVEL}%"], folds * horizon, auto[f"msis{LEVEL}"])}
        if not args.tsf_only:
            scores["AutoETS"] = autoets_intervals(series_values(file, column, filt), horizon, m_metric, m_ets, folds)
        for name, (coverage, steps, msis) in scores.items():
            pooled[name][0] += coverage * steps / 100
            pooled[name][1] += steps
            lowest[name] = min(lowest[name], coverage)
            logs[name].append(math.log(msis))
        ratio = scores["tsf"][2] / scores["AutoETS"][2] if "AutoETS" in scores else None
        if ratio:
            logs["ratio"].append(math.log(ratio))
        cell = lambda name, i: f"{scores[name][i]:.{1 if i == 0 else 3}f}" if name in scores else "—"
        label = (file.removesuffix(".csv").replace("-", ":") if args.rdatasets
                 else f"{file.split('_')[0]}:{column}" + (f":{filt[1]}" if filt else ""))
        print(f"| {label} | {cell('tsf', 0)} | {cell('AutoETS', 0)} | {cell('tsf', 2)} | {cell('AutoETS', 2)} | "
              + (f"{ratio:.3f}" if ratio else "—") + " |")
    gmean = lambda v: f"{math.exp(sum(v) / len(v)):.3f}" if v else "—"
    cover = lambda name: f"{100 * pooled[name][0] / pooled[name][1]:.1f}" if pooled[name][1] else "—"
    print(f"| **pooled coverage / geometric mean** | {cover('tsf')} | {cover('AutoETS')} | {gmean(logs['tsf'])} | "
          f"{gmean(logs['AutoETS'])} | {gmean(logs['ratio'])} |")
    low = lambda name: f"{lowest[name]:.1f}" if lowest[name] < math.inf else "—"
    print(f"| lowest series coverage | {low('tsf')} | {low('AutoETS')} | | | |")


if __name__ == "__main__":
    main()
