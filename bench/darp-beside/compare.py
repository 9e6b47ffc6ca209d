#!/usr/bin/env python3
"""The table of bench/darp-beside-argus37.sh: per phase of the timeline, what 3.7's master and slave and this
project's master and slave showed, who probed, and who notified what. Usage: compare.py OUTDIR [SETTLE]

- state: each server's state of each service over the phase's last 5 s (the most frequent one read; '-' when the
  server did not answer), compared master with master (m37 / mours) and slave with slave (s37 / sours).
- probed: which tags' servers connected to the service's listener after the phase's first SETTLE seconds (10).
- link: each server's DARP link at the phase's end.
- notified: per server, the notifications sent in the phase (object:STATE), compared as multisets per role.
Prints the rows that differ and the counts of agree/differ per kind.
"""
import collections
import json
import os
import re
import sys

out = sys.argv[1]
SETTLE = float(sys.argv[2]) if len(sys.argv) > 2 else 10
start = float(open(os.path.join(out, 'start')).read())
TAG = {'m37': 'M', 's37': 'S', 'mours': 'M', 'sours': 'S'}

phases, end = [], None
for line in open(os.path.join(out, 'timeline.txt')):
    parts = line.split()
    if not parts or parts[0].startswith('#'):
        continue
    if parts[1] == 'phase':
        phases.append((float(parts[0]), parts[2]))
    elif parts[1] == 'end':
        end = float(parts[0])
windows = [(name, a, b) for (a, name), b in zip(phases, [p[0] for p in phases[1:]] + [end])]


def window_of(t):
    rel = t - start
    return next((name for name, a, b in windows if a <= rel < b), None)


states = collections.defaultdict(list)  # (phase, sys, name) -> shown in the last 5 s
for line in open(os.path.join(out, 'watch.jsonl')):
    r = json.loads(line)
    rel = r['t'] - start
    for name, a, b in windows:
        if b - 5 <= rel < b:
            states[(name, r['sys'], r['name'])].append(r['shown'] or '-')
probed = collections.defaultdict(set)  # (phase, port) -> tags
for line in open(os.path.join(out, 'probes.jsonl')):
    r = json.loads(line)
    rel = r['t'] - start
    for name, a, b in windows:
        if a + SETTLE <= rel < b:
            probed[(name, r['port'] % 100)].add(r['who'])
ports = {}
conf = open(os.path.join(out, 'm37.conf')).read()
for uname, port in re.findall(r'uname: (\w+)\n\s*(?:darp_\w+: [^\n]*\n\s*|slaves_send_notifies: [^\n]*\n\s*|'
                              r'master_notif_gravity: [^\n]*\n\s*)*port: \d\d\d(\d\d)', conf):
    ports[uname] = int(port)
UNAME = {p: u for u, p in ports.items()}
notes = collections.defaultdict(list)  # (phase, sys) -> object:STATE
for s in TAG:
    for line in open(os.path.join(out, f'{s}.jsonl')):
        r = json.loads(line)
        phase = window_of(r['at'])
        for m in re.finditer(r'TCP/\d*(\d\d) on \S+ is (\w+)', r['input']):
            notes[(phase, s)].append(f'{UNAME.get(int(m.group(1)), m.group(1))}:{m.group(2)}')

names = sorted({k[2] for k in states if k[2] != '(link)'}, key=lambda n: ports.get(n.rpartition(':')[2], 0))

counts = collections.Counter()


def mode(values):
    return collections.Counter(values).most_common(1)[0][0] if values else '-'


print('phase                 service         M: 3.7/ours      S: 3.7/ours      probed 3.7 | ours')
for phase, _, _ in windows:
    for n in names + ['(link)']:
        short = n.rpartition(':')[2]
        v = {s: mode(states[(phase, s, n)]) for s in TAG}
        row = []
        for a, b, role in (('m37', 'mours', 'M'), ('s37', 'sours', 'S')):
            same = v[a] == v[b]
            counts[f'state {"agree" if same else "differ"}'] += 1
            row.append(f'{v[a]}/{v[b]}' + ('' if same else ' *'))
        extra = ''
        if n != '(link)':
            port = ports.get(short)
            who = probed[(phase, port)]
            p37 = ''.join(sorted(TAG[w] for w in who if w in ('m37', 's37'))) or '-'
            pours = ''.join(sorted(TAG[w] for w in who if w in ('mours', 'sours'))) or '-'
            same = p37 == pours
            counts[f'probed {"agree" if same else "differ"}'] += 1
            extra = f'{p37:>6} | {pours}' + ('' if same else ' *')
        print(f'{phase:21} {short:15} {row[0]:16} {row[1]:16} {extra}')
print()
print('notifications per phase (object:STATE), 3.7 | ours, per role')
for phase, _, _ in windows + [(None, 0, 0)]:
    for a, b, role in (('m37', 'mours', 'M'), ('s37', 'sours', 'S')):
        x, y = sorted(notes[(phase, a)]), sorted(notes[(phase, b)])
        if not x and not y:
            continue
        same = collections.Counter(x) == collections.Counter(y)
        if phase is not None:  # after the end: the servers being stopped
            counts[f'notified {"agree" if same else "differ"}'] += 1
        print(f'{str(phase):21} {role}  {" ".join(x) or "-"}  |  {" ".join(y) or "-"}' + ('' if same else '  *'))
print()
for k in sorted(counts):
    print(f'{k}: {counts[k]}')
