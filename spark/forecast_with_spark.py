"""Forecasts every series of a long-format CSV file on Apache Spark with the tsf binary.

Spark does the distribution; tsf does the forecasting. The rows are partitioned by series id and
sorted by id and date inside each partition, so every series sits whole in one partition; each
partition's rows are then piped, as CSV with a header, through

    tsf forecast - --id ID --column VALUE --horizon H --threads 1 --format csv [extra options]

(`mapPartitions` running one tsf process per partition, as `RDD.pipe` does), and the
long-format lines tsf prints (id,step,date,forecast,…) come back as a DataFrame. On a cluster the binary must be on every executor: pass it with `--files tsf` to
spark-submit (it then sits in each executor's working directory; use `--tsf ./tsf`), or install
it at the same path on every node. Executors run one tsf per task with one thread each; Spark's
own parallelism (cores per executor) spreads the series.

    python spark/forecast_with_spark.py IN.csv OUT_DIR --id id --column value --horizon 12 \
        --tsf .build/release/tsf [--master local[2]] [--partitions 8] [-- extra tsf options]

A series that tsf cannot forecast is reported on the executor's stderr (in the task log) and left
out; the job fails only when tsf fails for another reason (exit code other than 0 and 65).
"""
import argparse
import csv
import os
import subprocess
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F


def tsf_command(arguments, extra):
    return [arguments.tsf, "forecast", "-", "--id", arguments.id, "--column", arguments.column,
            "--horizon", str(arguments.horizon), "--threads", "1", "--format", "csv"] + extra


def forecast(spark, arguments, extra):
    """Returns a DataFrame with columns id, step, date, forecast (and any interval bounds)."""
    table = spark.read.csv(arguments.input, header=True, inferSchema=False)  # every column as text
    header = table.columns
    date_column = arguments.date_column or next(
        (name for name in header if name not in (arguments.id, arguments.column)), None)
    # Every series whole in one partition, its rows in date order (ISO dates sort as text; tsf
    # sorts any other format itself, with a warning).
    ordered = table.repartition(arguments.partitions, arguments.id).sortWithinPartitions(
        *[name for name in (arguments.id, date_column) if name])
    command = tsf_command(arguments, extra)

    def run_tsf(rows):
        # A partition's rows as CSV with the header, through one tsf process; like RDD.pipe, but
        # an empty partition starts no process, and exit code 65 (some series failed, already
        # reported on stderr) is not a task failure.
        lines = [",".join(csv_field(value) for value in row) for row in rows]
        if not lines:
            return
        text = ",".join(csv_field(name) for name in header) + "\n" + "\n".join(lines) + "\n"
        done = subprocess.run(command, input=text.encode(), capture_output=True)
        sys.stderr.write(done.stderr.decode(errors="replace"))
        if done.returncode not in (0, 65):
            raise RuntimeError(f"tsf exited with {done.returncode}: {done.stderr.decode(errors='replace').strip()}")
        for line in done.stdout.decode().splitlines()[1:]:  # the first line is the header
            yield next(csv.reader([line]))

    columns = ["id", "step", "date", "forecast"] + [f"{side}{level}" for level in arguments.levels
                                                     for side in ("lower", "upper")]
    results = ordered.rdd.mapPartitions(run_tsf)
    frame = spark.createDataFrame(results, schema=", ".join(f"{name} string" for name in columns))
    for name in columns[3:]:
        frame = frame.withColumn(name, F.col(name).cast("double"))
    return frame.withColumn("step", F.col("step").cast("int"))


def csv_field(value):
    """A field as tsf reads it: quoted when it holds a comma, a quote or a line break (RFC 4180)."""
    text = "" if value is None else str(value)
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n\r') else text


def main():
    parser = argparse.ArgumentParser(description="Forecast every series of a long-format CSV file on Spark with tsf.")
    parser.add_argument("input")
    parser.add_argument("output", help="folder for the results (CSV, one file)")
    parser.add_argument("--id", required=True)
    parser.add_argument("--column", required=True)
    parser.add_argument("--date-column")
    parser.add_argument("--horizon", type=int, required=True)
    parser.add_argument("--tsf", default=".build/release/tsf")
    parser.add_argument("--master", default=None, help="e.g. local[2]; omit under spark-submit")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--level", default="", help="interval levels, e.g. 80,95 (passed to tsf)")
    arguments, extra = parser.parse_known_args()
    extra = [part for part in extra if part != "--"]
    arguments.levels = [level for level in arguments.level.split(",") if level]
    if arguments.levels:
        extra += ["--level", arguments.level]
    arguments.tsf = os.path.abspath(arguments.tsf) if os.path.exists(arguments.tsf) else arguments.tsf
    builder = SparkSession.builder.appName("tsf-forecast")
    if arguments.master:
        builder = builder.master(arguments.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    frame = forecast(spark, arguments, extra)
    frame.orderBy("id", "step").coalesce(1).write.mode("overwrite").csv(arguments.output, header=True)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
