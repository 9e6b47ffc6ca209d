#!/usr/bin/env bash
# Servers started and killed in ways the ITs do not try (docs/reliability.md, "Killed in other ways" and "... continued"):
# one scenario of ChaosBench or ChaosMoreBench by name, each with a master and slave(s) of its own on 127.0.0.1, each
# server on a database of its own in the tests' embedded PostgreSQL (databasesKilled: on a PostgreSQL of its own each).
# Figures on the console ("chaos:" lines), in the failsafe report and in target/chaos-SCENARIO.txt.
# Usage: bench/chaos.sh SCENARIO [SCENARIO...]
#   ChaosBench:     flappingMaster twoSlavesOneTag blackHole hungMaster distributedConnected singleKill
#   ChaosMoreBench: importKill databasesKilled changedConfig configLag (-Dargus.bench.services=4000,20000 in CHAOS_ARGS)
# Environment: BENCH_PORT_OFFSET (the servers' port offset, default 200), MAVEN_ARGS (say -o for offline), CHAOS_ARGS
# (more -D options: the it.* ports; -Dchaos.db.port=N, default 16440, the first of databasesKilled's two PostgreSQLs).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n 2,10p "$0"; exit 2; }
offset=${BENCH_PORT_OFFSET:-200}
first=() more=()
for s in "$@"; do
    if grep -q "void $s()" src/test/java/org/argusee/darp/ChaosMoreBench.java; then more+=("$s"); else first+=("$s"); fi
done
tests=""
[ ${#first[@]} -eq 0 ] || tests="ChaosBench#$(IFS=+; echo "${first[*]}")"
[ ${#more[@]} -eq 0 ] || tests="${tests:+$tests,}ChaosMoreBench#$(IFS=+; echo "${more[*]}")"
# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -B -ntp ${MAVEN_ARGS:-} verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$tests" \
    -Dit.servers.port.offset="$offset" ${CHAOS_ARGS:-} -Dargus.test.servers.startup-timeout=600 -Dspotless.check.skip=true
