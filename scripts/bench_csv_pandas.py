"""Times pandas on the benchmark CSV: read_csv, then to_datetime of the date column.

Usage: python bench_csv_pandas.py FILE REPETITIONS
Prints one line per repetition: wall seconds and CPU seconds. Import time is excluded, so pandas
is timed at its best (a warm interpreter, as in a notebook).
"""
import sys
import time

import pandas as pd


def main() -> None:
    path, repetitions = sys.argv[1], int(sys.argv[2])
    for _ in range(repetitions):
        wall, cpu = time.perf_counter(), time.process_time()
        frame = pd.read_csv(path)
        frame["Date"] = pd.to_datetime(frame["Date"], format="ISO8601")
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        assert len(frame) > 0
        print(f"{wall:.6f} {cpu:.6f}")


if __name__ == "__main__":
    main()
