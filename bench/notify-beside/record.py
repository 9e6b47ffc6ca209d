#!/usr/bin/env python3
"""A notification method's program for bench/notify-beside-argus37.sh: appends what it was given (its arguments and
its standard input) as one JSON line to the file named by its first argument. Both servers run it."""
import fcntl
import json
import sys
import time

out = sys.argv[1]
try:
    data = sys.stdin.read()
except Exception as e:  # noqa: BLE001 - what the sender gave is recorded either way
    import traceback
    with open(out + ".err", "a", encoding="utf-8") as f:
        traceback.print_exc(file=f)
    raise
record = {"at": round(time.time(), 3), "args": sys.argv[2:], "input": data}
with open(out, "a", encoding="utf-8") as f:
    fcntl.flock(f, fcntl.LOCK_EX)
    f.write(json.dumps(record) + "\n")
