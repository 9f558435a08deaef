#!/usr/bin/env bash
# Run a command (the test suite) with a throw-away PostgreSQL server on loopback, so the store,
# import and consolidation tests also run against PostgreSQL. Without a server binary the command
# still runs and the PostgreSQL tests are skipped with a reason.
set -uo pipefail
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
if [ -z "${NILAI_TEST_POSTGRES_URL:-}" ] && [ -n "$pgbin" ] && [ -x "$pgbin/initdb" ]; then
  pgdir=$(mktemp -d /tmp/nilai-pg.XXXXXX)
  port=$(( 54000 + RANDOM % 900 ))
  runas=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$pgdir"; runas=(runuser -u postgres --); fi
  if "${runas[@]}" "$pgbin/initdb" -D "$pgdir/data" -U nilai --auth=trust -E UTF8 >"$pgdir/initdb.log" 2>&1 \
     && "${runas[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
          -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pgdir -c fsync=off" start >/dev/null; then
    "${runas[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U nilai nilai_test
    export NILAI_TEST_POSTGRES_URL="postgresql+psycopg://nilai@127.0.0.1:$port/nilai_test"
    trap '"${runas[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pgdir"' EXIT
    echo "nilai: PostgreSQL test server on 127.0.0.1:$port"
  else
    echo "nilai: could not start PostgreSQL (see $pgdir); PostgreSQL tests will be skipped" >&2
  fi
fi
"$@"
