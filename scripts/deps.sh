#!/usr/bin/env bash
# Installs the Debian 12 packages saqme builds with, when any is missing.
set -euo pipefail
packages=(
  build-essential cmake pkg-config
  librocksdb-dev libcapnp-dev capnproto libspdlog-dev
  libboost1.81-dev libboost-json1.81-dev libssl-dev
  libgtest-dev libbenchmark-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "saqme: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
