#!/usr/bin/env python3
"""Reads what both servers show of every object of the scenario, every second, for bench/beside-argus37.sh.

Usage: watch.py OUT.jsonl SECONDS T0 PHASE_SECONDS
Also does scenario.ACTIONS (overrides) on both at their times, logging each answer to stderr.
Env: ARGUS_URL (this server), ARGUS_USER/ARGUS_PASSWORD, ARGUSCTL (the original's argusctl), A37_CONTROL (its socket).
Each line: {"t": epoch, "sys": "ours"|"a37", "name": full name, "shown", "severity", "reason", "value"} (the
service's last result: `result` here, `srvc::result` there).
This server through GET /api/status/{name}; the original through argusctl getchildrenparam (ovstatus,
currseverity, srvc::reason of every object under Top).
"""
import base64
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import scenario

URL = os.environ.get('ARGUS_URL', 'http://127.0.0.1:8080')
AUTH = base64.b64encode(f"{os.environ.get('ARGUS_USER', 'admin')}:{os.environ.get('ARGUS_PASSWORD', 'admin')}"
                        .encode()).decode()
ARGUSCTL = os.environ.get('ARGUSCTL', '/work/argus37-inst/sbin/argusctl')
CONTROL = os.environ['A37_CONTROL']


def decode(value):
    return re.sub(r'~x([0-9A-Fa-f]{2})', lambda m: chr(int(m.group(1), 16)), value)


def a37(param):
    out = subprocess.run([ARGUSCTL, '-c', CONTROL, 'getchildrenparam', 'object=Top', f'param={param}', 'all=1'],
                         capture_output=True, text=True, timeout=10).stdout
    values = {}
    for line in out.splitlines()[1:]:
        name, _, value = line.partition(': ')
        values[name] = None if value.startswith('#<') else decode(value)
    return values


def read_a37(now):
    """Three reads (argusctl asks one parameter at a time); taken again when a state moved meanwhile."""
    for _ in range(3):
        shown, severity, reason, value = a37('ovstatus'), a37('currseverity'), a37('srvc::reason'), a37('srvc::result')
        if a37('ovstatus') == shown and a37('currseverity') == severity:
            break
    return [{'t': now, 'sys': 'a37', 'name': n, 'shown': shown.get(n), 'severity': severity.get(n),
             'reason': reason.get(n) or None, 'value': value.get(n)} for n in scenario.services()]


def read_ours(now):
    rows = []
    for name in scenario.services():
        request = urllib.request.Request(f'{URL}/api/status/{urllib.parse.quote(name, safe=":")}',
                                         headers={'Authorization': f'Basic {AUTH}'})
        try:
            with urllib.request.urlopen(request, timeout=5) as answer:
                s = json.load(answer)
            rows.append({'t': now, 'sys': 'ours', 'name': name, 'shown': s.get('displayStatus'),
                         'severity': s.get('severity'), 'reason': s.get('reason'), 'value': s.get('result')})
        except Exception as e:
            rows.append({'t': now, 'sys': 'ours', 'name': name, 'shown': None, 'severity': None, 'reason': str(e)})
    return rows


def act(name, action):
    """An override set (manual or auto) or removed, on this server (REST) and on the original (argusctl)."""
    path = f'{URL}/api/status/{urllib.parse.quote(name, safe=":")}/override'
    body = json.dumps({'text': 'beside', 'mode': action}).encode() if action != 'remove' else None
    request = urllib.request.Request(path, data=body, method='DELETE' if body is None else 'PUT',
                                     headers={'Authorization': f'Basic {AUTH}', 'Content-Type': 'application/json'})
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            ours = answer.status
    except urllib.error.HTTPError as e:
        ours = e.code
    args = ['remove=yes'] if action == 'remove' else [f'mode={action}', 'text=beside']
    a37 = subprocess.run([ARGUSCTL, '-c', CONTROL, 'override', f'object={name}', 'user=beside', *args],
                         capture_output=True, text=True, timeout=10).stdout.split('\n')[0]
    print(f'{time.strftime("%H:%M:%S")} {action} {name}: ours {ours}, a37 {a37}', file=sys.stderr, flush=True)


def main():
    out, seconds, t0, phase = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
    end = time.time() + seconds
    actions = sorted((t0 + p * phase + offset, name, action) for p, offset, name, action in scenario.ACTIONS)
    with open(out, 'a') as f:
        while time.time() < end:
            start = time.time()
            while actions and actions[0][0] <= start:
                act(*actions.pop(0)[1:])
            for row in read_ours(start) + read_a37(start):
                f.write(json.dumps(row) + '\n')
            f.flush()
            time.sleep(max(0.0, 1 - (time.time() - start)))


if __name__ == '__main__':
    main()
