#!/usr/bin/env python3
"""Loopback listeners that answer each server differently, for bench/darp-beside-argus37.sh.

Usage: targets.py CONTROL_DIR LOG PORT...
Four servers probe the same 127.0.0.1 ports, so an address cannot tell them apart; the connecting process can. On
each accepted connection the listener finds the peer's socket in /proc/net/tcp (its port) and the process holding
it among the pids listed in CONTROL_DIR/pids (lines "PID NAME", re-read every 0.2 s: a restarted server has a new
pid). NAME is the server (m37, s37, mours, sours); its DARP tag is TAG_OF[NAME]. The connection is sent "DOWN\\r\\n"
when CONTROL_DIR/PORT names that server's tag, its name or "all" (a word per line), else "OK\\r\\n"; the services
expect ^OK after reading the banner. So "master1" in a port's file makes the masters alone see it down.
Each accept is logged to LOG as one JSON line {"t", "port", "who", "answer"}: who probed what, when.
Runs until killed; writes CONTROL_DIR/ready once every port listens.
"""
import json
import os
import socket
import sys
import threading
import time

TAG_OF = {'m37': 'master1', 'mours': 'master1', 's37': 'slave1', 'sours': 'slave1'}
control, log, ports = sys.argv[1], sys.argv[2], [int(p) for p in sys.argv[3:]]


def read_pids():
    try:
        with open(os.path.join(control, 'pids')) as f:
            return {int(p): n for p, n in (line.split() for line in f if line.strip())}
    except (OSError, ValueError):
        return {}


def inode_of(peer_port, port):
    """The inode of the socket whose local end is 127.0.0.1:peer_port and remote end 127.0.0.1:port."""
    want_local, want_remote = f'0100007F:{peer_port:04X}', f'0100007F:{port:04X}'
    with open('/proc/net/tcp') as f:
        next(f)
        for line in f:
            cols = line.split()
            if cols[1] == want_local and cols[2] == want_remote:
                return cols[9]
    return None


def who(peer_port, port, pids):
    inode = inode_of(peer_port, port)
    if inode is None:
        return '?'
    target = f'socket:[{inode}]'
    for pid, name in pids.items():
        try:
            for fd in os.listdir(f'/proc/{pid}/fd'):
                try:
                    if os.readlink(f'/proc/{pid}/fd/{fd}') == target:
                        return name
                except OSError:
                    continue
        except OSError:
            continue
    return '?'


def down_for(port, name):
    try:
        with open(os.path.join(control, str(port))) as f:
            words = f.read().split()
    except OSError:
        return False
    return 'all' in words or name in words or TAG_OF.get(name) in words


listeners = {}
for p in ports:
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', p))
    s.listen(64)
    s.setblocking(False)
    listeners[p] = s
open(os.path.join(control, 'ready'), 'w').close()
lock = threading.Lock()
pids = {}


def answer(c, peer_port, port, out):
    """On a thread of its own: finding the process can take a while on a busy machine, and must not hold up the
    other connections (a probe waits 2 s at most)."""
    name = who(peer_port, port, pids)
    text = 'DOWN' if down_for(port, name) else 'OK'
    try:
        c.sendall(f'{text}\r\n'.encode())
    except OSError:
        pass
    c.close()
    with lock:
        out.write(json.dumps({'t': round(time.time(), 3), 'port': port, 'who': name, 'answer': text}) + '\n')
        out.flush()


read_at = 0.0
with open(log, 'a') as out:
    while True:
        if time.time() - read_at > 0.2:
            pids, read_at = read_pids(), time.time()
        busy = False
        for p, s in listeners.items():
            try:
                while True:
                    c, (_, peer_port) = s.accept()
                    busy = True
                    threading.Thread(target=answer, args=(c, peer_port, p, out), daemon=True).start()
            except BlockingIOError:
                pass
        if not busy:
            time.sleep(0.01)
