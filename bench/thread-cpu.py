#!/usr/bin/env python3
"""CPU time of a process's threads over a window, summed by thread name (numbers in a name count as one name).

Usage: bench/thread-cpu.py <pid> <seconds> [probes]
Reads utime + stime of /proc/<pid>/task/*/stat at the start and the end; threads born in the window count from 0.
With probes (how many probes the window held), also prints microseconds per probe for each name.
"""
import os
import re
import sys
import time


def snapshot(pid):
    tick = os.sysconf("SC_CLK_TCK")
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue  # the thread ended
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        out[tid] = (name, (int(fields[11]) + int(fields[12])) / tick)
    return out


def main():
    pid, seconds = sys.argv[1], float(sys.argv[2])
    probes = float(sys.argv[3]) if len(sys.argv) > 3 else 0
    before = snapshot(pid)
    time.sleep(seconds)
    after = snapshot(pid)
    by_name = {}
    for tid, (name, cpu) in after.items():
        used = cpu - before.get(tid, (name, 0.0))[1]
        key = re.sub(r"\d+", "N", name)
        by_name[key] = by_name.get(key, 0.0) + used
    total = sum(by_name.values())
    # names are folded (digits to N) above, so C1/C2 compiler threads show as "CN Comp..."
    jit = sum(v for k, v in by_name.items() if k.startswith("CN Comp"))
    for name, used in sorted(by_name.items(), key=lambda kv: -kv[1]):
        if used > 0:
            per = f"  {used / probes * 1e6:8.1f} us/probe" if probes else ""
            print(f"{used:8.2f} core-s  {name}{per}")
    print(f"{total:8.2f} core-s  all threads; without the JIT compiler threads {total - jit:.2f}")


if __name__ == "__main__":
    main()
