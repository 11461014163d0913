#!/usr/bin/env bash
# Installs the Debian 12 packages saqme builds with, when any is missing.
set -euo pipefail
packages=(
  build-essential cmake pkg-config
  clang ccache
  librocksdb-dev libcapnp-dev capnproto libspdlog-dev
  libboost1.81-dev libboost-json1.81-dev libssl-dev
  libgtest-dev libbenchmark-dev libsodium-dev
  chromium
  dpkg-dev curl openssl systemd man-db  # the package test (tests/package_test.sh)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The console is built with Node.js and npm; Debian's packages unless a Node.js is already there
# (a NodeSource nodejs ships its own npm and conflicts with Debian's npm package).
command -v node > /dev/null || missing+=(nodejs)
command -v npm > /dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "saqme: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
