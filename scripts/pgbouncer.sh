#!/usr/bin/env bash
# Starts PgBouncer in transaction mode in front of a PostgreSQL on 127.0.0.1, for the test run
# and the crowd benchmark (the way a hub serving several instances would run it):
#   scripts/pgbouncer.sh start <postgres port> <listen port> <folder>   (prints nothing; waits until it answers)
#   scripts/pgbouncer.sh stop <folder>
# Every database name is passed through to PostgreSQL, and each server connection it opens
# gets the hub's lock and statement timeouts (connect_query), which a client in transaction
# mode cannot set for itself. Installs Debian's pgbouncer when it is missing and we are root.
set -euo pipefail

case "${1:-}" in
  start)
    pg_port="$2" listen_port="$3" dir="$4"
    if ! command -v pgbouncer >/dev/null 2>&1; then
      if [[ $(id -u) -ne 0 ]]; then echo "pgbouncer is not installed (apt-get install pgbouncer)" >&2; exit 1; fi
      DEBIAN_FRONTEND=noninteractive apt-get install -y pgbouncer </dev/null >/dev/null || {
        DEBIAN_FRONTEND=noninteractive apt-get update </dev/null >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y pgbouncer </dev/null >/dev/null
      }
    fi
    mkdir -p "$dir"
    cat >"$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$pg_port connect_query='set lock_timeout = 3000; set statement_timeout = 15000'

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $listen_port
unix_socket_dir =
auth_type = trust
auth_file = $dir/userlist.txt
pool_mode = transaction
max_client_conn = 2000
default_pool_size = 40
max_db_connections = 80
server_reset_query =
# A client waits at most this long for a server connection (a busy minute, or a database that
# refuses logins); the hub then answers "busy, try again" rather than hanging.
query_wait_timeout = 10
ignore_startup_parameters = extra_float_digits
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
    echo '"postgres" ""' >"$dir/userlist.txt"
    # PgBouncer will not run as root.
    if [[ $(id -u) -eq 0 ]]; then
      chown -R postgres: "$dir"
      runuser -u postgres -- pgbouncer -d "$dir/pgbouncer.ini"
    else
      pgbouncer -d "$dir/pgbouncer.ini"
    fi
    for _ in $(seq 1 50); do
      if pg_isready -q -h 127.0.0.1 -p "$listen_port" -d postgres >/dev/null 2>&1; then exit 0; fi
      sleep 0.2
    done
    echo "PgBouncer did not start on port $listen_port; see $dir/pgbouncer.log" >&2
    exit 1
    ;;
  stop)
    dir="$2"
    if [[ -f "$dir/pgbouncer.pid" ]]; then kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null || true; fi
    ;;
  *)
    echo "usage: scripts/pgbouncer.sh start <postgres port> <listen port> <folder> | stop <folder>" >&2
    exit 2
    ;;
esac
