#!/usr/bin/env bash
# `npm run demo`: installs what is missing, prepares the SQLite database, builds the dashboard, starts the
# Stripe sandbox and the dashboard, seeds demo data and prints where to sign in. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh

export DATABASE_URL="${DATABASE_URL:-file:./data/paydesk.db}"
export PORT="${PORT:-3000}"
SANDBOX_PORT="${STRIPE_SANDBOX_PORT:-12111}"
export STRIPE_API_BASE="${STRIPE_API_BASE:-http://127.0.0.1:${SANDBOX_PORT}}"
export BETTER_AUTH_URL="${BETTER_AUTH_URL:-http://localhost:${PORT}}"
mkdir -p data

pids=()
stop() { trap - INT TERM EXIT; for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop INT TERM EXIT

npm run --silent db:migrate
echo "Building the dashboard (next build)…"
node_modules/.bin/next build >data/demo-build.log 2>&1 || { cat data/demo-build.log; exit 1; }

STRIPE_SANDBOX_PORT="$SANDBOX_PORT" node_modules/.bin/tsx sandbox/main.ts &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:${SANDBOX_PORT}/_sandbox/health" >/dev/null 2>&1 && break
  sleep 0.2
done

npm run --silent seed
node_modules/.bin/next start -p "$PORT" &
pids+=($!)
echo
echo "Paydesk is running at http://localhost:${PORT} (Stripe sandbox at ${STRIPE_API_BASE}). Ctrl-C stops both."
wait -n "${pids[@]}"
