#!/usr/bin/env bash
# Notification storm: N TCP services down at once (one listener closed), notify to two mail destinations, GreenMail
# on loopback: first transition -> first mail, mails per destination, rows/s, database commits/s, probing lag.
# Usage: bench/notify-bench.sh [services] [frequency s] [queue time s]      (defaults 2000, 10, 30)
# A failsafe run of the one class NotifyBench (named *Bench so that mvn verify never runs it). Results on the
# console and in target/notify-bench.txt. Environment: BENCH_PORT_OFFSET (default 200), MAVEN_ARGS (say -o).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -B -ntp ${MAVEN_ARGS:-} verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NotifyBench \
    -Dit.servers.port.offset="${BENCH_PORT_OFFSET:-200}" -Dargus.test.servers.startup-timeout=600 \
    -Dargus.bench.services="${1:-2000}" -Dargus.bench.frequency="${2:-10}" -Dargus.bench.qtime="${3:-30}"
echo "results: target/notify-bench.txt"
