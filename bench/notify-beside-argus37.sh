#!/usr/bin/env bash
# Notifications beside the original Argus 3.7: one configuration (bench/notify-beside/notify.conf.in) given to this
# server (a running quick start: its configuration is REPLACED) and to argusd 3.7, both probing the same loopback
# listeners, which the harness takes down and up on the timeline (bench/notify-beside/timeline.txt); an override
# and a manual ack are set through each one's control (REST API / argusctl). Both notify through a program method
# (bench/notify-beside/record.py) that appends what it is given to a file of its own; compare.py then lists, per
# destination, what each sent, in order, with its text (%-escapes expanded; ids and times normalised), and flags
# the differences. Timing is coarse: the original runs its notification upkeep (renotify, escalate, acks by rule,
# queued messages) once a minute, this server every second, so counts of renotifies may differ by one.
# Usage: bench/notify-beside-argus37.sh [timeline]
# Env: ARGUS_URL (default http://localhost:8080), ARGUS_USER/ARGUS_PASSWORD (admin/admin), ARGUS37 (the installed
#      3.7, default /work/argus37-inst: only read; its data dir is copied), ARGUS37_SRC (its source, for argusctl:
#      /work/argus37/src), NOTIFY_BESIDE_PORT_BASE (24100: the listeners are 127.0.0.1:BASE+1..BASE+30, BASE a
#      multiple of 100 below the ephemeral range 32768-60999, where other benches' outgoing connections may hold a
#      port), NOTIFY_BESIDE_DIR (work dir, default a new temp dir).
# Network: loopback IP literals only; no mail (the methods run the recording program).
set -euo pipefail
here=$(cd "$(dirname "$0")/notify-beside" && pwd)
url=${ARGUS_URL:-http://localhost:8080}
auth="${ARGUS_USER:-admin}:${ARGUS_PASSWORD:-admin}"
a37=${ARGUS37:-/work/argus37-inst}
a37src=${ARGUS37_SRC:-/work/argus37/src}
base=${NOTIFY_BESIDE_PORT_BASE:-24100}
timeline=${1:-$here/timeline.txt}
work=${NOTIFY_BESIDE_DIR:-$(mktemp -d /tmp/notify-beside.XXXXXX)}
mkdir -p "$work/control"
rm -f "$work"/*.jsonl "$work"/*.err "$work"/control/*
# the quick start, run as root, runs program methods as the user argus-prog: it must reach the recording program
# (the system's python3, not root's) and write the output files
chmod 755 "$work"
for f in ours.jsonl a37.jsonl ours.jsonl.err a37.jsonl.err; do touch "$work/$f" && chmod 666 "$work/$f"; done
prefix=$((base / 100))
pids=()
cleanup() { for p in "${pids[@]}"; do kill -- "-$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

config() { # output file
    sed "s/@P@\([0-9][0-9]\)/${prefix}\1/g; s#@RECORD@#/usr/bin/python3 $here/record.py $1#" "$here/notify.conf.in"
}
config "$work/ours.jsonl" > "$work/ours.conf"
config "$work/a37.jsonl" > "$work/a37.conf"
ports=$(grep -o "port: ${prefix}[0-9][0-9]" "$work/ours.conf" | awk '{print $2}' | sort -u)

api() { curl -sf -u "$auth" "$@"; }
"$a37/sbin/argusd" -t -c "$work/a37.conf"
api -o "$work/import.json" -H 'Content-Type: text/plain' --data-binary @"$work/ours.conf" \
    "$url/api/config/import?mode=replace"

# the banners the listeners start with (timeline lines "setup banner PORT TEXT")
awk '$1 == "setup" && $2 == "banner" {f = $3; $1 = $2 = $3 = ""; sub(/^ +/, ""); print > (d "/" p f ".banner")}' \
    d="$work/control" p="$prefix" "$timeline"
# shellcheck disable=SC2086 # a list of ports
setsid python3 "$here/targets.py" "$work/control" $ports &
pids+=($!)
for _ in $(seq 300); do [[ -f $work/control/ready ]] && break; sleep 0.2; done
[[ -f $work/control/ready ]] || { echo "the listeners could not all bind" >&2; exit 1; }
rm -rf "$work/a37-data"
cp -r "$a37/data" "$work/a37-data"
# what argusd wants in its data dir (main.pl) and the installed one lacks
mkdir -p "$work/a37-data/html" "$work/a37-data/gdata" "$work/a37-data/notify" "$work/a37-data/stats"
touch "$work/a37-data/log"
[[ -f $work/a37-data/notno ]] || echo 0 > "$work/a37-data/notno"
setsid "$a37/sbin/argusd" -f -a "$work/a37-data" -c "$work/a37.conf" > "$work/a37.out" 2>&1 &
pids+=($!)
# argusctl is not installed with the daemon: its script from the source, pointed at the installed libraries
sed "s#__PERL__#/usr/bin/perl#; s#__LIBDIR__#$a37/lib#" "$a37src/argusctl" > "$work/argusctl"
ctl() { perl "$work/argusctl" -c "$work/a37-data/control" "$@"; }

# both see every service up before the clock starts (ours starts unknown, the original up)
names=$(grep -o 'uname: [A-Za-z0-9]*' "$work/ours.conf" | awk '{print $2}')
for _ in $(seq 120); do
    all=1
    for n in $names; do
        full="Top:nb:$n"
        [[ $n == g1 || $n == g2 ]] && full="Top:nb:grp:$n"
        api "$url/api/status/$full" | grep -q '"status":"up"' || { all=0; break; }
    done
    [[ $all == 1 ]] && ctl status object=Top:nb:basic > /dev/null 2>&1 && break
    sleep 1
done
[[ $all == 1 ]] || { echo "not every service up on $url" >&2; exit 1; }
# what this server still has to send from before (a run cut short) is acked, and left out of the comparison by its
# id (a fresh quick start, -Dquickstart.data.dir=<new dir>, has none: an acked notification's failed deliveries are
# still retried, and merge with this run's where a method has a queue time); its flapping guard (no counterpart in 3.7) counts every run's transitions: start it with
# -Dargus.notify.flap-count=0 (in server.jvm.options) for runs closer than 10 minutes
api -o /dev/null -H 'Content-Type: application/json' -d '{"all":true}' "$url/api/notifications/ack"
api "$url/api/notifications?limit=1" | python3 -c 'import json,sys
print(max([n["id"] for n in json.load(sys.stdin)["items"]] + [0]))' > "$work/ours-before-id"
echo "work dir $work; clock starts"
start=$(date +%s.%N)
echo "$start" > "$work/start"

ack_ours() {
    local id
    id=$(api "$url/api/notifications?object=$1&exact=true" | python3 -c 'import json,sys
print(next((str(n["id"]) for n in json.load(sys.stdin)["items"] if n["state"] == "active"), ""))')
    [[ -n $id ]] && api -o /dev/null -X POST "$url/api/notifications/$id/ack"
}
ack_a37() {
    local id
    id=$(ctl notify_list which=unacked | awk -v o="$1" '$5 == o {print $1}' | head -1)
    [[ -n $id ]] && ctl notify_ack idno="$id" user=harness > /dev/null
}

while read -r at action what; do
    [[ -z $at || $at == \#* || $at == setup ]] && continue
    while (($(echo "$(date +%s.%N) - $start < $at" | bc))); do sleep 0.2; done
    echo "t=$at $action $what"
    case $action in
    down) for p in $what; do touch "$work/control/${prefix}$p.down"; done ;;
    up) for p in $what; do rm -f "$work/control/${prefix}$p.down"; done ;;
    banner) set -- $what; p=$1; shift; echo "$*" > "$work/control/${prefix}$p.banner" ;;
    override)
        api -o /dev/null -X PUT -H 'Content-Type: application/json' -d '{"text":"harness","mode":"auto"}' \
            "$url/api/status/$what/override"
        ctl override object="$what" user=harness text=harness mode=auto > /dev/null ;;
    ack) ack_ours "$what"; ack_a37 "$what" ;;
    end) break ;;
    esac
done < "$timeline"

api "$url/api/notifications?object=Top:nb" > "$work/ours-notifications.json" || true
ctl notify_list which=all > "$work/a37-notifications.txt" 2>&1 || true
cleanup
pids=()
python3 "$here/compare.py" "$work" | tee "$work/report.txt"
