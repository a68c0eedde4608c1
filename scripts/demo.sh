#!/usr/bin/env bash
# `npm run demo`: a real n8n (port 5678) with this package installed, talking to the local Intacct
# sandbox, with the example workflows imported and the GL Entry webhook workflow published.
# Installs what it needs on a fresh clone (npm ci, Node 24, the pinned n8n runtime). State lives in
# .cache/demo (survives restarts; rm -rf .cache/demo to start over). Ctrl-C stops everything.
# Env: DEMO_PORT (default 5678), DEMO_SANDBOX_PORT (default 8787), DEMO_REIMPORT=1 (re-import the
# example workflows over your edits).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=e2e/lib/env.sh
source "$ROOT/e2e/lib/env.sh"

DEMO="$ROOT/.cache/demo"
PORT="${DEMO_PORT:-5678}"
SANDBOX_PORT="${DEMO_SANDBOX_PORT:-8787}"
N8N_URL="http://127.0.0.1:$PORT"
mkdir -p "$DEMO/logs"
PIDS=()

say() { printf '[demo] %s\n' "$*"; }
cleanup() {
  local rc=$?
  set +e
  trap - INT TERM EXIT
  if [[ ${#PIDS[@]} -gt 0 ]]; then say "stopping n8n and the sandbox..."; fi
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_group "${PIDS[$i]}" 20; done
  if [[ $rc -eq 130 || $rc -eq 143 ]]; then
    # Ctrl-C (INT) or a plain `kill` (TERM): the normal way to stop the demo, not a failure.
    say "stopped"
    exit 0
  fi
  [[ $rc -ne 0 ]] && say "failed (exit $rc); logs in $DEMO/logs"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_busy() { (echo > "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
for p in "$PORT" "$SANDBOX_PORT"; do
  if port_busy "$p"; then say "port $p is in use (another n8n or sandbox?); stop it or set DEMO_PORT / DEMO_SANDBOX_PORT"; exit 1; fi
done

# The package (npm ci on a fresh clone, build, pack) is made in the background while Node 24 and the
# n8n runtime install: the two share nothing until the package is unpacked into n8n's folder.
say "building the package in the background (log: $DEMO/logs/build.log)"
rm -rf "$DEMO/pack"; mkdir -p "$DEMO/pack"
(
  set -e
  if [[ ! -d node_modules ]]; then echo "npm ci (the project's dev dependencies)"; npm ci --no-audit --no-fund; fi
  npm run build --silent
  npm pack --silent --pack-destination "$DEMO/pack" > "$DEMO/pack/name.txt"
) > "$DEMO/logs/build.log" 2>&1 < /dev/null &
BUILD_PID=$!
NODE24_BIN="$(bash scripts/ensure-node24.sh)"
export PATH="$NODE24_BIN:$PATH"
say "Node $(node -v)"
say "n8n runtime (first time: 2.8 GB into .cache; about 3 min on a quiet 2-core machine, up to 40 min on a busy one, see README; progress below)"
RUNTIME="$(bash e2e/ensure-runtime.sh runtime)"
N8N="$RUNTIME/node_modules/.bin/n8n"

say "installing the package into the demo n8n"
wait "$BUILD_PID" || { say "building the package failed:"; tail -n 30 "$DEMO/logs/build.log"; exit 1; }
TARBALL="$DEMO/pack/$(tail -n 1 "$DEMO/pack/name.txt")"
install_package "$TARBALL" "$DEMO/n8n"

say "starting the Intacct sandbox on port $SANDBOX_PORT"
rm -f "$DEMO/sandbox.json"
# Credential, workflows (with this demo's access key) and the Platform Services subscription that
# points the sandbox's GL Entry trigger at n8n's production webhook URL.
node scripts/run-ts.js scripts/demo/demo.ts prepare "$DEMO" "$SANDBOX_PORT" "$PORT"
setsid node scripts/run-ts.js e2e/lib/sandbox-host.ts --port "$SANDBOX_PORT" --state "$DEMO/sandbox-state.json" \
  --ready-file "$DEMO/sandbox.json" --subscribe-file "$DEMO/subscriptions.json" > "$DEMO/logs/sandbox.log" 2>&1 < /dev/null &
PIDS+=("$!")
wait_for_file "$DEMO/sandbox.json" 60 "${PIDS[0]}" || { say "the sandbox did not start:"; tail -n 20 "$DEMO/logs/sandbox.log"; exit 1; }

BROKER_PORT="$(free_port)"
export N8N_ENCRYPTION_KEY="sage-intacct-demo-not-a-secret-key"
n8n_env "$DEMO/n8n" "$PORT" "$BROKER_PORT" 2
export N8N_LOG_LEVEL=info
say "importing the sandbox credential"
"$N8N" import:credentials --input="$DEMO/import/credentials.json" > "$DEMO/logs/import.log" 2>&1 || { cat "$DEMO/logs/import.log"; exit 1; }
if [[ ! -f "$DEMO/.workflows-imported" || -n "${DEMO_REIMPORT:-}" ]]; then
  say "importing the example workflows"
  "$N8N" import:workflow --separate --input="$DEMO/import/workflows" >> "$DEMO/logs/import.log" 2>&1 || { cat "$DEMO/logs/import.log"; exit 1; }
  touch "$DEMO/.workflows-imported"
fi
for id in $(node -e "
  const fs = require('fs');
  for (const f of fs.readdirSync('examples')) {
    const wf = JSON.parse(fs.readFileSync('examples/' + f, 'utf8'));
    if (wf.nodes.some((n) => n.type === 'n8n-nodes-sage-intacct.sageIntacctTrigger')) console.log(wf.id);
  }"); do
  "$N8N" publish:workflow --id="$id" >> "$DEMO/logs/import.log" 2>&1 || { cat "$DEMO/logs/import.log"; exit 1; }
  say "published $id"
done

say "starting n8n on $N8N_URL (log: $DEMO/logs/n8n.log)"
setsid "$N8N" start > "$DEMO/logs/n8n.log" 2>&1 < /dev/null &
PIDS+=("$!")
N8N_PID="${PIDS[1]}"
wait_http_ok "$N8N_URL/healthz/readiness" 180 "$N8N_PID" || { say "n8n did not become ready:"; tail -n 30 "$DEMO/logs/n8n.log"; exit 1; }
node scripts/run-ts.js scripts/demo/demo.ts owner "$N8N_URL"
node scripts/run-ts.js scripts/demo/demo.ts banner "$DEMO" "$DEMO/sandbox.json" "$N8N_URL"

# Run until Ctrl-C or until one of the two processes dies.
set +e
wait -n "${PIDS[@]}"
say "a demo process exited; see $DEMO/logs"
exit 1
