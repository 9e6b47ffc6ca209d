#!/usr/bin/env bash
# DARP at scale: a master and two slaves (separate WildFly processes, one embedded PostgreSQL with a database each,
# all on 127.0.0.1), N redundant TCP services and F failover ones imported on the master; report -> combined
# latency, bytes per report on the wire, failover time of a hung and a killed master. Results on the console and in
# target/darp-bench.txt; what each figure is: docs/benchmarks.md.
# Usage: bench/darp-bench.sh [services] [failover services]      (defaults 10000 and 1000)
# Environment: BENCH_PORT_OFFSET (the servers' port offset, default 200; two runs side by side need different ones),
# BENCH_FREQUENCY (seconds, default 60), BENCH_TAGS (darp_tags of the redundant group, default '*'),
# BENCH_GRAVITY (default down), MAVEN_ARGS (say -o for offline).
# It is a failsafe run of the one class DarpBench (named *Bench so that mvn verify never runs it): it builds the WAR
# and the server as verify does, runs no other test.
set -euo pipefail
cd "$(dirname "$0")/.."
services=${1:-10000}
failover=${2:-1000}
offset=${BENCH_PORT_OFFSET:-200}

# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -B -ntp ${MAVEN_ARGS:-} verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DarpBench \
    -Dit.servers.port.offset="$offset" -Dargus.test.servers.startup-timeout=600 \
    -Dargus.bench.services="$services" -Dargus.bench.failover-services="$failover" \
    -Dargus.bench.frequency="${BENCH_FREQUENCY:-60}" -Dargus.bench.tags="${BENCH_TAGS:-*}" \
    -Dargus.bench.gravity="${BENCH_GRAVITY:-down}"
echo "results: target/darp-bench.txt"
