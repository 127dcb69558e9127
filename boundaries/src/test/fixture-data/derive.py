#!/usr/bin/env python3
"""Derives the committed test data directory from the shared data (../shared/data).

Unit tests read this small directory so that a clone alone runs them; the proofs over the whole
country read ../shared/data and run as integration tests (JUnit tag "realdata").

Kept: two provinces, Phuket (83: 1 province, 3 districts, 17 subdistricts, islands) and Samut
Songkhram (75: 1 province, 3 districts, 36 subdistricts, mainland), each cut at all three levels
from the national medium files (boundaries/th-{provinces,districts,subdistricts}.geojson) feature
for feature, unchanged (fixture-83.geojson is checked to equal the shared data's own Phuket
fixture); the indicator catalogue; and of every TPMAP 2561 / 2566 file the rows of the two
provinces byte for byte (plus the country rows and the province_regions table whole). Run from the
repository root:

    python3 boundaries/src/test/fixture-data/derive.py ../shared/data
"""
import csv
import gzip
import json
import os
import shutil
import sys

PROVINCES = ("83", "75")
LEVEL_FILES = ("th-provinces.geojson", "th-districts.geojson", "th-subdistricts.geojson")


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
            line for line in lines[1:] if next(csv.reader([line]))[col].startswith(PROVINCES)
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


def cut_boundaries(shared, province, dst):
    """Every feature of the province from the three national files, in their order (province,
    districts, subdistricts; each file is sorted by code), written in the files' compact form."""
    features = []
    for name in LEVEL_FILES:
        with open(os.path.join(shared, "boundaries", name), encoding="utf-8") as f:
            for feature in json.load(f)["features"]:
                if feature["properties"]["code"].startswith(province):
                    features.append(feature)
    text = json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False, separators=(",", ":"))
    with open(dst, "wb") as f:
        f.write(text.encode("utf-8"))
    return features


def main(shared):
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(here, "boundaries"), exist_ok=True)
    for province in PROVINCES:
        dst = os.path.join(here, f"boundaries/fixture-{province}.geojson")
        features = cut_boundaries(shared, province, dst)
        levels = [sum(1 for x in features if x["properties"]["level"] == lvl)
                  for lvl in ("province", "district", "subdistrict")]
        print(f"boundaries/fixture-{province}.geojson: {levels} areas")
    with open(os.path.join(shared, "boundaries/fixture-83.geojson"), "rb") as a, open(
            os.path.join(here, "boundaries/fixture-83.geojson"), "rb") as b:
        if a.read() != b.read():
            sys.exit("fixture-83.geojson differs from the shared data's Phuket fixture")
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
