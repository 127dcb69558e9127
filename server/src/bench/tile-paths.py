#!/usr/bin/env python3
"""Prints tile request paths (/tiles/{level}/{z}/{x}/{y}.mvt) covering Thailand's bounding box.

Usage: tile-paths.py LEVEL:MINZ-MAXZ [LEVEL:MINZ-MAXZ ...] [--max-per-zoom N]
Tiles are listed row by row; with --max-per-zoom a deterministic even sample is kept per zoom.
"""
import math
import sys

WEST, SOUTH, EAST, NORTH = 97.34, 5.61, 105.64, 20.46  # Thailand


def tile(lon, lat, z):
    n = 2 ** z
    x = int((lon + 180.0) / 360.0 * n)
    r = math.radians(lat)
    y = int((1.0 - math.asinh(math.tan(r)) / math.pi) / 2.0 * n)
    return min(x, n - 1), min(y, n - 1)


def main(argv):
    limit = None
    specs = []
    i = 0
    while i < len(argv):
        if argv[i] == "--max-per-zoom":
            limit = int(argv[i + 1])
            i += 2
        else:
            specs.append(argv[i])
            i += 1
    for spec in specs:
        level, zooms = spec.split(":")
        lo, hi = (int(v) for v in zooms.split("-"))
        for z in range(lo, hi + 1):
            x0, y0 = tile(WEST, NORTH, z)
            x1, y1 = tile(EAST, SOUTH, z)
            tiles = [(x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]
            if limit and len(tiles) > limit:
                step = len(tiles) / limit
                tiles = [tiles[int(k * step)] for k in range(limit)]
            for x, y in tiles:
                print(f"/tiles/{level}/{z}/{x}/{y}.mvt")


if __name__ == "__main__":
    main(sys.argv[1:])
