"""statsforecast's AutoETS on every series of the benchmark file with n_jobs=2: the fast
statistical reference of the many-series benchmark.

    python benchmarks/many_series_statsforecast.py FILE.csv --horizon 7 [--season 1]
Prints one JSON line: series, seconds (fit and forecast, after reading), series_per_second.
"""
import argparse
import json
import time

import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import AutoETS


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--horizon", type=int, default=7)
    parser.add_argument("--season", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    arguments = parser.parse_args()
    frame = pd.read_csv(arguments.file, parse_dates=["date"]).rename(columns={"id": "unique_id", "date": "ds", "value": "y"})
    model = StatsForecast(models=[AutoETS(season_length=arguments.season)], freq="D", n_jobs=arguments.jobs)
    started = time.perf_counter()
    result = model.forecast(df=frame, h=arguments.horizon)
    seconds = time.perf_counter() - started
    series = frame["unique_id"].nunique()
    assert len(result) == series * arguments.horizon
    print(json.dumps({"tool": "statsforecast-autoets", "series": series, "seconds": round(seconds, 2),
                      "series_per_second": round(series / seconds, 2), "n_jobs": arguments.jobs}))


if __name__ == "__main__":
    main()
