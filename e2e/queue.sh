# n8n's queue mode, end to end (sourced by e2e/run.sh; `npm run test:e2e -- --queue` runs only this).
#
# Process layout (every n8n process has its own user folder with the packed package installed, as
# separate containers would):
#   Redis 7 and Postgres 15 (Debian packages, installed with apt-get when missing) on loopback ports,
#   data under .cache/queue-services; the sandbox (Intacct, company concurrency limit 2);
#   `n8n start` (main: UI, publishing, the poll trigger), 2 x `n8n worker` (run every execution),
#   2 x `n8n webhook` (receive webhook calls, enqueue executions); a balancer (e2e/lib/queue-balancer.ts)
#   in front of the webhook processes, as nginx would be.
# Phases (e2e/queue-checks.ts asserts, counts from Postgres and the sandbox's admin endpoints):
#   bills (1,000 over both workers, re-run), kill-worker (a worker running batches killed, the bill
#   run retried), kill-bill-run (the bill run's own worker killed, the run sent again), webhook
#   (duplicated + retried deliveries),
#   poll before and after a restart of everything (Redis and Postgres included).
# Needs from run.sh: RUN_DIR, ARTIFACTS, TARBALL, RUNTIME2, start_bg, step, check_step, log, ts, stop_group.

# shellcheck source=scripts/queue-services.sh
source "$ROOT/scripts/queue-services.sh"

QUEUE_PROCS=()          # n8n processes of the current start, stopped by queue_stop_n8n
queue_redis_pid="" queue_pg_pid=""

# queue_env <name> <port> <broker-port>: the environment of one queue-mode n8n process.
queue_env() {
  n8n_env "$RUN_DIR/q-$1" "$2" "$3" 2
  export DB_TYPE=postgresdb DB_POSTGRESDB_HOST=127.0.0.1 DB_POSTGRESDB_PORT="$Q_PG_PORT" \
    DB_POSTGRESDB_DATABASE="$Q_PG_DB" DB_POSTGRESDB_USER=n8n DB_POSTGRESDB_PASSWORD=""
  export EXECUTIONS_MODE=queue QUEUE_BULL_REDIS_HOST=127.0.0.1 QUEUE_BULL_REDIS_PORT="$Q_REDIS_PORT"
  # n8n's Postgres pool defaults to 2 connections per process, for a worker that runs 10 executions at
  # once: under load (a run of 2026-12-02 at load 26) 2 of 20 batch executions failed with n8n's own
  # "timeout exceeded when trying to connect" (pg-pool). One connection per concurrent execution.
  export DB_POSTGRESDB_POOL_SIZE=10
  export N8N_ENCRYPTION_KEY="sage-intacct-e2e-not-a-secret-key"
  # Keep every execution's data: the checks read run data from execution_data.
  export EXECUTIONS_DATA_SAVE_ON_SUCCESS=all EXECUTIONS_DATA_SAVE_ON_ERROR=all
  # A dead worker's job fails when its lock expires (20 s instead of 60 s) and the main marks its
  # execution crashed at the next queue recovery (every minute instead of every 3 hours).
  export QUEUE_WORKER_LOCK_DURATION=20000 QUEUE_WORKER_LOCK_RENEW_TIME=5000 QUEUE_WORKER_STALLED_INTERVAL=10000
  export N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL=1
  export N8N_LOG_LEVEL=warn
  unset QUEUE_HEALTH_CHECK_ACTIVE QUEUE_HEALTH_CHECK_PORT
  # E2E_QUEUE_PG_LOG=1: Postgres logs every write with the backend's process ID and each connection
  # with the n8n process it belongs to (application name = the process's name): who saved what.
  if [[ -n "${E2E_QUEUE_PG_LOG:-}" ]]; then export PGAPPNAME="$1" PGOPTIONS="-c log_statement=mod -c log_connections=on"; fi
}

queue_start_services() {
  start_bg q-redis bash "$ROOT/scripts/queue-services.sh" run-redis "$Q_DATA" "$Q_REDIS_PORT"
  queue_redis_pid=$LAST_PID
  start_bg q-postgres bash "$ROOT/scripts/queue-services.sh" run-postgres "$Q_DATA" "$Q_PG_PORT"
  queue_pg_pid=$LAST_PID
  queue_wait_redis "$Q_REDIS_PORT" 30 || { log "redis did not start"; exit 1; }
  queue_wait_postgres "$Q_DATA" "$Q_PG_PORT" 60 || { log "postgres did not start"; exit 1; }
}

queue_stop_services() {
  stop_group "$queue_redis_pid" 10
  # SIGINT: Postgres' fast shutdown (SIGTERM would wait for clients).
  kill -INT -- "-$queue_pg_pid" 2>/dev/null || true
  stop_group "$queue_pg_pid" 20
}

# queue_spawn <role> <name> <port> [health-port]: one n8n process (`n8n start|worker|webhook`) in its
# own process group and environment; prints nothing, sets LAST_PID, appends to QUEUE_PROCS.
queue_spawn() {
  local role="$1" name="$2" port="$3" health="${4:-}"
  setsid bash -c 'ROOT="$1"; source "$1/e2e/lib/env.sh"; source "$1/e2e/queue.sh"; queue_env "$2" "$3" "$4"
    if [[ -n "$6" ]]; then export QUEUE_HEALTH_CHECK_ACTIVE=true QUEUE_HEALTH_CHECK_PORT="$6" N8N_LOG_LEVEL=info; fi
    # Webhook processes at debug: the trigger logs what each delivery saw in static data and decided.
    if [[ "$7" == webhook ]]; then
      export N8N_LOG_LEVEL=debug
      # E2E_QUEUE_STATIC_DATA_PROBE=1: what n8n does with the static data of the workflow around each webhook
      # request (e2e/lib/static-data-probe.cjs, preloaded; one log per process).
      if [[ -n "${E2E_QUEUE_STATIC_DATA_PROBE:-}" ]]; then
        export NODE_OPTIONS="--require $1/e2e/lib/static-data-probe.cjs" STATIC_DATA_PROBE_LOG="$RUN_DIR/q-$2-static-data.log"
      fi
    fi
    exec "$5/node_modules/.bin/n8n" "$7"' _ "$ROOT" "$name" "$port" "$(free_port)" "$RUNTIME2" "$health" "$role" \
    >> "$RUN_DIR/q-$name.log" 2>&1 < /dev/null &
  LAST_PID=$!
  QUEUE_PROCS+=("$LAST_PID"); STARTED_PIDS+=("$LAST_PID")
}

# queue_spawn_worker <n>: worker n (n8n logs "started execution <id>" at level info: the checks read
# which worker ran what from these logs); sets Q_HEALTH to its health port.
queue_spawn_worker() {
  local i="$1"; Q_HEALTH="$(free_port)"
  queue_spawn worker "worker$i" "$(free_port)" "$Q_HEALTH"
  echo "$LAST_PID" > "$RUN_DIR/q-worker$i.pid"
}

queue_start_worker() {
  queue_spawn_worker "$1"
  wait_http_ok "http://127.0.0.1:$Q_HEALTH/healthz" 300 "$LAST_PID" || { log "worker $1 did not become ready"; exit 1; }
}

# queue_start_n8n: main first (it runs the migrations), then both workers and both webhook
# processes at once; waits until every one is ready.
queue_start_n8n() {
  QUEUE_PROCS=()
  queue_spawn start main "$Q_MAIN_PORT"
  wait_http_ok "http://127.0.0.1:$Q_MAIN_PORT/healthz/readiness" 300 "$LAST_PID" || { log "main did not become ready"; exit 1; }
  local i urls=() pids=()
  for i in 1 2; do
    queue_spawn_worker "$i"; urls+=("http://127.0.0.1:$Q_HEALTH/healthz"); pids+=("$LAST_PID")
    local wv="Q_WEBHOOK${i}_PORT"
    queue_spawn webhook "webhook$i" "${!wv}"; urls+=("http://127.0.0.1:${!wv}/healthz/readiness"); pids+=("$LAST_PID")
  done
  for i in "${!urls[@]}"; do
    wait_http_ok "${urls[$i]}" 300 "${pids[$i]}" || { log "not ready: ${urls[$i]}"; exit 1; }
  done
}

# queue_restart_killed_worker: starts again the worker a kill check took down (its number is in
# $RUN_DIR/q-killed-worker; nothing to do when the check failed before killing one).
queue_restart_killed_worker() {
  local f="$RUN_DIR/q-killed-worker" n
  [[ -f "$f" ]] || return 0
  n="$(cat "$f")"; rm -f "$f"
  step "queue mode: worker $n back"
  queue_start_worker "$n"
}

queue_stop_n8n() {
  local pid
  for pid in "${QUEUE_PROCS[@]}"; do stop_group "$pid" 20; done
  QUEUE_PROCS=()
}

# queue_check_step <description> <queue-checks.ts phase> [argument]: a failing check is recorded, the
# scenario goes on.
queue_check_step() {
  queue_phase_selected "$2" || return 0
  step "$1"
  if ! ts e2e/queue-checks.ts "$2" "$RUN_DIR/queue.json" "${3:-}"; then FAILED_CHECKS+=("$1"); log "check failed: $1 (continuing)"; fi
}

# queue_phase_selected <phase>: whether E2E_QUEUE_PHASES (comma-separated; default every phase) asks
# for it. For iterating on one phase (e.g. E2E_QUEUE_PHASES=webhook); the gating run runs them all.
queue_phase_selected() {
  [[ -z "${E2E_QUEUE_PHASES:-}" || ",$E2E_QUEUE_PHASES," == *",$1,"* ]]
}

queue_scenario() {
  step "queue mode: Redis and Postgres (Debian packages)"
  local t0=$SECONDS
  queue_services_install 2> "$RUN_DIR/q-apt.log" || { cat "$RUN_DIR/q-apt.log"; log "could not install redis-server/postgresql"; exit 1; }
  log "packages ready in $((SECONDS - t0)) s ($(redis-server --version | grep -o 'v=[0-9.]*'), $("$(queue_pg_bindir)/postgres" --version))"
  Q_DATA="$ROOT/.cache/queue-services"
  mkdir -p "$Q_DATA"
  Q_REDIS_PORT="$(free_port)"; Q_PG_PORT="$(free_port)"; Q_PG_DB="n8n_e2e"
  export Q_DATA Q_REDIS_PORT Q_PG_PORT Q_PG_DB RUN_DIR   # read by queue_env in the spawned shells
  if [[ ! -f "$Q_DATA/pg/PG_VERSION" ]]; then queue_postgres_init "$Q_DATA"; log "Postgres cluster created in $Q_DATA/pg"; fi
  queue_start_services
  PGOPTIONS='-c client_min_messages=warning' "$(queue_pg_bindir)/dropdb" -h 127.0.0.1 -p "$Q_PG_PORT" -U n8n --if-exists "$Q_PG_DB"
  queue_postgres_createdb "$Q_PG_PORT" "$Q_PG_DB"
  log "redis :$Q_REDIS_PORT, postgres :$Q_PG_PORT (database $Q_PG_DB)"

  step "queue mode: sandbox, balancer, package in 5 user folders, import"
  # The company: concurrency limit 2 (standard tier), 50 ms added to every request (a WAN round trip).
  start_bg sandboxq node scripts/run-ts.js e2e/lib/sandbox-host.ts --port 0 --state "$RUN_DIR/sandboxq-state.json" \
    --ready-file "$RUN_DIR/sandboxq.json" --webhook-time-scale 0.5 --latency-ms 50
  wait_for_file "$RUN_DIR/sandboxq.json" 60 "$LAST_PID" || { log "sandbox did not start"; exit 1; }
  Q_MAIN_PORT="$(free_port)"; Q_WEBHOOK1_PORT="$(free_port)"; Q_WEBHOOK2_PORT="$(free_port)"
  start_bg q-balancer node scripts/run-ts.js e2e/lib/queue-balancer.ts --backends "$Q_WEBHOOK1_PORT,$Q_WEBHOOK2_PORT" --ready-file "$RUN_DIR/q-balancer.json"
  wait_for_file "$RUN_DIR/q-balancer.json" 60 "$LAST_PID" || { log "balancer did not start"; exit 1; }
  local p
  for p in main worker1 worker2 webhook1 webhook2; do mkdir -p "$RUN_DIR/q-$p"; install_package "$TARBALL" "$RUN_DIR/q-$p"; done
  local poll_start; poll_start="$(date -u +%Y-%m-%dT%H:%M:%S)"
  cat > "$RUN_DIR/queue.json" <<JSON
{ "runtimeDir": "$RUNTIME2", "runDir": "$RUN_DIR", "sandboxFile": "$RUN_DIR/sandboxq.json",
  "balancerFile": "$RUN_DIR/q-balancer.json", "mainPort": $Q_MAIN_PORT, "accessKey": "e2e-queue-key-$(date +%s)-$RANDOM$RANDOM",
  "pollStart": "$poll_start", "pollStartIntacct": "$(date -u -d "$poll_start" +'%m/%d/%Y %H:%M:%S')",
  "pg": { "host": "127.0.0.1", "port": $Q_PG_PORT, "database": "$Q_PG_DB", "user": "n8n" },
  "workers": [ { "name": "worker1", "pidFile": "$RUN_DIR/q-worker1.pid", "log": "$RUN_DIR/q-worker1.log" },
               { "name": "worker2", "pidFile": "$RUN_DIR/q-worker2.pid", "log": "$RUN_DIR/q-worker2.log" } ],
  "results": "$ARTIFACTS/queue-results.txt" }
JSON
  : > "$ARTIFACTS/queue-results.txt"
  ts e2e/queue-checks.ts prepare "$RUN_DIR/queue.json"
  (
    queue_env main "$Q_MAIN_PORT" "$(free_port)"
    n8n="$RUNTIME2/node_modules/.bin/n8n"
    "$n8n" import:credentials --input="$RUN_DIR/queue-import/credentials.json" > "$RUN_DIR/q-import.log" 2>&1
    "$n8n" import:workflow --separate --input="$RUN_DIR/queue-import/workflows" >> "$RUN_DIR/q-import.log" 2>&1
    # One CLI start each (no --all in 2.x): in parallel.
    pids=()
    for id in qBillRun qBills qGlHook qPoll; do "$n8n" publish:workflow --id="$id" > "$RUN_DIR/q-publish-$id.log" 2>&1 & pids+=("$!"); done
    for pid in "${pids[@]}"; do wait "$pid"; done
  ) || { cat "$RUN_DIR/q-import.log"; log "import into Postgres failed"; exit 1; }

  step "queue mode: start main, 2 workers, 2 webhook processes"
  queue_start_n8n
  log "main :$Q_MAIN_PORT, webhook :$Q_WEBHOOK1_PORT :$Q_WEBHOOK2_PORT, workers ready"
  ts e2e/queue-checks.ts post-gl "$RUN_DIR/queue.json" before-restart > /dev/null

  queue_check_step "queue mode: 1,000 bills over two workers, re-run posts none" bills
  queue_check_step "queue mode: a worker killed mid-run, the bill run retried" kill-worker
  queue_restart_killed_worker
  queue_check_step "queue mode: the bill run's own worker killed, the run sent again" kill-bill-run
  queue_restart_killed_worker
  queue_check_step "queue mode: duplicated and retried deliveries to two webhook processes" webhook
  queue_check_step "queue mode: poll trigger on main (before the restart)" poll before-restart

  if ! queue_phase_selected poll; then
    step "queue mode: stop"
    queue_stop_n8n
    queue_stop_services
    return 0
  fi
  step "queue mode: restart everything (n8n, Redis, Postgres)"
  queue_stop_n8n
  queue_stop_services
  ts e2e/queue-checks.ts post-gl "$RUN_DIR/queue.json" while-down > /dev/null
  queue_start_services
  queue_start_n8n
  ts e2e/queue-checks.ts post-gl "$RUN_DIR/queue.json" after-restart > /dev/null
  queue_check_step "queue mode: poll trigger keeps its cursor across the restart" poll after-restart

  step "queue mode: stop"
  queue_stop_n8n
  queue_stop_services
}
