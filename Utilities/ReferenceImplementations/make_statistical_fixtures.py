"""Reference forecasts of statsforecast's AutoETS and Theta on the bundled series.

Writes `statistical_reference.json` into the folder given on the command line (normally
`Tests/ForecastEvaluationTests/Fixtures`). For every series it records the values fitted on, the season
period m, the horizon h, and:

- `auto_additive`: AutoETS(season_length=m, model="AZZ") -- additive errors, the trend and season chosen
  by AICc among N, A, Ad and N, A (statsforecast's `restrict` rule drops A-error/M-season models) -- its
  model string, AICc, parameters, initial states and forecasts. This is the like-for-like reference of
  the Swift `ExponentialSmoothing` selection.
- `auto_default`: AutoETS(season_length=m) with its default model "ZZZ" (multiplicative errors and
  seasons allowed), model string and forecasts, to report what the full search would pick.
- `models`: each additive model fitted alone (ANN, AAN, AAdN, and ANA, AAA, AAdA when m > 1) with its
  parameters, initial states, -2 log-likelihood, AICc and forecasts.
- `theta`: Theta(season_length=m) -- statsforecast's standard theta model "STM" with its default
  multiplicative classical decomposition -- its fitted initial level and alpha, whether it decomposed,
  its in-sample MSE and forecasts.

With `--time` it also fits each model on each series `--repeats` times after a warm-up fit (so numba and
first-call costs are excluded) and prints the median seconds per fit as JSON on stdout.

    /tmp/venv-sf/bin/python Utilities/ReferenceImplementations/make_statistical_fixtures.py \
        Tests/ForecastEvaluationTests/Fixtures

Needs statsforecast and pandas (written with the version recorded in the file).
"""
import csv
import json
import math
import os
import sys
import time

import numpy as np
import statsforecast
from statsforecast.models import AutoETS, Theta

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def column(name, col):
    with open(os.path.join(ROOT, "datasets", name), newline="") as f:
        return [float(r[col]) for r in csv.DictReader(f) if r[col] != ""]


def series_list():
    co2 = column("co2_weekly.csv", "co2")
    # The last 208 weeks (four years) of the longest stretch without missing values (1985-08 … 2001-12).
    co2_slice = co2[-208:]
    sp500 = column("sp500_daily.csv", "Close")[-500:]
    return [
        dict(name="airpassengers", values=column("airpassengers_monthly.csv", "Passengers"), m=12, h=12),
        dict(name="co2_weekly_last208", values=co2_slice, m=52, h=52),
        dict(name="sunspots_yearly", values=column("sunspots_yearly.csv", "SUNACTIVITY"), m=1, h=10),
        dict(name="macrodata_realgdp", values=column("macrodata_quarterly.csv", "realgdp"), m=4, h=8),
        dict(name="sp500_close_last500", values=sp500, m=1, h=20),
    ]


def floats(a):
    return [None if (x is None or (isinstance(x, float) and math.isnan(x))) else float(x) for x in a]


def ets_summary(model, h):
    fit = model.model_
    par = fit["par"]
    return dict(
        method=fit.get("method", None),
        components=fit["components"],
        alpha=float(par[0]),
        beta=None if math.isnan(par[1]) else float(par[1]),
        gamma=None if math.isnan(par[2]) else float(par[2]),
        phi=None if math.isnan(par[3]) else float(par[3]),
        initial_states=floats(par[4:]),
        neg2loglik=float(-2 * fit["loglik"]),
        aicc=float(fit["aicc"]),
        forecasts=floats(model.predict(h)["mean"]),
    )


ADDITIVE = [("ANN", False), ("AAN", False), ("AAN", True), ("ANA", False), ("AAA", False), ("AAA", True)]


def model_name(code, damped):
    return f"{code[0]},{code[1]}{'d' if damped else ''},{code[2]}"


def reference(s):
    y = np.array(s["values"], dtype=np.float64)
    m, h = s["m"], s["h"]
    out = dict(name=s["name"], season_period=m, horizon=h, values=s["values"])
    out["auto_additive"] = ets_summary(AutoETS(season_length=m, model="AZZ").fit(y), h)
    default = AutoETS(season_length=m).fit(y)
    out["auto_default"] = dict(method=default.model_["method"], forecasts=floats(default.predict(h)["mean"]))
    models = {}
    for code, damped in ADDITIVE:
        if code[2] != "N" and m == 1:
            continue
        fitted = AutoETS(season_length=m, model=code, damped=damped).fit(y)
        models[model_name(code, damped)] = ets_summary(fitted, h)
    out["models"] = models
    theta = Theta(season_length=m).fit(y)
    fit = theta.model_
    out["theta"] = dict(
        variant="STM",
        initial_smoothed=float(fit["par"]["initial_smoothed"]),
        alpha=float(fit["par"]["alpha"]),
        theta=float(fit["par"]["theta"]),
        decomposed=bool(fit.get("decompose", False)),
        decomposition=fit.get("decomposition_type", None),
        mse=float(fit["mse"]),
        forecasts=floats(theta.predict(h)["mean"]),
    )
    return out


def median_fit_seconds(make, y, repeats):
    """The median seconds of `make().fit(y)` over `repeats` fits after one warm-up fit (numba
    compilation and first-call costs excluded)."""
    make().fit(y)
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        make().fit(y)
        seconds.append(time.perf_counter() - start)
    return float(np.median(seconds))


def timing(repeats):
    result = {}
    for s in series_list():
        y = np.array(s["values"], dtype=np.float64)
        m = s["m"]
        makers = {"ets": lambda: AutoETS(season_length=m, model="AZZ"), "theta": lambda: Theta(season_length=m)}
        for name, make in makers.items():
            result[f"{s['name']}/{name}"] = median_fit_seconds(make, y, repeats)
    return result


def command_line(write, timing):
    """`FOLDER` calls write(FOLDER); `--time [--repeats N]` prints timing(N) as JSON."""
    args = sys.argv[1:]
    if "--time" in args:
        repeats = int(args[args.index("--repeats") + 1]) if "--repeats" in args else 5
        print(json.dumps(timing(repeats), indent=1, sort_keys=True))
    else:
        write(args[0])


def write_fixture(folder):
    payload = dict(
        generator="Utilities/ReferenceImplementations/make_statistical_fixtures.py",
        statsforecast_version=statsforecast.__version__,
        numpy_version=np.__version__,
        series=[reference(s) for s in series_list()],
    )
    with open(os.path.join(folder, "statistical_reference.json"), "w") as f:
        json.dump(payload, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    command_line(write_fixture, timing)
