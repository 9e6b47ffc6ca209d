#!/usr/bin/env bash
# Servers started and killed in ways the ITs do not try (docs/reliability.md, "Killed in other ways"): one scenario
# of ChaosBench by name, each with a master and slave(s) of its own on 127.0.0.1, each server on a database of its
# own in the tests' embedded PostgreSQL. Figures on the console ("chaos:" lines) and in the failsafe report.
# Usage: bench/chaos.sh SCENARIO [SCENARIO...]
#   scenarios: flappingMaster twoSlavesOneTag blackHole hungMaster singleKill
# Environment: BENCH_PORT_OFFSET (the servers' port offset, default 200), MAVEN_ARGS (say -o for offline).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n 2,7p "$0"; exit 2; }
offset=${BENCH_PORT_OFFSET:-200}
tests="ChaosBench#$(IFS=+; echo "$*")"
# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -B -ntp ${MAVEN_ARGS:-} verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$tests" \
    -Dit.servers.port.offset="$offset" ${CHAOS_ARGS:-} -Dargus.test.servers.startup-timeout=600 -Dspotless.check.skip=true
