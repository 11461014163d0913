#!/usr/bin/env bash
# The README's second command: install what is missing, build, run every test, then a few
# seconds of each fuzz target (scripts/fuzz.sh --smoke: its own clang tree, build-fuzz/).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
(cd build && ctest -j2 --output-on-failure --timeout 600)
./scripts/fuzz.sh --smoke
