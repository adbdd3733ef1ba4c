#!/usr/bin/env bash
# Dossier's extractor beside trafilatura on the ScrapingHub pages, in one run: body F1 (the
# benchmark's own metric), pages per CPU-second on one core over pages already in memory, the
# peak memory of each process, and the ratios.
#
#   scripts/bench_extract_vs_trafilatura.sh [ROUNDS]   (passes of Dossier over the pages; default 5)
#
# Needs the anchors venv with trafilatura (../shared/anchors/setup.sh installs it, once) and a
# release build (built here if missing). Both runs are pinned to one core when taskset exists.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${DOSSIER_SHARED:-$root/../shared}
venv=${ANCHORS_VENV:-$shared/.anchors-venv}  # setup.sh's default
rounds=${1:-5}
dossier=${DOSSIER:-$root/target/release/dossier}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$venv/bin/python" -c 'import trafilatura' 2>/dev/null || bash "$shared/anchors/setup.sh" "$venv" >&2
[ -x "$dossier" ] || (cd "$root" && cargo build --release -p dossier-cli >&2)
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)

echo "== trafilatura $("$venv/bin/python" -c 'import trafilatura; print(trafilatura.__version__)') (score.py --extractor trafilatura)"
/usr/bin/time -f '%M' -o "$out/trafilatura.rss" "${pin[@]}" "$venv/bin/python" \
  "$shared/eval/extraction/score.py" --bench scrapinghub --extractor trafilatura \
  --n-bootstrap 2 --json "$out/trafilatura.json" | tee "$out/trafilatura.log"

echo "== Dossier (dossier eval extraction, $rounds rounds)"
/usr/bin/time -f '%M' -o "$out/dossier.rss" "${pin[@]}" "$dossier" eval extraction \
  --shared "$shared" --bench scrapinghub --rounds "$rounds" --json "$out/dossier.json" \
  | tee "$out/dossier.log"

python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
t = json.load(open(f"{out}/trafilatura.json"))
d = json.load(open(f"{out}/dossier.json"))["scrapinghub"]
t_rate = t["timing"]["pages_per_cpu_s"]
d_rate = d["pages_per_cpu_s"]
t_rss = int(open(f"{out}/trafilatura.rss").read().split()[-1]) / 1024
d_rss = int(open(f"{out}/dossier.rss").read().split()[-1]) / 1024
print("== Dossier / trafilatura on ScrapingHub (181 pages)")
print(f"  body F1:               {d['f1']:8.3f} / {t['metrics']['f1']:8.3f}")
print(f"  pages per CPU-second:  {d_rate:8.0f} / {t_rate:8.0f} = {d_rate / t_rate:5.1f}x")
print(f"  peak memory (MiB):     {d_rss:8.1f} / {t_rss:8.1f} = {d_rss / t_rss:5.2f}x"
      "  (each process, the gunzipped pages included)")
PY
