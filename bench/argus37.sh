#!/usr/bin/env bash
# The original Argus 3.7 (Perl, one process, one select loop) probing N TCP services at frequency 60 s against the
# loopback listeners of bench/probe-bench.sh (issue 17's comparison, "a third of what Argus 3.7 spends"): its process
# CPU (utime + stime of argusd and its children, from /proc) per 1,000 probes over a window, the probes/s it achieved
# against the planned N/60, and its RSS.
#
# What each side does per probe (the same work):
# - this server (bench/probe-bench.sh): `Service TCP { port: P }` with no send, expect or readhow: TcpExchange opens a
#   non-blocking socket, connects, and on OP_CONNECT calls finishConnect; the service is up, the socket closed.
#   Nothing is sent or read.
# - Argus 3.7 here: the same `Service TCP { port: P }` with no send, expect or readhow: TCP.pm opens a socket, connects
#   non-blocking, and when select says writable reads SO_ERROR; "success is a connected socket": up, closed. Nothing
#   is sent or read.
# - the listeners: ProbeTargets (the test classes of bench/probe-bench.sh), hosts 127.1.x.y with 10 ports each from
#   BENCH_PORT_BASE, 1,500 hosts a process; each accepts a connection and closes it at once, sending nothing.
# The config is the bench's: a Host per address (named and reached by its IP literal), 10 TCP services each,
# frequency 60 at the top, every other setting Argus's default. The probes counted are the connections the listeners
# accepted during the window (and, beside them, Argus's own counter: `argusctl status raw=1`, "tested").
# How the two differ beyond the probe: Argus 3.7 keeps whole-second schedules (each service at a fixed second of
# the minute) and starts at most 50 due services per turn of its select loop, waiting at least 1 s when no socket is
# busy; this server's tick starts what is due every 50 ms. Argus 3.7 has no database; this server writes results to
# PostgreSQL (its CPU is printed apart by bench/probe-bench.sh).
#
# Usage: bench/argus37.sh [services] [window seconds]          (defaults 20000 and 120)
# Environment:
#   ARGUS37_HOME    an installed Argus 3.7 (runs $ARGUS37_HOME/sbin/argusd and sbin/argusctl), or else
#   ARGUS37_SRC     its source (a checkout of github.com/jaw0/argus): copied to target/argus37/src, the dangling
#                   links of the checkout fixed, then `./Configure` and `make install` into target/argus37 (once; a
#                   later run reuses it). The checkout's src/Encoding::BER.pm and src/Encoding::BER::SNMP.pm point
#                   into a tree it does not hold: they are taken from ARGUS37_ENCODING_BER (a checkout of
#                   github.com/jaw0/Encoding-BER: lib/Encoding/BER.pm and lib/Encoding/BER/SNMP.pm); src/Chart::Strip.pm
#                   (graphs, which need GD) becomes an empty package. Without Socket6, GD, DBI, Net::SSLeay none of
#                   IPv6, graphs, database tests or extended SSL work; none is used here.
#   BENCH_PORT_BASE the listeners' first port (default 20000); another bench beside this one needs another base.
#   ARGUS37_DATA    argusd's data directory (-a: its log, control socket, state), default target/argus37-data-<pid>;
#                   made from the installation's data directory, deleted at the end unless given.
#   ARGUS37_WARMUP  seconds from the first accepted probe to the window (default 90: Argus 3.7 gives each service a
#                   fixed second of the minute, so after one frequency it probes at its steady rate; the rate of each
#                   10 s until then is printed).
#   ARGUS37_LOAD_TIMEOUT  seconds argusd may take to load its config, until its first probe (default 1800: it took
#                   37-52 s for 20,000 services here, 617 s for 100,000).
# Needs perl, java (the listeners) and Maven only if the test classes are not compiled. Loopback only: the config
# holds IP literals 127.x.y.z, sets `resolv_autoconf: no`, and notifies no one.
set -euo pipefail
cd "$(dirname "$0")/.."
services=${1:-20000}
window=${2:-120}
ports=10
hosts=$(( (services + ports - 1) / ports ))
services=$(( hosts * ports ))
base=${BENCH_PORT_BASE:-20000}
warmup=${ARGUS37_WARMUP:-90}
hosts_per_process=1500

build_from_source() { # $1: the source checkout; installs into target/argus37
    local src=$1 dest=$PWD/target/argus37
    if [ -x "$dest/sbin/argusd" ]; then echo "$dest"; return; fi
    rm -rf "$dest/src" && mkdir -p "$dest" && cp -a "$src" "$dest/src"
    local link
    for link in "Encoding::BER" "Encoding::BER::SNMP"; do
        if [ ! -e "$dest/src/src/$link.pm" ]; then
            [ -n "${ARGUS37_ENCODING_BER:-}" ] || { echo "src/$link.pm dangles: set ARGUS37_ENCODING_BER" >&2; exit 1; }
            rm -f "$dest/src/src/$link.pm"
            cp "$ARGUS37_ENCODING_BER/lib/${link//:://}.pm" "$dest/src/src/$link.pm"
        fi
    done
    if [ ! -e "$dest/src/src/Chart::Strip.pm" ]; then
        rm -f "$dest/src/src/Chart::Strip.pm"
        printf 'package Chart::Strip;\n# placeholder: graphing needs GD, absent here\n1;\n' > "$dest/src/src/Chart::Strip.pm"
    fi
    (cd "$dest/src" && ./Configure --bin_dir="$dest/bin" --sbin_dir="$dest/sbin" --lib_dir="$dest/lib" \
        --data_dir="$dest/data" --cgi_dir="$dest/cgi" --www_dir="$dest/www" < /dev/null \
        && make && make install) > "$dest/build.log" 2>&1 || { echo "build failed: $dest/build.log" >&2; exit 1; }
    echo "$dest"
}

if [ -n "${ARGUS37_HOME:-}" ]; then
    home=$ARGUS37_HOME
elif [ -n "${ARGUS37_SRC:-}" ]; then
    home=$(build_from_source "$ARGUS37_SRC")
else
    echo "set ARGUS37_HOME (an installed Argus 3.7) or ARGUS37_SRC (its source)" >&2
    exit 1
fi
argusd=$home/sbin/argusd
[ -x "$argusd" ] || { echo "no $argusd" >&2; exit 1; }

out=target/argus37-bench/$base # its own per listener ports: a run beside another must not share the listeners' files
mkdir -p "$out"
data=${ARGUS37_DATA:-target/argus37-data-$$}
keep_data=${ARGUS37_DATA:+yes}
if [ ! -d "$data" ]; then cp -r "$home/data" "$data"; fi
mkdir -p "$data/html" "$data/gdata" "$data/notify" "$data/stats" # argusd checks these at its start
touch "$data/log" "$data/notno"
data=$(cd "$data" && pwd)

# the config: the hosts of bench/probe-bench.sh (ProbeTargets.address), 10 TCP services each
config=$out/config-$services
generate() { # $1: the number of hosts
    awk -v hosts="$1" -v base="$base" -v ports="$ports" 'BEGIN {
    print "# generated by bench/argus37.sh: loopback only"
    print "resolv_autoconf: no"
    print "frequency: 60"
    for (h = 0; h < hosts; h++) {
        a = sprintf("127.%d.%d.%d", 1 + int(h / 62500), int((h % 62500) / 250), h % 250 + 1)
        print "Host \"" a "\" {"
        for (p = 0; p < ports; p++) printf "\tService TCP {\n\t\tport: %d\n\t}\n", base + p
        print "}"
    }
}'
}
generate "$hosts" > "$config"
# argusd -t checks a config far slower than argusd loads it (over a minute for 20,000 services): a sample of ten
# hosts shows the syntax is accepted, the rest is the same lines
generate 10 > "$out/config-sample"
"$argusd" -t -c "$out/config-sample" > "$out/config-check.log" 2>&1 \
    || { echo "argusd refused $out/config-sample:"; cat "$out/config-check.log"; exit 1; }

# the listeners: ProbeTargets of the test classes, as bench/probe-bench.sh and bench/kernel-floor.sh start them
if [ ! -f target/test-classes/org/argusee/bench/ProbeTargets.class ] \
        || [ src/test/java/org/argusee/bench/ProbeTargets.java -nt target/test-classes/org/argusee/bench/ProbeTargets.class ]; then
    # shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
    mvn -B -q -ntp ${MAVEN_ARGS:-} test-compile
fi
pids=()
fds=()
argus_pid=
cleanup() {
    if [ -n "$argus_pid" ]; then kill "$argus_pid" 2>/dev/null || true; wait "$argus_pid" 2>/dev/null || true; fi
    kill "${pids[@]}" 2>/dev/null || true
    if [ -z "$keep_data" ]; then rm -rf "$data"; fi
}
trap cleanup EXIT
for (( first = 0; first < hosts; first += hosts_per_process )); do
    n=$(( hosts - first < hosts_per_process ? hosts - first : hosts_per_process ))
    rm -f "$out/targets-$first.in" && mkfifo "$out/targets-$first.in"
    BENCH_PORT_BASE=$base java -Xmx256m -cp target/test-classes org.argusee.bench.ProbeTargets "$first" "$n" "$ports" \
        < "$out/targets-$first.in" > "$out/targets-$first.out" 2>&1 &
    pids+=($!)
    exec {fd}> "$out/targets-$first.in" # held open: the process ends when this script does
    fds+=("$fd")
    for _ in $(seq 1 600); do grep -q ready "$out/targets-$first.out" && break; sleep 0.1; done
    grep -q ready "$out/targets-$first.out" || { echo "the listeners did not start: $out/targets-$first.out"; exit 1; }
done
echo "$services listeners on $hosts loopback addresses (ports $base-$((base + ports - 1))), ${#pids[@]} processes"

accepts() { # the connections all listener processes have accepted so far
    local sum=0 i before line
    for i in "${!pids[@]}"; do
        local file=$out/targets-$(( i * hosts_per_process )).out
        before=$(grep -c '^accepts' "$file" || true)
        echo count >&"${fds[$i]}"
        for _ in $(seq 1 200); do [ "$(grep -c '^accepts' "$file" || true)" -gt "$before" ] && break; sleep 0.02; done
        line=$(grep '^accepts' "$file" | tail -1)
        sum=$(( sum + ${line#accepts } ))
    done
    echo "$sum"
}
tree_cpu_ticks() { # utime + stime of $1 and its live descendants, plus what its reaped children spent
    local sum=0 p
    for p in $1 $(pgrep -P "$1" || true); do
        [ -r "/proc/$p/stat" ] || continue
        # fields after the command's closing parenthesis: utime stime cutime cstime are the 12th-15th
        sum=$(( sum + $(sed -E 's/.*\) //' "/proc/$p/stat" | awk '{ print $12 + $13 + $14 + $15 }') ))
    done
    echo "$sum"
}
tree_rss_kb() {
    local sum=0 p
    for p in $1 $(pgrep -P "$1" || true); do
        sum=$(( sum + $(awk '/^VmRSS/ { print $2 }' "/proc/$p/status" 2>/dev/null || echo 0) ))
    done
    echo "$sum"
}
tested() { # Argus's own count of tests done
    { "$home/sbin/argusctl" -c "$data/control" status raw=1 2>/dev/null || true; } | awk '/^tested:/ { print $2 }'
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
started=$(date +%s.%N)
"$argusd" -f -a "$data" -c "$config" > "$out/argusd.out" 2>&1 &
argus_pid=$!
a0=$(accepts)
load_deadline=$(( $(date +%s) + ${ARGUS37_LOAD_TIMEOUT:-1800} ))
until [ "$(accepts)" -gt "$a0" ]; do
    kill -0 "$argus_pid" 2>/dev/null || { echo "argusd ended: $out/argusd.out"; cat "$out/argusd.out"; exit 1; }
    [ "$(date +%s)" -lt "$load_deadline" ] || { echo "no probe within ${ARGUS37_LOAD_TIMEOUT:-1800} s of argusd's start"; exit 1; }
    sleep 1
done
first=$(date +%s.%N)
printf 'argusd pid %d: first probe %.1f s after its start (config of %d services loaded); RSS %d MB\n' \
    "$argus_pid" "$(echo "$first - $started" | bc)" "$services" $(( $(tree_rss_kb "$argus_pid") / 1024 ))
prev=$(accepts)
for (( t = 10; t <= warmup; t += 10 )); do
    sleep 10
    now=$(accepts)
    printf 'warm-up %3d s: %.1f probes/s (planned %.1f)\n' "$t" "$(echo "($now - $prev) / 10" | bc -l)" \
        "$(echo "$services / 60" | bc -l)"
    prev=$now
done

hz=$(getconf CLK_TCK)
load0=$(cut -d' ' -f1-3 /proc/loadavg)
c0=$(accepts)
n0=$(tested)
cpu0=$(tree_cpu_ticks "$argus_pid")
t0=$(date +%s.%N)
sleep "$window"
cpu1=$(tree_cpu_ticks "$argus_pid")
t1=$(date +%s.%N)
c1=$(accepts)
n1=$(tested)
rss=$(tree_rss_kb "$argus_pid")
load1=$(cut -d' ' -f1-3 /proc/loadavg)
secs=$(echo "$t1 - $t0" | bc -l)
probes=$(( c1 - c0 ))
cpu=$(echo "($cpu1 - $cpu0) / $hz" | bc -l)
printf 'window %s UTC, %.0f s: probes/s %.1f by the listeners'"'"' accepts (%s by argusctl'"'"'s tested), planned %.1f\n' \
    "$(date -u -d "@${t0%.*}" +%H:%M:%S)" "$secs" "$(echo "$probes / $secs" | bc -l)" \
    "$( [ -n "$n0" ] && [ -n "$n1" ] && printf '%.1f' "$(echo "($n1 - $n0) / $secs" | bc -l)" || echo unknown)" \
    "$(echo "$services / 60" | bc -l)"
if [ "$probes" -gt 0 ]; then
    printf 'CPU %.3f s per 1,000 probes (argusd and its children, %.1f %% of one core); RSS %d MB\n' \
        "$(echo "$cpu / $probes * 1000" | bc -l)" "$(echo "100 * $cpu / $secs" | bc -l)" $(( rss / 1024 ))
else
    echo "no probes in the window"
fi
echo "load average (1, 5, 15 min) at the window's start $load0, end $load1"
