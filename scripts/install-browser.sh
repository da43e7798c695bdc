#!/usr/bin/env bash
# Installs Debian's Chromium (driven by playwright-core in test/e2e/, which downloads no browser of its own)
# and one small CJK font so Chinese names render in screenshots instead of empty boxes.
# Idempotent: installs only what is missing.
set -euo pipefail

have_chromium() { [ -x /usr/bin/chromium ]; }
have_cjk_font() { command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; }

packages=()
have_chromium || packages+=(chromium)
have_cjk_font || packages+=(fonts-wqy-microhei)

if [ ${#packages[@]} -eq 0 ]; then
  echo "chromium and a CJK font already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "installing: ${packages[*]}"
$SUDO apt-get update -q
$SUDO apt-get install -y -q "${packages[@]}"
/usr/bin/chromium --version
