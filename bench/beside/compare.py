#!/usr/bin/env python3
"""Compares what both servers showed (watch.py's lines), for bench/beside-argus37.sh.

Usage: compare.py OUT.jsonl T0 PHASE_SECONDS
For each object and phase: what each showed (state/severity, and the reason) SETTLE seconds before the phase ended,
marked '<>' where they differ; then each object's sequence of states over the run (repeats collapsed), where the
sequences differ. Exit 0 always: the report is for people (docs/parity.md, "Run beside Argus 3.7").
"""
import collections
import json
import sys

import scenario

SETTLE = 1.5


def state(row):
    if row is None or row['shown'] is None:
        return 'unknown'
    if row['shown'] in ('up', 'unknown'):
        return row['shown']
    return f"{row['shown']}/{row['severity']}"


def main():
    path, t0, phase = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    series = collections.defaultdict(list)  # (sys, name) -> rows in time order
    with open(path) as f:
        for line in f:
            row = json.loads(line)
            series[(row['sys'], row['name'])].append(row)

    def at(system, name, when):
        rows = [r for r in series[(system, name)] if r['t'] <= when]
        return rows[-1] if rows else None

    differ = 0
    for name in scenario.services():
        lines = []
        for n in range(scenario.PHASES):
            when = t0 + (n + 1) * phase - SETTLE
            ours, a37 = at('ours', name, when), at('a37', name, when)
            mark = '  ' if state(ours) == state(a37) else '<>'
            differ += mark == '<>'
            reasons = f"ours: {(ours or {}).get('reason') or '-'} | a37: {(a37 or {}).get('reason') or '-'}"
            values = [(r or {}).get('value') for r in (ours, a37)]
            if any(v not in (None, '') for v in values):  # the computed values, where either has one
                reasons += f" | values ours {values[0]!r} a37 {values[1]!r}"
            lines.append(f'  {mark} phase {n}: ours {state(ours):<16} a37 {state(a37):<16} {reasons}')
        print(name)
        print('\n'.join(lines))
        seqs = {}
        for system in ('ours', 'a37'):
            seq = []
            for row in series[(system, name)]:
                if row['t'] >= t0 and (not seq or seq[-1] != state(row)):
                    seq.append(state(row))
            seqs[system] = seq
        if seqs['ours'] != seqs['a37']:
            print(f"  sequence ours: {' '.join(seqs['ours'])}\n  sequence a37:  {' '.join(seqs['a37'])}")
    print(f'\n{differ} object-phases differ')


if __name__ == '__main__':
    main()
