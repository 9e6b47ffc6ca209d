#!/usr/bin/env python3
"""CPU time of a process's threads over a window, summed by thread name (numbers in a name count as one name).

Usage: bench/thread-cpu.py <pid> <seconds> [probes]
Reads each thread's time on a CPU from /proc/<pid>/task/*/schedstat (nanoseconds; utime + stime of .../stat, in
10 ms ticks, where the kernel has no schedstat) and the context switches of /proc/<pid>/task/*/status at the start
and the end; threads born in the window count from 0. A thread that wakes once a second for half a millisecond
spends 30 ms in a minute, three ticks: hence schedstat. With probes (how many probes the window held), also prints
microseconds per probe for each name. Context switches a second count a thread's wake-ups (voluntary: it slept and
was woken; involuntary: it was preempted): on a VM each sleep and wake costs tens of microseconds of CPU, and the
count does not depend on the machine's load the way CPU figures do.
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
        cpu = on_cpu(pid, tid)
        if cpu is None:
            cpu = (int(fields[11]) + int(fields[12])) / tick
        out[tid] = (name, cpu, switches(pid, tid))
    return out


def on_cpu(pid, tid):
    """Seconds the thread ran so far, exact (schedstat's first field, ns); None without schedstat."""
    try:
        with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
            return int(f.read().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return None


def switches(pid, tid):
    """Voluntary and involuntary context switches of a thread so far (0, 0 if it ended)."""
    counts = {"voluntary_ctxt_switches": 0, "nonvoluntary_ctxt_switches": 0}
    try:
        with open(f"/proc/{pid}/task/{tid}/status") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in counts:
                    counts[key] = int(value)
    except OSError:
        pass
    return counts["voluntary_ctxt_switches"], counts["nonvoluntary_ctxt_switches"]


def main():
    pid, seconds = sys.argv[1], float(sys.argv[2])
    probes = float(sys.argv[3]) if len(sys.argv) > 3 else 0
    before = snapshot(pid)
    time.sleep(seconds)
    after = snapshot(pid)
    by_name, woken = {}, {}
    for tid, (name, cpu, (vol, invol)) in after.items():
        _, cpu0, (vol0, invol0) = before.get(tid, (name, 0.0, (0, 0)))
        key = re.sub(r"\d+", "N", name)
        by_name[key] = by_name.get(key, 0.0) + cpu - cpu0
        v, i = woken.get(key, (0, 0))
        woken[key] = (v + vol - vol0, i + invol - invol0)
    total = sum(by_name.values())
    # names are folded (digits to N) above, so C1/C2 compiler threads show as "CN Comp..."
    jit = sum(v for k, v in by_name.items() if k.startswith("CN Comp"))
    for name, used in sorted(by_name.items(), key=lambda kv: (-kv[1], -sum(woken[kv[0]]))):
        vol, invol = woken[name]
        if used > 0 or vol + invol > 0:
            per = f"  {used / probes * 1e6:8.1f} us/probe" if probes else ""
            wakes = f"  {vol / seconds:7.1f} + {invol / seconds:5.1f} switches/s"
            print(f"{used:8.3f} core-s {used / seconds * 1e6:8.0f} us/s{wakes}  {name}{per}")
    vol = sum(v for v, _ in woken.values()) / seconds
    invol = sum(i for _, i in woken.values()) / seconds
    print(f"{total:8.3f} core-s {total / seconds * 1e6:8.0f} us/s  {vol:7.1f} + {invol:5.1f} switches/s  all threads (voluntary + involuntary); "
          f"without the JIT compiler threads {total - jit:.3f} core-s ({(total - jit) / seconds * 1e6:.0f} us/s)")


if __name__ == "__main__":
    main()
