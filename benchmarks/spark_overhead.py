"""Compares a Spark run of the tsf recipe with one local `tsf forecast --id` run, both sampled by
process_tree_sampler.py: series per second, peak memory of each process, and how much of Spark's wall
time is Spark's own.

    python benchmarks/spark_overhead.py LOCAL.json SPARK.json --series N [--cores 2]

Spark's own time is read three ways, from the tsf processes' start and end times:
  - overhead: Spark's wall time minus the local run's, as a share of the local run's;
  - outside tsf: the wall time during which no tsf process ran (JVM start, reading and shuffling the
    input, sorting a partition before its tsf starts, writing, stopping), as a share of Spark's wall;
  - beyond tsf's work: Spark's wall minus (the tsf processes' summed run time / cores), as a share of
    Spark's wall: the time the cores were not running tsf, whether Spark held them (CPU beside tsf
    included) or they idled at the end while the last partition finished.
And in CPU time, which other load on the machine disturbs less than wall time: the share of all CPU
seconds of the Spark run spent outside tsf (JVM, Python, launcher), tsf's CPU seconds against the
local run's, and the Spark run's CPU seconds against the local run's (the overhead a machine with
nothing else to do would see, were both runs to keep its cores busy).
Prints one JSON object and the markdown rows of spark/README.md's table.
"""
import argparse
import json


def load(path):
    with open(path) as handle:
        return json.load(handle)


def role(process):
    command = process["cmdline"]
    if process["name"].startswith("tsf") or "/bin/tsf" in command.split(" ")[0]:
        return "tsf"
    if process["name"] == "java" and "launcher.Main" not in command:
        return "jvm"  # the driver, which in local mode runs the executors too
    if "forecast_with_spark.py" in command:
        return "driver-python"
    if "pyspark.daemon" in command or "pyspark.worker" in command:
        return "python-worker"
    return "other"  # spark-submit's launcher, the archive's unpacking, clean-up


def union_seconds(intervals):
    total, reach = 0.0, None
    for start, end in sorted(intervals):
        if reach is None or start > reach:
            total += end - start
            reach = end
        elif end > reach:
            total += end - reach
            reach = end
    return total


def mib(kib):
    return round(kib / 1024, 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("local")
    parser.add_argument("spark")
    parser.add_argument("--series", type=int, required=True)
    parser.add_argument("--cores", type=int, default=2)
    arguments = parser.parse_args()
    local, spark = load(arguments.local), load(arguments.spark)
    local_tsf = [p for p in local["processes"] if role(p) == "tsf"]
    by_role = {}
    for process in spark["processes"]:
        by_role.setdefault(role(process), []).append(process)
    tsf = by_role.get("tsf", [])
    intervals = [(p["start"], min(p["end"], spark["end"])) for p in tsf]
    wall = spark["seconds"]
    tsf_busy = sum(end - start for start, end in intervals)
    outside = wall - union_seconds(intervals)
    beyond = wall - tsf_busy / arguments.cores
    cpu = {name: round(sum(p["cpu_seconds"] for p in processes), 1) for name, processes in by_role.items()}
    result = {
        "series": arguments.series,
        "local": {"seconds": round(local["seconds"], 1),
                  "series_per_second": round(arguments.series / local["seconds"], 2),
                  "tsf_peak_mib": mib(max(p["peak_rss_kib"] for p in local_tsf)),
                  "tsf_cpu_seconds": round(sum(p["cpu_seconds"] for p in local_tsf), 1)},
        "spark": {"seconds": round(wall, 1),
                  "series_per_second": round(arguments.series / wall, 2),
                  "tsf_processes": len(tsf),
                  "tsf_peak_mib": [mib(p["peak_rss_kib"]) for p in tsf],
                  "jvm_peak_mib": mib(max((p["peak_rss_kib"] for p in by_role.get("jvm", [])), default=0)),
                  "driver_python_peak_mib": mib(max((p["peak_rss_kib"] for p in by_role.get("driver-python", [])), default=0)),
                  "python_worker_peak_mib": mib(max((p["peak_rss_kib"] for p in by_role.get("python-worker", [])), default=0)),
                  "python_workers": len(by_role.get("python-worker", [])),
                  "peak_total_mib": mib(spark["peak_total_rss_kib"]),
                  "cpu_seconds": cpu,
                  "first_tsf_start_seconds": round(min(s for s, _ in intervals) - spark["start"], 1) if tsf else None,
                  "last_tsf_end_seconds": round(max(e for _, e in intervals) - spark["start"], 1) if tsf else None},
        "overhead_vs_local": round((wall - local["seconds"]) / local["seconds"], 3),
        "outside_tsf_share": round(outside / wall, 3),
        "beyond_tsf_work_share": round(beyond / wall, 3),
        "spark_cpu_share": round(1 - cpu.get("tsf", 0) / sum(cpu.values()), 3),
        "tsf_cpu_vs_local": round(cpu.get("tsf", 0) / sum(p["cpu_seconds"] for p in local_tsf), 3),
        "cpu_overhead_vs_local": round(sum(cpu.values()) / sum(p["cpu_seconds"] for p in local_tsf) - 1, 3),
    }
    print(json.dumps(result, indent=1))
    s, l = result["spark"], result["local"]
    print(f"| local `tsf forecast --id --threads 2` | {l['series_per_second']} | {l['seconds']} | "
          f"tsf {l['tsf_peak_mib']} MiB | |")
    print(f"| Spark `local[2]`, {s['tsf_processes']} partitions | {s['series_per_second']} | {s['seconds']} | "
          f"JVM {s['jvm_peak_mib']} MiB, driver Python {s['driver_python_peak_mib']} MiB, "
          f"Python workers ≤ {s['python_worker_peak_mib']} MiB, each tsf {min(s['tsf_peak_mib'], default=0)}–"
          f"{max(s['tsf_peak_mib'], default=0)} MiB (all together ≤ {s['peak_total_mib']} MiB) | "
          f"overhead {result['overhead_vs_local']:.1%} of the local time; outside tsf "
          f"{result['outside_tsf_share']:.1%}, beyond tsf's work {result['beyond_tsf_work_share']:.1%} of Spark's; "
          f"{result['spark_cpu_share']:.1%} of the CPU time outside tsf, CPU overhead "
          f"{result['cpu_overhead_vs_local']:.1%} of the local run's |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
