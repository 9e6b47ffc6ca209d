#!/usr/bin/env bash
# The dashboard's first load at scale in headless Debian chromium (issue 12): imports N TCP services under a fresh
# group (nothing listens on their 127.3.x.y addresses; frequency 1 h), logs in through the form, loads the
# dashboard `loads` times and prints the time from the navigation's start until the summary and the tree's first
# level are drawn (the page's body[data-ready]), the dashboard API calls' times, then the time to open the bench
# group (its subgroups drawn). Deletes the group at the end. Needs chromium and chromium-driver (Debian packages).
# Usage: bench/dashboard-load.sh [services] [loads]      (defaults 100000 and 5)
# Against the server at ARGUS_URL (default http://localhost:8080; ARGUS_USER/ARGUS_PASSWORD, default admin/admin),
# which must be running (bench/probe-bench.sh says how to start a quick start on ports of its own).
set -euo pipefail
cd "$(dirname "$0")/.."
export ARGUS_URL=${ARGUS_URL:-http://localhost:8080}
# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -B -q -ntp ${MAVEN_ARGS:-} test-compile
# shellcheck disable=SC2086
# (to a file: on stdout Maven's colour codes ended up in the first entry)
mvn -B -q -ntp ${MAVEN_ARGS:-} -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
cp=$(cat target/bench-classpath.txt)
java -Xmx512m -cp "target/classes:target/test-classes:$cp" org.argusee.bench.DashboardLoadBench "${1:-100000}" "${2:-5}"
