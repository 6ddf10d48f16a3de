#!/usr/bin/env python3
"""Does the known-in-advance input help? A quick day-ahead check on the bundled half-hourly series.

For each of the last DAYS days of a file, a forecast of the whole day (P steps from midnight, P = 48
for half-hourly data) is made from the data up to the previous midnight by

  (a) seasonal naive, period P: tomorrow = today (the persistence baseline);
  (b) least squares on the last day's values only: one linear model per step h of the day,
      y[d+1, h] ~ 1 + y[d, 0..P-1], fitted on every earlier pair of consecutive days (expanding window);
  (c) the same plus the known-in-advance input at the target step, x[d+1, h].

and the mean absolute error over all DAYS x P forecasts is printed. For irradiance, rows (d) use the
known input without fitting anything: yesterday's daily ratio sum(y) / sum(x) (a clear-sky index)
times tomorrow's x[d+1, h]. Rows marked "oracle" use an
observed covariate at the target step as if it had been forecast perfectly: an upper bound on what a
good forecast of it could add, not something known in advance.

Usage: python3 benchmarks/covariate_evidence.py [--days 60]      (needs numpy)
"""
import argparse
import csv
import datetime as dt
import math
import os
import pathlib

# The least-squares problems are tiny (about 300 x 50); BLAS threads only fight over a busy machine.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
import numpy as np  # noqa: E402

root = pathlib.Path(__file__).resolve().parents[1]


def cos_zenith(column):
    """max(cos z, 0): the share of the extraterrestrial beam reaching a horizontal plane. A fixed
    function of the sun's position, so as known in advance as the zenith angle itself."""
    return [max(math.cos(math.radians(float(v))), 0.0) for v in column]


# file, target, [(label, covariate column(s), transform or None)], [(label, column, transform)] for (d)
SERIES = [
    ("solar_colorado_halfhourly.csv", "GHI", [
        ("cos(Solar Zenith Angle)", ["Solar Zenith Angle"], cos_zenith),
        ("Clearsky GHI", ["Clearsky GHI"], None),
    ], [
        ("cos(Solar Zenith Angle)", "Solar Zenith Angle", cos_zenith),
        ("Clearsky GHI", "Clearsky GHI", None),
    ]),
    ("electricity_victoria_halfhourly.csv", "Demand", [
        ("WorkDay", ["WorkDay"], None),
        ("oracle: Temperature", ["Temperature"], None),
        ("WorkDay + oracle: Temperature", ["WorkDay", "Temperature"], None),
    ], []),
]


def load(file):
    with open(root / "datasets" / file, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    times = [dt.datetime.fromisoformat(r["time"]) for r in rows]
    return times, rows


def per_day(values, steps):
    a = np.asarray(values, dtype=float)
    return a.reshape(-1, steps)


def fit_predict(Y, X, day, steps):
    """Forecast day `day` (all steps) from day-1, with models fitted on pairs (t, t+1), t+1 < day.
    Y: days x steps target; X: days x steps x k known inputs (k may be 0)."""
    pairs = range(0, day - 1)
    lag = Y[list(pairs)]                                   # n x steps
    out = np.empty(steps)
    for h in range(steps):
        cols = [np.ones(len(lag)), *lag.T]
        new = [1.0, *Y[day - 1]]
        for j in range(X.shape[2]):
            cols.append(X[[t + 1 for t in pairs], h, j])
            new.append(X[day, h, j])
        A = np.column_stack(cols)
        b = Y[[t + 1 for t in pairs], h]
        coef, *_ = np.linalg.lstsq(A, b, rcond=None)
        out[h] = np.dot(coef, new)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=60)
    a = ap.parse_args()
    for file, target, covariates, ratios in SERIES:
        times, rows = load(file)
        step = times[1] - times[0]
        steps = int(dt.timedelta(days=1) / step)
        assert times[0].time() == dt.time(0, 0) and len(rows) % steps == 0
        Y = per_day([r[target] for r in rows], steps)
        test = range(len(Y) - a.days, len(Y))
        first, last = times[test[0] * steps].date(), times[-1].date()
        print(f"\n{file}: target {target}, {steps} steps a day, day-ahead from midnight, "
              f"{a.days} days {first} .. {last}, mean |y| {np.abs(Y[list(test)]).mean():.4g}")
        truth = Y[list(test)]
        sn = Y[[d - 1 for d in test]]
        results = [("(a) seasonal naive, period %d" % steps, sn)]
        none = np.zeros(Y.shape + (0,))
        results.append(("(b) regression on the last day", np.array([fit_predict(Y, none, d, steps) for d in test])))
        for label, names, transform in covariates:
            X = np.stack([per_day(transform([r[c] for r in rows]) if transform else [r[c] for r in rows], steps)
                          for c in names], axis=2)
            results.append((f"(c) + {label}", np.array([fit_predict(Y, X, d, steps) for d in test])))
        for label, name, transform in ratios:
            x = per_day(transform([r[name] for r in rows]) if transform else [r[name] for r in rows], steps)
            pred = np.array([Y[d - 1].sum() / x[d - 1].sum() * x[d] for d in test])
            results.append((f"(d) clear-sky index persistence, {label}", pred))
        base = np.abs(sn - truth).mean()
        for label, pred in results:
            mae = np.abs(pred - truth).mean()
            print(f"  {label:<58} MAE {mae:8.4f}   ({mae / base:5.3f} x seasonal naive)")


if __name__ == "__main__":
    main()
