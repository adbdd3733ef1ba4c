#!/bin/bash
# A bounded load test of `dossier serve` on loopback: the story page, the story's JSON and
# search, each for a fixed time with wrk (Debian's `wrk`); prints requests/s, p50, p99 and the
# server's peak memory. Embedded store by default; --db URL for PostgreSQL.
#
#   scripts/load-test.sh [--bin target/release/dossier] [--db postgres://…] [--articles 1000]
#                        [--seconds 10] [--connections 16]
#
# Traffic goes to 127.0.0.1 only; every run stops by itself.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/target/release/dossier
db=
articles=1000
seconds=10
connections=16
while [ $# -gt 0 ]; do
  case $1 in
    --bin) bin=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --articles) articles=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -x "$bin" ] || { echo "no dossier binary at $bin" >&2; exit 2; }

work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if [ -n "$db" ]; then store=(--db "$db"); label=postgres; else store=(--data "$work/data"); label=embedded; fi
python3 "$root/scripts/gen-articles.py" "$articles" > "$work/articles.jsonl"
start=$(date +%s.%N)
"$bin" ingest --quiet "${store[@]}" "$root/examples/story.jsonl" "$work/articles.jsonl"
seeded=$(echo "$(date +%s.%N) - $start" | bc)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve "${store[@]}" --addr "127.0.0.1:$port" 2>/dev/null &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
base=http://127.0.0.1:$port
story=$(curl -sf "$base/api/stories" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
documents=$(curl -sf "$base/api/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')
echo "$label store: $documents documents (ingested in ${seeded}s), ${seconds}s per endpoint, $connections connections"
printf '%-34s %10s %10s %10s\n' endpoint 'req/s' p50 p99
for path in "/stories/$story" "/api/stories/$story" "/api/search?q=sprinkler+fire" "/search?q=evacuated"; do
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$base$path")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
  printf '%-34s %10s %10s %10s %s\n' "${path:0:34}" "$rps" "$p50" "$p99" "$errors"
done
echo "server peak memory: $(awk '/VmHWM/ {printf "%.1f MiB", $2/1024}' "/proc/$server/status")"
