#!/usr/bin/env bash
# Installs a pinned n8n runtime (e2e/runtime = 2.x, e2e/runtime-1x = 1.x) into the cache, outside the
# package's node_modules, and prints the install folder (containing node_modules/.bin/n8n) on stdout.
#   bash e2e/ensure-runtime.sh [runtime|runtime-1x]
# Skips the install when the stamp file (keyed by the hash of package.json + package-lock.json + the
# Node version) matches. Needs Node 24 first on PATH (see scripts/ensure-node24.sh).
# Env: N8N_RUNTIME_CACHE overrides the parent folder (default <repo>/.cache).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NAME="${1:-runtime}"
SRC="$ROOT/e2e/$NAME"
[[ -f "$SRC/package.json" && -f "$SRC/package-lock.json" ]] || { echo "ensure-runtime: no $SRC/package{,-lock}.json" >&2; exit 1; }

VERSION="$(node -p "require('$SRC/package.json').dependencies.n8n")"
DEST="${N8N_RUNTIME_CACHE:-$ROOT/.cache}/n8n-$VERSION"
NODE_VERSION="$(node -v)"
HASH="$(cat "$SRC/package.json" "$SRC/package-lock.json" <(echo "$NODE_VERSION") | sha256sum | cut -c1-16)"
STAMP="$DEST/.installed-$HASH"

if [[ -f "$STAMP" && -x "$DEST/node_modules/.bin/n8n" ]]; then
  echo "$DEST"
  exit 0
fi

mkdir -p "$DEST"
exec 9>"$DEST.lock"
flock 9
if [[ -f "$STAMP" && -x "$DEST/node_modules/.bin/n8n" ]]; then echo "$DEST"; exit 0; fi

case "$NODE_VERSION" in v24.*|v22.*) ;; *) echo "ensure-runtime: needs Node 24 on PATH (got $NODE_VERSION)" >&2; exit 1 ;; esac
# node-gyp must build native modules against the headers of the Node that will run them.
NODE_HOME="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
if [[ -d "$NODE_HOME/include/node" ]]; then export npm_config_nodedir="$NODE_HOME"; fi

echo "ensure-runtime: installing n8n $VERSION into $DEST (Node $NODE_VERSION)" >&2
rm -f "$DEST"/.installed-*
cp "$SRC/package.json" "$SRC/package-lock.json" "$DEST/"
t0=$(date +%s)
( cd "$DEST" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2 )
t1=$(date +%s)
# Scripts on explicitly: under `npm run …` this repository's .npmrc (ignore-scripts=true) reaches us
# as npm_config_ignore_scripts, and a rebuild without scripts "succeeds" having built nothing.
( cd "$DEST" && npm_config_ignore_scripts=false npm rebuild isolated-vm sqlite3 --ignore-scripts=false --loglevel=error >&2 )
t2=$(date +%s)
# Smoke check: the native modules load and the CLI reports its version.
( cd "$DEST" && node -e "require('sqlite3'); require('isolated-vm')" ) >&2
echo "ensure-runtime: n8n $VERSION ready: npm ci $((t1 - t0))s, rebuild $((t2 - t1))s" >&2
touch "$STAMP"
echo "$DEST"
