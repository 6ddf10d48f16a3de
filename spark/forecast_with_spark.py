"""Forecasts every series of a long-format CSV file on Apache Spark with the tsf binary.

Spark does the distribution; tsf does the forecasting. The rows are partitioned by series id and
sorted by id and date inside each partition, so every series sits whole in one partition; each
partition's rows are then streamed, as CSV with a header, to the standard input of

    tsf forecast - --id ID --column VALUE [--horizon H] --threads 1 --format csv --choice per-series [extra options]

(one tsf process per non-empty partition, as `RDD.pipe` would run), and the lines tsf prints
(id,step,date,forecast,…) are the job's result, kept as tsf printed them.

The binary comes with the job: `--package dist/tsf-VERSION-linux-x86_64.tar.gz` (built by
scripts/package.sh; a local path or any URI Spark reads, e.g. hdfs://) is added to the job as an
archive, which Spark unpacks on every executor; the nodes need only libcsv and OpenBLAS. `--tsf PATH`
runs a binary that is already at PATH on every node instead.

    python spark/forecast_with_spark.py IN.csv OUT_DIR --id id --column value --horizon 12 \
        --package dist/tsf-0.2.0-linux-x86_64.tar.gz [--master local[2]] [--partitions N] \
        [-- extra tsf options]

OUT_DIR receives one CSV file per partition (part-*.txt), each exactly what tsf printed for that
partition's series, header included. A series that tsf cannot forecast is reported on the executor's
stderr (in the task log) and left out; the job fails only when tsf fails for another reason (exit
code other than 0 and 65).
"""
import argparse
import contextlib
import csv
import itertools
import os
import subprocess
import sys
import tempfile
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

# tsf's exit code when some series could not be forecast (already named on its stderr).
SOME_SERIES_FAILED = 65


def package_binary(package):
    """Where tsf sits on an executor once Spark has unpacked the package: the archive unpacks into a
    folder named after it, holding the package's own top folder (tsf-VERSION-linux-x86_64)."""
    archive = os.path.basename(package)
    top = archive.removesuffix(".tar.gz").removesuffix(".tgz")
    return os.path.join(SparkFiles.get(archive), top, "bin", "tsf")


def tsf_command(binary, arguments, extra):
    # Each series chooses its own method: a choice across the series of one partition would depend
    # on how the rows were partitioned, and the results must not.
    horizon = ["--horizon", str(arguments.horizon)] if arguments.horizon else []
    return [binary, "forecast", "-", "--id", arguments.id, "--column", arguments.column, *horizon,
            "--threads", "1", "--format", "csv", "--choice", "per-series"] + extra


def forecast_lines(spark, arguments, extra):
    """Returns an RDD of the lines tsf printed, each non-empty partition's starting with tsf's header."""
    table = spark.read.csv(arguments.input, header=True, inferSchema=False)  # every column as text
    header = table.columns
    date_column = arguments.date_column or next(
        (name for name in header if name not in (arguments.id, arguments.column)), None)
    # Every series whole in one partition, its rows in date order (ISO dates sort as text; tsf
    # sorts any other format itself, with a warning).
    partitions = arguments.partitions or spark.sparkContext.defaultParallelism
    ordered = table.repartition(partitions, arguments.id).sortWithinPartitions(
        *[name for name in (arguments.id, date_column) if name])
    # Each row becomes its CSV line in the JVM, so Python only passes text on (RFC 4180 quoting,
    # values kept as they were read).
    as_csv = {"escape": '"', "ignoreLeadingWhiteSpace": "false", "ignoreTrailingWhiteSpace": "false"}
    lines = ordered.select(F.to_csv(F.struct(*header), as_csv).alias("line"))
    header_line = ",".join(csv_field(name) for name in header) + "\n"
    package, local_binary = arguments.package, arguments.tsf

    def run_tsf(rows):
        binary = package_binary(package) if package else local_binary
        yield from pipe_through_tsf(tsf_command(binary, arguments, extra), header_line,
                                    (row[0] for row in rows))

    return lines.rdd.mapPartitions(run_tsf)


def pipe_through_tsf(command, header_line, lines):
    """Streams `lines` (after `header_line`) to one tsf process and yields what it prints, line by
    line, while the input is still being written. Like `RDD.pipe`, but an empty partition starts no
    process, and exit code 65 (some series failed) is not a task failure."""
    first = next(lines, None)
    if first is None:
        return
    errors = tempfile.TemporaryFile()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors)
    failure = []

    def feed():
        # Written in chunks: one write per line would cost more than the line itself.
        try:
            chunk = [header_line, first, "\n"]
            for line in lines:
                chunk += (line, "\n")
                if len(chunk) >= 8192:
                    process.stdin.write("".join(chunk).encode())
                    chunk = []
            process.stdin.write("".join(chunk).encode())
            process.stdin.close()
        except BaseException as error:
            failure.append(error)
            with contextlib.suppress(OSError):
                process.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    for line in process.stdout:
        yield line.decode().rstrip("\n")
    writer.join()
    code = process.wait()
    errors.seek(0)
    message = errors.read().decode(errors="replace")
    sys.stderr.write(message)
    if code not in (0, SOME_SERIES_FAILED):
        raise RuntimeError(f"tsf exited with {code}: {message.strip()}")
    if failure:  # tsf stopped reading, or the rows could not be read: the output is incomplete
        raise failure[0]


def forecast(spark, arguments, extra):
    """The forecasts as a DataFrame: id, step, date, forecast (and lowerNN, upperNN with --level)."""
    columns = ["id string", "step int", "date string", "forecast double"] + [
        f"{side}{level} double" for level in arguments.levels for side in ("lower", "upper")]

    def parse(lines):  # a partition's lines start with tsf's header
        for id, step, date, *numbers in itertools.islice(csv.reader(lines), 1, None):
            yield [id, int(step), date or None, *map(float, numbers)]

    return spark.createDataFrame(forecast_lines(spark, arguments, extra).mapPartitions(parse), ", ".join(columns))


def csv_field(value):
    """A field as tsf reads it: quoted when it holds a comma, a quote or a line break (RFC 4180)."""
    text = "" if value is None else str(value)
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n\r') else text


def main():
    parser = argparse.ArgumentParser(description="Forecast every series of a long-format CSV file on Spark with tsf.")
    parser.add_argument("input")
    parser.add_argument("output", help="folder for the results: one CSV file per partition, as tsf printed it")
    parser.add_argument("--id", required=True)
    parser.add_argument("--column", required=True)
    parser.add_argument("--date-column")
    parser.add_argument("--horizon", type=int, help="steps to forecast (default: tsf's, from the frequency)")
    binary = parser.add_mutually_exclusive_group()
    binary.add_argument("--package", help="tsf-VERSION-linux-x86_64.tar.gz from scripts/package.sh, shipped with the job")
    binary.add_argument("--tsf", default=".build/release/tsf", help="a tsf binary at this path on every node")
    parser.add_argument("--master", default=None, help="e.g. local[2]; omit under spark-submit")
    parser.add_argument("--partitions", type=int, default=0,
                        help="partitions of the series (default: Spark's default parallelism, its total cores)")
    parser.add_argument("--level", default="", help="interval levels, e.g. 80,95 (passed to tsf)")
    arguments, extra = parser.parse_known_args()
    extra = [part for part in extra if part != "--"]
    arguments.levels = [level for level in arguments.level.split(",") if level]
    if arguments.levels:
        extra += ["--level", arguments.level]
    if arguments.package and os.path.exists(arguments.package):
        arguments.package = os.path.abspath(arguments.package)
    arguments.tsf = os.path.abspath(arguments.tsf) if os.path.exists(arguments.tsf) else arguments.tsf
    builder = SparkSession.builder.appName("tsf-forecast")
    if arguments.master:
        builder = builder.master(arguments.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    if arguments.package:
        spark.sparkContext.addArchive(arguments.package)
    lines = forecast_lines(spark, arguments, extra)
    # Written as text, so the files hold tsf's own bytes (a CSV writer would re-print the numbers).
    spark.createDataFrame(lines.map(lambda line: (line,)), "line string").write.mode("overwrite").text(arguments.output)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
