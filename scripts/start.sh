#!/usr/bin/env bash
# The README's first command: install what is missing, build in Release, start the main job on
# the default data directory (./saqme-data, or $SAQME_DATA).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
exec ./build/cli/saqme serve "$@"
