#!/usr/bin/env bash
# Rebuild time and heap of the in-memory tree snapshot (every configuration change costs one rebuild).
# Usage: bench/tree-snapshot.sh [services] [rounds]     (defaults: 100000 services, 7 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
cp=$(mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -Xmx2g -cp "target/classes:target/test-classes:$cp" org.argusee.bench.TreeSnapshotBench "${1:-100000}" "${2:-7}"
