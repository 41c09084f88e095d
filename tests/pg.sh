#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster for the test suite, listening on 127.0.0.1 only.
#   eval "$(tests/pg.sh start)"   # prints: export TALIMGER_TEST_PG_URL=... ; export TALIMGER_PG_DIR=...
#   tests/pg.sh stop "$TALIMGER_PG_DIR"
set -euo pipefail
if [ -z "${PGBIN:-}" ]; then
  # The newest installed server (Debian: /usr/lib/postgresql/<major>/bin).
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries not found (set PGBIN)" >&2; exit 69; }
PORT=${TALIMGER_PG_PORT:-55432}
as_owner() {
  # initdb and postgres refuse to run as root: use the postgres system user then.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/talimger-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >"$dir/initdb.log"
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $dir -c fsync=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    echo "export TALIMGER_PG_DIR=$dir"
    echo "export TALIMGER_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    dir=${2:?directory printed by start}
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 64 ;;
esac
