#!/usr/bin/env python3
"""The quotes of `dossier analyze` (the rule-based finder the reports use) in the JSONL of
shared/eval/quotes/score.py, so they can be scored on PolNeAR beside `dossier quotes`.

  target/release/dossier analyze ../shared/eval/quotes/polnear/data/dev/text --format json > r.json
  python3 scripts/analyze_quotes_polnear.py r.json > pred.jsonl
  python3 ../shared/eval/quotes/score.py score --gold ../shared/eval/quotes/polnear/gold/dev.jsonl \
      --pred pred.jsonl --text-dir ../shared/eval/quotes/polnear/data/dev/text --gold-form direct

Report offsets are bytes into each document's clean text; PolNeAR's are code points into the
.txt file, so each quote is found in the file and its speaker span shifted alike.
"""
import json
import os
import sys


def chars(text_bytes, offset):
    return len(text_bytes[:offset].decode("utf-8", errors="ignore"))


report = json.load(open(sys.argv[1], encoding="utf-8"))
documents = {d["id"]: d for d in report["documents"]}
for quote in report["quotes"]:
    document = documents[quote["doc"]]
    path = document["path"]
    raw = open(path, encoding="utf-8").read()
    clean = document["text"].encode()
    start, end = chars(clean, quote["start"]), chars(clean, quote["end"])
    text = document["text"][start:end]
    at = raw.find(text)
    if at < 0:
        continue
    shift = at - start
    record = {
        "doc_id": os.path.splitext(os.path.basename(path))[0],
        "quote_spans": [[at, at + len(text)]],
        "speaker": (quote.get("speaker") or {}).get("name", ""),
        "cue": quote.get("cue") or "",
    }
    span = quote.get("speaker_span")
    if span:
        record["speaker_spans"] = [[chars(clean, span["start"]) + shift, chars(clean, span["end"]) + shift]]
    print(json.dumps(record))
