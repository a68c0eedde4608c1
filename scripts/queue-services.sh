#!/usr/bin/env bash
# Redis and Postgres for n8n's queue mode, from Debian's packages, on loopback ports, data in a
# folder of ours (default <repo>/.cache/queue-services). Used by the e2e queue scenario
# (e2e/queue.sh, sourced) and runnable by hand:
#
#   bash scripts/queue-services.sh install            # apt-get install redis-server postgresql when missing (root)
#   bash scripts/queue-services.sh start [dir]        # foreground-free: starts both, prints the env to export
#   bash scripts/queue-services.sh stop  [dir]        # stops both (pid files in <dir>)
#   bash scripts/queue-services.sh run-redis|run-postgres <dir> <port>   # one server in the foreground
#
# Sourced, it defines: queue_services_install, queue_postgres_init <dir>, queue_wait_redis <port> <s>,
# queue_wait_postgres <dir> <port> <s>, queue_postgres_createdb <port> <db>. The e2e suite runs the
# run-* commands with its own start_bg, so its EXIT trap stops them on failure as well.
#
# Postgres refuses to run as root: as root, initdb and postgres run as Debian's `postgres` user
# (created by the package), and the data folder is handed to it.

QUEUE_PG_USER_DB="n8n"

# The Postgres binaries of the installed major version (Debian keeps them out of PATH).
queue_pg_bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then echo "$dir"; return 0; fi
  command -v initdb > /dev/null && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

queue_services_missing() {
  local missing=()
  command -v redis-server > /dev/null || missing+=(redis-server)
  queue_pg_bindir > /dev/null || missing+=(postgresql)
  echo "${missing[*]:-}"
}

# queue_services_install: installs what is missing with apt-get (needs root); prints what it did.
queue_services_install() {
  local missing
  missing="$(queue_services_missing)"
  [[ -z "$missing" ]] && return 0
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get > /dev/null; then
    echo "queue-services: missing $missing; install them (apt-get install $missing) or run as root" >&2
    return 1
  fi
  echo "queue-services: apt-get install $missing" >&2
  # Debian's postinst would start a system-wide server on 5432/6379: policy-rc.d (101) forbids it.
  local policy=/usr/sbin/policy-rc.d had_policy=0
  [[ -e $policy ]] && had_policy=1
  if [[ $had_policy -eq 0 ]]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; fi
  local rc=0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing; } >&2 || rc=$?
  if [[ $had_policy -eq 0 ]]; then rm -f "$policy"; fi
  return $rc
}

# as_pg <cmd...>: runs a Postgres binary as the `postgres` user when we are root.
queue_as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# queue_redis_run <dir> <port>: runs a throw-away Redis in the foreground (exec). No persistence: a
# restart of everything in the scenario restarts Redis empty, as a lost Redis would be.
queue_redis_run() {
  local dir="$1" port="$2"
  mkdir -p "$dir/redis"
  exec redis-server --port "$port" --bind 127.0.0.1 --protected-mode yes --dir "$dir/redis" \
    --save '' --appendonly no --daemonize no
}

# queue_postgres_init <dir>: a fresh cluster in <dir>/pg (trust auth on loopback, user n8n).
queue_postgres_init() {
  local dir="$1" bin
  bin="$(queue_pg_bindir)" || { echo "queue-services: no Postgres binaries" >&2; return 1; }
  rm -rf "$dir/pg" "$dir/pg-socket"
  mkdir -p "$dir/pg" "$dir/pg-socket"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir/pg" "$dir/pg-socket"; fi
  queue_as_pg "$bin/initdb" -D "$dir/pg" -U "$QUEUE_PG_USER_DB" -A trust -E UTF8 --no-locale > "$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
}

# queue_postgres_run <dir> <port>: runs the server in the foreground (exec; fsync off: test data only).
queue_postgres_run() {
  local dir="$1" port="$2" bin
  bin="$(queue_pg_bindir)" || return 1
  local run=()
  if [[ $(id -u) -eq 0 ]]; then run=(runuser -u postgres --); fi
  exec "${run[@]}" "$bin/postgres" -D "$dir/pg" -p "$port" -k "$dir/pg-socket" -c listen_addresses=127.0.0.1 \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200
}

queue_wait_redis() {
  local port="$1" limit="${2:-30}" start=$SECONDS
  until [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" == "PONG" ]]; do
    (( SECONDS - start > limit )) && return 1
    sleep 0.2
  done
}

queue_wait_postgres() {
  local dir="$1" port="$2" limit="${3:-30}" start=$SECONDS bin
  bin="$(queue_pg_bindir)" || return 1
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" 2>/dev/null; do
    (( SECONDS - start > limit )) && return 1
    sleep 0.2
  done
}

# queue_postgres_createdb <port> <db>
queue_postgres_createdb() {
  local port="$1" db="$2" bin
  bin="$(queue_pg_bindir)" || return 1
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$QUEUE_PG_USER_DB" "$db"
}

# --- run as a script -------------------------------------------------------------------------------
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  cmd="${1:-}"; dir="${2:-$ROOT/.cache/queue-services}"
  case "$cmd" in
    install) queue_services_install ;;
    start)
      queue_services_install
      mkdir -p "$dir"
      redis_port="${QUEUE_REDIS_PORT:-6380}"; pg_port="${QUEUE_PG_PORT:-5433}"
      [[ -d "$dir/pg/base" ]] || queue_postgres_init "$dir"
      setsid bash "$0" run-redis "$dir" "$redis_port" > "$dir/redis.log" 2>&1 < /dev/null & echo $! > "$dir/redis.pid"
      setsid bash "$0" run-postgres "$dir" "$pg_port" > "$dir/postgres.log" 2>&1 < /dev/null & echo $! > "$dir/postgres.pid"
      queue_wait_redis "$redis_port" 30 || { echo "redis did not start (see $dir/redis.log)" >&2; exit 1; }
      queue_wait_postgres "$dir" "$pg_port" 30 || { echo "postgres did not start (see $dir/postgres.log)" >&2; exit 1; }
      queue_postgres_createdb "$pg_port" n8n 2>/dev/null || true
      cat <<ENV
export EXECUTIONS_MODE=queue QUEUE_BULL_REDIS_HOST=127.0.0.1 QUEUE_BULL_REDIS_PORT=$redis_port
export DB_TYPE=postgresdb DB_POSTGRESDB_HOST=127.0.0.1 DB_POSTGRESDB_PORT=$pg_port DB_POSTGRESDB_DATABASE=n8n DB_POSTGRESDB_USER=$QUEUE_PG_USER_DB
ENV
      ;;
    run-redis) queue_redis_run "$dir" "$3" ;;
    run-postgres) queue_postgres_run "$dir" "$3" ;;
    stop)
      for f in redis postgres; do
        # SIGINT is Postgres' "fast" shutdown (TERM waits for every client to disconnect).
        if [[ -f "$dir/$f.pid" ]]; then kill -INT -- "-$(cat "$dir/$f.pid")" 2>/dev/null || true; rm -f "$dir/$f.pid"; fi
      done
      ;;
    *) echo "usage: $0 install|start|stop [dir]" >&2; exit 2 ;;
  esac
fi
