#!/usr/bin/env bash
# Issue 16's drills in full: an active/standby master pair (two WildFly processes on one database of the embedded
# PostgreSQL, 127.0.0.1 only), N services probed every second, R rounds alternately SIGKILL and SIGSTOP of the
# active one. Figures per round (time to take over, to step down, transitions expected/stored/twice, writes refused
# by fencing) on the console and in target/master-pair-bench.txt; docs/reliability.md explains them.
# Usage: bench/master-pair.sh [services] [rounds]      (defaults 20 and 6)
# Environment: BENCH_PORT_OFFSET (the servers' port offset, default 200), MAVEN_ARGS (say -o for offline).
# A failsafe run of the one class MasterPairBench (named *Bench so that mvn verify never runs it).
set -euo pipefail
cd "$(dirname "$0")/.."
services=${1:-20}
rounds=${2:-6}
offset=${BENCH_PORT_OFFSET:-200}

# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -B -ntp ${MAVEN_ARGS:-} verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=MasterPairBench \
    -Dit.servers.port.offset="$offset" -Dargus.test.servers.startup-timeout=600 \
    -Dargus.bench.services="$services" -Dargus.bench.rounds="$rounds"
echo "results: target/master-pair-bench.txt"
