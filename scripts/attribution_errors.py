#!/usr/bin/env python3
"""Where the attribution tagger's PolNeAR errors lie, from `dossier quotes --polnear-jsonl`.

  target/release/dossier quotes --polnear-jsonl ../shared/eval/quotes/polnear/data/dev/text > dev.jsonl
  python3 scripts/attribution_errors.py dev.jsonl
  target/release/dossier quotes --polnear-jsonl ../shared/eval/quotes/polnear/data/train/text > train.jsonl
  python3 scripts/attribution_errors.py train.jsonl --split train

dev: how often each frequent gold cue is found exactly, the share of gold cues outside the
most frequent, and for predictions whose cue is exactly a gold cue, how often the source and
the content are exact too (spans trimmed as score.py trims them).
train (or either split): how many predicted ':' cues (lines opened by a name and a colon)
are a cue some annotator marked there.
"""
import argparse
import collections
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("DOSSIER_SHARED", os.path.join(HERE, "..", "..", "shared"))
POLNEAR = os.path.join(SHARED, "eval", "quotes", "polnear")
sys.path.insert(0, os.path.join(SHARED, "eval", "quotes"))
import score  # noqa: E402  (shared/eval/quotes/score.py, for its span trimming)

TOP = 40


def spans(record, key):
    return [tuple(s) for s in record.get(key) or []]


def dev_report(pred_path):
    text_dir = os.path.join(POLNEAR, "data", "dev", "text")
    texts = {}
    gold = collections.defaultdict(list)
    for line in open(os.path.join(POLNEAR, "gold", "dev.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        gold[r["doc_id"]].append(r)
    preds = [json.loads(line) for line in open(pred_path, encoding="utf-8")]

    def text(doc):
        if doc not in texts:
            texts[doc] = open(os.path.join(text_dir, doc + ".txt"), encoding="utf-8").read()
        return texts[doc]

    predicted = collections.defaultdict(set)
    for p in preds:
        predicted[p["doc_id"]].add(tuple(spans(p, "cue_spans")))
    total, hit = collections.Counter(), collections.Counter()
    for doc, records in gold.items():
        for r in records:
            cue = tuple(spans(r, "cue_spans"))
            if not cue:
                continue
            word = " ".join(text(doc)[a:b] for a, b in cue).lower()
            total[word] += 1
            hit[word] += cue in predicted[doc]
    n = sum(total.values())
    top = total.most_common(TOP)
    print(f"gold cues {n}; the {TOP} most frequent cue words hold {sum(c for _, c in top) / n:.1%}")
    for word, count in top[:15]:
        print(f"  {word!r:28} {count:4}  found exactly {hit[word] / count:.0%}")

    kept = collections.Counter()
    for p in preds:
        match = [g for g in gold[p["doc_id"]] if spans(g, "cue_spans") == spans(p, "cue_spans")]
        if not match:
            continue
        g, t = match[0], text(p["doc_id"])
        kept["cue exact"] += 1
        gs, ps = score._trim(spans(g, "speaker_spans"), t), score._trim(spans(p, "speaker_spans"), t)
        if gs:
            kept["with a gold source"] += 1
            kept["source exact"] += gs == ps
        kept["content exact"] += score._trim(spans(g, "quote_spans"), t) == score._trim(
            spans(p, "quote_spans"), t
        )
    c = kept["cue exact"]
    print(f"predictions whose cue is exact: {c}; source exact {kept['source exact'] / max(1, kept['with a gold source']):.1%}"
          f" (of {kept['with a gold source']} with a gold source), content exact {kept['content exact'] / max(1, c):.1%}")


def colon_report(pred_path, split):
    marked = set()
    for path in glob.glob(os.path.join(POLNEAR, "data", split, "attributions", "*.ann")):
        doc = os.path.basename(path).rsplit("_", 1)[0]
        for line in open(path, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[1].startswith("Cue ") and cols[2].strip() == ":":
                marked.add((doc, int(cols[1].split()[1])))
    right = wrong = 0
    for line in open(pred_path, encoding="utf-8"):
        p = json.loads(line)
        if p.get("cue") == ":" and p.get("cue_spans"):
            if (p["doc_id"], p["cue_spans"][0][0]) in marked:
                right += 1
            else:
                wrong += 1
    print(f"{split}: predicted ':' cues {right} marked by an annotator, {wrong} not")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred", help="the JSONL of dossier quotes --polnear-jsonl")
    ap.add_argument("--split", default="dev", choices=["dev", "train", "test"])
    a = ap.parse_args()
    if a.split == "dev":
        dev_report(a.pred)
    colon_report(a.pred, a.split)


if __name__ == "__main__":
    main()
