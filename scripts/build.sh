#!/usr/bin/env bash
# Configures (Release) and builds everything into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
"$(dirname "$0")/deps.sh"
"$(dirname "$0")/console_deps.sh"  # the console's npm packages (npm ci)
mkdir -p build
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release > build/configure.log 2>&1 || { cat build/configure.log; exit 1; }
cmake --build build -j2
