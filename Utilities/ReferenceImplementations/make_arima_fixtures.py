"""Reference fits of statsforecast's ARIMA and AutoARIMA on the bundled series.

Writes `arima_reference.json` into the folder given on the command line (normally
`Tests/ForecastEvaluationTests/Fixtures`). The series are those of `make_statistical_fixtures.py`
(AirPassengers, the last 208 weeks of CO2, yearly sunspots, US real GDP, the last 500 S&P 500
closes). For every series it records the values, the season period m, the horizon h, and:

- `kpss`: statsmodels' KPSS statistic (level, lags floor(3 sqrt(n) / 13)) of the series, as
  statsforecast's `ndiffs` computes it, and `ndiffs`' answer.
- `seasonal_strength`: statsforecast's `seas_heuristic` (STL with seasonal window 11 and degree 0)
  and `nsdiffs`' answer, when m > 1 and n > 2m.
- `auto`: AutoARIMA(season_length=m) -- the order it chose (p, d, q, P, D, Q), whether it kept a
  constant (mean or drift), its coefficients by name, log-likelihood, AIC, AICc and forecasts.
- `fixed`: a few orders fitted by `Arima(..., method="CSS-ML")` (the method AutoARIMA's final fit
  uses), each with its coefficients, log-likelihood, AICc and forecasts, and `css`: the same order
  fitted by `Arima(..., method="CSS")` and its coefficients (not its forecasts: statsforecast never runs
  the Kalman filter over a CSS fit, so it forecasts from a zero state).

Every fit also records `exact_loglik`: the exact Gaussian log-likelihood of its coefficients, filtered
afresh from the diffuse prior (kappa = 1e6). It differs from `loglik` when d + D > 0: statsforecast's
`arima_like` writes the filter's last predicted covariance into the prior array it is given, and
`upARIMA` restores only the ARMA block of that prior, so every likelihood evaluation after the first
of an optimisation starts the integrated states at zero with no variance. The optimiser then usually
stops at the CSS estimates (where the first, correct, evaluation is the lowest) and reports their exact
likelihood; on a series that starts near zero (yearly sunspots) it follows the altered objective.

With `--time` it fits AutoARIMA on each series `--repeats` times after a warm-up fit (so numba and
first-call costs are excluded) and prints the median seconds per fit as JSON on stdout.

    /tmp/venv-sf/bin/python Utilities/ReferenceImplementations/make_arima_fixtures.py \
        Tests/ForecastEvaluationTests/Fixtures

Needs statsforecast (written with the version recorded in the file) and its statsmodels.
"""
import json
import math
import os
import sys
import warnings

import numpy as np
import statsforecast
import statsmodels.api as sm
from statsforecast.arima import Arima, arima_like, forecast_arima, make_arima, ndiffs, nsdiffs, seas_heuristic
from statsforecast.models import AutoARIMA

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_statistical_fixtures import command_line, median_fit_seconds, series_list  # noqa: E402

# (p, d, q, P, D, Q, constant) fitted on each series beside AutoARIMA's own choice.
FIXED = {
    "airpassengers": [(0, 1, 1, 0, 1, 1, False), (1, 1, 1, 0, 0, 0, True), (2, 1, 1, 0, 1, 0, False)],
    "co2_weekly_last208": [(1, 1, 1, 0, 0, 0, True), (1, 0, 1, 0, 0, 0, True), (0, 1, 1, 0, 1, 1, False)],
    "sunspots_yearly": [(2, 0, 0, 0, 0, 0, True), (2, 0, 1, 0, 0, 0, True), (3, 0, 3, 0, 0, 0, True),
                        (1, 1, 1, 0, 0, 0, False)],
    "macrodata_realgdp": [(1, 1, 0, 0, 0, 0, True), (0, 2, 2, 0, 0, 0, False), (1, 1, 1, 0, 1, 1, False),
                          (2, 1, 0, 1, 0, 0, True)],
    "sp500_close_last500": [(0, 1, 0, 0, 0, 0, True), (1, 1, 1, 0, 0, 0, True), (2, 1, 2, 0, 0, 0, False)],
}


def floats(a):
    return [float(x) for x in a]


def exact_loglik(fit, y):
    """-0.5 * (2 n* objective + n* (1 + log 2 pi)) from a fresh prior, as `arima` defines it."""
    arma = fit["arma"]
    model = fit["model"]
    fresh = make_arima(model["phi"], model["theta"], model["delta"])
    x = y.astype(np.float64).copy()
    coef = fit["coef"]
    if "intercept" in coef:
        x = x - coef["intercept"]
    if "drift" in coef:
        x = x - coef["drift"] * np.arange(1, len(y) + 1)
    ssq, sumlog, nu, _ = arima_like(x, fresh["phi"], fresh["theta"], fresh["delta"], fresh["a"], fresh["P"],
                                    fresh["Pn"], 0, False)
    n_used = len(y) - arma[5] - arma[6] * arma[4]
    objective = 0.5 * (math.log(ssq / nu) + sumlog / nu)
    return float(-0.5 * (2 * n_used * objective + n_used * (1 + math.log(2 * math.pi))))


def summary(fit, h, y):
    arma = fit["arma"]  # (p, q, P, Q, m, d, D)
    coef = {k: float(v) for k, v in fit["coef"].items()}
    forecast = forecast_arima(fit, h=h)["mean"]
    return dict(
        order=[int(arma[0]), int(arma[5]), int(arma[1]), int(arma[2]), int(arma[6]), int(arma[3])],
        constant=("intercept" in coef) or ("drift" in coef),
        coef=coef,
        loglik=float(fit["loglik"]),
        exact_loglik=exact_loglik(fit, y),
        aic=float(fit["aic"]),
        aicc=float(fit["aicc"]),
        sigma2=float(fit["sigma2"]),
        forecasts=floats(forecast),
    )


def reference(s):
    y = np.array(s["values"], dtype=np.float64)
    m, h = s["m"], s["h"]
    out = dict(name=s["name"], season_period=m, horizon=h, values=s["values"])
    nlags = math.floor(3 * math.sqrt(len(y)) / 13)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        stat = sm.tsa.kpss(y, "c", nlags=nlags)[0]
    out["kpss"] = dict(lags=nlags, statistic=float(stat))
    if m > 1 and len(y) > 2 * m:
        out["seasonal_strength"] = float(seas_heuristic(y, m))
        D = nsdiffs(y, period=m)
    else:
        out["seasonal_strength"] = None
        D = 0
    dx = y[m:] - y[:-m] if D > 0 else y
    out["nsdiffs"] = int(D)
    out["ndiffs"] = int(ndiffs(dx))
    model = AutoARIMA(season_length=m).fit(y)
    out["auto"] = summary(model.model_, h, y)
    fixed = []
    for p, d, q, P, D, Q, constant in FIXED[s["name"]]:
        seasonal = {"order": (P, D, Q), "period": m}
        fit = Arima(y, order=(p, d, q), seasonal=seasonal, include_constant=constant, method="CSS-ML")
        entry = summary(fit, h, y)
        css = Arima(y, order=(p, d, q), seasonal=dict(seasonal), include_constant=constant, method="CSS")
        entry["css"] = dict(coef={k: float(v) for k, v in css["coef"].items()})
        fixed.append(entry)
    out["fixed"] = fixed
    return out


def timing(repeats):
    result = {}
    for s in series_list():
        y = np.array(s["values"], dtype=np.float64)
        result[f"{s['name']}/arima"] = median_fit_seconds(lambda: AutoARIMA(season_length=s["m"]), y, repeats)
    return result


def write_fixture(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        series = [reference(s) for s in series_list()]
    payload = dict(
        generator="Utilities/ReferenceImplementations/make_arima_fixtures.py",
        statsforecast_version=statsforecast.__version__,
        numpy_version=np.__version__,
        series=series,
    )
    with open(os.path.join(folder, "arima_reference.json"), "w") as f:
        json.dump(payload, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    command_line(write_fixture, timing)
