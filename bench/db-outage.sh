#!/usr/bin/env bash
# Database outage drills, full form (docs/reliability.md, "Database outage"): a server on a PostgreSQL of its own
# (synchronous commit on, as the quick start), which is stopped for the given time then started, then killed with
# SIGKILL and started, then starved (its pool held by requests behind a slow query's lock, pg_sleep) for as long.
# Throughout, a TCP service flips up and down; every transition must be stored afterwards, in order.
# Usage: bench/db-outage.sh [outage s] [steady graphed services] [argus.status.queue-max]   (defaults 300, 2000, 200000)
# A failsafe run of DatabaseOutageIT (its CI form is 30 s and no steady services). One line per drill in
# target/drill-figures.txt: transitions made and lost, when the marker came, how long until writes resumed, the
# slowest read, the highest heap in use and queue length. Environment: BENCH_PORT_OFFSET (default 200), MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f target/drill-figures.txt
# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -B -ntp ${MAVEN_ARGS:-} verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DatabaseOutageIT \
    -Dit.servers.port.offset="${BENCH_PORT_OFFSET:-200}" -Dargus.test.servers.startup-timeout=600 \
    -Ddrill.outage.seconds="${1:-300}" -Ddrill.services="${2:-2000}" -Ddrill.queue-max="${3:-200000}"
cat target/drill-figures.txt
