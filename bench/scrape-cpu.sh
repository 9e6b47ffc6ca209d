#!/usr/bin/env bash
# CPU the server spends per request of one path (default /api/metrics, a Prometheus scrape), issue 17:
#
#   bench/scrape-cpu.sh [http-port] [requests]        (defaults: 8080, 100; SCRAPE_PATH=/api/server for another path)
#
# Sends the requests one after the other on one kept-alive connection (one curl, HTTP Basic as ARGUS_USER /
# ARGUS_PASSWORD, default admin/admin), as Prometheus does, and reads utime+stime of the server's threads from
# /proc/<pid>/task/*/stat before and after, leaving out the JIT compiler's threads. An idle server spends about
# 0.006 core-s a second meanwhile (bench/idle-cpu.sh): a few percent of a run of 100.
set -euo pipefail

port=${1:-8080}
n=${2:-100}
path=${SCRAPE_PATH:-/api/metrics}
pid=$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
if [[ -z "$pid" ]]; then
    echo "no process listens on port $port" >&2
    exit 1
fi
tck=$(getconf CLK_TCK)

# ticks of all the server's threads but the JIT compiler's
ticks() {
    local sum=0 line name rest
    for stat in /proc/"$pid"/task/*/stat; do
        line=$(cat "$stat" 2>/dev/null) || continue
        name=${line#*(}
        name=${name%)*}
        [[ $name == C[12]\ Compiler* || $name == C[12]_Compiler* ]] && continue
        rest=${line##*) }
        read -r -a f <<< "$rest"
        sum=$((sum + f[11] + f[12]))
    done
    echo "$sum"
}

urls=()
for _ in $(seq 1 "$n"); do urls+=(-o /dev/null "http://localhost:$port$path"); done
start=$(date +%s.%N)
before=$(ticks)
curl -s -u "${ARGUS_USER:-admin}:${ARGUS_PASSWORD:-admin}" "${urls[@]}"
after=$(ticks)
end=$(date +%s.%N)
echo "$n requests of $path in $(echo "$end - $start" | bc) s: server CPU without the JIT" \
    "$(((after - before) * 1000 / tck)) ms, $(echo "scale=2; ($after - $before) * 1000 / $tck / $n" | bc) ms a request" \
    "(load $(cut -d' ' -f1 /proc/loadavg))"
