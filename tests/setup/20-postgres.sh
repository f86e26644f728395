# A private PostgreSQL server for the storage and outbox tests: a throw-away cluster on a free loopback
# port, owned by the postgres user, stopped and deleted when test.sh exits. Tests read its connection
# string from SWITCHBOARD_TEST_POSTGRES and give each test its own schema.
need_apt postgresql
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pg_dir="$(mktemp -d /tmp/switchboard-pg.XXXXXX)"
chown postgres "$pg_dir"
add_cleanup "rm -rf '$pg_dir'"
pg_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
su postgres -s /bin/sh -c "'$pg_bin/initdb' -D '$pg_dir/data' -U postgres -A trust --no-sync >'$pg_dir/initdb.log' 2>&1" ||
  { cat "$pg_dir/initdb.log" >&2; echo "test.sh: initdb failed" >&2; exit 1; }
su postgres -s /bin/sh -c "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -w -t 60 \
  -o \"-h 127.0.0.1 -p $pg_port -k '$pg_dir' -c fsync=off -c max_connections=200\" start >/dev/null" ||
  { cat "$pg_dir/server.log" >&2; echo "test.sh: PostgreSQL did not start" >&2; exit 1; }
add_cleanup "su postgres -s /bin/sh -c \"'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop\" >/dev/null"
export SWITCHBOARD_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "test.sh: PostgreSQL on 127.0.0.1:$pg_port"
