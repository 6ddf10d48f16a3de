#!/usr/bin/env python3
"""Forecast quality of tsf's defaults against the baselines and statsforecast's AutoETS and AutoARIMA.

For every bundled series: `tsf backtest` with no model options (5 folds, each series' natural
horizon) gives MASE per fold for the default model, the simple baselines and tsf's own exponential
smoothing (`ets`), Theta (`theta`) and automatic ARIMA (`arima`); AutoETS and AutoARIMA are fitted by
statsforecast on exactly the same cut-offs and scored with the same MASE (scaled by the in-sample
seasonal-naive MAE of each fold's history, period m; m = 1 for trading days), averaged over folds.
Prints one table with the geometric means.

Usage: python3 benchmarks/quality.py [--tsf .build/release/tsf] [--folds 5] [--statsforecast-timeout SECONDS] [--options "..."]

With --statsforecast-timeout a statsforecast model that has not scored a series within that many seconds
is left out of that row (shown as "—"): AutoARIMA with m = 52 on the 2,200 weekly CO2 values runs for
hours.
Needs pandas, numpy and statsforecast (in a virtual environment outside the repo).
"""
import argparse, json, math, multiprocessing, pathlib, shlex, subprocess, sys, time
import numpy as np
import pandas as pd

root = pathlib.Path(__file__).resolve().parents[1]
# file, column, extra tsf options, pandas filter, horizon, MASE season m, ETS and ARIMA season, kind
SERIES = [
    ("aapl_daily.csv", "Adj Close", [], None, 5, 1, 1, "price"),
    ("msft_daily.csv", "Close", [], None, 5, 1, 1, "price"),
    ("sp500_daily.csv", "Close", [], None, 5, 1, 1, "price"),
    ("stocks_monthly.csv", "price", ["--id", "symbol", "--series", "IBM"], ("symbol", "IBM"), 12, 12, 12, "price"),
    ("airpassengers_monthly.csv", "Passengers", [], None, 12, 12, 12, "seasonal"),
    ("sunspots_monthly.csv", "sunspots", [], None, 12, 12, 12, "seasonal"),
    ("sunspots_yearly.csv", "SUNACTIVITY", [], None, 5, 1, 1, "cyclic"),
    ("co2_weekly.csv", "co2", ["--missing-policy", "linear"], None, 13, 52, 52, "seasonal"),
    ("macrodata_quarterly.csv", "realgdp", [], None, 8, 4, 4, "trend"),
    ("macrodata_quarterly.csv", "unemp", [], None, 8, 4, 4, "noisy"),
    ("macrodata_quarterly.csv", "infl", [], None, 8, 4, 4, "noisy"),
    ("seattle_weather_daily.csv", "temp_max", [], None, 14, 7, 7, "seasonal"),
]


def series_values(file, column, filt):
    frame = pd.read_csv(root / "datasets" / file)
    if filt:
        frame = frame[frame[filt[0]] == filt[1]]
    values = frame[column].astype(float)
    # tsf --missing-policy linear: interior gaps interpolated, leading/trailing gaps dropped.
    values = values.interpolate(limit_area="inside").dropna()
    return values.to_numpy()


def mase(forecast, actual, history, m):
    scale = np.mean(np.abs(history[m:] - history[:-m]))
    return float(np.mean(np.abs(np.asarray(forecast) - actual)) / scale)


def scored_backtest(command, label):
    """Runs a `tsf backtest --format json` command: (its report, MASE per model, seconds), or None
    when tsf fails (its message goes to stderr under `label`)."""
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        print(f"{label}: tsf failed: {result.stderr.strip()}", file=sys.stderr)
        return None
    report = json.loads(result.stdout)
    return report, {m["model"]: m["MASE"] for m in report["models"]}, time.perf_counter() - started


def statsforecast_mase(model_name, values, horizon, m_metric, m_season, folds):
    """The fold-averaged MASE of statsforecast's `model_name` (AutoETS or AutoARIMA, season m)."""
    from statsforecast import StatsForecast
    from statsforecast import models as sf_models
    rows = len(values)
    cutoffs = [rows - horizon - k * horizon for k in reversed(range(folds))]
    scores = []
    for cutoff in cutoffs:
        history = values[:cutoff]
        frame = pd.DataFrame({"unique_id": "s", "ds": np.arange(cutoff), "y": history})
        model = StatsForecast(models=[getattr(sf_models, model_name)(season_length=m_season)], freq=1, n_jobs=1)
        forecast = model.forecast(df=frame, h=horizon)[model_name].to_numpy()
        scores.append(mase(forecast, values[cutoff:cutoff + horizon], history, m_metric))
    return float(np.mean(scores))


def statsforecast_mase_within(seconds, *args):
    """`statsforecast_mase(*args)` in a worker process, or None when it takes longer than `seconds`."""
    if seconds is None:
        return statsforecast_mase(*args)
    with multiprocessing.Pool(1) as pool:  # leaving the block terminates the worker
        try:
            return pool.apply_async(statsforecast_mase, args).get(timeout=seconds)
        except multiprocessing.TimeoutError:
            print(f"{args[0]}: no score within {seconds:g} s", file=sys.stderr)
            return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tsf", default=str(root / ".build" / "release" / "tsf"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--tsf-only", action="store_true",
                        help="skip statsforecast's models (their columns print as —): re-measures tsf's columns alone")
    parser.add_argument("--statsforecast-timeout", type=float, default=None)
    parser.add_argument("--options", default="", help='extra tsf options for every series, e.g. "--strategy recursive"')
    args = parser.parse_args()
    table = []
    for file, column, options, filt, horizon, m_metric, m_ets, kind in SERIES:
        command = [args.tsf, "backtest", str(root / "datasets" / file), "--column", column,
                   "--folds", str(args.folds), "--horizon", str(horizon), "--season", str(m_metric),
                   "--baselines", "naive,seasonal-naive,drift,ets,theta,arima", "--format", "json", *options, *shlex.split(args.options)]
        scored = scored_backtest(command, f"{file} {column}")
        if scored is None:
            continue
        report, models, seconds = scored
        values = series_values(file, column, filt)
        # tsf fits fewer folds on a series too short for --folds (and says so); statsforecast scores
        # the same ones, the latest.
        for name in () if args.tsf_only else ("AutoETS", "AutoARIMA"):
            score = statsforecast_mase_within(args.statsforecast_timeout, name, values, horizon, m_metric, m_ets, report["folds"])
            if score is not None:
                models[name] = score
        table.append((f"{file.split('_')[0]}:{column}" + (f":{filt[1]}" if filt else ""), kind, models, seconds))

    names = ["auto", "naive", "seasonal-naive", "drift", "ets", "theta", "AutoETS", "arima", "AutoARIMA"]
    print("| series | kind | " + " | ".join(names) + " | auto vs best naive | tsf seconds |")
    print("|---|---|" + "---|" * len(names) + "---|---|")
    logs = {name: [] for name in names}
    for label, kind, models, seconds in table:
        cells = []
        for name in names:
            value = models.get(name)
            cells.append("—" if value is None else f"{value:.3f}")
            if value:
                logs[name].append(math.log(value))
        best_naive = min(models["naive"], models["seasonal-naive"])
        print(f"| {label} | {kind} | " + " | ".join(cells) + f" | {models['auto'] / best_naive:.3f} | {seconds:.1f} |")
    means = [f"{math.exp(sum(v) / len(v)):.3f}" if v else "—" for v in logs.values()]
    print("| **geometric mean** | | " + " | ".join(means) + " | | |")


if __name__ == "__main__":
    main()
