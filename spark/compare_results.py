"""Checks that Spark's forecasts equal the local run's: the same (id, step) rows, the same dates,
and forecasts equal to a relative 1e-9 (Spark re-prints the numbers it parsed, tsf prints the
shortest decimal that reads back as the same double, so the text may differ, not the value).

    python spark/compare_results.py LOCAL.csv SPARK_DIR
Exit code 0 when they agree, 1 with the first differences listed otherwise.
"""
import csv
import glob
import math
import sys


def rows(path):
    with open(path, newline="") as handle:
        return {(row["id"], int(row["step"])): row for row in csv.DictReader(handle)}


def main(local_path, spark_dir):
    local = rows(local_path)
    parts = glob.glob(f"{spark_dir}/part-*.csv")
    spark = {}
    for part in parts:
        spark.update(rows(part))
    problems = []
    if set(local) != set(spark):
        problems.append(f"row keys differ: {len(set(local) - set(spark))} only local, {len(set(spark) - set(local))} only Spark")
    for key in sorted(set(local) & set(spark)):
        a, b = local[key], spark[key]
        if (a["date"] or "") != (b["date"] or ""):
            problems.append(f"{key}: date {a['date']} vs {b['date']}")
        for name in a:
            if name in ("id", "step", "date"):
                continue
            x, y = float(a[name]), float(b[name])
            if not math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12):
                problems.append(f"{key}: {name} {x} vs {y}")
    if problems:
        print("spark-check: results differ:", *problems[:10], sep="\n  ")
        return 1
    print(f"spark-check: {len(local)} rows of {len({k[0] for k in local})} series agree")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
