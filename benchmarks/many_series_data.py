"""Writes a long-format file of generated series (id,date,value) for the many-series benchmark
and the Spark check: each series is a random walk with drift plus a yearly-like cycle, with its own
level, so per-series scaling matters. Deterministic for a given seed.

    python benchmarks/many_series_data.py OUT.csv --series 1000 --points 500 [--seed 0]
"""
import argparse
import datetime

import numpy as np


def generate(path, series, points, seed):
    rng = np.random.default_rng(seed)
    start = datetime.date(2000, 1, 3)
    dates = [(start + datetime.timedelta(days=d)).isoformat() for d in range(points)]
    with open(path, "w") as out:
        out.write("id,date,value\n")
        for s in range(series):
            level = 10 ** rng.uniform(0.5, 3)
            drift = rng.normal(0, 0.001)
            steps = rng.normal(drift, 0.01, points)
            cycle = 0.05 * np.sin(2 * np.pi * np.arange(points) / rng.integers(7, 60))
            values = level * np.exp(np.cumsum(steps) + cycle)
            name = f"s{s:05d}"
            out.writelines(f"{name},{d},{v:.6g}\n" for d, v in zip(dates, values))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--series", type=int, default=1000)
    parser.add_argument("--points", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()
    generate(arguments.out, arguments.series, arguments.points, arguments.seed)
