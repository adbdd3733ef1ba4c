#!/usr/bin/env python3
"""How far PolNeAR's own annotators agree, by the same scorer Dossier is measured with.

PolNeAR had 18 articles of its train and dev splits annotated by all six annotators. Every
ordered pair of annotators of one article is scored as if one were the gold and the other a
prediction, with ../shared/eval/quotes/score.py (role exact match). The result is the ceiling a
system trained on one annotator's copy can expect to reach against another's.

    python3 scripts/polnear_agreement.py [--shared ../shared]
"""
import argparse
import collections
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.environ.get("DOSSIER_SHARED", "../shared"))
    args = ap.parse_args()
    quotes = os.path.join(args.shared, "eval", "quotes")
    scorer = os.path.join(quotes, "score.py")
    polnear = os.path.join(quotes, "polnear")
    work = tempfile.mkdtemp(prefix="polnear-agreement-")
    try:
        by_article = collections.defaultdict(lambda: collections.defaultdict(list))
        split_of = {}
        for split in ("train", "dev"):
            out = subprocess.run(
                [sys.executable, scorer, "polnear2jsonl", "--polnear", polnear,
                 "--split", split, "--all-annotators"],
                check=True, capture_output=True, text=True).stdout
            for line in out.splitlines():
                row = json.loads(line)
                article, annotator = row["doc_id"].rsplit("_", 1)
                by_article[article][annotator].append(row)
                split_of[article] = split
        text_dir = os.path.join(work, "text")
        os.makedirs(text_dir)
        pairs = 0
        with open(os.path.join(work, "gold.jsonl"), "w") as gold, \
                open(os.path.join(work, "pred.jsonl"), "w") as pred:
            for article, copies in sorted(by_article.items()):
                if len(copies) < 2:
                    continue
                source = os.path.join(polnear, "data", split_of[article], "text", article + ".txt")
                for a, b in itertools.permutations(sorted(copies), 2):
                    doc = f"{article}__{a}__{b}"
                    shutil.copy(source, os.path.join(text_dir, doc + ".txt"))
                    for row in copies[a]:
                        gold.write(json.dumps(dict(row, doc_id=doc)) + "\n")
                    for row in copies[b]:
                        pred.write(json.dumps(dict(row, doc_id=doc)) + "\n")
                    pairs += 1
        articles = sum(1 for copies in by_article.values() if len(copies) > 1)
        print(f"{articles} articles with several annotators, {pairs} ordered pairs")
        subprocess.run([sys.executable, scorer, "score", "--gold", os.path.join(work, "gold.jsonl"),
                        "--pred", os.path.join(work, "pred.jsonl"), "--text-dir", text_dir],
                       check=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
