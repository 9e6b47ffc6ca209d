#!/usr/bin/env python3
"""Loopback TCP listeners the harness takes down and up: `targets.py CONTROL_DIR PORT...` listens on 127.0.0.1 at
each port whose file CONTROL_DIR/PORT.down does not exist (an accepted connection is closed at once), and closes the
listener while it exists, so a probe is refused; while CONTROL_DIR/PORT.banner exists, an accepted connection is
sent its contents first. Looks at the files every 0.2 s; runs until killed. Writes CONTROL_DIR/ready once every
port listened at least once."""
import os
import socket
import sys
import time

control, ports = sys.argv[1], [int(p) for p in sys.argv[2:]]
open_ = {}
warned = set()
while True:
    for p in ports:
        down = os.path.exists(os.path.join(control, f"{p}.down"))
        if down and p in open_:
            open_.pop(p).close()
        elif not down and p not in open_:
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind(("127.0.0.1", p))
            except OSError as e:
                # the port is in the ephemeral range: an outgoing connection may hold it for a while
                if p not in warned:
                    print(f"port {p}: {e}; trying again", file=sys.stderr, flush=True)
                    warned.add(p)
                s.close()
                continue
            s.listen(64)
            s.setblocking(False)
            open_[p] = s
    for p, s in open_.items():
        try:
            while True:
                c, _ = s.accept()
                try:
                    with open(os.path.join(control, f"{p}.banner"), "rb") as b:
                        c.sendall(b.read())
                except OSError:
                    pass  # no banner, or the prober went away
                c.close()
        except BlockingIOError:
            pass
    if len(open_) == len(ports) and not os.path.exists(os.path.join(control, "ready")):
        open(os.path.join(control, "ready"), "w").close()
    time.sleep(0.2)
