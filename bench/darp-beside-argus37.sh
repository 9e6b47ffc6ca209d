#!/usr/bin/env bash
# DARP beside the original Argus 3.7: a master and a slave of each (two argusd 3.7 speaking 3.7's DARP to each
# other, two quick starts of this project speaking its own), one configuration (bench/darp-beside/master.conf.in for
# the masters, slave.conf.in for the slaves, which fetch their objects from their master), the same loopback
# listeners (bench/darp-beside/targets.py), which answer each server by the process that connects, so the master
# and the slave can see one service differently. The timeline (bench/darp-beside/timeline.txt) moves what each sees
# and kills, stops and restarts both masters. Every second watch.py reads each server's state of each service and
# its DARP link; the listeners log who probed what; program methods (bench/notify-beside/record.py) record every
# notification per server. compare.py writes the table per phase (docs/parity.md, "DARP beside Argus 3.7").
# Usage: bench/darp-beside-argus37.sh [OUTDIR]        (default target/darp-beside-<time>)
# This project's servers: started here as two quick starts (mvn -o -Prun package; the WAR built beforehand by the
#   same command), master1 at port 8080+OURS_OFFSET, slave1 at +100, databases on OURS_DB_PORT and OURS_DB_PORT+8,
#   data under OUTDIR (new databases each run). Their master is killed (the WildFly JVM, SIGKILL) and started again
#   by the same command, which takes one to four minutes on a busy machine where argusd takes a second (the timeline
#   gives it 240 s; timeline.log says when it was back). The whole run takes about 15 minutes. Run as root (the
#   listeners read other processes' /proc/PID/fd), with nothing else on these ports.
# Env: OURS_OFFSET (1000), OURS_DB_PORT (15433), ARGUS37 (/work/argus37-inst), DARP_BESIDE_PORT_BASE (24500: the
#   listeners take BASE+1..BASE+34, 3.7's DARP port is BASE+99; below the ephemeral range 32768-60999).
# Everything started in the background reads /dev/null: Maven passes its standard input on, and the timeline loop
# reads the timeline from its own (a started master once ate the rest of the timeline).
# Network: loopback IP literals only; no mail (the methods run the recording program).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
here=$root/bench/darp-beside
a37=${ARGUS37:-/work/argus37-inst}
offset=${OURS_OFFSET:-1000}
dbport=${OURS_DB_PORT:-15433}
base=${DARP_BESIDE_PORT_BASE:-24500}
prefix=$((base / 100))
darpport=$((base + 99))
secret=darp-beside-secret
out=${1:-$root/target/darp-beside-$(date -u +%Y%m%dT%H%M%S)}
mkdir -p "$out/control"
out=$(cd "$out" && pwd)
murl=http://127.0.0.1:$((8080 + offset))
surl=http://127.0.0.1:$((8180 + offset))
auth=admin:admin
# the quick start runs program methods as the user argus-prog (when run as root): it must write the record files
chmod 755 "$out"
for s in m37 s37 mours sours; do touch "$out/$s.jsonl" "$out/$s.jsonl.err" && chmod 666 "$out/$s.jsonl"*; done

pids=()
# the listeners last: servers that lose them would notify everything down
cleanup() {
    for p in "${pids[@]}"; do kill -CONT -- "-$p" 2>/dev/null || true; kill -- "-$p" 2>/dev/null || true; done
    sleep 5
    [[ -n ${targets:-} ]] && kill -- "-$targets" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 1' INT TERM

conf() { # template server
    sed "s/@P@/$prefix/g; s/@DARPPORT@/$darpport/; s/@SECRET@/$secret/;
         s#@RECORD@#/usr/bin/python3 $root/bench/notify-beside/record.py $out/$2.jsonl#" "$here/$1.conf.in"
}
for s in m37 mours; do conf master $s > "$out/$s.conf"; done
for s in s37 sours; do conf slave $s > "$out/$s.conf"; done
"$a37/sbin/argusd" -t -c "$out/m37.conf"
services=$(python3 - "$out/m37.conf" <<'EOF'
import re, sys
path, names = [], []
for line in open(sys.argv[1]):
    if m := re.match(r'\s*Group "(\w+)"', line):
        path.append(m.group(1))
    elif m := re.match(r'\s*uname: (\w+)', line):
        names.append(':'.join(['Top', *path, m.group(1)]))
    elif re.match(r'\s*}\s*$', line) and len(line) - len(line.lstrip('\t')) < len(path):
        path.pop()
print(' '.join(names))
EOF
)
ports=$(grep -o "port: ${prefix}[0-9][0-9]" "$out/m37.conf" | awk '{print $2}' | grep -vx "$darpport" | sort -u)
# shellcheck disable=SC2086 # a list of ports
setsid python3 "$here/targets.py" "$out/control" "$out/probes.jsonl" $ports 2> "$out/targets.err" &
targets=$!

# --- the original: a data dir each, as bench/argus37.sh makes it
a37data() {
    rm -rf "$out/$1-data"
    cp -r "$a37/data" "$out/$1-data"
    mkdir -p "$out/$1-data/html" "$out/$1-data/gdata" "$out/$1-data/notify" "$out/$1-data/stats"
    touch "$out/$1-data/log"
    echo 0 > "$out/$1-data/notno"
}
start37() { # name
    setsid "$a37/sbin/argusd" -f -a "$out/$1-data" -c "$out/$1.conf" < /dev/null >> "$out/$1.out" 2>&1 &
    pids+=($!)
    echo $! > "$out/control/$1.pid"
}
a37data m37
a37data s37
start37 m37
start37 s37

# --- ours: two quick starts
startours() { # name offset dbport [env...]
    local name=$1 off=$2 db=$3
    shift 3
    # exec: $! is then Maven itself, the leader of its own process group (setsid), which holds WildFly and the
    # database: cleanup stops the group
    (cd "$root" && exec env "$@" setsid mvn -o -B -q -Prun package -Dquickstart.port.offset="$off" \
        -Dquickstart.db.port="$db" -Dquickstart.base.dir="$out/$name-base" \
        -Dquickstart.data.dir="$out/$name-data" < /dev/null >> "$out/$name.out" 2>&1) &
    pids+=($!)
}
startours mours "$offset" "$dbport" ARGUS_DARP_TAG=master1
# the second Maven only once the first has packaged and copied the WAR: two package phases at once in one target
# directory trip over each other's files
for _ in $(seq 600); do [[ -f $out/mours-base/deployments/argus.war ]] && break; sleep 1; done
sleep 5
startours sours $((offset + 100)) $((dbport + 8)) ARGUS_DARP_TAG=slave1 ARGUS_DARP_MASTER_URL="$murl/" \
    ARGUS_DARP_MASTER_TAG=master1 ARGUS_DARP_MASTER_SECRET="$secret" ARGUS_DARP_MASTER_TIMEOUT=10
api() { curl -sf -u "$auth" "$@"; }
javapid() { ss -tlnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
waitup() { # url name
    for _ in $(seq 600); do api -o /dev/null "$1/api/server" && return 0; sleep 1; done
    echo "$2 did not start (see $out/$2.out)" >&2
    exit 1
}
writepids() {
    {
        for s in m37 s37; do echo "$(cat "$out/control/$s.pid") $s"; done
        p=$(javapid $((8080 + offset))) && [[ -n $p ]] && echo "$p mours"
        p=$(javapid $((8180 + offset))) && [[ -n $p ]] && echo "$p sours"
    } > "$out/control/pids.new"
    mv "$out/control/pids.new" "$out/control/pids"
}
waitup "$murl" mours
waitup "$surl" sours
api -o "$out/mours-import.json" -H 'Content-Type: text/plain' --data-binary @"$out/mours.conf" \
    "$murl/api/config/import?mode=replace"
api -o "$out/sours-import.json" -H 'Content-Type: text/plain' --data-binary @"$out/sours.conf" \
    "$surl/api/config/import?mode=merge" || echo "slave's import refused: $(cat "$out/sours-import.json")" >&2
writepids

# all four see every service up before the clock starts
export SERVICES=$services OURS_MASTER_URL=$murl OURS_SLAVE_URL=$surl ARGUSCTL=$a37/sbin/argusctl \
    M37_CONTROL=$out/m37-data/control S37_CONTROL=$out/s37-data/control
for _ in $(seq 180); do
    python3 "$here/watch.py" "$out/settle.jsonl" 1
    python3 - "$out/settle.jsonl" <<'EOF' && break
import json, sys
last = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    last[(r['sys'], r['name'])] = r['shown']
# a slave of this project shows a failover service it stands by for as unknown (3.7's shows the master's status)
seen = {k: v for k, v in last.items() if k[1] != '(link)' and v is not None}
sys.exit(0 if all(v == 'up' or (v == 'unknown' and k[0] == 'sours' and ':fo:' in k[1]) for k, v in seen.items())
         and len({k[0] for k in seen}) == 4 else 1)
EOF
    : > "$out/settle.jsonl"
done
start=$(date +%s.%N)
echo "$start" > "$out/start"
cp "$here/timeline.txt" "$out/timeline.txt"
end=$(awk '$2 == "end" {print $1}' "$out/timeline.txt")
echo "clock starts; $end s; output in $out" >&2
python3 "$here/watch.py" "$out/watch.jsonl" "$end" < /dev/null &
watcher=$!

masters() { # signal
    kill "-$1" "$(cat "$out/control/m37.pid")" || true
    p=$(awk '$2 == "mours" {print $1}' "$out/control/pids")
    [[ -n $p ]] && kill "-$1" "$p" || true
}
while read -r at action args; do
    [[ -z $at || $at == \#* ]] && continue
    while (($(echo "$(date +%s.%N) - $start < $at" | bc))); do sleep 0.1; done
    echo "t=$at $action $args" | tee -a "$out/timeline.log" >&2
    case $action in
    phase) ;;
    set)
        who=${args#*=}
        for p in ${args%%=*}; do echo "$who" > "$out/control/${prefix}$p"; done ;;
    kill) masters KILL ;;
    stop) masters STOP ;;
    cont) masters CONT ;;
    start)
        start37 m37
        startours mours "$offset" "$dbport" ARGUS_DARP_TAG=master1
        writepids
        (waitup "$murl" mours && writepids && echo "mours back at $(echo "$(date +%s.%N) - $start" | bc)" \
            >> "$out/timeline.log") < /dev/null & ;;
    end) break ;;
    esac
done < "$out/timeline.txt"
wait "$watcher"
for s in m37 s37; do perl -e 1; grep -h "TRANSITION\|DARP" "$out/$s.out" > "$out/$s-log.txt" || true; done
cleanup
pids=()
python3 "$here/compare.py" "$out" | tee "$out/report.txt"
