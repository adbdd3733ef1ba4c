#!/usr/bin/env python3
"""Lists what a Dossier report gets wrong against a hand-annotated story gold file, item by item,
using the shared scorer's own matching (`../shared/tools/score_report.py`).

Usage: python3 scripts/story_errors.py GOLD.json REPORT.json [--shared DIR]

Prints: gold people not found or with roles missing, person entities the gold does not list,
gold quotes missed or given another speaker, reported quotes outside any quoted span, and gold
cross-source items unmatched or with another verdict (with the verdict given) or another count
of independent sources (with the documents of the alignment)."""

import argparse
import importlib.util
import json
import os


def load_scorer(shared):
    path = os.path.join(shared, "tools", "score_report.py")
    spec = importlib.util.spec_from_file_location("score_report", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("report")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--shared", default=os.environ.get("DOSSIER_SHARED", os.path.join(here, "..", "..", "shared")))
    args = ap.parse_args()
    sr = load_scorer(args.shared)
    gold = json.load(open(args.gold, encoding="utf-8"))
    report = json.load(open(args.report, encoding="utf-8"))
    stem = os.path.abspath(args.gold)
    corpus = stem[: -len("-gold.json")] if stem.endswith("-gold.json") else os.path.dirname(stem)
    docs = report.get("documents", [])

    people = gold.get("people", [])
    persons = [e for e in report.get("entities", []) if e.get("kind") in ("person", "PERSON", "per", "PER")]
    for p in people:
        hit = next((e for e in persons if sr.person_matches(e, p)), None)
        if not hit:
            print(f"PERSON missing  {p['name']}")
            continue
        for r in p.get("roles", []):
            if not sr.role_found(hit, r):
                print(f"ROLE missing    {p['name']}: {r!r}  (has {hit.get('roles')})")
    for e in persons:
        if not any(sr.person_matches(e, p) for p in people):
            print(f"PERSON extra    {e.get('name')}  {e.get('roles')}")

    quotes = report.get("quotes", [])
    for g in gold.get("quotes", []):
        d = sr.find_doc(g["doc"], docs)
        did = d.get("id") if d else None
        start = sr.strip_quotes(g["starts"])
        cands = [q for q in quotes if did is not None and q.get("doc") == did and q.get("kind") in ("direct", "partial")
                 and sr.strip_quotes(q.get("text", "")).startswith(start[:40])]
        if not cands:
            print(f"QUOTE missed    {g['doc']}:{g['line']} {g['starts'][:50]!r} ({g['speaker']})")
            continue
        for q in cands:
            if not sr.speaker_matches(q.get("speaker"), g["speaker"], people, g.get("speaker_aliases", [])):
                print(f"SPEAKER wrong   {g['doc']}:{g['line']} {g['starts'][:40]!r} gold {g['speaker']!r} got "
                      f"{(q.get('speaker') or {}).get('name')!r} cue {q.get('cue')!r}")
    texts = {d.get("id"): d.get("text", "") for d in docs}
    paths = {d.get("id"): os.path.basename(d.get("path") or d.get("url") or "") for d in docs}
    import re
    spans = {did: [m.group(1) for m in re.finditer(r'"([^"]+)"', sr.norm(t))] for did, t in texts.items()}
    for q in quotes:
        if q.get("kind") not in ("direct", "partial"):
            continue
        if not any(sr.strip_quotes(q.get("text", ""))[:40] in sp for sp in spans.get(q.get("doc"), [])):
            print(f"QUOTE spurious  {paths.get(q.get('doc'))} {q.get('text', '')[:70]!r} ({(q.get('speaker') or {}).get('name')})")

    claims = {c.get("id"): c for c in report.get("claims", [])}
    qmap = {q.get("id"): q for q in quotes}
    alignments = [a for s in report.get("stories", []) for a in s.get("alignments", [])]
    doc_len = {d.get("id"): len(sr.norm(d.get("text", ""))) for d in docs}

    def evidence_of(a):
        ev = [(claims[c].get("doc"), claims[c].get("text", "")) for c in a.get("claims", []) if c in claims]
        ev += [(qmap[q].get("doc"), qmap[q].get("text", "")) for q in a.get("quotes", []) if q in qmap]
        return ev

    for item in gold.get("cross_source", []):
        need = []
        for key, where in item.get("evidence", []):
            d = sr.find_doc(key, docs)
            alts = []
            for w in (where if isinstance(where, list) else [where]):
                if isinstance(w, int):
                    lines = sr.read_lines(corpus, key)
                    alts.append(lines[w - 1] if lines and 0 < w <= len(lines) else "")
                else:
                    alts.append(w)
            need.append((d.get("id") if d else None, alts))
        best, best_key = None, None
        partial = {}
        for idx, a in enumerate(alignments):
            ev = evidence_of(a)
            covered = 0
            total = 0.0
            for nd, alts in need:
                here = max((sr.specificity(t, nt) for doc, t in ev for nt in alts
                            if doc == nd and sr.overlaps(t, nt, doc_len.get(nd))), default=None)
                if here is not None:
                    covered += 1
                    total += here
            if covered == len(need):
                key = (-total, len(ev))
                if best is None or key < best_key:
                    best, best_key = idx, key
            elif covered:
                partial[idx] = covered
        accept = item.get("accept", [item["verdict"]])
        tag = " (optional)" if item.get("optional") else ""
        if best is None:
            near = sorted(partial.items(), key=lambda kv: -kv[1])[:2]
            near_s = "; ".join(f"{alignments[i].get('verdict')} covering {c}/{len(need)} "
                               f"[{', '.join(paths.get(d, '?')[:2] for d, _ in evidence_of(alignments[i]))}]"
                               for i, c in near)
            print(f"CROSS unmatched {item['id']}{tag}: want {accept}; nearest: {near_s or 'none'}")
        else:
            a = alignments[best]
            if a.get("verdict") not in accept:
                print(f"CROSS verdict   {item['id']}{tag}: want {accept} got {a.get('verdict')} "
                      f"({a.get('difference')}): {a.get('explanation')}")
            want = item.get("independent_sources")
            if want is not None and not item.get("optional") and a.get("independent_sources") != want:
                docs_in = sorted({paths.get(d, '?')[:2] for d, _ in evidence_of(a)})
                print(f"SOURCES count   {item['id']}: want {want} got {a.get('independent_sources')} "
                      f"({a.get('verdict')}; documents {', '.join(docs_in)})")
    for a in alignments:
        if a.get("verdict") == "conflict":
            print(f"CONFLICT        {a.get('difference')}: " + " | ".join(
                f"{paths.get(d, '?')[:2]}: {t[:60]}" for d, t in evidence_of(a)))


if __name__ == "__main__":
    main()
