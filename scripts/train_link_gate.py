#!/usr/bin/env python3
"""Trains the link gate (crates/align/src/gate.rs) on the hand-annotated stories.

  cargo build --release -p dossier-cli
  python3 scripts/train_link_gate.py            # 5-fold check by story, then writes the weights
  python3 scripts/train_link_gate.py --check    # the check only

Every example story (examples/<name> with examples/<name>-gold.json) and the seeds are
analysed with DOSSIER_LINK_PAIRS set, so the aligner writes what the gate reads of each pair of
statements it scores. A pair is labelled from the gold file, through the scorer's own matching
(shared/tools/score_report.py): one fact (1) when both statements cover the evidence of one
counted gold item given by two or more documents; different facts (0) when both cover gold
evidence and no item joins them; pairs outside the gold, or joined only by an optional item
(a figure that may or may not be compared), are left out. The model is
a logistic regression with an L2 penalty (Newton's method, pure Python), and its weights are
written to crates/align/data/link_gate.tsv.
"""
import argparse
import glob
import json
import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.environ.get("DOSSIER_SHARED", os.path.join(ROOT, "..", "shared"))
sys.path.insert(0, os.path.join(SHARED, "tools"))
import score_report as S  # noqa: E402

GATE_RS = os.path.join(ROOT, "crates", "align", "src", "gate.rs")
WEIGHTS = os.path.join(ROOT, "crates", "align", "data", "link_gate.tsv")
PENALTY = 1.0  # L2 on the weights (not the bias)
GATE = 0.5  # AlignConfig::link_gate, for the check


def input_names():
    text = open(GATE_RS, encoding="utf-8").read()
    block = text[text.index("INPUT_NAMES"):]
    block = block[block.index("[", block.index("=")) + 1: block.index("];")]
    return [w.strip().strip('"') for w in block.split(",") if w.strip()]


def stories():
    for gold in sorted(glob.glob(os.path.join(ROOT, "examples", "*-gold.json"))):
        name = os.path.basename(gold)[: -len("-gold.json")]
        folder = os.path.join(ROOT, "examples", name)
        if os.path.isdir(folder):
            yield name, folder, gold
    yield "seeds", os.path.join(SHARED, "corpus", "seeds"), os.path.join(SHARED, "corpus", "seeds-gold.json")


def labelled_pairs(binary, name, folder, gold_path, tmp):
    pairs_path = os.path.join(tmp, name + ".tsv")
    report_path = os.path.join(tmp, name + ".json")
    env = dict(os.environ, DOSSIER_LINK_PAIRS=pairs_path)
    subprocess.run([binary, "analyze", folder, "--format", "json", "--out", report_path],
                   env=env, check=True, stderr=subprocess.DEVNULL)
    gold = json.load(open(gold_path, encoding="utf-8"))
    report = json.load(open(report_path, encoding="utf-8"))
    docs = report["documents"]
    text = {c["id"]: (c["doc"], c["text"]) for c in report["claims"]}
    text.update({q["id"]: (q["doc"], q["text"]) for q in report["quotes"]})
    doc_len = {d["id"]: len(S.norm(d.get("text", ""))) for d in docs}
    items = []
    for item in gold["cross_source"]:
        need = []
        for key, where in item["evidence"]:
            d = S.find_doc(key, docs)
            alts = []
            for w in where if isinstance(where, list) else [where]:
                if isinstance(w, int):
                    lines = S.read_lines(folder, key)
                    alts.append(lines[w - 1] if lines and 0 < w <= len(lines) else "")
                else:
                    alts.append(w)
            if d:
                need.append((d["id"], [a for a in alts if a]))
        items.append((bool(item.get("optional")), need))
    covered = {}

    def covers(sid):
        if sid not in covered:
            doc, t = text[sid]
            covered[sid] = {
                g for g, (_, need) in enumerate(items)
                if any(nd == doc and any(S.overlaps(t, a, doc_len.get(nd)) for a in alts) for nd, alts in need)
            }
        return covered[sid]

    out = []
    if not os.path.exists(pairs_path):
        return out
    for line in open(pairs_path, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        a, b, x = fields[1], fields[2], [float(v) for v in fields[3:]]
        if a not in text or b not in text:
            continue
        ca, cb = covers(a), covers(b)
        if not ca or not cb:
            continue
        joined = [g for g in ca & cb if len({d for d, _ in items[g][1]}) >= 2]
        if any(not items[g][0] for g in joined):
            out.append((name, 1, x))
        elif not joined:
            out.append((name, 0, x))
    return out


def fit(rows, n):
    """L2-penalised logistic regression by Newton's method; returns (bias, weights)."""
    w = [0.0] * (n + 1)  # w[0] is the bias
    for _ in range(25):
        grad = [0.0] * (n + 1)
        hess = [[0.0] * (n + 1) for _ in range(n + 1)]
        for _, y, x in rows:
            v = [1.0] + x
            z = sum(wi * vi for wi, vi in zip(w, v))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            r = p * (1 - p)
            for i in range(n + 1):
                grad[i] += (p - y) * v[i]
                ri = r * v[i]
                row = hess[i]
                for j in range(i, n + 1):
                    row[j] += ri * v[j]
        for i in range(1, n + 1):
            grad[i] += w[i] / PENALTY
            hess[i][i] += 1.0 / PENALTY
        for i in range(n + 1):
            for j in range(i):
                hess[i][j] = hess[j][i]
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return w[0], w[1:]


def solve(a, b):
    """Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for k in range(c, n + 1):
                m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def probability(model, x):
    bias, weights = model
    z = bias + sum(w * v for w, v in zip(weights, x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def check(rows, n):
    names = sorted({r[0] for r in rows})
    tp = fp = fn = 0
    for k in range(5):
        held = set(names[k::5])
        model = fit([r for r in rows if r[0] not in held], n)
        for _, y, x in (r for r in rows if r[0] in held):
            link = probability(model, x) >= GATE
            tp += link and y == 1
            fp += link and y == 0
            fn += (not link) and y == 1
    positives = sum(r[1] for r in rows)
    print(f"5-fold by story, gate {GATE}: of {len(rows)} labelled pairs ({positives} one fact), "
          f"the gate keeps {tp} of one fact and {fp} of different facts "
          f"(recall {tp / max(1, tp + fn):.3f}, precision {tp / max(1, tp + fp):.3f})")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "dossier"))
    ap.add_argument("--check", action="store_true", help="the 5-fold check only; write nothing")
    args = ap.parse_args()
    names = input_names()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, folder, gold in stories():
            rows.extend(labelled_pairs(args.binary, name, folder, gold, tmp))
    if not rows:
        sys.exit("no labelled pairs: is the binary built?")
    check(rows, len(names))
    if args.check:
        return
    bias, weights = fit(rows, len(names))
    with open(WEIGHTS, "w", encoding="utf-8") as f:
        f.write("# The link gate's weights (crates/align/src/gate.rs), written by\n")
        f.write(f"# scripts/train_link_gate.py from {len(rows)} labelled pairs of "
                f"{len({r[0] for r in rows})} stories.\n")
        f.write(f"bias\t{bias:.4f}\n")
        for name, w in zip(names, weights):
            f.write(f"{name}\t{w:.4f}\n")
    print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
