# Shared bash helpers of e2e/run.sh and scripts/demo.sh (sourced, not run).
# The n8n environment here mirrors n8nEnv() in e2e/lib/n8n.ts: keep the two in step.

# n8n_env <user-folder> <port> <broker-port> <major-version>: exports the environment of an isolated n8n.
n8n_env() {
  export N8N_USER_FOLDER="$1" N8N_PORT="$2" N8N_RUNNERS_BROKER_PORT="$3"
  export N8N_ENCRYPTION_KEY="${N8N_ENCRYPTION_KEY:-sage-intacct-e2e-not-a-secret-key}"
  export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_TEMPLATES_ENABLED=false
  export N8N_PERSONALIZATION_ENABLED=false N8N_SECURE_COOKIE=false
  export N8N_LISTEN_ADDRESS=127.0.0.1 N8N_HOST=127.0.0.1 DB_TYPE=sqlite
  export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false
  export N8N_LOG_LEVEL="${N8N_LOG_LEVEL:-warn}"
  if [[ "$4" -ge 2 ]]; then export N8N_DISABLED_MODULES=mcp-registry; else unset N8N_DISABLED_MODULES; fi
}

# free_port: prints a TCP port that is free on 127.0.0.1 right now.
free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"
}

# install_package <tarball> <user-folder>: unpacks `npm pack` output where n8n's community-node
# installer puts packages, so node types are n8n-nodes-sage-intacct.* (not CUSTOM.*).
install_package() {
  local tgz="$1" dest="$2/.n8n/nodes/node_modules/n8n-nodes-sage-intacct"
  rm -rf "$dest"
  mkdir -p "$dest"
  tar -xzf "$tgz" -C "$dest" --strip-components=1
}

# wait_for_file <file> <seconds> <pid>: waits until the file exists; fails early if the pid died.
wait_for_file() {
  local file="$1" limit="$2" pid="${3:-}" waited=0
  while [[ ! -s "$file" ]]; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.2; waited=$((waited + 1))
    if (( waited > limit * 5 )); then return 1; fi
  done
}

# wait_http_ok <url> <seconds> <pid>: polls with a short curl timeout (1.x readiness can hang a request).
# Prints "  ... still waiting for <url>: Ns" to stderr every 30 s (n8n's first start takes a while).
wait_http_ok() {
  local url="$1" limit="$2" pid="${3:-}" start=$SECONDS next=30
  until curl -fsS -m 2 -o /dev/null "$url" 2>/dev/null; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    if (( SECONDS - start > limit )); then return 1; fi
    if (( SECONDS - start >= next )); then printf '  ... still waiting for %s: %ss\n' "$url" "$((SECONDS - start))" >&2; next=$((next + 30)); fi
    sleep 0.3
  done
}

# stop_group <pid> [seconds]: TERM the process group led by pid (started with setsid), then KILL.
stop_group() {
  local pid="$1" limit="${2:-15}" i=0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && (( i < limit * 5 )); do sleep 0.2; i=$((i + 1)); done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}

# with_progress <label> <cmd...>: runs cmd, printing "... <label>: Ns" to stderr every 30 s (and the
# size of $PROGRESS_DIR when set) so a long, quiet step (an npm install) shows it is alive.
with_progress() {
  local label="$1"; shift
  local start=$SECONDS rc=0
  "$@" &
  local pid=$!
  while kill -0 "$pid" 2> /dev/null; do
    for _ in $(seq 1 150); do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2> /dev/null; then
      local size=""
      if [[ -n "${PROGRESS_DIR:-}" && -d "$PROGRESS_DIR" ]]; then size=", $(du -sm "$PROGRESS_DIR" 2> /dev/null | cut -f1) MB unpacked"; fi
      printf '  ... %s: %ss%s\n' "$label" "$((SECONDS - start))" "$size" >&2
    fi
  done
  wait "$pid" || rc=$?
  return "$rc"
}
