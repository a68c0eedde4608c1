#!/usr/bin/env bash
# Real-n8n end-to-end suite (`npm run test:e2e`); see docs/e2e.md.
#   1. Node 24 + the pinned n8n runtimes (2.41.1 and 1.123.81) in .cache (skipped when installed)
#   2. build, `npm pack`, unpack into $N8N_USER_FOLDER/.n8n/nodes/node_modules/n8n-nodes-sage-intacct
#   3. sandbox gateway on a free port; import the sandbox credential and examples/*.json
#   4. headless: `n8n execute` each example, check the effects through the XML gateway, re-run (no duplicates)
#   5. `n8n start` with the GL Entry webhook workflow published; Platform Services deliveries (valid,
#      forged key, retried duplicate); check the executions n8n recorded
#   6. editor UI in headless Chromium: owner setup, sign-in, node panels, credential test, screenshots
#   7. n8n 1.x: the headless and webhook parts again (compatibility matrix)
#   8. n8n 2.x in queue mode with Redis and Postgres (e2e/queue.sh): main, 2 workers, 2 webhook processes
# `--queue`: steps 1, 2 and 8 only. Env: E2E_SKIP_1X=1, E2E_SKIP_UI=1, E2E_SKIP_QUEUE=1,
# E2E_KEEP=1 (keep the run folder), E2E_RUN_DIR=<folder>,
# CHROMIUM_PATH (default /usr/bin/chromium; installed with apt-get when missing and running as root).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=e2e/lib/env.sh
source "$ROOT/e2e/lib/env.sh"
# shellcheck source=e2e/queue.sh
source "$ROOT/e2e/queue.sh"

QUEUE_ONLY=""
for arg in "$@"; do
  case "$arg" in
    --queue) QUEUE_ONLY=1; export E2E_SKIP_1X=1 E2E_SKIP_UI=1 ;;
    *) echo "e2e/run.sh: unknown argument $arg (known: --queue)" >&2; exit 2 ;;
  esac
done

SUITE_START=$SECONDS
ARTIFACTS="$ROOT/artifacts/e2e"
RUN_DIR="${E2E_RUN_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/sage-intacct-e2e.XXXXXX")}"
rm -rf "$ARTIFACTS"   # this run's logs, timings and screenshots only
mkdir -p "$ARTIFACTS" "$RUN_DIR"
TIMINGS="$RUN_DIR/timings.txt"
: > "$TIMINGS"
STARTED_PIDS=()
STEP_NAME=""
STEP_START=$SECONDS

log() { printf '[e2e %4ss] %s\n' "$((SECONDS - SUITE_START))" "$*"; }
step() {
  end_step
  STEP_NAME="$1"; STEP_START=$SECONDS
  printf '\n[e2e %4ss] ==> %s\n' "$((SECONDS - SUITE_START))" "$STEP_NAME"
}
end_step() {
  if [[ -n "$STEP_NAME" ]]; then printf '%-58s %4ss\n' "$STEP_NAME" "$((SECONDS - STEP_START))" >> "$TIMINGS"; fi
  STEP_NAME=""
}

cleanup() {
  local rc=$?
  set +e
  for pid in "${STARTED_PIDS[@]}"; do stop_group "$pid" 10; done
  # Logs of the started processes are the first thing to read after a failure.
  cp "$RUN_DIR"/*.log "$ARTIFACTS/" 2>/dev/null
  if [[ $rc -ne 0 && "$STEP_NAME" == "(summary)" ]]; then
    printf '[e2e] logs: %s (copied to %s)\n' "$RUN_DIR" "$ARTIFACTS"
  elif [[ $rc -ne 0 ]]; then
    printf '\n[e2e] FAILED in step "%s" (exit %s). Logs: %s (copied to %s)\n' "$STEP_NAME" "$rc" "$RUN_DIR" "$ARTIFACTS"
    for f in "$RUN_DIR"/*.log; do [[ -f "$f" ]] && { echo "--- tail of $f"; tail -n 30 "$f"; }; done
  fi
  if [[ -z "${E2E_KEEP:-}" && $rc -eq 0 ]]; then rm -rf "$RUN_DIR"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start_bg <name> <cmd...>: runs a long-lived process in its own process group, logs to $RUN_DIR/<name>.log.
start_bg() {
  local name="$1"; shift
  setsid "$@" > "$RUN_DIR/$name.log" 2>&1 < /dev/null &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
}

ts() { node scripts/run-ts.js "$@"; }

# check_step <description> <checks.ts phase> <instance.json>: a failing check is recorded and the
# suite goes on (one defect should not hide the next); infrastructure failures still stop it.
FAILED_CHECKS=()
check_step() {
  step "$1"
  if ! ts e2e/checks.ts "$2" "$3"; then FAILED_CHECKS+=("$1"); log "check failed: $1 (continuing)"; fi
}

# ---------------------------------------------------------------------------------------------------
step "Node 24"
NODE24_BIN="$(bash scripts/ensure-node24.sh)"
export PATH="$NODE24_BIN:$PATH"
export npm_config_nodedir="$(cd "$NODE24_BIN/.." && pwd)"
log "node $(node -v), npm $(npm -v 2>/dev/null)"

step "n8n runtimes"
# Both installs at once on a cold cache (mostly download and disk; about 7 min instead of 10).
setsid bash e2e/ensure-runtime.sh runtime > "$RUN_DIR/runtime2.path" 2> "$RUN_DIR/runtime2-install.log" < /dev/null &
RT2_PID=$!
STARTED_PIDS+=("$RT2_PID")
if [[ -z "${E2E_SKIP_1X:-}" ]]; then
  setsid bash e2e/ensure-runtime.sh runtime-1x > "$RUN_DIR/runtime1.path" 2> "$RUN_DIR/runtime1-install.log" < /dev/null &
  RT1_PID=$!
  STARTED_PIDS+=("$RT1_PID")
  wait "$RT1_PID" || { cat "$RUN_DIR/runtime1-install.log"; log "n8n 1.x runtime install failed"; exit 1; }
  RUNTIME1="$(cat "$RUN_DIR/runtime1.path")"
  log "n8n 1.x: $RUNTIME1 $(grep -o 'ready: .*' "$RUN_DIR/runtime1-install.log" || true)"
fi
wait "$RT2_PID" || { cat "$RUN_DIR/runtime2-install.log"; log "n8n 2.x runtime install failed"; exit 1; }
RUNTIME2="$(cat "$RUN_DIR/runtime2.path")"
log "n8n 2.x: $RUNTIME2 $(grep -o 'ready: .*' "$RUN_DIR/runtime2-install.log" || true)"

if [[ -z "${E2E_SKIP_UI:-}" ]]; then
  step "Chromium for the editor checks"
  CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [[ ! -x "$CHROMIUM_PATH" ]]; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get > /dev/null; then
      log "installing Debian's chromium package (apt-get)"
      apt-get update -qq > "$RUN_DIR/apt.log" 2>&1
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >> "$RUN_DIR/apt.log" 2>&1
    else
      log "no Chromium at $CHROMIUM_PATH: apt-get install chromium (or set CHROMIUM_PATH, or E2E_SKIP_UI=1)"; exit 1
    fi
  fi
  export CHROMIUM_PATH
  log "$("$CHROMIUM_PATH" --version 2>/dev/null | head -n 1)"
fi

step "build and pack the package"
if [[ ! -d node_modules ]]; then npm ci --no-audit --no-fund; fi
# build_and_pack: build, `npm pack`, and check that the tarball holds every node and credential that
# package.json declares (a concurrent `gulp clean` elsewhere in the checkout can empty dist/ mid-pack).
build_and_pack() {
  rm -rf "$RUN_DIR/pack"; mkdir -p "$RUN_DIR/pack"
  npm run build --silent > "$RUN_DIR/build.log" 2>&1 || { cat "$RUN_DIR/build.log"; return 2; }
  TARBALL="$RUN_DIR/pack/$(npm pack --silent --pack-destination "$RUN_DIR/pack" 2>/dev/null | tail -n 1)"
  [[ -f "$TARBALL" ]] || { log "npm pack produced no tarball"; return 1; }
  local missing
  missing="$(node -e '
    const pkg = require("./package.json");
    const files = new Set(require("child_process").execFileSync("tar", ["-tzf", process.argv[1]], { encoding: "utf8" }).split("\n"));
    const want = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((f) => "package/" + f);
    process.stdout.write(want.filter((f) => !files.has(f)).join(" "));' "$TARBALL")" || return 1
  if [[ -n "$missing" ]]; then log "tarball lacks: $missing"; return 1; fi
}
for attempt in 1 2 3; do
  rc=0; build_and_pack || rc=$?
  if [[ $rc -eq 0 ]]; then break; fi
  if [[ $rc -eq 2 || $attempt -eq 3 ]]; then log "build/pack failed"; exit 1; fi
  log "retrying build and pack (attempt $((attempt + 1)))"; sleep 3
done
log "packed $(basename "$TARBALL") ($(tar -tzf "$TARBALL" | wc -l) files)"

# start_sandbox <name>: a fresh sandbox company (own state file) on a free port; Intacct's webhook
# retry delays (10/30/90 s) scaled by 0.5 so a retried delivery comes 5 s after the lost answer.
start_sandbox() {
  local name="$1"
  start_bg "$name" node scripts/run-ts.js e2e/lib/sandbox-host.ts --port 0 --state "$RUN_DIR/$name-state.json" \
    --ready-file "$RUN_DIR/$name.json" --webhook-time-scale 0.5
  wait_for_file "$RUN_DIR/$name.json" 60 "$LAST_PID" || { log "sandbox $name did not start"; exit 1; }
  log "$name: gateway $(node -p "require('$RUN_DIR/$name.json').gatewayUrl")"
}

# setup_instance <name> <runtime-dir> <major> <sandbox-name>: user folder with the package, credential and workflows imported.
setup_instance() {
  local name="$1" runtime="$2" major="$3" sandbox="$4"
  local folder="$RUN_DIR/$name"
  mkdir -p "$folder"
  install_package "$TARBALL" "$folder"
  local port broker
  port="$(free_port)"; broker="$(free_port)"
  cat > "$RUN_DIR/$name.json" <<JSON
{ "name": "$name", "runtimeDir": "$runtime", "userFolder": "$folder", "major": $major, "port": $port,
  "brokerPort": $broker, "encryptionKey": "sage-intacct-e2e-not-a-secret-key",
  "sandboxFile": "$RUN_DIR/$sandbox.json", "runDir": "$RUN_DIR", "artifactsDir": "$ARTIFACTS",
  "accessKey": "e2e-access-key-$(date +%s)-$RANDOM$RANDOM" }
JSON
  ts e2e/checks.ts prepare "$RUN_DIR/$name.json"
  n8n_env "$folder" "$port" "$broker" "$major"
  "$runtime/node_modules/.bin/n8n" import:credentials --input="$RUN_DIR/$name-import/credentials.json" > "$RUN_DIR/$name-import.log" 2>&1 \
    || { cat "$RUN_DIR/$name-import.log"; return 1; }
  "$runtime/node_modules/.bin/n8n" import:workflow --separate --input="$RUN_DIR/$name-import/workflows" >> "$RUN_DIR/$name-import.log" 2>&1 \
    || { cat "$RUN_DIR/$name-import.log"; return 1; }
  log "$name: package, credential and $(ls "$RUN_DIR/$name-import/workflows" | wc -l) workflows imported (port $port)"
}

if [[ -z "$QUEUE_ONLY" ]]; then
step "n8n 2.x: sandbox, package, credential and workflows"
start_sandbox sandbox2
setup_instance n8n2 "$RUNTIME2" 2 sandbox2

check_step "n8n 2.x headless: n8n execute the examples, check the sandbox" headless "$RUN_DIR/n8n2.json"
check_step "n8n 2.x REST wire: read, journal entries (one, and 12 keyed from one node), bill with attachment (OAuth 2.0)" rest "$RUN_DIR/n8n2.json"

step "n8n 2.x: publish the GL Entry webhook workflow, n8n start"
N8N2_PORT="$(node -p "require('$RUN_DIR/n8n2.json').port")"
n8n_env "$RUN_DIR/n8n2" "$N8N2_PORT" "$(node -p "require('$RUN_DIR/n8n2.json').brokerPort")" 2
for id in $(ts e2e/checks.ts webhook-workflows "$RUN_DIR/n8n2.json"); do
  "$RUNTIME2/node_modules/.bin/n8n" publish:workflow --id="$id" >> "$RUN_DIR/n8n2-import.log" 2>&1
  log "published $id"
done
start_bg n8n2 "$RUNTIME2/node_modules/.bin/n8n" start
N8N2_PID=$LAST_PID
wait_http_ok "http://127.0.0.1:$N8N2_PORT/healthz/readiness" 120 "$N8N2_PID" || { log "n8n did not become ready"; exit 1; }
log "n8n 2.x ready on port $N8N2_PORT"

check_step "n8n 2.x webhook: Platform Services deliveries to the production URL" webhook "$RUN_DIR/n8n2.json"

if [[ -z "${E2E_SKIP_UI:-}" ]]; then
  check_step "n8n 2.x editor UI in headless Chromium" ui "$RUN_DIR/n8n2.json"
fi

step "stop n8n 2.x"
stop_group "$N8N2_PID" 20
fi

if [[ -z "${E2E_SKIP_1X:-}" ]]; then
  step "n8n 1.x: sandbox, package, credential and workflows"
  start_sandbox sandbox1
  setup_instance n8n1 "$RUNTIME1" 1 sandbox1
  check_step "n8n 1.x headless: n8n execute the examples, check the sandbox" headless "$RUN_DIR/n8n1.json"

  step "n8n 1.x: activate the GL Entry webhook workflow, n8n start"
  N8N1_PORT="$(node -p "require('$RUN_DIR/n8n1.json').port")"
  n8n_env "$RUN_DIR/n8n1" "$N8N1_PORT" "$(node -p "require('$RUN_DIR/n8n1.json').brokerPort")" 1
  for id in $(ts e2e/checks.ts webhook-workflows "$RUN_DIR/n8n1.json"); do
    # 1.x has no publish:workflow; update:workflow --active is its activation.
    "$RUNTIME1/node_modules/.bin/n8n" update:workflow --id="$id" --active=true >> "$RUN_DIR/n8n1-import.log" 2>&1
    log "activated $id"
  done
  start_bg n8n1 "$RUNTIME1/node_modules/.bin/n8n" start
  N8N1_PID=$LAST_PID
  wait_http_ok "http://127.0.0.1:$N8N1_PORT/healthz/readiness" 120 "$N8N1_PID" || { log "n8n 1.x did not become ready"; exit 1; }
  log "n8n 1.x ready on port $N8N1_PORT"
  check_step "n8n 1.x webhook: Platform Services deliveries to the production URL" webhook "$RUN_DIR/n8n1.json"
  step "stop n8n 1.x"
  stop_group "$N8N1_PID" 20
fi

if [[ -n "$QUEUE_ONLY" || -z "${E2E_SKIP_QUEUE:-}" ]]; then
  queue_scenario
fi

end_step
cp "$TIMINGS" "$ARTIFACTS/timings.txt"
if [[ ${#FAILED_CHECKS[@]} -gt 0 ]]; then
  printf '\n[e2e] FAILED checks after %ss:\n' "$((SECONDS - SUITE_START))"
  printf '  - %s\n' "${FAILED_CHECKS[@]}"
  cat "$TIMINGS"
  STEP_NAME="(summary)"
  exit 1
fi
printf '\n[e2e] PASSED in %ss\n' "$((SECONDS - SUITE_START))"
cat "$TIMINGS"
