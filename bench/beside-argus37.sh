#!/usr/bin/env bash
# The same workload run beside the original Argus 3.7: one config (bench/beside/scenario.py) given to both, against
# loopback targets (bench/beside/targets.py) whose behaviour changes every PHASE seconds; what each server shows of
# every object is read every second and compared per phase (docs/parity.md, "Run beside Argus 3.7").
# Usage: ARGUS_URL=http://localhost:PORT bench/beside-argus37.sh [OUTDIR]
#   Another scenario: BESIDE_SCENARIO=FILE.py (scenario.py reads it over its own; bench/beside/sweep.py runs a
#   configuration file given as BESIDE_CONFIG, session 20's corpus in src/test/resources/argusconf/sweep).
#   This server: a running quick start whose whole tree is REPLACED by the scenario's (config import, mode=replace).
#   The original: ARGUS37 (default /work/argus37-inst, an installed 3.7: sbin/argusd, sbin/argusctl, data/), run in
#   the foreground on a copy of its data dir under OUTDIR (default target/beside-<time>), stopped at the end.
# Env: ARGUS_USER/ARGUS_PASSWORD (admin/admin), BESIDE_PORT_BASE (23300: the targets take the ports above it; keep it
#      below the kernel's ephemeral ports, net.ipv4.ip_local_port_range, see scenario.py),
#      PHASE (30 s), WARMUP (15 s before phase 0, for both to start probing).
# Every address in the config and the targets is a 127.x literal: nothing leaves the machine, and the original's own
# resolver is never asked (it would send a hostname to the system's DNS server); no notification is configured.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
url=${ARGUS_URL:?set ARGUS_URL to the quick start to compare}
auth="${ARGUS_USER:-admin}:${ARGUS_PASSWORD:-admin}"
a37=${ARGUS37:-/work/argus37-inst}
phase=${PHASE:-30}
warmup=${WARMUP:-15}
out=${1:-target/beside-$(date -u +%Y%m%dT%H%M%S)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
export BESIDE_PORT_BASE=${BESIDE_PORT_BASE:-23300}

python3 "$here/beside/scenario.py" > "$out/scenario.conf"
# its checker's exit code counts warnings too (docs/parity.md): only an ERROR stops the run
if "$a37/sbin/argusd" -t -c "$out/scenario.conf" 2>&1 | tee "$out/argusd-t.log" | grep -q 'ERROR:'; then
    cat "$out/argusd-t.log" >&2; exit 1
fi

# the original's data dir: a copy, with what argusd insists on finding there
data="$out/a37-data"
rm -rf "$data"
cp -r "$a37/data" "$data"
mkdir -p "$data/html" "$data/gdata" "$data/notify" "$data/stats"
touch "$data/log"
echo 0 > "$data/notno"

pids=()
cleanup() { for p in "${pids[@]}"; do kill -- "-$p" 2>/dev/null || true; done; }
trap cleanup EXIT

curl -sf -u "$auth" -H 'Content-Type: text/plain' --data-binary @"$out/scenario.conf" \
    "$url/api/config/import?mode=replace&root=Top" > "$out/import.json"
t0=$(( $(date +%s) + warmup ))
setsid python3 "$here/beside/targets.py" "$t0" "$phase" 2> "$out/targets.log" & pids+=($!)
setsid "$a37/sbin/argusd" -f -a "$data" -c "$out/scenario.conf" > "$out/argusd.out" 2>&1 & pids+=($!)
sleep 2
total=$(( warmup + $(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import scenario; print(scenario.PHASES)' \
    "$here/beside") * phase + 2 ))
echo "phase 0 at $(date -u -d "@$t0" +%H:%M:%S), $phase s a phase, watching for $total s; output in $out" >&2
(cd "$here/beside" && ARGUS_URL=$url A37_CONTROL="$data/control" ARGUSCTL="$a37/sbin/argusctl" \
    python3 watch.py "$out/watch.jsonl" "$total" "$t0" "$phase" 2> "$out/actions.log")
cleanup
pids=()
grep TRANSITION "$out/argusd.out" > "$out/a37-transitions.log" || true
(cd "$here/beside" && python3 compare.py "$out/watch.jsonl" "$t0" "$phase") | tee "$out/report.txt"
