#!/usr/bin/env python3
"""Derive crates/analyze/data/ner/brown.txt: Brown clusters and log probabilities of English
words, from the lexeme tables of the PyPI package spacy-lookups-data (MIT; the tables spaCy 2
shipped with its English models, computed on a large English web corpus). No CoNLL text is read.

    /tmp/nerdata-venv/bin/pip install spacy-lookups-data==1.0.5
    /tmp/nerdata-venv/bin/python scripts/derive_ner_brown.py

Output: `word<TAB>cluster<TAB>log probability` lines, cluster being the Brown path as spaCy
stores it (bit i of the integer is step i of the path, so a prefix of the path is
`cluster & ((1 << n) - 1)`), log probability rounded to one decimal. Kept: words with a
cluster, and words more frequent than e^-17.
"""
import gzip
import json
import os

import spacy_lookups_data

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "analyze", "data", "ner", "brown.txt")
DATA = os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data")


def load(name):
    with gzip.open(os.path.join(DATA, name), "rt", encoding="utf-8") as fh:
        return json.load(fh)


def main():
    clusters = load("en_lexeme_cluster.json.gz")
    probs = load("en_lexeme_prob.json.gz")
    words = [w for w in probs if (clusters.get(w) or probs[w] >= -17.0) and w.strip() == w and w
             and "\t" not in w and "\n" not in w]
    words.sort(key=lambda w: (-probs[w], w))
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# Derived by scripts/derive_ner_brown.py from spacy-lookups-data 1.0.5: word, Brown cluster, log probability\n")
        for w in words:
            fh.write(f"{w}\t{clusters.get(w) or 0}\t{probs[w]:.1f}\n")
    print(f"wrote {len(words)} words to {OUT}")


if __name__ == "__main__":
    main()
