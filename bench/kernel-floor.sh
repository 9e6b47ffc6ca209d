#!/usr/bin/env bash
# The kernel's floor for a TCP probe on this machine (issue 17): a C loop doing what the server's network loop does
# for a service that only connects (non-blocking connect on loopback, epoll, close), at the rates of 20,000 and
# 100,000 services probed each minute (333 and 1,667 a second). Prints user and kernel CPU per probe of the C loop,
# to set beside `argus-netloop`'s figure from bench/probe-bench.sh measured at the same rate and load. Each rate runs
# three times: waking once per probe, and waking at most every 20 ms and every 50 ms to start what is due, as the
# server's tick does (its least pause: 20 ms until session 12, 50 ms since, argus.probe.tick-millis). On a VM a sleep
# and wake-up costs tens of microseconds, so the figure batched as the server is, is the floor to compare it with.
#
#   bench/kernel-floor.sh [seconds per rate]       (default 30; needs gcc; loopback only)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
port=${KERNEL_FLOOR_PORT:-39777}
out=target/kernel-floor
mkdir -p "$out"
gcc -O2 -Wall -o "$out/probe-loop" bench/kernel-floor/probe-loop.c
gcc -O2 -Wall -o "$out/listener" bench/kernel-floor/listener.c
"$out/listener" "$port" &
listener=$!
trap 'kill $listener 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do ss -ltnH "sport = :$port" | grep -q . && break; sleep 0.1; done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for rate in 333 1667; do
    for batch in 0 20 50; do
        "$out/probe-loop" "$port" "$rate" "$secs" "$batch"
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
