#!/usr/bin/env bash
# A local three-node cluster with its own PostgreSQL, all on loopback, for trying a cluster out:
#   deploy/cluster.sh start    builds the jar if needed, starts PostgreSQL (port 55432) and nodes on
#                              http://127.0.0.1:8081/ .8082/ .8083/ (Hazelcast 5801-5803, quorum 2)
#   deploy/cluster.sh status   each node's /health
#   deploy/cluster.sh kill N   SIGKILL node N (1-3), to watch a failover
#   deploy/cluster.sh restart N starts node N again
#   deploy/cluster.sh stop     stops the nodes and PostgreSQL (the data stays in deploy/.cluster/)
#   deploy/cluster.sh pg [DB]  only PostgreSQL (and a fresh database DB); prints its JDBC URL
# Needs Debian's postgresql package (initdb, pg_ctl). As root, PostgreSQL runs as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=deploy/.cluster
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgport=55432
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_pg() {
  mkdir -p "$dir"
  if [ ! -f "$dir/pg/PG_VERSION" ]; then
    mkdir -p "$dir/pg"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir/pg"; fi
    as_pg "$pgbin/initdb" -D "$dir/pg" -U postgres --auth=trust -E UTF8 >/dev/null
    fresh=1
  fi
  touch "$dir/pg.log"
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir/pg" "$dir/pg.log"; fi
  as_pg "$pgbin/pg_ctl" -D "$dir/pg" status >/dev/null 2>&1 \
    || as_pg "$pgbin/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" -o "-p $pgport -c listen_addresses=127.0.0.1 -k /tmp" -w start >/dev/null
  as_pg "$pgbin/psql" -h 127.0.0.1 -p $pgport -U postgres -tc "SELECT 1 FROM pg_roles WHERE rolname='phonghop'" | grep -q 1 \
    || as_pg "$pgbin/psql" -h 127.0.0.1 -p $pgport -U postgres -c "CREATE ROLE phonghop LOGIN" >/dev/null
  as_pg "$pgbin/psql" -h 127.0.0.1 -p $pgport -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='phonghop'" | grep -q 1 \
    || as_pg "$pgbin/psql" -h 127.0.0.1 -p $pgport -U postgres -c "CREATE DATABASE phonghop OWNER phonghop" >/dev/null
}

running() { [ -f "$dir/node$1.pid" ] && kill -0 "$(cat "$dir/node$1.pid")" 2>/dev/null; }

launch_node() {
  local n=$1
  if running "$n"; then echo "node $n is running already (pid $(cat "$dir/node$n.pid"))" >&2; exit 1; fi
  mkdir -p "$dir/node$n"
  PORT=$((8080 + n)) DATA_DIR="$dir/node$n" DB_URL="jdbc:postgresql://127.0.0.1:$pgport/phonghop" DB_USER=phonghop \
    CLUSTER_NAME=phonghop-local CLUSTER_INTERFACE=127.0.0.1 CLUSTER_PORT=$((5800 + n)) CLUSTER_QUORUM=2 \
    CLUSTER_MEMBERS=127.0.0.1:5801,127.0.0.1:5802,127.0.0.1:5803 \
    nohup java ${JAVA_OPTS:-} -jar server/target/phonghop-server.jar >"$dir/node$n.log" 2>&1 &
  echo $! >"$dir/node$n.pid"
}

await_node() {
  local n=$1
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$((8080 + n))/health" >/dev/null 2>&1 && { echo "node $n: http://127.0.0.1:$((8080 + n))/"; return; }
    kill -0 "$(cat "$dir/node$n.pid")" 2>/dev/null || { echo "node $n exited, see $dir/node$n.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "node $n did not become healthy, see $dir/node$n.log" >&2; exit 1
}

case "${1:-}" in
  start)
    [ -f server/target/phonghop-server.jar ] || mvn -B -q install -DskipTests
    start_pg
    for n in 1 2 3; do launch_node "$n"; done   # together: with quorum 2 no node decides alone
    for n in 1 2 3; do await_node "$n"; done
    # on an empty store the oldest member seeds the demo once the quorum forms, and logs its accounts and codes
    if [ "${fresh:-0}" = 1 ]; then
      for _ in $(seq 1 240); do
        seeded=$(grep -l 'shared password' "$dir"/node?.log 2>/dev/null | head -1 || true)
        [ -n "$seeded" ] && { sed -n '/shared password/,/^"/p' "$seeded" | grep -v '^"'; break; }
        sleep 0.5
      done
      [ -n "${seeded:-}" ] || echo "the demo was not seeded: see $dir/node*.log" >&2
    fi
    ;;
  pg)
    # PostgreSQL alone (for the benchmark's cluster runs); with a name, a fresh database of that name too
    start_pg
    if [ -n "${2:-}" ]; then as_pg "$pgbin/psql" -h 127.0.0.1 -p $pgport -U postgres -qc "CREATE DATABASE \"$2\" OWNER phonghop"; fi
    echo "jdbc:postgresql://127.0.0.1:$pgport/${2:-phonghop}"
    ;;
  status)
    for n in 1 2 3; do printf 'node %s: ' "$n"; curl -fsS "http://127.0.0.1:$((8080 + n))/health?meeting=mt-demo" || printf 'down'; echo; done
    ;;
  kill)
    kill -9 "$(cat "$dir/node${2:?which node}.pid")"
    ;;
  restart)
    # a node back after a kill or a stop: it joins the others and rebuilds from the store
    launch_node "${2:?which node}"; await_node "$2"
    ;;
  stop)
    for n in 1 2 3; do [ -f "$dir/node$n.pid" ] && kill "$(cat "$dir/node$n.pid")" 2>/dev/null || true; done
    for n in 1 2 3; do [ -f "$dir/node$n.pid" ] && while kill -0 "$(cat "$dir/node$n.pid")" 2>/dev/null; do sleep 0.2; done; rm -f "$dir/node$n.pid"; done
    as_pg "$pgbin/pg_ctl" -D "$dir/pg" -w stop >/dev/null 2>&1 || true
    ;;
  *) sed -n 2,9p "$0" >&2; exit 2 ;;
esac
