#!/usr/bin/env python3
"""Scores every example story and the seeds with the shared report scorer, and sums them.

  cargo build --release -p dossier-cli
  python3 scripts/score_examples.py                 # every examples/<name> with a gold file
  python3 scripts/score_examples.py coup dam seeds  # only these

For each story: `dossier analyze examples/<name> --format json`, then
`../shared/tools/score_report.py examples/<name>-gold.json` on the report. Prints one line a
story (score, false conflicts), then the mean score over the stories (the seeds apart) and, for
each counted figure the scorer gives as found/total, its sum over them; last, the first runs
recorded in examples/README.md ("First run: 0.949, with 1 false conflict.": the score of the
engine of the day a blind story was written, before it was shown the story). This is the
command behind the README's examples paragraph and the figures in commit messages.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("DOSSIER_SHARED", os.path.join(ROOT, "..", "shared"))
SCORER = os.path.join(SHARED, "tools", "score_report.py")


def stories():
    for gold in sorted(glob.glob(os.path.join(ROOT, "examples", "*-gold.json"))):
        name = os.path.basename(gold)[: -len("-gold.json")]
        if os.path.isdir(os.path.join(ROOT, "examples", name)):
            yield name
    yield "seeds"


def paths(name):
    if name == "seeds":
        corpus = os.path.join(SHARED, "corpus", "seeds")
        return corpus, os.path.join(SHARED, "corpus", "seeds-gold.json")
    return os.path.join(ROOT, "examples", name), os.path.join(ROOT, "examples", name + "-gold.json")


def score(binary, name, tmp):
    corpus, gold = paths(name)
    report = os.path.join(tmp, name + ".json")
    subprocess.run([binary, "analyze", corpus, "--format", "json", "--out", report],
                   check=True, stderr=subprocess.DEVNULL)
    out = subprocess.run([sys.executable, SCORER, gold, report, "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help="stories to score (default: all, and the seeds)")
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "dossier"))
    args = ap.parse_args()
    names = args.names or list(stories())
    totals, scores = {}, []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            figures = score(args.binary, name, tmp)
            conflicts = figures["false_conflicts"]
            print(f"{name:14s} score {figures['score']:.3f}  false conflicts {conflicts[0]}/{conflicts[1]}")
            if name == "seeds":
                continue
            scores.append(figures["score"])
            for key, value in figures.items():
                if isinstance(value, list):
                    found, total = totals.get(key, (0, 0))
                    totals[key] = (found + value[0], total + value[1])
    if not scores:
        return
    print(f"\n{len(scores)} stories, mean score {sum(scores) / len(scores):.4f}")
    for key, (found, total) in totals.items():
        print(f"  {key:24s} {found}/{total}")
    readme = open(os.path.join(ROOT, "examples", "README.md"), encoding="utf-8").read()
    words = {"no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
    firsts = [(float(score), words[count] if count in words else int(count)) for score, count in
              re.findall(r"First run: (0\.\d+), with (\d+|no|one|two|three|four|five) false conflict",
                         readme)]
    if firsts:
        values = [score for score, _ in firsts]
        print(f"\n{len(firsts)} first runs recorded in examples/README.md: mean {sum(values) / len(values):.3f}"
              f" (lowest {min(values):.3f}, highest {max(values):.3f}),"
              f" {sum(c for _, c in firsts)} false conflicts in all")


if __name__ == "__main__":
    main()
