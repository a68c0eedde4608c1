#!/usr/bin/env bash
# Installs a pinned n8n runtime (e2e/runtime = 2.x, e2e/runtime-1x = 1.x) into the cache, outside the
# package's node_modules, and prints the install folder (containing node_modules/.bin/n8n) on stdout.
#   bash e2e/ensure-runtime.sh [runtime|runtime-1x]
# Skips the install when the stamp file (keyed by the hash of package.json + package-lock.json + the
# Node version) matches. Needs Node 24 first on PATH (see scripts/ensure-node24.sh).
# Env: N8N_RUNTIME_CACHE overrides the parent folder (default <repo>/.cache); N8N_NATIVE_CACHE the
# folder of compiled native modules (default ~/.cache/n8n-nodes-sage-intacct/native).
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
# shellcheck source=lib/env.sh
source "$ROOT/e2e/lib/env.sh"
t0=$(date +%s)
( cd "$DEST" && PROGRESS_DIR="$DEST/node_modules" with_progress "npm ci (n8n and its dependencies)" \
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2 )
t1=$(date +%s)

# Native modules: compiled from source here (their prebuilt downloads are not on the npm registry),
# which is most of a cold install's CPU time (sqlite3: minutes). Each build is kept, keyed by module
# version, Node ABI and platform, in the user's cache (like npm's own ~/.npm), so the 1.x and 2.x
# runtimes, a re-install after a lock change, the demo after `rm -rf .cache` and other checkouts on
# the machine (CI's fresh clone) reuse it; the builds that are missing run side by side.
# Env: N8N_NATIVE_CACHE overrides the folder.
NATIVE="${N8N_NATIVE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-sage-intacct/native}"
mkdir -p "$NATIVE"
ABI="abi$(node -p process.versions.modules)-$(uname -s)-$(uname -m)"
# native_module <module>: restores the module's compiled binary from the cache or compiles it (once:
# a lock per key lets a parallel install of the other runtime wait and reuse the same build).
native_module() {
  local mod="$1" dir="$DEST/node_modules/$1" key
  key="$mod-$(node -p "require('$dir/package.json').version")-$ABI"
  exec 8> "$NATIVE/$key.lock"
  flock 8
  if [[ -s "$NATIVE/$key.tar" ]]; then
    tar -xf "$NATIVE/$key.tar" -C "$dir"
    echo "ensure-runtime: $mod: compiled binary reused from $NATIVE/$key.tar" >&2
    return 0
  fi
  # Scripts on explicitly: under `npm run …` this repository's .npmrc (ignore-scripts=true) reaches us
  # as npm_config_ignore_scripts, and a rebuild without scripts "succeeds" having built nothing.
  ( cd "$DEST" && npm_config_ignore_scripts=false with_progress "compiling $mod (once; kept in $NATIVE)" \
      npm rebuild "$mod" --ignore-scripts=false --loglevel=error >&2 ) || return 1
  ( cd "$dir" && find . -path ./node_modules -prune -o -name '*.node' -type f -print | tar -cf "$NATIVE/$key.tar.$$" -T - ) || return 1
  mv "$NATIVE/$key.tar.$$" "$NATIVE/$key.tar"
}
BUILD_PIDS=()
BUILD_MODS=()
for mod in isolated-vm sqlite3; do
  native_module "$mod" &
  BUILD_PIDS+=("$!")
  BUILD_MODS+=("$mod")
done
for i in "${!BUILD_PIDS[@]}"; do
  wait "${BUILD_PIDS[$i]}" || { echo "ensure-runtime: compiling ${BUILD_MODS[$i]} failed" >&2; exit 1; }
done
t2=$(date +%s)
# Smoke check: the native modules load and the CLI reports its version.
( cd "$DEST" && node -e "require('sqlite3'); require('isolated-vm')" ) >&2
echo "ensure-runtime: n8n $VERSION ready: npm ci $((t1 - t0))s, native modules $((t2 - t1))s" >&2
touch "$STAMP"
echo "$DEST"
