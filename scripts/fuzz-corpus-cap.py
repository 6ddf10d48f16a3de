#!/usr/bin/env python3
"""Picks at most LIMIT inputs that together cover the most edges, from a libFuzzer merge control
file (written by `-merge=1 -merge_control_file=FILE`), and copies them to OUT.

    fuzz-corpus-cap.py CONTROL OUT [LIMIT]

Greedy set cover: each step takes the input adding the most edges not yet covered (the smaller
file on a tie), until LIMIT inputs or nothing more to add. libFuzzer's own `-merge=1` keeps every
input adding a feature, often hundreds; this keeps the committed corpus to a few dozen small files.
Prints how many of the edges the whole merge reached the chosen inputs cover.
"""
import os, shutil, sys

control, out = sys.argv[1], sys.argv[2]
limit = int(sys.argv[3]) if len(sys.argv) > 3 else 40
with open(control) as f:
    lines = f.read().splitlines()
count = int(lines[0])
paths = lines[2:2 + count]
edges, sizes = {}, {}
for line in lines[2 + count:]:
    parts = line.split()
    if parts and parts[0] == "STARTED":
        sizes[int(parts[1])] = int(parts[2])
    elif parts and parts[0] == "COV":
        edges[int(parts[1])] = set(parts[2:])
everything = set().union(*edges.values()) if edges else set()
covered, chosen = set(), []
while len(chosen) < limit:
    best = max(edges, key=lambda i: (len(edges[i] - covered), -sizes.get(i, 0)), default=None)
    if best is None or not edges[best] - covered:
        break
    covered |= edges.pop(best)
    chosen.append(best)
os.makedirs(out, exist_ok=True)
for index in chosen:
    shutil.copy(paths[index], os.path.join(out, os.path.basename(paths[index])))
print(f"{len(chosen)} inputs cover {len(covered)} of {len(everything)} edges")
