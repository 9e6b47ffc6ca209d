#!/usr/bin/env bash
# Time of checking and importing Argus configurations through the REST API of a running server (start one with
# the README's quick start first). Imports go under fresh groups, which are deleted afterwards.
# Usage: bench/config-import.sh [services]        (default 100000; also imports config-big)
# Env: ARGUS_URL (default http://localhost:8080), ARGUS_USER/ARGUS_PASSWORD (default admin/admin),
#      ARGUS_BENCH_CHANGE=1000: while the generated tree is in, also time a change of that many services to it
#      (an import under a fresh group, then its recursive delete), then of one service (added, a parameter set, deleted),
#      each until the call returns (the tree is live); ARGUS_BENCH_REPEAT=N does the one-service changes N times.
# The server probes what is imported until it is deleted again. The generated hosts are loopback addresses; the
# hosts of config-big are real-looking names and addresses off this machine, so config-big is only checked unless
# ARGUS_BENCH_ISOLATED=1 says the server runs where nothing leaves the machine, e.g. as root:
#   unshare -n sh -c 'ip link set lo up && mvn -o -Prun package'
set -euo pipefail
cd "$(dirname "$0")/.."
url=${ARGUS_URL:-http://localhost:8080}
auth="${ARGUS_USER:-admin}:${ARGUS_PASSWORD:-admin}"
services=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# a generated site: groups of 100 hosts, 10 TCP services per host, parameters at every level
generate() { awk -v n="$1" 'BEGIN {
  print "frequency: 2m"
  hosts = int(n / 10); if (hosts < 1) hosts = 1
  for (h = 0; h < hosts; h++) {
    if (h % 100 == 0) { if (h > 0) print "}"; printf "Group \"site%d\" {\n\tnotify: mail:site%d@example.com\n", h / 100, h / 100 }
    printf "\tHost \"h%d.example.com\" {\n\t\thostname: 127.2.%d.%d\n\t\tretries: 3\n", h, int(h / 250), h % 250 + 1
    for (s = 0; s < 10; s++) printf "\t\tService TCP {\n\t\t\tport: %d\n\t\t\texpect: ^OK\n\t\t}\n", 1000 + s
    print "\t}"
  }
  print "}"
}'; }
generate "$services" > "$work/generated.conf"
(cd src/test/resources/argusconf && zip -qr "$work/config-big.zip" config-big)

api() { curl -s -u "$auth" "$@"; }
group() { api -o /dev/null -H 'Content-Type: application/json' -X POST "$url/api/objects/Top/children" -d "{\"kind\":\"Group\",\"name\":\"$1\"}"; }
heap() { api "$url/api/metrics" | python3 -c 'import sys; print(round(sum(float(l.split()[-1]) for l in sys.stdin
    if l.startswith("jvm_memory_used_bytes{area=\"heap\"")) / 1e6))'; }

run() { # name file content-type
  local root="bench_$1_$$"
  group "$root"
  local check import
  check=$(api -o /dev/null -w '%{time_total}' -H "Content-Type: $3" --data-binary @"$2" "$url/api/config/check")
  import=$(api -o "$work/$1.json" -w '%{time_total}' -H "Content-Type: $3" --data-binary @"$2" \
      "$url/api/config/import?root=Top:$root")
  local added
  added=$(grep -o '"added":\[[^]]*\]' "$work/$1.json" | tr ',' '\n' | grep -c 'Top:' || true)
  printf '%-12s %8s bytes  check %6.2f s  import %6.2f s  objects added %7d  heap after %5s MB\n' \
      "$1" "$(stat -c %s "$2")" "$check" "$import" "$added" "$(heap)"
  if [[ $1 == generated && -n ${ARGUS_BENCH_CHANGE:-} ]]; then
      generate "$ARGUS_BENCH_CHANGE" | sed 's/site/change/g; s/127\.2\./127.3./' > "$work/change.conf"
      group "bench_change_$$"
      printf 'change of %s services to that tree: import %6.2f s' "$ARGUS_BENCH_CHANGE" "$(api -o /dev/null \
          -w '%{time_total}' -H 'Content-Type: text/plain' --data-binary @"$work/change.conf" \
          "$url/api/config/import?root=Top:bench_change_$$")"
      printf ', recursive delete %6.2f s\n' "$(api -o /dev/null -w '%{time_total}' -X DELETE \
          "$url/api/objects/Top:bench_change_$$?recursive=true")"
      local one="$url/api/objects/Top:$root:site0:h0.example.com" i
      for ((i = 0; i < ${ARGUS_BENCH_REPEAT:-1}; i++)); do
          printf 'one service to that tree: add %s' "$(api -o /dev/null -w '%{time_total} s (%{http_code})' \
              -H 'Content-Type: application/json' -X POST "$one/children" \
              -d '{"kind":"Service","type":"TCP","name":"bench_one","parameters":[{"key":"port","value":"2999"}]}')"
          printf ', edit %s' "$(api -o /dev/null -w '%{time_total} s (%{http_code})' \
              -H 'Content-Type: application/json' -X PUT "$one:bench_one/parameters/port" -d '{"value":"2998"}')"
          printf ', delete %s\n' "$(api -o /dev/null -w '%{time_total} s (%{http_code})' -X DELETE "$one:bench_one")"
      done
  fi
  api -o /dev/null -X DELETE "$url/api/objects/Top:$root?recursive=true"
}

echo "server $url, heap before $(heap) MB"
if [[ ${ARGUS_BENCH_ISOLATED:-0} == 1 ]]; then
    run config-big "$work/config-big.zip" application/zip
else
    printf '%-12s %8s bytes  check %6.2f s  (not imported: ARGUS_BENCH_ISOLATED=1 imports it)\n' config-big \
        "$(stat -c %s "$work/config-big.zip")" "$(api -o /dev/null -w '%{time_total}' \
        -H 'Content-Type: application/zip' --data-binary @"$work/config-big.zip" "$url/api/config/check")"
fi
run generated "$work/generated.conf" text/plain
