#!/usr/bin/env python3
"""Derive word clusters for the NER model (crates/analyze/data/ner/clusters.txt) from unlabelled
news text that ships in ../shared/eval (never the CoNLL files):

  - PolNeAR raw article texts            eval/quotes/polnear/data/*/text/*.txt
  - ScrapingHub benchmark article bodies  eval/extraction/scrapinghub-article-extraction-benchmark/ground-truth.json
  - WCXB dev main contents (English only) eval/extraction/wcxb/dev/ground-truth/*.json
  - ECB+ corpus tokens                    eval/clustering/ecbplus/data/interim/cybulska_setup/ECB_*_corpus.txt

Method: each word seen at least MIN_COUNT times (case kept) gets a vector of positive PMI with
its left and right neighbours among the most frequent words, reduced to DIMS dimensions with a
seeded randomized SVD; k-means (seeded, k-means++ start) then groups the unit vectors at three
granularities. Only the cluster ids are committed.

    /tmp/nerdata-venv/bin/pip install numpy==2.*
    /tmp/nerdata-venv/bin/python scripts/derive_ner_clusters.py [SHARED_DIR]
"""
import glob
import json
import os
import re
import sys
from collections import Counter

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(ROOT), "shared")
OUT = os.path.join(ROOT, "crates", "analyze", "data", "ner", "clusters.txt")
MIN_COUNT = 3
CONTEXTS = 1500
DIMS = 100
KS = (64, 256, 1024)
SEED = 17

TOKEN = re.compile(r"n't|'s|'re|'ve|'ll|'d|\w+(?:[-.'&]\w+)*\.?(?<=[A-Z]\.)|\w+(?:[-.'&]\w+)*|[^\w\s]")
ENGLISH = {"the", "and", "of", "to", "in", "is", "that", "for", "with", "on"}


def tokens(text):
    for line in text.splitlines():
        line = line.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
        words = TOKEN.findall(line)
        if words:
            yield words


def is_english(text):
    words = re.findall(r"[a-z]+", text.lower())
    return len(words) > 50 and sum(w in ENGLISH for w in words) / len(words) > 0.12


def sentences():
    evaldir = os.path.join(SHARED, "eval")
    for path in sorted(glob.glob(os.path.join(evaldir, "quotes/polnear/data/*/text/*.txt"))):
        with open(path, encoding="utf-8") as fh:
            yield from tokens(fh.read())
    path = os.path.join(evaldir, "extraction/scrapinghub-article-extraction-benchmark/ground-truth.json")
    with open(path, encoding="utf-8") as fh:
        for _, page in sorted(json.load(fh).items()):
            if is_english(page.get("articleBody", "")):
                yield from tokens(page["articleBody"])
    for path in sorted(glob.glob(os.path.join(evaldir, "extraction/wcxb/dev/ground-truth/*.json"))):
        with open(path, encoding="utf-8") as fh:
            text = json.load(fh).get("ground_truth", {}).get("main_content") or ""
        if is_english(text):
            yield from tokens(text)
    for path in sorted(glob.glob(os.path.join(evaldir, "clustering/ecbplus/data/interim/cybulska_setup/ECB_*_corpus.txt"))):
        sentence, key = [], None
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 4:
                    continue
                if (parts[0], parts[1]) != key and sentence:
                    yield sentence
                    sentence = []
                key = (parts[0], parts[1])
                sentence.append(parts[3])
        if sentence:
            yield sentence


def kmeans(x, k, rng, iters=25):
    n = x.shape[0]
    centers = np.empty((k, x.shape[1]), dtype=x.dtype)
    centers[0] = x[rng.integers(n)]
    dist = np.full(n, np.inf, dtype=np.float64)
    for i in range(1, k):
        dist = np.minimum(dist, ((x - centers[i - 1]) ** 2).sum(1))
        centers[i] = x[rng.choice(n, p=dist / dist.sum())]
    for _ in range(iters):
        assign = np.argmax(x @ centers.T, axis=1)
        for c in range(k):
            members = x[assign == c]
            if len(members):
                v = members.mean(0)
                centers[c] = v / (np.linalg.norm(v) + 1e-9)
    return np.argmax(x @ centers.T, axis=1)


def main():
    sents = list(sentences())
    counts = Counter(w for s in sents for w in s)
    print(f"{len(sents)} sentences, {sum(counts.values())} tokens, {len(counts)} types", file=sys.stderr)
    vocab = sorted((w for w, c in counts.items() if c >= MIN_COUNT), key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    lower_counts = Counter()
    for w, c in counts.items():
        lower_counts[w.lower()] += c
    contexts = sorted(lower_counts, key=lambda w: (-lower_counts[w], w))[:CONTEXTS]
    cindex = {w: i for i, w in enumerate(contexts)}
    m = np.zeros((len(vocab), 2 * CONTEXTS), dtype=np.float32)
    for s in sents:
        low = [w.lower() for w in s]
        for i, w in enumerate(s):
            row = index.get(w)
            if row is None:
                continue
            if i > 0 and low[i - 1] in cindex:
                m[row, cindex[low[i - 1]]] += 1
            if i + 1 < len(s) and low[i + 1] in cindex:
                m[row, CONTEXTS + cindex[low[i + 1]]] += 1
    total = m.sum()
    pw = m.sum(1, keepdims=True) / total
    pc = (m.sum(0, keepdims=True) / total) ** 0.75
    pc /= pc.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((m / total) / (pw * pc))
    m = np.nan_to_num(np.maximum(pmi, 0), nan=0.0, posinf=0.0, neginf=0.0).astype(np.float32)
    rng = np.random.default_rng(SEED)
    omega = rng.standard_normal((m.shape[1], DIMS + 20)).astype(np.float32)
    q, _ = np.linalg.qr(m @ omega)
    q, _ = np.linalg.qr(m @ (m.T @ q))
    b = q.T @ m
    ub, s, _ = np.linalg.svd(b, full_matrices=False)
    x = (q @ ub[:, :DIMS]) * np.sqrt(s[:DIMS])
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    ids = [kmeans(x, k, np.random.default_rng(SEED + k)) for k in KS]
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(f"# Derived by scripts/derive_ner_clusters.py: word<TAB>cluster ids at k={','.join(map(str, KS))}\n")
        for i, w in enumerate(vocab):
            fh.write(w + "\t" + " ".join(str(int(a[i])) for a in ids) + "\n")
    print(f"wrote {len(vocab)} words to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
