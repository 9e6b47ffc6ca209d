#!/usr/bin/env bash
# Issue 15's fuzzing run, full form: COUNT malformed inputs per target (default 10000) against the config parser and
# importer (texts, archives), the parameter values of every service type, the REST API of the deployed server and
# DARP (challenge, login, config, stream). Same seed, same inputs: SEED replays a run. Prints one line per target
# ("fuzz <target>: N inputs, F failed, ...") and the server's heap before and after; docs/security.md has the table.
# Usage: bench/fuzz.sh [count] [seed]     Extra Maven arguments (port offsets): MVN_ARGS="-Dit.port.offset=..."
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
seed="${2:-20261206}"
log=target/fuzz-$(date -u +%Y%m%dT%H%M%SZ).log
mkdir -p target
echo "fuzz: $count inputs per target, seed $seed, log $log"
# shellcheck disable=SC2086
mvn -B -o verify -Dargus.fuzz.count="$count" -Dargus.fuzz.seed="$seed" \
    -Dtest='ConfigFuzzTest,ParameterFuzzTest' -Dit.test='RestFuzzIT,DarpFuzzIT' \
    -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true ${MVN_ARGS:-} >"$log" 2>&1 || status=$?
grep -hE "fuzz .*inputs|fuzz heap|Tests run:" "$log" target/failsafe-reports/*FuzzIT-output.txt 2>/dev/null | sort -u
exit "${status:-0}"
