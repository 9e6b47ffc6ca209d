#!/usr/bin/env python3
"""Loopback targets whose behaviour changes by phase, for bench/beside-argus37.sh.

Usage: targets.py T0 PHASE_SECONDS  (ports from BESIDE_PORT_BASE, see scenario.py)
Phase n runs from T0 + n * PHASE_SECONDS; before T0 phase 0 holds, after the last phase the last one does.
Each target of scenario.TARGETS follows its list of behaviours, one per phase (scenario.py says what each means).
Everything listens on 127.0.0.1 only. Logs one line per phase change to stderr.
"""
import asyncio
import os
import socket
import struct
import sys
import time

import scenario

T0 = float(sys.argv[1])
PHASE = float(sys.argv[2])
HOLD = 30  # seconds a 'hang' keeps a connection open (longer than any timeout of the scenario)


def phase_now():
    return min(max(0, int((time.time() - T0) // PHASE)), scenario.PHASES - 1)


def behaviour(name):
    steps = scenario.TARGETS[name][1]
    return steps[min(phase_now(), len(steps) - 1)]


def ramp(name):
    """A counter that grows by the target's rate per phase (units a second), the same for every reader at a time."""
    rates = scenario.RAMPS.get(name, [0])
    now, total = time.time(), 0.0
    for n in range(scenario.PHASES):
        start, end = T0 + n * PHASE, T0 + (n + 1) * PHASE
        if n == scenario.PHASES - 1:
            end = float('inf')
        if n == 0:
            start = min(start, T0 - 3600)
        if now <= start:
            break
        total += rates[min(n, len(rates) - 1)] * (min(now, end) - start)
    return int(total)


def text(name, template):
    return template.replace('{ramp}', str(ramp(name))).replace('\\r', '\r').replace('\\n', '\n').encode('latin-1')


async def hold(reader):
    """Until the peer hangs up (or sends what it will: nothing is answered) or HOLD has passed."""
    try:
        await asyncio.wait_for(reader.read(), HOLD)
    except Exception:
        pass


async def read_request(reader):
    data = b''
    while b'\r\n\r\n' not in data and len(data) < 65536:
        chunk = await reader.read(4096)
        if not chunk:
            break
        data += chunk
    return data


def http_answer(code, body, head, location=None):
    reason = {200: 'OK', 302: 'Found', 500: 'Internal Server Error', 404: 'Not Found'}.get(code, 'X')
    headers = f'HTTP/1.1 {code} {reason}\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}\r\n'
    if location:
        headers += f'Location: {location}\r\n'
    headers += 'Connection: close\r\n\r\n'
    return headers.encode() + (b'' if head else body)


OPEN = {}  # target -> its connections held open ('hang', 'sayopen'), closed when it starts refusing


async def serve(name, reader, writer):
    OPEN.setdefault(name, set()).add(writer)
    how = behaviour(name)
    kind, _, arg = how.partition(':')
    try:
        if kind in ('close', 'refuse'):  # 'refuse': accepted just before the listener closed
            pass
        elif kind == 'hang':
            await hold(reader)
        elif kind == 'say':
            writer.write(text(name, arg))
            await writer.drain()
        elif kind == 'sayopen':
            writer.write(text(name, arg))
            await writer.drain()
            await hold(reader)
        elif kind == 'reply':
            if await asyncio.wait_for(reader.read(4096), HOLD):
                writer.write(text(name, arg))
                await writer.drain()
        elif kind in ('http', 'slow', 'redirect'):
            request = await asyncio.wait_for(read_request(reader), HOLD)
            line = request.split(b'\r\n', 1)[0].decode('latin-1')
            head = line.startswith('HEAD')
            path = line.split(' ')[1] if ' ' in line else '/'
            port = writer.get_extra_info('sockname')[1]
            if path == '/moved-here':
                answer = http_answer(200, b'hello from the moved page\n', head)
            elif kind == 'redirect':
                answer = http_answer(302, b'moved\n', head, f'http://127.0.0.1:{port}/moved-here')
            else:
                if kind == 'slow':
                    delay, _, arg = arg.partition(':')
                    await asyncio.sleep(float(delay))
                code, _, body = arg.partition(':')
                answer = http_answer(int(code), text(name, body), head)
            writer.write(answer)
            await writer.drain()
        else:
            raise ValueError(f'{name}: unknown behaviour {how}')
    except (asyncio.TimeoutError, ConnectionError):
        pass
    finally:
        OPEN[name].discard(writer)
        writer.close()


class Udp(asyncio.DatagramProtocol):
    def __init__(self, name, other):
        self.name, self.other = name, other

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        kind, _, arg = behaviour(self.name).partition(':')
        if kind == 'echo':
            self.transport.sendto(data, addr)
        elif kind == 'say':
            self.transport.sendto(text(self.name, arg), addr)
        elif kind == 'bin':
            self.transport.sendto(struct.pack('>I', ramp(self.name) if arg == 'ramp' else int(arg)), addr)
        elif kind == 'ntp':  # mode 4, our stratum and root dispersion (seconds), their transmit stamp as originate
            stratum, _, dispersion = arg.partition(':')
            answer = bytearray(48)
            answer[0], answer[1] = 0x1c, int(stratum)
            answer[8:12] = struct.pack('>I', int(float(dispersion) * 65536))
            answer[24:32] = data[40:48]
            self.transport.sendto(bytes(answer), addr)
        elif kind == 'dns':  # an answer to the query, rcode ARG; with rcode 0 one A record, 127.0.0.1
            end = 12
            while end < len(data) and data[end]:
                end += data[end] + 1
            question, rcode = data[12:end + 5], int(arg or 0)
            answer = data[:2] + struct.pack('>HHHHH', 0x8180 | rcode, 1, 1 if rcode == 0 else 0, 0, 0) + question
            if rcode == 0:
                answer += struct.pack('>HHHIH', 0xc00c, 1, 1, 60, 4) + bytes([127, 0, 0, 1])
            self.transport.sendto(answer, addr)
        elif kind == 'otherport':
            self.other.sendto(text(self.name, arg), addr)


async def keep_tcp(name, port):
    """A listener while the behaviour is not 'refuse'; closed (connections refused) while it is."""
    server = None
    while True:
        refuse = behaviour(name) == 'refuse'
        if refuse and server:
            server.close()
            for writer in list(OPEN.get(name, ())):
                writer.close()
            server = None
        elif not refuse and not server:
            try:
                server = await asyncio.start_server(lambda r, w: serve(name, r, w), '127.0.0.1', port,
                                                    reuse_address=True)
            except OSError as e:
                print(f'{name}: {e}, again shortly', file=sys.stderr, flush=True)
        await asyncio.sleep(0.2)


async def keep_udp(name, port):
    """A socket while the behaviour is not 'closed' (then the kernel answers port unreachable)."""
    loop = asyncio.get_running_loop()
    other = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    other.bind(('127.0.0.1', 0))
    transport = None
    while True:
        closed = behaviour(name) == 'closed'
        if closed and transport:
            transport.close()
            transport = None
        elif not closed and not transport:
            transport, _ = await loop.create_datagram_endpoint(lambda: Udp(name, other), local_addr=('127.0.0.1', port))
        await asyncio.sleep(0.2)


async def keep_prog(name):
    """The script a Prog service runs: this phase's text, written (and renamed into place) when the phase changes."""
    os.makedirs(scenario.PROG_DIR, mode=0o755, exist_ok=True)
    os.chmod(scenario.PROG_DIR, 0o755)  # the server may run programs as an unprivileged user
    path, last = scenario.prog(name), None
    while True:
        script = behaviour(name)
        if script != last:
            with open(path + '.new', 'w') as f:
                f.write(script.replace('\\n', '\n') + '\n')
            os.chmod(path + '.new', 0o644)
            os.replace(path + '.new', path)
            last = script
        await asyncio.sleep(0.2)


async def phases():
    last = None
    while True:
        now = phase_now()
        if now != last:
            print(f'{time.strftime("%H:%M:%S")} phase {now}', file=sys.stderr, flush=True)
            last = now
        await asyncio.sleep(0.5)


async def main():
    tasks = [phases()]
    for name, (kind, _) in scenario.TARGETS.items():
        if kind == 'prog':
            tasks.append(keep_prog(name))
        else:
            port = scenario.port(name)
            tasks.append(keep_udp(name, port) if kind == 'udp' else keep_tcp(name, port))
    await asyncio.gather(*tasks)


if __name__ == '__main__':
    asyncio.run(main())
