"""Runs a command and samples its process tree from /proc until it ends: when each process started and
was last seen, its peak resident memory (VmHWM, which the kernel keeps as the process's high-water
mark, so a sample shortly before exit holds the whole lifetime's peak), its CPU seconds, and the
largest total resident memory of the tree at one sample. Linux only.

    python benchmarks/process_tree_sampler.py SUMMARY.json [--interval 0.5] -- COMMAND [ARGS...]

The command's standard streams pass through; the exit code is the command's. SUMMARY.json holds
{"command", "start", "end", "seconds", "exit_code", "peak_total_rss_kib",
 "processes": [{"pid", "name", "cmdline", "start", "end", "peak_rss_kib", "cpu_seconds"}]},
times in seconds since the epoch. A process's start is known to a clock tick (from /proc/PID/stat,
counted from the command's start); its end is the last sample that saw it plus half an interval, so
it is known to ±interval/2. A sample costs about
5 ms of one core here, hence the default interval of 0.5 s.
"""
import argparse
import json
import os
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def snapshot():
    """pid → (parent, name, start ticks, cpu ticks, rss KiB, peak rss KiB) for every live process."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                stat = handle.read()
            with open(f"/proc/{entry}/status") as handle:
                status = handle.read()
        except OSError:  # gone since the listing
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()  # after the name, which may hold spaces
        if fields[0] == "Z":  # exited, not yet reaped: its memory figures are gone
            continue
        memory = {line.split(":")[0]: int(line.split()[1]) for line in status.splitlines()
                  if line.startswith(("VmRSS", "VmHWM"))}
        table[int(entry)] = (int(fields[1]), name, int(fields[19]), int(fields[11]) + int(fields[12]),
                             memory.get("VmRSS", 0), memory.get("VmHWM", 0))
    return table


def descendants(root, table):
    children = {}
    for pid, (parent, *_) in table.items():
        children.setdefault(parent, []).append(pid)
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def command_line(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read().replace(b"\0", b" ").decode(errors="replace").strip()[:300]
    except OSError:
        return ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("summary")
    parser.add_argument("--interval", type=float, default=0.5)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    arguments = parser.parse_args()
    command = arguments.command[1:] if arguments.command[:1] == ["--"] else arguments.command
    start = time.time()
    child = subprocess.Popen(command)
    # Start ticks count from boot; the command's own start, taken as `start`, puts them on the clock.
    with open(f"/proc/{child.pid}/stat") as handle:
        origin = start - int(handle.read().rsplit(")", 1)[1].split()[19]) / TICKS
    seen, peak_total = {}, 0
    while True:
        now = time.time()
        table = snapshot()
        tree = [pid for pid in descendants(child.pid, table) if pid in table]
        peak_total = max(peak_total, sum(table[pid][4] for pid in tree))
        for pid in tree:
            _, name, started, cpu, _, peak = table[pid]
            record = seen.setdefault((pid, started), {"pid": pid, "start": origin + started / TICKS, "peak_rss_kib": 0})
            if record.get("name") != name:  # new, or it exec'd another program (spark-class becomes java)
                record.update(name=name, cmdline=command_line(pid))
            record.update(end=now + arguments.interval / 2, peak_rss_kib=max(peak, record["peak_rss_kib"]),
                          cpu_seconds=cpu / TICKS)
        if child.poll() is not None:
            break
        time.sleep(max(0.0, arguments.interval - (time.time() - now)))
    end = time.time()
    summary = {"command": command, "start": start, "end": end, "seconds": end - start,
               "exit_code": child.returncode, "peak_total_rss_kib": peak_total,
               "processes": sorted(seen.values(), key=lambda record: record["start"])}
    with open(arguments.summary, "w") as handle:
        json.dump(summary, handle, indent=1)
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
