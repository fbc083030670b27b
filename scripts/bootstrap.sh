#!/usr/bin/env bash
# Installs npm dependencies when they are missing or older than package-lock.json; sourced by demo.sh and test.sh.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ ! -d generated/prisma-sqlite ]; then
  echo "Installing dependencies (npm install; the first time compiles better-sqlite3, ~3 minutes)…" >&2
  # `npm ci` cannot be used here: the lockfile names @next/swc builds for other systems that the registry refuses.
  npm install --no-audit --no-fund --loglevel=error >&2
fi
