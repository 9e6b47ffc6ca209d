#!/usr/bin/env bash
# A backlog to one destination: k messages due at once to one mail address (queue time 0: each a message of its own),
# GreenMail on loopback: time to drain, the database's busy time, outbox rows read, WAL written.
# Usage: bench/notify-backlog.sh [sizes]      (default 1000,5000; each to a destination of its own, one server)
# A failsafe run of the one class NotifyBacklogBench (named *Bench so that mvn verify never runs it). Results on the
# console and in target/notify-backlog.txt. Environment: BENCH_PORT_OFFSET (default 200), MAVEN_ARGS (say -o plus
# the -Dit.port.offset=... of a shared machine).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -B -ntp ${MAVEN_ARGS:-} verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NotifyBacklogBench \
    -Dit.servers.port.offset="${BENCH_PORT_OFFSET:-200}" -Dargus.test.servers.startup-timeout=600 \
    -Dargus.bench.backlog="${1:-1000,5000}"
echo "results: target/notify-backlog.txt"
