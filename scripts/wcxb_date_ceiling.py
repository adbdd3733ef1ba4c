#!/usr/bin/env python3
"""How many WCXB dev pages write their gold publication date on the page at all, in a common
format (ISO, slashes, dots, "March 5, 2024", "5 March 2024", "Mar. 5, 2024", compact): the
ceiling of `date_correct` for an extractor that reads only the page.

    python3 scripts/wcxb_date_ceiling.py [--shared ../shared] [--list]
"""
import argparse
import datetime
import glob
import gzip
import json
import os
import re

parser = argparse.ArgumentParser()
parser.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
parser.add_argument("--list", action="store_true", help="print the pages whose gold date is nowhere on the page")
args = parser.parse_args()
base = os.path.join(args.shared, "eval", "extraction", "wcxb", "dev")

pages = found = 0
missing = []
for path in sorted(glob.glob(os.path.join(base, "ground-truth", "*.json"))):
    page = json.load(open(path, encoding="utf-8"))
    gold = page["ground_truth"].get("publish_date")
    if not gold:
        continue
    number = os.path.basename(path)[:-5]
    html = gzip.open(os.path.join(base, "html", number + ".html.gz")).read().decode("utf8", "replace").lower()
    pages += 1
    parts = gold.split("-")
    if len(parts) == 2:
        present = gold in html
    else:
        y, m, d = parts
        day = datetime.date(int(y), int(m), int(d))
        month, mon = day.strftime("%B").lower(), day.strftime("%b").lower()
        forms = [gold, f"{y}/{m}/{d}", f"{m}/{d}/{y}", f"{int(m)}/{int(d)}/{y}", f"{d}.{m}.{y}",
                 f"{d}/{m}/{y}", f"{month} {int(d)}, {y}", f"{mon} {int(d)}, {y}",
                 f"{int(d)} {month} {y}", f"{int(d)} {mon} {y}", f"{mon}. {int(d)}, {y}", f"{y}{m}{d}"]
        present = any(form in html for form in forms) or bool(
            re.search(rf"{month}\s+{int(d)}(st|nd|rd|th)?,?\s+{y}", html))
    found += present
    if not present:
        missing.append((number, gold, page["url"]))
print(f"gold date written on the page: {found} of {pages} pages ({found / max(1, pages):.3f})")
if args.list:
    for row in missing:
        print(*row, sep="\t")
