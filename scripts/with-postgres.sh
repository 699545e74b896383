#!/usr/bin/env bash
# Run a command beside a throwaway PostgreSQL cluster, stopped and deleted afterwards.
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
# The command sees READER_TEST_POSTGRES_URL (an empty database it may use freely). The cluster
# lives in a temp dir on a free loopback port; as root it runs as the `postgres` user, since
# PostgreSQL refuses to run as root.
set -euo pipefail
# Debian's server binaries (15 on bookworm), the newest when several are installed.
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[[ -x "$bin/pg_ctl" ]] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/reader-pg.XXXXXX")
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

# C.UTF-8: ORDER BY compares code points, as SQLite does, whatever the host's locale.
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U reader --auth=trust -E UTF8 --locale=C.UTF-8 \
  >"$dir/initdb.log" || { cat "$dir/initdb.log" >&2; exit 1; }
# A test cluster: durability off (it is deleted afterwards), room for one pool per test app.
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start -o \
  "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off \
   -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
"$bin/createdb" -h 127.0.0.1 -p "$port" -U reader reader_test

export READER_TEST_POSTGRES_URL="postgresql+psycopg://reader@127.0.0.1:$port/reader_test"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)" >&2
"$@"
