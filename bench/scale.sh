#!/usr/bin/env bash
# Memory and start at scale (issue 17): N TCP services put in by SQL, the quick start restarted with them, the time
# until all N were probed, then RSS, the heap after a forced GC and the class histogram, and a window of probing.
# Usage: bench/scale.sh N [window seconds]        (N a multiple of 10; defaults 100000 and 60)
# Run it at N=0 first, then at N: each run leaves target/scale-N.txt, and a run with target/scale-0.txt present
# prints KB per service = (RSS_N - RSS_0) / N beside the post-GC heap per service.
# - The services: SQL, not the import API (an `insert ... select` from generate_series: group "scale", N/10 hosts of
#   10 TCP services each, ports BENCH_PORT_BASE+0..9, frequency 60 s); the host addresses are SCALE_ADDRESSES
#   (default 1000) loopback addresses 127.1.x.y (ProbeTargets.address) taken in turn, so 10 x SCALE_ADDRESSES
#   listeners (one process, under the fd limit) each answer N / (10 x SCALE_ADDRESSES) services.
# - The quick start: started by this script with QUICKSTART_ARGS (its own ports and data, as in probe-bench.sh) and
#   SERVER_JVM_OPTIONS (default "-Xms256m -Xmx1g -XX:+UseSerialGC"); ARGUS_URL must match its HTTP port. It is
#   started once to put the services in (only its PostgreSQL once the schema is
#   there), stopped, and started again: that start is measured. It is stopped at the end unless SCALE_KEEP=1.
# - Start: from the start command; the API's first answer; argus_probes_started_total each second until it reaches
#   N (with random phases within the 60 s frequency each service has one turn in its first minute, so N turns are
#   N services probed); every 10 s, how many services of the group have checked_at after the start (stored once a
#   minute, so that count trails).
# - SCALE_FILL_ONLY=1 puts the services in and stops there. The services are put in only when $data_dir/scale-services does not say N already (an earlier run's).
# Output on the console and in target/scale-N.txt; the class histogram in target/scale-N-histogram.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
services=${1:-100000}
window=${2:-60}
[ $((services % 10)) -eq 0 ] || { echo "N must be a multiple of 10"; exit 2; }
export ARGUS_URL=${ARGUS_URL:-http://localhost:8080}
export BENCH_PORT_BASE=${BENCH_PORT_BASE:-20000}
addresses=${SCALE_ADDRESSES:-1000}
data_dir=$(echo "${QUICKSTART_ARGS:-}" | sed -nE 's/.*-Dquickstart\.data\.dir=([^ ]+).*/\1/p')
data_dir=${data_dir:-target/bench-data}
db_port=$(echo "${QUICKSTART_ARGS:-}" | sed -nE 's/.*-Dquickstart\.db\.port=([0-9]+).*/\1/p')
db_port=${db_port:-15432}
out=target/scale-$services.txt
auth="${ARGUS_USER:-admin}:${ARGUS_PASSWORD:-admin}"

# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -B -q -ntp ${MAVEN_ARGS:-} test-compile
say() { echo "$*" | tee -a "$out"; }
: > "$out"
answers() { curl -s -o /dev/null -f -u "$auth" "$ARGUS_URL/api/server"; }
metrics() { curl -s -f -u "$auth" "$ARGUS_URL/api/metrics"; }
metric() { awk -v m="$1" '$1 == m { printf "%d\n", $2 }'; }
psql_() { PGPASSWORD=$(cat "$data_dir/postgres.password") psql -qAtX -h 127.0.0.1 -p "$db_port" -U argus argus "$@"; }
server=
start_server() {
  # shellcheck disable=SC2086 # QUICKSTART_ARGS is a list of options
  setsid mvn -B -ntp ${MAVEN_ARGS:-} -Prun package -Dquickstart.data.dir=target/bench-data ${QUICKSTART_ARGS:-} \
      "-Dserver.jvm.options=${SERVER_JVM_OPTIONS:--Xms256m -Xmx1g -XX:+UseSerialGC}" > "target/scale-server-$1.log" 2>&1 &
  server=$!
  for _ in $(seq 1 900); do answers && return 0; kill -0 "$server" 2>/dev/null || break; sleep 1; done
  echo "the server did not start; see target/scale-server-$1.log"; exit 1
}
stop_server() {
  [ -n "$server" ] || return 0
  kill -TERM -- -"$server" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$server" 2>/dev/null || break; sleep 1; done
  server=
}
targets=
cleanup() { stop_server; [ -z "$targets" ] || kill "$targets" 2>/dev/null || true; }
trap cleanup EXIT
answers && { echo "a server answers at $ARGUS_URL already: stop it (this script restarts its own)"; exit 1; }

# the listeners: one process, 10 ports on each of SCALE_ADDRESSES addresses
rm -f target/scale-targets.in && mkfifo target/scale-targets.in
java -Xmx256m -cp target/test-classes org.argusee.bench.ProbeTargets 0 "$addresses" 10 \
    < target/scale-targets.in > target/scale-targets.out 2>&1 &
targets=$!
exec 3> target/scale-targets.in # held open: the process ends when this script does
hosts=$((services / 10))
if [ "$(cat "$data_dir/scale-services" 2>/dev/null)" = "$services" ]; then
  say "the database has the $services services of an earlier run ($data_dir/scale-services): not put in again"
else
db=
if [ -f "$data_dir/postgres/PG_VERSION" ]; then # its PostgreSQL alone, no server probing meanwhile
  # as the quick start runs it (its binaries refuse root from a shell), until this script closes its stdin
  mvn -B -q -ntp ${MAVEN_ARGS:-} -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench-classpath.txt
  printf '%s\n' 'public class ScaleDb { public static void main(String[] a) throws Exception {' \
      'org.argusee.testsupport.QuickstartDatabase.main(a); while (System.in.read() >= 0) { } System.exit(0); } }' \
      > target/ScaleDb.java
  rm -f target/scale-db.in && mkfifo target/scale-db.in
  java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" target/ScaleDb.java \
      "$data_dir/postgres" "$db_port" "$data_dir/postgres.password" < target/scale-db.in > target/scale-db.log 2>&1 &
  db=$!
  exec 4> target/scale-db.in
  for _ in $(seq 1 120); do psql_ -c "select 1" > /dev/null 2>&1 && break; sleep 1; done
else
  start_server fill # the first run: the server makes the schema
fi
rm -f "$data_dir/scale-services"
psql_ -v ON_ERROR_STOP=1 -v hosts="$hosts" -v addrs="$addresses" -v base="$BENCH_PORT_BASE" <<'SQL'
begin;
delete from argus.object where name = 'scale' and parent_id = (select id from argus.object where parent_id is null);
insert into argus.object (parent_id, kind, name) select id, 'Group', 'scale' from argus.object where parent_id is null;
create temp table sg on commit drop as
    select id from argus.object where name = 'scale' and parent_id = (select id from argus.object where parent_id is null);
insert into argus.param (object_id, key, value, position) select id, 'frequency', '60', 0 from sg;
insert into argus.object (parent_id, kind, name, position) select sg.id, 'Host', 'h' || h, h
    from sg, generate_series(0, :hosts - 1) h;
insert into argus.param (object_id, key, value)
    select o.id, 'hostname', '127.' || (1 + a / 62500) || '.' || (a % 62500 / 250) || '.' || (a % 250 + 1)
    from (select o.id, substring(o.name from 2)::int % :addrs a from argus.object o join sg on o.parent_id = sg.id) o;
insert into argus.object (parent_id, kind, name, type, position)
    select o.id, 'Service', 'TCP_' || p, 'TCP', p from argus.object o join sg on o.parent_id = sg.id, generate_series(0, 9) p;
insert into argus.param (object_id, key, value)
    select s.id, 'port', (:base + s.position)::text
    from argus.object s join argus.object o on s.parent_id = o.id join sg on o.parent_id = sg.id;
commit;
SQL
say "services of group scale in the database: $(psql_ -c "select count(*) from argus.object s join argus.object h on s.parent_id = h.id join argus.object g on h.parent_id = g.id where g.name = 'scale' and s.kind = 'Service'")"
if [ -n "$server" ]; then stop_server; else exec 4>&-; wait "$db" || true; fi
echo "$services" > "$data_dir/scale-services"
fi
[ "${SCALE_FILL_ONLY:-0}" = 1 ] && { say "services in; SCALE_FILL_ONLY=1: no server run"; exit 0; }

t0=$(date +%s.%N)
start_server measured
t_api=$(date +%s.%N)
port=$(echo "$ARGUS_URL" | sed -E 's#^[a-z]+://[^:/]+:?([0-9]*).*#\1#')
pid=$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1)
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
say "$(date -u +%FT%TZ) commit $(git rev-parse --short HEAD 2>/dev/null || echo "${SCALE_COMMIT:-?}"), N=$services, load $(cut -d' ' -f1-3 /proc/loadavg), fd limit $(ulimit -n), server pid $pid"
say "API answered $(since "$t0") s after the start command; WildFly: $(grep -o 'WFLYSRV0025.*' target/scale-server-measured.log | head -1)"
started0=0 # a new JVM: its counter counts from its start (the sample tree's few services included)
i=0
while :; do
  n=$(($(metrics | metric argus_probes_started_total) - started0))
  [ $((i % 10)) -eq 0 ] && say "  $(since "$t0") s: probes started $n, services checked since the start (stored) $(psql_ -c "select count(*) from argus.object_status where checked_at > to_timestamp($t0)")"
  [ "$n" -ge "$services" ] && break
  [ "$i" -gt 600 ] && { say "not all probed in 600 s"; break; }
  i=$((i + 1)); sleep 1
done
say "all $services probed (turns started) $(since "$t0") s after the start command, $(since "$t_api") s after the API's first answer"

# a window of probing: probes/s against planned, lag p99 from the histogram's buckets, the server's CPU
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
metrics > target/scale-m0.txt; c0=$(cpu); w0=$(date +%s.%N)
sleep "$window"
metrics > target/scale-m1.txt; c1=$(cpu); w1=$(date +%s.%N)
tck=$(getconf CLK_TCK)
awk -v w0="$w0" -v w1="$w1" -v c="$((c1 - c0))" -v tck="$tck" '
  FNR == NR { if ($1 ~ /^argus_probe_lag_seconds_bucket/ || $1 == "argus_probes_started_total") a[$1] = $2; next }
  $1 == "argus_probes_started_total" { n = $2 - a[$1] }
  $1 == "argus_probes_planned" { planned = $2 }
  $1 ~ /^argus_probe_lag_seconds_bucket/ { match($1, /le="[^"]+"/); le = substr($1, RSTART + 4, RLENGTH - 5);
      v = $2 - a[$1]; if (le == "+Inf") total = v; else { k++; les[k] = le + 0; d[k] = v } }
  END { for (i = 2; i <= k; i++) for (j = i; j > 1 && les[j - 1] > les[j]; j--) {   # by bound (mawk: no asorti)
          t = les[j]; les[j] = les[j - 1]; les[j - 1] = t; t = d[j]; d[j] = d[j - 1]; d[j - 1] = t }
        p50 = "?"; p99 = "?";
        for (j = 1; j <= k; j++) { if (p50 == "?" && d[j] >= 0.5 * total) p50 = les[j];
                                   if (p99 == "?" && d[j] >= 0.99 * total) p99 = les[j] }
        # CPU per 1,000 probes from the clock ticks themselves: rounded to 0.01 core-s a second it was one step in 7
        # (the conditional in parentheses: a bare ">" among the arguments of printf redirects its output to a file)
        printf "window %.0f s: %.1f probes/s (planned %.1f), lag p50 <= %s s, p99 <= %s s, server CPU %.3f core-s/s = %.4f s per 1,000 probes\n",
               w1 - w0, n / (w1 - w0), planned, p50, p99, c / tck / (w1 - w0), (n > 0 ? c / tck * 1000 / n : 0) }' \
  target/scale-m0.txt target/scale-m1.txt | tee -a "$out"

rss() { awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"; }
rss_before=$(rss)
jcmd "$pid" GC.run > /dev/null
rss_after=$(rss)
heap=$(jcmd "$pid" GC.heap_info | tee target/scale-$services-heap.txt | sed -nE 's/.*total ([0-9]+)K, used ([0-9]+)K.*/\2/p' | paste -sd+ | bc)
jcmd "$pid" GC.class_histogram > "target/scale-$services-histogram.txt"
say "RSS ${rss_before} KB before a forced GC, ${rss_after} KB after; heap used after it ${heap} KB; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rss=$rss_after heap=$heap" > "target/scale-$services.figures"
if [ "$services" -gt 0 ] && [ -f target/scale-0.figures ]; then
  # shellcheck disable=SC1091
  heapN=$heap; . target/scale-0.figures; rss0=$rss; heap0=$heap; heap=$heapN
  awk -v n="$services" -v r="$rss_after" -v r0="$rss0" -v h="${heap}" -v h0="$heap0" 'BEGIN {
    printf "per service beyond N=0: RSS %.2f KB, post-GC heap %.2f KB\n", (r - r0) / n, (h - h0) / n }' | tee -a "$out"
fi
say "top of the class histogram: target/scale-$services-histogram.txt"
head -14 "target/scale-$services-histogram.txt" | tail -11
[ "${SCALE_KEEP:-0}" = 1 ] && { say "server kept running (pid $pid)"; trap - EXIT; }
exit 0
