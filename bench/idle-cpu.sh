#!/usr/bin/env bash
# CPU of a running server, by thread, over a window: what an idle (or nearly idle) server spends (issue 17).
#
#   bench/idle-cpu.sh [http-port] [window-seconds]      (defaults: 8080, 60)
#
# Finds the java process listening on the port, reads utime+stime of each of its threads from
# /proc/<pid>/task/*/stat at the start and at the end of the window, and prints the CPU per thread name (numbers
# in names folded to N, so a pool's threads make one row; FOLD=0 keeps one row per thread), largest first, in
# core-s over the window and core-s per second, then the total with and without the JIT compiler and JFR threads.
# The figures are /proc's; after the window (outside it) one `jcmd Thread.print` gives the Java names of the
# threads, as /proc cuts names at 15 characters. Threads that start or end inside the window count from their first
# or up to their last reading.
set -euo pipefail

port=${1:-8080}
window=${2:-60}

pid=$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
if [[ -z "$pid" ]]; then
    echo "no process listens on port $port" >&2
    exit 1
fi
tck=$(getconf CLK_TCK)

# one line per thread: tid name ticks (the name is between the first '(' and the last ')')
snapshot() {
    for stat in /proc/"$pid"/task/*/stat; do
        line=$(cat "$stat" 2>/dev/null) || continue
        tid=${line%% *}
        name=${line#*(}
        name=${name%)*}
        rest=${line##*) }
        read -r -a f <<< "$rest"
        # after the name: state is field 3, utime 14, stime 15 (1-based in proc(5)), so 11 and 12 here
        echo "$tid ${name// /_} $((f[11] + f[12]))"
    done
}

before=$(mktemp)
after=$(mktemp)
trap 'rm -f "$before" "$after"' EXIT
snapshot > "$before"
load0=$(cut -d' ' -f1-3 /proc/loadavg)
sleep "$window"
snapshot > "$after"
load1=$(cut -d' ' -f1-3 /proc/loadavg)
names=$(mktemp)
trap 'rm -f "$before" "$after" "$names"' EXIT
# tid (decimal) and Java name of each thread, from the nid= of a thread dump
jcmd "$pid" Thread.print 2>/dev/null | sed -n 's/^"\([^"]*\)".* nid=\(0x[0-9a-f]*\).*/\2 \1/p' |
    while read -r nid name; do echo "$((nid)) ${name// /_}"; done > "$names" || true

echo "server pid $pid (port $port), window ${window} s, load average at start $load0, at end $load1"
printf "%-44s %10s %12s\n" "thread" "core-s" "core-s/s"
awk -v tck="$tck" -v window="$window" -v fold="${FOLD:-1}" '
    FILENAME == ARGV[1] { java[$1] = $2; next }
    FILENAME == ARGV[2] { start[$1] = $3; next }
    {
        name = ($1 in java) ? java[$1] : $2
        isjit = name ~ /^(C[12]_Compiler|JFR)/
        if (fold) gsub(/[0-9]+/, "N", name); else name = name "#" $1
        used = $3 - (($1 in start) ? start[$1] : 0)
        cpu[name] += used
        all += used
        if (isjit) jit += used
    }
    END {
        for (name in cpu) if (cpu[name] > 0)
            printf "%-44s %10.2f %12.4f\n", name, cpu[name] / tck, cpu[name] / tck / window | "sort -k2,2nr"
        close("sort -k2,2nr")
        printf "%-44s %10.2f %12.4f\n", "all", all / tck, all / tck / window
        printf "%-44s %10.2f %12.4f\n", "all without JIT and JFR", (all - jit) / tck, (all - jit) / tck / window
    }' "$names" "$before" "$after"
