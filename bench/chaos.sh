#!/usr/bin/env bash
# Servers started and killed in ways the ITs do not try (docs/reliability.md, "Killed in other ways" and "... continued"):
# one scenario of ChaosBench or ChaosMoreBench by name, each with a master and slave(s) of its own on 127.0.0.1, each
# server on a database of its own in the tests' embedded PostgreSQL (databasesKilled: on a PostgreSQL of its own each).
# Figures on the console ("chaos:" lines), in the failsafe report and in target/chaos-SCENARIO.txt.
# Usage: bench/chaos.sh SCENARIO [SCENARIO...]
#   ChaosBench:     flappingMaster twoSlavesOneTag blackHole hungMaster distributedConnected singleKill
#   ChaosMoreBench: importKill databasesKilled changedConfig configLag (-Dargus.bench.services=4000,20000 in CHAOS_ARGS)
#   ClockStepBench: clockStep pairStep (each server under libfaketime; as root, when missing: apt-get install faketime)
# Environment: BENCH_PORT_OFFSET (the servers' port offset, default 200), MAVEN_ARGS (say -o for offline), CHAOS_ARGS
# (more -D options: the it.* ports; -Dchaos.db.port=N, default 16440, the first of databasesKilled's two PostgreSQLs).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n 2,11p "$0"; exit 2; }
offset=${BENCH_PORT_OFFSET:-200}
first=() more=() clock=()
for s in "$@"; do
    if grep -q "void $s()" src/test/java/org/argusee/darp/ChaosMoreBench.java; then more+=("$s")
    elif grep -q "void $s()" src/test/java/org/argusee/darp/ClockStepBench.java; then clock+=("$s")
    else first+=("$s"); fi
done
if [ ${#clock[@]} -gt 0 ] && [ ! -e /usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1 ]; then
    echo "clockStep needs libfaketime: apt-get install faketime (as root)" >&2; exit 2
fi
tests=""
[ ${#first[@]} -eq 0 ] || tests="ChaosBench#$(IFS=+; echo "${first[*]}")"
[ ${#more[@]} -eq 0 ] || tests="${tests:+$tests,}ChaosMoreBench#$(IFS=+; echo "${more[*]}")"
[ ${#clock[@]} -eq 0 ] || tests="${tests:+$tests,}ClockStepBench#$(IFS=+; echo "${clock[*]}")"
# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -B -ntp ${MAVEN_ARGS:-} verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$tests" \
    -Dit.servers.port.offset="$offset" ${CHAOS_ARGS:-} -Dargus.test.servers.startup-timeout=600 -Dspotless.check.skip=true
