#!/usr/bin/env bash
# The kernel's floor for a TCP probe on this machine (issue 17): a C loop doing what the server's network loop does
# for a service that only connects (non-blocking connect on loopback, epoll, close), at the rates of 20,000 and
# 100,000 services probed each minute (333 and 1,667 a second). Prints user and kernel CPU per probe of the C loop,
# to set beside `argus-netloop`'s figure from bench/probe-bench.sh measured at the same rate and load. Each rate runs
# three times: waking once per probe, and waking at most every 20 ms and every 50 ms to start what is due, as the
# server's tick does (its least pause: 20 ms until session 12, 50 ms since, argus.probe.tick-millis). On a VM a sleep
# and wake-up costs tens of microseconds, so the figure batched as the server is, is the floor to compare it with.
# A fourth run at each rate makes, woken every 50 ms, the eleven system calls a probe that the JDK's SocketChannel and
# Selector make instead of the five a C loop needs; a fifth is a Java loop (NioProbeLoop.java) doing the same with
# SocketChannel and Selector and nothing else: the floors for a server on the JDK's NIO, kernel and then user time.
# A sixth (ForeignProbeLoop.java) is the C loop's five calls made from Java through Java 17's incubating foreign
# linker (jdk.incubator.foreign, JEP 412), driven as the Java NIO loop is: Java without the JDK's NIO.
#
# KERNEL_FLOOR_LAYOUT=bench probes the benchmarks' own listeners instead of one C listener on 127.0.0.1: the
# ProbeTargets of bench/probe-bench.sh (2,000 hosts 127.1.x.y, ports BENCH_PORT_BASE+0..9, two processes) at 333 a
# second and of bench/scale.sh (its first 1,000 hosts) at 1,667, each probe to one at random. That is the floor for
# those benches' figures: thousands of addresses and listeners cost the kernel a few microseconds a probe more.
#
# KERNEL_FLOOR_BATCHES="50" runs only the C loop woken every 50 ms of the first three (default "0 20 50").
# KERNEL_FLOOR_TOGETHER=1 runs the four loops woken every 50 ms at once instead of one after the other (the two Java
# loops warm up, then all four measure in the same window), so that a loaded machine's load is the same for each.
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
# the Java loops (ForeignProbeLoop measures itself with NioProbeLoop's code; javac warns of the incubating module)
javac --add-modules jdk.incubator.foreign -d "$out/classes" bench/kernel-floor/*.java 2> "$out/javac.log" \
    || { cat "$out/javac.log"; exit 1; }
layout=${KERNEL_FLOOR_LAYOUT:-one}
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
if [ "$layout" = bench ]; then
    port=${BENCH_PORT_BASE:-20000}
    mvn -B -q -ntp ${MAVEN_ARGS:-} test-compile # ProbeTargets, which needs only the JDK
    for first in 0 1000; do # as bench/probe-bench.sh: 1,000 hosts of 10 listeners a process
        rm -f "$out/targets-$first.in" && mkfifo "$out/targets-$first.in"
        java -Xmx256m -cp target/test-classes org.argusee.bench.ProbeTargets "$first" 1000 10 \
            < "$out/targets-$first.in" > "$out/targets-$first.out" 2>&1 &
        pids+=($!)
        exec {fd}> "$out/targets-$first.in" # held open: the process ends when this script does
        for _ in $(seq 1 600); do grep -q ready "$out/targets-$first.out" && break; sleep 0.1; done
        grep -q ready "$out/targets-$first.out" || { echo "the listeners did not start: $out/targets-$first.out"; exit 1; }
    done
else
    "$out/listener" "$port" &
    pids+=($!)
    for _ in $(seq 1 50); do ss -ltnH "sport = :$port" | grep -q . && break; sleep 0.1; done
fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
c_loop() { "$out/probe-loop" "$port" "$rate" "$secs" "$@" "${hosts[@]}"; }
nio_loop() {
    java -Xmx256m -XX:+UseSerialGC -XX:-UseDynamicNumberOfCompilerThreads -cp "$out/classes" NioProbeLoop \
        "$port" "$rate" "$secs" 50 "${hosts[@]}"
}
# 17.0.15 needs --enable-native-access for the linker's restricted methods (Java 16's -Dforeign.restricted=permit
# is refused); the launcher's warning about the incubating module is left out
ffi_loop() {
    java -Xmx256m -XX:+UseSerialGC -XX:-UseDynamicNumberOfCompilerThreads --add-modules jdk.incubator.foreign \
        --enable-native-access=ALL-UNNAMED -cp "$out/classes" ForeignProbeLoop "$port" "$rate" "$secs" 50 \
        "${hosts[@]}" 2> >(grep --line-buffered -v -e 'incubator modules' >&2)
}
for rate in 333 1667; do
    hosts=()
    if [ "$layout" = bench ]; then
        [ "$rate" = 333 ] && hosts=(2000 10) || hosts=(1000 10) # probe-bench's 20,000; scale.sh's 1,000 addresses
    fi
    if [ -n "${KERNEL_FLOOR_TOGETHER:-}" ]; then
        # the four loops woken every 50 ms in one window: the Java loops warm up, then all four measure at once
        # (on a shared machine, back-to-back rows see different loads; each loop still measures only itself)
        nio_loop > "$out/nio.out" 2>&1 &
        nio=$!
        ffi_loop > "$out/ffi.out" 2>&1 &
        ffi=$!
        for _ in $(seq 1 $((secs * 40 + 1200))); do
            grep -q measuring "$out/nio.out" && grep -q measuring "$out/ffi.out" && break
            sleep 0.1
        done
        c_loop 50 > "$out/c.out" &
        c=$!
        PROBE_LOOP_SYSCALLS=jdk c_loop 50 > "$out/jdk.out" &
        wait "$c" "$!" "$nio" "$ffi"
        cat "$out/c.out" "$out/jdk.out"
        grep -v measuring "$out/nio.out" "$out/ffi.out" | cut -d: -f2- || true
        continue
    fi
    for batch in ${KERNEL_FLOOR_BATCHES:-0 20 50}; do
        c_loop "$batch"
    done
    # the same woken every 50 ms, with the system calls the JDK's SocketChannel makes (probe-loop.c says which)
    PROBE_LOOP_SYSCALLS=jdk c_loop 50
    # and a Java loop on SocketChannel and Selector alone, after as long again to warm its JIT
    nio_loop 2> >(grep --line-buffered -v measuring >&2)
    # and the C loop's five calls from Java through the foreign linker
    ffi_loop 2> >(grep --line-buffered -v measuring >&2)
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
