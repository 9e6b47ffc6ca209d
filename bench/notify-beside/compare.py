#!/usr/bin/env python3
"""Compares what the two servers sent in one run of bench/notify-beside-argus37.sh: `compare.py WORKDIR`.

Reads WORKDIR/ours.jsonl and WORKDIR/a37.jsonl (record.py's lines: the method's input, "N=.. R=.. S=.. Y=.. C=..
E=[..] P=..\\n<message>"), and prints, per destination, each server's messages in order with the second of the
run they came in (coarse: the original's upkeep runs once a minute), then a line per destination: same, or what
differs (count, order of kinds, text). Notification ids and times in the text are normalised (ID, TIME)."""
import json
import os
import re
import sys

work = sys.argv[1]
start = float(open(os.path.join(work, "start")).read())
HEAD = re.compile(r"N=(\S*) R=(\S*) S=(\S*) Y=(\S*) C=(\S*) E=\[(.*?)\] P=(\S*) I=(\d*)")
TIME = re.compile(r"\b\d\d/[A-Z][a-z]{2} \d\d:\d\d\b")


def before(name):
    path = os.path.join(work, name + "-before-id")
    return int(open(path).read()) if os.path.exists(path) else 0


def load(name):
    first = before(name)
    path = os.path.join(work, name + ".jsonl")
    out = {}
    if not os.path.exists(path):
        return out
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        head, _, message = r["input"].rstrip("\n").partition("\n")
        m = HEAD.match(head)
        if not m:
            out.setdefault("?", []).append({"t": r["at"] - start, "raw": r["input"]})
            continue
        meth, rcpt, status, sev, count, extra, prio, ident = m.groups()
        if ident and int(ident) <= first:
            continue  # sent late for a run before this one
        if r["at"] < start:
            continue  # before the clock (a listener not yet bound): not part of the timeline
        text = TIME.sub("TIME", message)
        text = re.sub(r"(^|\n)\d+ ", r"\1ID ", text)  # the default format starts with the id
        text = re.sub(r"<<(\w+)/(\w+) to (\S+)>> \d+ ", r"<<\1/\2 to \3>> ID ", text)
        out.setdefault(f"{meth}:{rcpt}", []).append({
            "t": r["at"] - start,
            "kind": f"{status.lower()}/{sev}{(' ' + extra.strip()) if extra.strip() else ''}",
            "count": count,
            "prio": prio,
            "text": text,
        })
    return out


ours, orig = load("ours"), load("a37")
same = 0
for dst in sorted(set(ours) | set(orig)):
    a, b = ours.get(dst, []), orig.get(dst, [])
    print(f"== {dst}")
    for label, msgs in (("ours", a), ("3.7 ", b)):
        for m in msgs:
            if "raw" in m:
                print(f"  {label} t={m['t']:5.0f} UNPARSED {m['raw']!r}")
            else:
                print(f"  {label} t={m['t']:5.0f} {m['kind']:<28} C={m['count']} P={m['prio']} {m['text']!r}")
    kinds_a = [m.get("kind") for m in a]
    kinds_b = [m.get("kind") for m in b]
    texts_a = [m.get("text") for m in a]
    texts_b = [m.get("text") for m in b]
    if kinds_a == kinds_b and texts_a == texts_b:
        print("  SAME")
        same += 1
    else:
        why = []
        if len(a) != len(b):
            why.append(f"count {len(a)} vs {len(b)}")
        if kinds_a != kinds_b:
            why.append("kinds/order differ")
        if texts_a != texts_b:
            why.append("texts differ")
        print("  DIFFERENT: " + ", ".join(why))
print(f"\n{same} of {len(set(ours) | set(orig))} destinations the same")
