#!/usr/bin/env python3
"""Derives the committed test data directory from the shared data (../shared/data).

Unit tests read this small directory so that a clone alone runs them; the proofs over the whole
country read ../shared/data and run as integration tests (JUnit tag "realdata").

Kept: the Phuket boundary fixture (province 83: 1 province, 3 districts, 17 subdistricts), the
indicator catalogue, and of every TPMAP 2561 / 2566 file the rows of province 83 (plus the
country rows and the province_regions table whole). Run from the repository root:

    python3 boundaries/src/test/fixture-data/derive.py ../shared/data
"""
import csv
import gzip
import os
import shutil
import sys

PROVINCE = "83"


def code_column(header):
    for i, name in enumerate(header):
        if name.endswith("_ID") or name == "village_ID":
            return i
    return None


def filter_csv(src, dst, gz=False):
    """Keeps the header and the rows of the province, byte for byte (each row is one line)."""
    opener = gzip.open if gz else open
    with opener(src, "rt", encoding="utf-8", newline="") as f:
        lines = f.read().splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    col = code_column(header)
    if col is None:  # country files: kept whole
        kept = lines
    else:
        kept = [lines[0]] + [
            line for line in lines[1:] if next(csv.reader([line]))[col].startswith(PROVINCE)
        ]
    data = "".join(kept).encode("utf-8")
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    if gz:  # mtime 0: the same bytes on every run
        with open(dst, "wb") as raw, gzip.GzipFile(
            fileobj=raw, mode="wb", mtime=0, filename=""
        ) as g:
            g.write(data)
    else:
        with open(dst, "wb") as f:
            f.write(data)
    return len(kept) - 1


def main(shared):
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(here, "boundaries"), exist_ok=True)
    shutil.copy(os.path.join(shared, "boundaries/fixture-83.geojson"),
                os.path.join(here, "boundaries/fixture-83.geojson"))
    shutil.copy(os.path.join(shared, "indicators/catalog.csv"),
                os.path.join(here, "indicators/catalog.csv") if os.path.isdir(
                    os.path.join(here, "indicators")) else mk(here, "indicators/catalog.csv"))
    real = os.path.join(shared, "indicators/real")
    for sub in ("tpmap-2561", "tpmap-2566"):
        for name in sorted(os.listdir(os.path.join(real, sub))):
            src = os.path.join(real, sub, name)
            dst = os.path.join(here, "indicators/real", sub, name)
            if name == "province_regions.csv":
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                shutil.copy(src, dst)
                continue
            n = filter_csv(src, dst, gz=name.endswith(".gz"))
            print(f"{sub}/{name}: {n} rows")


def mk(here, rel):
    os.makedirs(os.path.dirname(os.path.join(here, rel)), exist_ok=True)
    return os.path.join(here, rel)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
