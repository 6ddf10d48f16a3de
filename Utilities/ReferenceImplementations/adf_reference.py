#!/usr/bin/env python3
"""Reference augmented Dickey-Fuller statistics from statsmodels, for ForecastDataTests.

Run by hand when the test cases change (needs statsmodels and pandas):
    python3 Utilities/ReferenceImplementations/adf_reference.py
It prints the statistic of each case with a constant, a fixed lag count and no automatic lag
selection; the values are pasted into Tests/ForecastDataTests/AugmentedDickeyFullerTests.swift.
"""
import pathlib
import pandas as pd
from statsmodels.tsa.stattools import adfuller

root = pathlib.Path(__file__).resolve().parents[2]
cases = [
    ("airpassengers_monthly.csv", "Passengers", 3),
    ("sunspots_yearly.csv", "SUNACTIVITY", 0),
    ("sunspots_yearly.csv", "SUNACTIVITY", 5),
    ("macrodata_quarterly.csv", "infl", 2),
]
for name, column, lags in cases:
    values = pd.read_csv(root / "datasets" / name)[column].to_numpy(dtype=float)
    statistic = adfuller(values, maxlag=lags, regression="c", autolag=None, result_object=False)[0]
    print(f"{name} {column} lags={lags}: {statistic!r}")
