#!/usr/bin/env python3
"""Reads every second what each of the four servers shows of every service, for bench/darp-beside-argus37.sh.

Usage: watch.py OUT.jsonl SECONDS
Env: OURS_MASTER_URL, OURS_SLAVE_URL, ARGUS_USER/ARGUS_PASSWORD, ARGUSCTL, M37_CONTROL, S37_CONTROL (the original's
control sockets), SERVICES (the full names, space-separated).
Each line: {"t", "sys": m37|s37|mours|sours, "name", "shown", "severity"} and, per server and second, one line with
"name": "(link)" whose "shown" is its DARP link to the other (up, down, or None when the server did not answer).
Each server is read by a thread of its own, about every second, each read with a deadline of a few seconds, so a
stopped server (SIGSTOP) shows as None without stalling the others (and a busy machine slows the reads, not the
states read). The original is read with argusctl (getchildrenparam ovstatus and
currseverity under Top; darp_status), this project through GET /api/status/{name} and /api/darp/connections.
"""
import base64
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

AUTH = base64.b64encode(f"{os.environ.get('ARGUS_USER', 'admin')}:{os.environ.get('ARGUS_PASSWORD', 'admin')}"
                        .encode()).decode()
ARGUSCTL = os.environ.get('ARGUSCTL', '/work/argus37-inst/sbin/argusctl')
SERVICES = os.environ['SERVICES'].split()
DEADLINE = 3.0


def decode(value):
    return re.sub(r'~x([0-9A-Fa-f]{2})', lambda m: chr(int(m.group(1), 16)), value)


def ctl(control, *args):
    out = subprocess.run([ARGUSCTL, '-c', control, *args], capture_output=True, text=True,
                         timeout=DEADLINE / 3).stdout
    return out.splitlines()


def a37(control, peer):
    values = {}
    for param in ('ovstatus', 'currseverity'):
        for line in ctl(control, 'getchildrenparam', 'object=Top', f'param={param}', 'all=1')[1:]:
            name, _, value = line.partition(': ')
            values.setdefault(name, {})[param] = None if value.startswith('#<') else decode(value)
    link = None
    for line in ctl(control, 'darp_status')[1:]:
        tag, _, state = line.partition(':')
        if tag.strip() == peer:
            link = state.strip().rpartition(':')[2]
    rows = [(n, values.get(n, {}).get('ovstatus'), values.get(n, {}).get('currseverity')) for n in SERVICES]
    return rows + [('(link)', link, None)]


def get(url):
    request = urllib.request.Request(url, headers={'Authorization': f'Basic {AUTH}'})
    with urllib.request.urlopen(request, timeout=DEADLINE / 2) as answer:
        return json.load(answer)


def ours(url, peer):
    """One request per group (GET /api/status/{group}/children), not one per service."""
    shown = {}
    for group in sorted({n.rpartition(':')[0] for n in SERVICES}):
        try:
            for c in get(f'{url}/api/status/{urllib.parse.quote(group, safe=":")}/children'):
                shown[c['fullName']] = (c.get('displayStatus'), c.get('severity'))
        except Exception:  # noqa: BLE001 - not there (yet), or the server does not answer: None either way
            pass
    rows = [(n, *shown.get(n, (None, None))) for n in SERVICES]
    try:
        links = get(f'{url}/api/darp/connections')
        items = links if isinstance(links, list) else links.get('items', links.get('connections', []))
        link = next((('up' if c.get('state') == 'connected' else 'down') for c in items if c.get('tag') == peer),
                    None)
    except Exception:  # noqa: BLE001
        link = None
    return rows + [('(link)', link, None)]


READERS = {
    'm37': lambda: a37(os.environ['M37_CONTROL'], 'slave1'),
    's37': lambda: a37(os.environ['S37_CONTROL'], 'master1'),
    'mours': lambda: ours(os.environ['OURS_MASTER_URL'], 'slave1'),
    'sours': lambda: ours(os.environ['OURS_SLAVE_URL'], 'master1'),
}


def follow(sys_, read, end, f, lock):
    while time.time() < end:
        start = time.time()
        try:
            rows = read()
        except Exception:  # noqa: BLE001 - a stopped or absent server: nothing read this time
            rows = [(n, None, None) for n in SERVICES + ['(link)']]
        with lock:
            for name, shown, severity in rows:
                f.write(json.dumps({'t': round(start, 3), 'sys': sys_, 'name': name, 'shown': shown,
                                    'severity': severity}) + '\n')
            f.flush()
        time.sleep(max(0.0, 1 - (time.time() - start)))


def main():
    out, seconds = sys.argv[1], float(sys.argv[2])
    end = time.time() + seconds
    lock = threading.Lock()
    with open(out, 'a') as f:
        threads = [threading.Thread(target=follow, args=(s, read, end, f, lock)) for s, read in READERS.items()]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


if __name__ == '__main__':
    main()
