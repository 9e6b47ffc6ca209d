#!/usr/bin/env bash
# What a change spends on the new problems to log and on a DARP master's combined services, whole and from the
# changed objects alone (in-process, IncrementalWalksBench).
# Usage: bench/incremental-walks.sh [services] [rounds]     (defaults: 100000 services, 9 rounds of 4 changes)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -B -q ${MAVEN_ARGS:-} test-compile
# shellcheck disable=SC2086
cp=$(mvn -B -q ${MAVEN_ARGS:-} -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=/dev/stdout)
exec java -Xmx2g -cp "target/classes:target/test-classes:$cp" org.argusee.bench.IncrementalWalksBench \
    "${1:-100000}" "${2:-9}"
