#!/usr/bin/env python3
"""Regenerates the font the statistics chart ships with: Noto Sans CJK SC (SIL Open Font License 1.1),
cut down to the characters the chart draws.

The charset is the chart's catalog texts in both languages (the keys below), the digits, Latin letters
and punctuation, the date characters and the usual names of the inspection teams. Run it after changing
one of those texts; StatsChartTests fails when a chart label uses a character the subset lacks.

Needs Python's fontTools (Debian: apt-get install python3-fonttools) and the Noto Sans CJK collection
(Debian: fonts-noto-cjk, /usr/share/fonts/opentype/noto/). Reads local files only.

    /usr/bin/python3 tools/chart-font/subset.py [--source-dir /usr/share/fonts/opentype/noto]
"""
import argparse
import json
import os
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CATALOGS = [os.path.join(ROOT, "src", "Assistant.Core", "Localization", "Catalog", name) for name in ("zh-CN.json", "en.json")]
OUTPUT = os.path.join(ROOT, "src", "Assistant.Core", "Ledger", "Documents", "Fonts")

# The catalog texts the chart draws (LedgerJobs.ChartData): titles, panel titles and every bar label.
CHART_KEYS = re.compile(r"^(stats\.chart_\w+|stats\.by_\w+|status\.\w+|sector\.\w+|aspect\.\d+\.short|severity\.\w+)$")

# Not in the catalogs: dates (FindingCard.Date: 2023年11月2日, 2 Nov 2023), shortened labels (…), the mark for
# a character no font has (□), the usual punctuation of both languages, and the names the 20 teams go by (第七组, 国务院安委会第七考核巡查组), so a
# title names the team even on a machine without a Chinese font.
EXTRA = (
    "".join(chr(c) for c in range(0x20, 0x7F))
    + "年月日…·，。、：；！？（）《》“”‘’—　□"
    + "第一二三四五六七八九十组国务院安委会全生产和消防工作考核巡查"
)

SOURCE_FACE = "Noto Sans CJK SC"
SUBSET_FAMILY = "Noto Sans CJK SC Chart Subset"  # a modified version says so in its name
WEIGHTS = ("Regular", "Bold")


def charset():
    chars = set(EXTRA)
    for path in CATALOGS:
        with open(path, encoding="utf-8") as f:
            catalog = json.load(f)
        for key, text in catalog.items():
            if CHART_KEYS.match(key):
                chars.update(re.sub(r"\{\d+\}", "", text))
    chars.discard("\n")
    return sorted(chars)


def subset_face(source, weight, chars):
    collection = TTCollection(source, recalcTimestamp=False)
    font = next((f for f in collection.fonts if f["name"].getDebugName(1) == SOURCE_FACE), None)
    if font is None:
        sys.exit(f"{source} has no face named {SOURCE_FACE}")

    options = subset.Options()
    options.layout_features = []  # the chart draws glyph by glyph, without shaping
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # copyright, names, version, licence and its address
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)

    names = font["name"]
    postscript = SUBSET_FAMILY.replace(" ", "") + "-" + weight
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6):
            text = {1: SUBSET_FAMILY, 3: postscript, 4: f"{SUBSET_FAMILY} {weight}", 6: postscript}[record.nameID]
            names.setName(text, record.nameID, record.platformID, record.platEncID, record.langID)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [postscript]
        top = cff.topDictIndex[0]
        top.FullName = f"{SUBSET_FAMILY} {weight}"
        top.FamilyName = SUBSET_FAMILY

    target = os.path.join(OUTPUT, f"{postscript}.otf")
    font.save(target)
    return target


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", default="/usr/share/fonts/opentype/noto", help="folder with NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc")
    args = parser.parse_args()

    chars = charset()
    os.makedirs(OUTPUT, exist_ok=True)
    for weight in WEIGHTS:
        target = subset_face(os.path.join(args.source_dir, f"NotoSansCJK-{weight}.ttc"), weight, chars)
        print(f"{os.path.relpath(target, ROOT)}: {len(chars)} characters, {os.path.getsize(target):,} bytes")


if __name__ == "__main__":
    main()
