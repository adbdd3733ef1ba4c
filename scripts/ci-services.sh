#!/bin/bash
# Services the store, server and browser tests need, for .ci/run and for a local run:
# Debian's postgresql (a throw-away cluster on loopback, via shared/tools/pg-start.sh),
# Debian's chromium, and the browser test's node modules (playwright-core, no browser
# download). Prints export lines:
#
#   eval "$(bash scripts/ci-services.sh)"
#
# Everything it installs goes to stderr; only the export lines go to stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${DOSSIER_SHARED:-$(dirname "$root")/shared}

{
  need=()
  command -v chromium >/dev/null || need+=(chromium)
  command -v node >/dev/null || need+=(nodejs)
  command -v npm >/dev/null || need+=(npm)
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
  fi
  (cd "$root/tests/browser" && npm ci --no-audit --no-fund)
} >&2

# pg-start.sh installs postgresql when missing and prints DATABASE_URL (and PGBIN, PGROOT).
bash "$shared/tools/pg-start.sh"
echo "export CHROMIUM=$(command -v chromium)"
