#!/usr/bin/env bash
# Probing at scale: N TCP listeners on loopback, N services at frequency 60 s; probes/s, scheduling lag p50/p99,
# CPU per 1,000 probes, heap, and the time from a listener going down to its services showing down.
# Usage: bench/probe-bench.sh [services] [window seconds] [live sockets]      (defaults 20000, 120 and 0)
# With live sockets (issue 12: 200), as many sessions log in through the form and each opens a /live WebSocket
# (LiveClients, the JDK's client); the bench then also reports what they received during the window (lag from the
# probe's result, row.checkedAt, to receipt; bytes per change) and runs two bursts (1,000 hosts' listeners closed,
# their group checked now, then opened and checked again): time until every socket has seen every change or a
# resync, bytes per change per socket, server CPU and heap. Without sockets the window is the same (60 hosts
# flipped during it), for comparing probe lag and CPU with and without clients. BENCH_FLIP_HOSTS=0 flips none: the
# window is probing alone (issue 17's setup beside Argus 3.7); each flipped host is 20 status changes in the window.
# Quick start on ports of its own: ARGUS_URL=http://localhost:10180 after
#   mvn -o -Prun package -Dquickstart.port.offset=2100 -Dquickstart.db.port=15482 \
#       -Dquickstart.data.dir=target/livebench-data -Dquickstart.base.dir=target/livebench-run
# The listeners use ports 20000-20009 on 127.1.x.y; BENCH_PORT_BASE=23000 moves them (another bench running).
# Uses the server at ARGUS_URL (default http://localhost:8080, admin/admin or ARGUS_USER/ARGUS_PASSWORD) if one
# answers; otherwise starts a quick-start server of its own (data in target/bench-data, heap -Xmx1g) and stops it
# at the end. Options of that server by environment: QUICKSTART_ARGS (Maven -D options, e.g. its own ports:
#   "-Dquickstart.port.offset=7050 -Dquickstart.db.port=16437 -Dquickstart.data.dir=$PWD/target/qs-data
#    -Dquickstart.base.dir=target/run-perf", with ARGUS_URL=http://localhost:15130) and SERVER_JVM_OPTIONS
#   (default "-Xms256m -Xmx1g").
# RSS and PostgreSQL CPU: the server's pid is found by the port of ARGUS_URL (or ARGUS_SERVER_PID), PostgreSQL's
# postmaster by ARGUS_DB_PID or ARGUS_DB_DATA (its data directory, e.g. target/qs-data/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
export ARGUS_URL=${ARGUS_URL:-http://localhost:8080}
services=${1:-20000}
window=${2:-120}

# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -B -q -ntp ${MAVEN_ARGS:-} test-compile
# shellcheck disable=SC2086
# (to a file: on stdout Maven's colour codes ended up in the first entry)
mvn -B -q -ntp ${MAVEN_ARGS:-} -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
cp=$(cat target/bench-classpath.txt)

answers() { curl -s -o /dev/null -f -u "${ARGUS_USER:-admin}:${ARGUS_PASSWORD:-admin}" "$ARGUS_URL/api/server"; }
server_pid=
if ! answers; then
  echo "no server at $ARGUS_URL: starting a quick-start server (log: target/bench-server.log)"
  # shellcheck disable=SC2086 # QUICKSTART_ARGS is a list of options
  setsid mvn -B -ntp -Prun package -Dquickstart.data.dir=target/bench-data ${QUICKSTART_ARGS:-} \
      "-Dserver.jvm.options=${SERVER_JVM_OPTIONS:--Xms256m -Xmx1g}" > target/bench-server.log 2>&1 &
  server_pid=$!
  trap 'kill -TERM -- -$server_pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do answers && break; sleep 1; done
  answers || { echo "the server did not start; see target/bench-server.log"; exit 1; }
fi
port=$(echo "$ARGUS_URL" | sed -E 's#^[a-z]+://[^:/]+:?([0-9]*).*#\1#')
if [ -z "${ARGUS_SERVER_PID:-}" ] && [ -n "$port" ]; then
  ARGUS_SERVER_PID=$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1)
fi
if [ -z "${ARGUS_DB_PID:-}" ] && [ -f "${ARGUS_DB_DATA:-target/bench-data/postgres}/postmaster.pid" ]; then
  ARGUS_DB_PID=$(head -1 "${ARGUS_DB_DATA:-target/bench-data/postgres}/postmaster.pid")
fi
export ARGUS_SERVER_PID ARGUS_DB_PID
echo "server pid ${ARGUS_SERVER_PID:-unknown}, PostgreSQL postmaster pid ${ARGUS_DB_PID:-unknown}"
java -Xmx512m -cp "target/classes:target/test-classes:$cp" org.argusee.bench.ProbeBench "$services" "$window" "${3:-0}"
