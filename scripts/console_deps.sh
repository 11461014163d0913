#!/usr/bin/env bash
# Installs the console's npm packages (console/package-lock.json, exact versions) with `npm ci`
# when console/node_modules is missing or older than the lock file; otherwise does nothing.
# Called by scripts/build.sh and by the CMake step that bundles the console.
set -euo pipefail
console="$(cd "$(dirname "$0")/../console" && pwd)"
stamp="$console/node_modules/.package-lock.json"  # written by npm ci
if [ ! -f "$stamp" ] || [ "$console/package-lock.json" -nt "$stamp" ]; then
  echo "saqme: npm ci in console/"
  (cd "$console" && npm ci --no-audit --no-fund)
fi
