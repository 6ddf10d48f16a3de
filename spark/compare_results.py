"""Checks that Spark's forecasts are byte for byte those of the local run: every part file of the
Spark output starts with the local run's header, and each series has the same lines, in the same
order, as in the local run's CSV output. Only the order of the series may differ (Spark groups them
by partition).

    python spark/compare_results.py LOCAL.csv SPARK_DIR
Exit code 0 when they agree, 1 with the first differences listed otherwise.
"""
import glob
import sys


def series_lines(lines, source, problems):
    """id → that series' lines, as bytes; the id is the text before the first comma (the generated
    ids hold no quotes or commas, and a quoted id would only make a difference show up)."""
    series, previous = {}, None
    for line in lines:
        key = line.split(b",", 1)[0]
        if key in series and key != previous:
            problems.append(f"{source}: the lines of series {key.decode()} are not together")
        series.setdefault(key, []).append(line)
        previous = key
    return series


def main(local_path, spark_dir):
    problems = []
    with open(local_path, "rb") as handle:
        header, *body = handle.read().splitlines()
    local = series_lines(body, local_path, problems)
    parts = sorted(glob.glob(f"{spark_dir}/part-*"))
    spark = {}
    for part in parts:
        with open(part, "rb") as handle:
            lines = handle.read().splitlines()
        if not lines:
            continue
        if lines[0] != header:
            problems.append(f"{part}: header {lines[0]!r}, local {header!r}")
        for key, rows in series_lines(lines[1:], part, problems).items():
            if key in spark:
                problems.append(f"series {key.decode()} in two partitions")
            spark[key] = rows
    if set(local) != set(spark):
        problems.append(f"series differ: {len(set(local) - set(spark))} only local, "
                        f"{len(set(spark) - set(local))} only Spark")
    for key in sorted(set(local) & set(spark)):
        if local[key] != spark[key]:
            first = next((a, b) for a, b in zip(local[key] + [b""], spark[key] + [b""]) if a != b)
            problems.append(f"series {key.decode()}: local {first[0].decode()!r}, Spark {first[1].decode()!r}")
    if problems:
        print("spark-check: results differ:", *problems[:10], sep="\n  ")
        return 1
    print(f"spark-check: {len(body)} lines of {len(local)} series are byte-identical ({len(parts)} part files)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
