#!/usr/bin/env python3
"""Forecast quality on 27 public series that did not guide the defaults: tsf against AutoETS and AutoARIMA.

The series come from the Rdatasets collection (https://github.com/vincentarelbundock/Rdatasets, CSV
copies of the data sets of R packages: `datasets`, `fpp2` and `ggplot2`), which this repository does
not bundle (they are GPL-licensed): clone it and pass its path. Monthly, quarterly and yearly series of
42 to 574 values: seasonal, trending, noisy and cyclic (the kinds of benchmarks/quality.py, without
share prices).

For every series, `tsf backtest` with no model options (5 folds where the series holds them, fewer on
a short series, as tsf says; horizon 12 monthly, 8 quarterly, 6 yearly) gives MASE per fold for the
defaults and the baselines; statsforecast's AutoETS and AutoARIMA are fitted on exactly the same
cut-offs (as many folds as tsf fitted) and scored with the same MASE (benchmarks/quality.py).
Prints one row per series, then the geometric means over the series and the no-harm check (the
defaults against the better of the naive and seasonal-naive forecasts).

Usage:
    git clone --depth 1 https://github.com/vincentarelbundock/Rdatasets /tmp/Rdatasets
    swift build -c release && python3 benchmarks/heldout.py /tmp/Rdatasets [--tsf-only] [--options "..."]
Needs pandas, numpy and statsforecast unless --tsf-only (a virtual environment outside the repo).
"""
import argparse, csv, math, pathlib, shlex, tempfile

import quality

# package, data set, column, frequency (m monthly, q quarterly, y yearly), kind
SERIES = [
    ("datasets", "nottem", "value", "m", "seasonal"),
    ("datasets", "USAccDeaths", "value", "m", "seasonal"),
    ("datasets", "ldeaths", "value", "m", "seasonal"),
    ("datasets", "UKDriverDeaths", "value", "m", "seasonal"),
    ("fpp2", "a10", "value", "m", "seasonal"),
    ("fpp2", "elecequip", "value", "m", "seasonal"),
    ("fpp2", "h02", "value", "m", "seasonal"),
    ("fpp2", "auscafe", "value", "m", "seasonal"),
    ("fpp2", "usmelec", "value", "m", "seasonal"),
    ("fpp2", "debitcards", "value", "m", "seasonal"),
    ("ggplot2", "economics", "pce", "m", "trend"),
    ("ggplot2", "economics", "pop", "m", "trend"),
    ("ggplot2", "economics", "unemploy", "m", "noisy"),
    ("ggplot2", "economics", "uempmed", "m", "noisy"),
    ("ggplot2", "economics", "psavert", "m", "noisy"),
    ("datasets", "UKgas", "value", "q", "seasonal"),
    ("datasets", "JohnsonJohnson", "value", "q", "seasonal"),
    ("datasets", "austres", "value", "q", "trend"),
    ("fpp2", "ausbeer", "value", "q", "seasonal"),
    ("fpp2", "euretail", "value", "q", "trend"),
    ("fpp2", "qauselec", "value", "q", "seasonal"),
    ("datasets", "Nile", "value", "y", "noisy"),
    ("datasets", "lynx", "value", "y", "cyclic"),
    ("datasets", "LakeHuron", "value", "y", "noisy"),
    ("fpp2", "ausair", "value", "y", "trend"),
    ("fpp2", "livestock", "value", "y", "trend"),
    ("fpp2", "guinearice", "value", "y", "trend"),
]
# horizon, MASE season m, ETS and ARIMA season
SETTINGS = {"m": (12, 12, 12), "q": (8, 4, 4), "y": (6, 1, 1)}


def dated_rows(path, column, frequency):
    """(date, value) rows of one Rdatasets CSV: its `date` column, or R's decimal `time` (1960.25 is
    the second quarter of 1960) turned into the first day of the period."""
    rows = []
    with open(path, newline="") as file:
        for row in csv.DictReader(file):
            value = row[column]
            if "date" in row:
                date = row["date"]
            else:
                time_value = float(row["time"])
                year = math.floor(time_value + 1e-6)
                fraction = time_value - year
                month = {"m": round(fraction * 12) + 1, "q": round(fraction * 4) * 3 + 1, "y": 1}[frequency]
                date = f"{year:04d}-{month:02d}-01"
            rows.append((date, "" if value == "NA" else value))
    return rows


def prepared_series(rdatasets):
    """Writes every series as a `date,COLUMN` CSV into a new temporary folder's `datasets/`, points
    quality.series_values at it, and returns the folder and the series in quality.SERIES's form."""
    work = pathlib.Path(tempfile.mkdtemp(prefix="tsf-heldout-"))
    quality.root = work  # series_values reads work/datasets/FILE
    (work / "datasets").mkdir()
    series = []
    for package, name, column, frequency, kind in SERIES:
        horizon, m_metric, m_season = SETTINGS[frequency]
        file = f"{name}.csv" if column == "value" else f"{name}-{column}.csv"
        with open(work / "datasets" / file, "w") as out:
            out.write(f"date,{column}\n")
            for date, value in dated_rows(pathlib.Path(rdatasets) / "csv" / package / f"{name}.csv", column, frequency):
                out.write(f"{date},{value}\n")
        series.append((file, column, [], None, horizon, m_metric, m_season, kind))
    return work, series


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rdatasets", help="a checkout of github.com/vincentarelbundock/Rdatasets")
    parser.add_argument("--tsf", default=str(quality.root / ".build" / "release" / "tsf"))
    parser.add_argument("--tsf-only", action="store_true", help="skip statsforecast's models")
    parser.add_argument("--options", default="", help="extra tsf options for every series")
    args = parser.parse_args()
    work, series = prepared_series(args.rdatasets)
    table = []
    for file, column, _, _, horizon, m_metric, m_season, kind in series:
        label = file.removesuffix(".csv").replace("-", ":")
        command = [args.tsf, "backtest", str(work / "datasets" / file), "--column", column, "--folds", "5",
                   "--horizon", str(horizon), "--season", str(m_metric), "--baselines", "naive,seasonal-naive,drift,ets,theta,arima",
                   "--format", "json", *shlex.split(args.options)]
        scored = quality.scored_backtest(command, label)
        if scored is None:
            continue
        report, models, seconds = scored
        values = quality.series_values(file, column, None)
        for model in () if args.tsf_only else ("AutoETS", "AutoARIMA"):
            score = quality.statsforecast_mase_within(600, model, values, horizon, m_metric, m_season, report["folds"])
            if score is not None and math.isfinite(score):
                models[model] = score
        table.append((label, kind, len(values), report["folds"], models, seconds))

    names = ["auto", "naive", "seasonal-naive", "drift", "ets", "theta", "arima", "AutoETS", "AutoARIMA"]
    print("| series | kind | values | folds | " + " | ".join(names) + " | auto vs best naive | tsf seconds |")
    print("|---|---|---|---|" + "---|" * len(names) + "---|---|")
    for label, kind, count, folds, models, seconds in table:
        cells = ["—" if models.get(n) is None else f"{models[n]:.3f}" for n in names]
        best_naive = min(models["naive"], models["seasonal-naive"])
        print(f"| {label} | {kind} | {count} | {folds} | " + " | ".join(cells) + f" | {models['auto'] / best_naive:.3f} | {seconds:.1f} |")

    def geometric_mean(numbers):
        return math.exp(sum(math.log(x) for x in numbers) / len(numbers))

    scored = [models for *_, models, _ in table if "AutoARIMA" in models and "AutoETS" in models]
    print()
    if scored:
        print(f"Over the {len(scored)} series statsforecast scored, geometric means of MASE: "
              + ", ".join(f"{n} {geometric_mean([m[n] for m in scored]):.3f}" for n in ("auto", "ets", "arima", "AutoETS", "AutoARIMA")))
        print(f"auto / AutoARIMA {geometric_mean([m['auto'] / m['AutoARIMA'] for m in scored]):.3f}; "
              f"auto / AutoETS {geometric_mean([m['auto'] / m['AutoETS'] for m in scored]):.3f}; "
              f"auto / the per-series better of the two {geometric_mean([m['auto'] / min(m['AutoETS'], m['AutoARIMA']) for m in scored]):.3f}")
    harm = [(models["auto"] / min(models["naive"], models["seasonal-naive"]), label) for label, *_, models, _ in table]
    worse = [f"{label} {ratio:.3f}" for ratio, label in sorted(harm, reverse=True) if ratio > 1.03]
    print(f"auto more than 3 % worse than the better of naive and seasonal naive on {len(worse)} of {len(harm)} series"
          + (": " + ", ".join(worse) if worse else ""))


if __name__ == "__main__":
    main()
