#!/usr/bin/env bash
# `npm test`: installs what the tests need, then runs every suite (see scripts/test.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
bash scripts/ensure-chromium.sh
exec node_modules/.bin/tsx scripts/test.ts "$@"
