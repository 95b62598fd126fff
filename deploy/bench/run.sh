#!/usr/bin/env bash
# Runs one benchmark scenario and prints one JSON line of results on stdout (progress on stderr).
#   deploy/bench/run.sh congress [tablets=1500 spreadSeconds=10 burstSeconds=1 flood=1]
#   deploy/bench/run.sh fanout   [tablets=10000 advances=20 baselines=vertx,node addresses=8]
#   deploy/bench/run.sh smoke    (what CI runs: 20 tablets, checks only that it works)
#   deploy/bench/run.sh congress nodes=2   the congress on two clustered nodes on PostgreSQL (pg=1: one node on it)
# The server under test is the real fat jar, started on a fresh data directory; traffic stays on 127.0.0.0/8.
# BUILD=1 rebuilds the jars first; BENCH_JVM sets the load generator's JVM options. It runs on ZGC:
# a G1 pause of the load generator (55–91 ms measured) stalls all its tablets at once and shows up
# as the server's latency on every one of them.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -lt 1 ]; then sed -n 2,8p "$0" >&2; exit 2; fi
if [ "${BUILD:-0}" = 1 ] || [ ! -f server/target/phonghop-server.jar ] || [ ! -f deploy/bench/target/phonghop-bench.jar ]; then
  mvn -B -q install -DskipTests >&2
fi
# the Node.js baseline: `ws` from npm, installed here at run time (node_modules is git-ignored)
if { [ "$1" = fanout ] || [ "$1" = evening ]; } && command -v npm >/dev/null 2>&1 && [ ! -d deploy/bench/node/node_modules/ws ]; then
  (cd deploy/bench/node && npm install --no-audit --no-fund --loglevel=error >&2)
fi
# nodes=N (a cluster) or pg=1: the server on PostgreSQL 15 from deploy/cluster.sh, a fresh database per run
for a in "$@"; do case "$a" in nodes=*|pg=1) want_pg=1 ;; esac; done
if [ "${want_pg:-0}" = 1 ]; then
  set -- "$@" "dbUrl=$(deploy/cluster.sh pg "bench_$(date +%s)_$$" | tail -1)"
fi
exec java ${BENCH_JVM:--Xmx3g -XX:+UseZGC} -jar deploy/bench/target/phonghop-bench.jar "$@"
