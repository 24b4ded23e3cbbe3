#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, in a temporary folder, on a free loopback port.
#   tests/postgres.sh start DIR [durable]
#                                 initdb (as the postgres user when run as root), start, print the admin connection string;
#                                 without "durable", commits are not flushed to disk (fsync off: cheap databases for tests)
#   tests/postgres.sh stop DIR    stop the cluster and remove DIR
set -euo pipefail

bin=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && bin="$candidate"
done
if [ -z "$bin" ]; then
  echo "No PostgreSQL server binaries under /usr/lib/postgresql" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

command=${1:-}
dir=${2:-}
[ -n "$dir" ] || { echo "usage: $0 start DIR [durable] | stop DIR" >&2; exit 2; }

case "$command" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Durability is not under test: fsync off makes a fresh database per test class cheap. The benchmark asks for a
    # durable server, as one in production would be.
    settings="-c max_connections=300"
    [ "${3:-}" = durable ] || settings="$settings -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k $dir $settings" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
