"""The scenario run beside Argus 3.7 (bench/beside-argus37.sh): targets, their behaviour per phase, and the config.

A behaviour, one per phase (the list's last holds after it):
  TCP ('tcp' and 'http' targets): refuse (no listener), close (accept, close at once), hang (accept, say nothing),
    say:TEXT (send, close), sayopen:TEXT (send, keep open), reply:TEXT (wait for data, send, close);
  HTTP ('http'): http:CODE:BODY, slow:SECONDS:CODE:BODY, redirect (302 to /moved-here, which answers 200 'hello');
  UDP ('udp'): echo, silent, closed (no socket: port unreachable), say:TEXT, bin:N|ramp (32 bits, big-endian),
    otherport:TEXT (the answer comes from another port), ntp:STRATUM:DISPERSION (an NTP server's answer),
    dns:RCODE (an answer to the DNS query with that rcode; with 0 one A record, 127.0.0.1).
  Prog ('prog'): the text of the shell script the service runs (in PROG_DIR, readable by every user).
TEXT may hold \\r, \\n and {ramp}: a counter growing by RAMPS[target][phase] a second.
"""
import os

PHASES = 6
# Below the kernel's ephemeral range (32768-60999 here): a connect to a closed port in that range can be given that
# very port as its own and connect to itself, and a client's port can keep a closed target from listening again.
BASE = int(os.environ.get('BESIDE_PORT_BASE', '23300'))
PROG_DIR = os.environ.get('BESIDE_PROG_DIR', f'/tmp/beside-prog-{BASE}')

TARGETS = {
    'conn': ('tcp', ['hang', 'refuse', 'close', 'hang', 'refuse', 'hang']),
    'banner': ('tcp', ['say:OK ready\\r\\n', 'say:ERR busy\\r\\n', 'hang', 'close', 'sayopen:OK open\\r\\n', 'refuse']),
    'noread': ('tcp', ['say:NO\\r\\n', 'say:OK\\r\\n', 'hang', 'close', 'refuse', 'say:NO\\r\\n']),
    'smtp': ('tcp', ['say:220 mail ready\\r\\n', 'say:554 go away\\r\\n', 'hang', 'say:220 ok\\r\\n', 'close', 'refuse']),
    'sendonce': ('tcp', ['reply:PONG\\r\\n', 'reply:NOPE\\r\\n', 'hang', 'reply:PONG\\r\\n', 'close', 'reply:PONG\\r\\n']),
    'toeof': ('tcp', ['say:a\\r\\nb\\r\\nEND\\r\\n', 'sayopen:a\\r\\nEND\\r\\n', 'say:a\\r\\n', 'close', 'say:END', 'refuse']),
    'retry': ('tcp', ['say:OK\\r\\n', 'refuse', 'say:OK\\r\\n', 'say:BAD\\r\\n', 'say:OK\\r\\n', 'refuse']),
    'nexpect': ('tcp', ['say:fine\\r\\n', 'say:ERROR x\\r\\n', 'say:fine\\r\\n', 'close', 'sayopen:fine\\r\\nERROR\\r\\n',
                        'say:ERROR\\r\\n']),
    'lines': ('tcp', ['say:OK ready\\r\\n', 'sayopen:first\\r\\nline2\\r\\n', 'say:OK ready', 'say:ready\\n', 'hang',
                      'say:OK ready\\r\\n']),
    'minval': ('tcp', ['say:15\\r\\n', 'say:5\\r\\n', 'say:10\\r\\n', 'say:abc\\r\\n', 'say:9.5\\r\\n', 'say:11\\r\\n']),
    'maxval': ('tcp', ['say:50\\r\\n', 'say:150\\r\\n', 'say:100\\r\\n', 'say:xyz\\r\\n', 'say:1e3\\r\\n', 'say:-5\\r\\n']),
    'eqval': ('tcp', ['say:42\\r\\n', 'say:43\\r\\n', 'say:42.0\\r\\n', 'say: 42\\r\\n', 'say:42abc\\r\\n', 'close']),
    'sev': ('tcp', ['say:10\\r\\n', 'say:70\\r\\n', 'say:150\\r\\n', 'say:70\\r\\n', 'say:10\\r\\n', 'say:150\\r\\n']),
    'plucked': ('tcp', ['say:cpu load=3 ok\\r\\n', 'say:cpu load=9 ok\\r\\n', 'say:no figure\\r\\n', 'say:load=4\\r\\n',
                        'close', 'say:load=12\\r\\n']),
    'scaled': ('tcp', ['say:1500\\r\\n', 'say:2500\\r\\n', 'say:2000\\r\\n', 'say:1999\\r\\n', 'say:0\\r\\n', 'say:9000\\r\\n']),
    'ave': ('tcp', ['say:10\\r\\n', 'say:100\\r\\n', 'say:10\\r\\n', 'say:60\\r\\n', 'say:40\\r\\n', 'say:10\\r\\n']),
    'rate': ('tcp', ['say:{ramp}\\r\\n']),
    'delta': ('tcp', ['say:{ramp}\\r\\n']),
    'invert': ('tcp', ['hang', 'refuse', 'hang', 'refuse', 'hang', 'refuse']),
    'udpecho': ('udp', ['echo', 'silent', 'closed', 'say:bye', 'otherport:hello', 'echo']),
    'udpany': ('udp', ['say:x', 'say:', 'silent', 'say:0', 'closed', 'say:x']),
    'udpbin': ('udp', ['bin:500', 'bin:50', 'bin:100', 'bin:99', 'silent', 'bin:4000000000']),
    'ntp': ('udp', ['ntp:2:0.5', 'ntp:9:0.5', 'echo', 'ntp:2:3', 'silent', 'ntp:1:0.25']),
    'http': ('http', ['http:200:hi', 'http:500:err', 'slow:4:200:hi', 'refuse', 'close', 'http:404:no']),
    'url': ('http', ['http:200:hello world', 'http:200:goodbye', 'http:500:hello error', 'redirect',
                     'slow:4:200:hello', 'http:200:hello']),
    'urlplain': ('http', ['http:200:x', 'http:500:x', 'redirect', 'http:404:x', 'close', 'http:200:x']),
    'depa': ('tcp', ['hang', 'refuse', 'refuse', 'hang', 'refuse', 'hang']),
    'depb': ('tcp', ['hang', 'refuse', 'hang', 'refuse', 'refuse', 'hang']),
    'depc': ('tcp', ['hang', 'refuse', 'hang', 'hang', 'refuse', 'hang']),
    'sevtgt': ('tcp', ['say:OK\\r\\n', 'refuse', 'say:x\\r\\n', 'say:OK x\\r\\n', 'say:OK\\r\\n', 'refuse']),
    'spiky': ('tcp', ['say:{ramp}\\r\\n', 'say:{ramp}\\r\\n', 'say:7\\r\\n', 'say:{ramp}\\r\\n', 'say:3\\r\\n',
                      'say:{ramp}\\r\\n']),
    'exits': ('prog', ['exit 0', 'exit 1', 'echo hi', 'echo hi; exit 3', 'sleep 4', 'exit 0']),
    'values': ('prog', ['echo 5', 'echo 50', 'echo 5; exit 1', 'exit 0', 'echo 5 >&2', 'echo abc']),
    'ovt': ('tcp', ['hang', 'refuse', 'refuse', 'hang', 'refuse', 'refuse']),
    'ovta': ('tcp', ['hang', 'refuse', 'hang', 'refuse', 'hang', 'hang']),
    'g1': ('tcp', ['hang', 'refuse', 'refuse', 'refuse', 'hang', 'hang']),
    'g2': ('tcp', ['hang', 'hang', 'refuse', 'refuse', 'refuse', 'hang']),
    'g3': ('tcp', ['hang', 'hang', 'hang', 'refuse', 'refuse', 'refuse']),
}
# (phase, seconds into it, object, manual|auto|remove): overrides set and removed on both by watch.py
ACTIONS = [(1, 12, 'Top:Ovr:m', 'manual'), (1, 12, 'Top:Ovr:a', 'auto'), (1, 12, 'Top:Ovr:no', 'manual'),
           (4, 12, 'Top:Ovr:m', 'remove')]
RAMPS = {'rate': [5, 50, 5, 0, 50, 5], 'delta': [5, 50, 5, 0, 50, 5], 'spiky': [2]}


def port(name):
    return BASE + list(TARGETS).index(name) + 1


def prog(name):
    return f'{PROG_DIR}/{name}.sh'


def tcp(uname, target, extra=''):
    return f'\tService TCP {{\n\t\tuname: {uname}\n\t\tport: {port(target)}\n{extra}\t}}\n'


def lines(*params):
    return ''.join(f'\t\t{p}\n' for p in params)


def config():
    banner = 'readhow: banner'
    out = ['# generated by bench/beside/scenario.py\nfrequency: 5\ntimeout: 2\nretries: 0\nhostname: 127.0.0.1\n\n']
    out.append('Group "Tcp" {\n')
    out.append(tcp('conn', 'conn'))
    out.append(tcp('banner', 'banner', lines(banner, 'expect: ^OK')))
    out.append(tcp('noread', 'noread', lines('expect: ^OK')))
    out.append(f'\tService TCP/SMTP {{\n\t\tuname: smtp\n\t\tport: {port("smtp")}\n\t}}\n')
    out.append(tcp('sendonce', 'sendonce', lines('send: PING\\r\\n', 'readhow: once', 'expect: PONG')))
    out.append(tcp('toeof', 'toeof', lines('readhow: toeof', 'expect: END')))
    out.append(tcp('retry', 'retry', lines(banner, 'expect: ^OK', 'retries: 2', 'retrydelay: 1')))
    out.append(tcp('nexpect', 'nexpect', lines(banner, 'nexpect: ERROR')))
    out.append(tcp('dollar', 'lines', lines(banner, 'expect: ready$')))
    out.append(tcp('line2', 'lines', lines(banner, 'expect: line2')))
    out.append(tcp('invert', 'invert', lines('invert_status: yes')))
    out.append('}\n\nGroup "Values" {\n')
    out.append(tcp('minval', 'minval', lines(banner, 'minvalue: 10')))
    out.append(tcp('maxval', 'maxval', lines(banner, 'maxvalue: 100')))
    out.append(tcp('eqval', 'eqval', lines(banner, 'eqvalue: 42')))
    out.append(tcp('neval', 'eqval', lines(banner, 'nevalue: 42')))
    out.append(tcp('sev', 'sev', lines(banner, 'maxvalue.warning: 50', 'maxvalue.major: 100')))
    out.append(tcp('sevconn', 'sevtgt', lines('severity: major')))
    out.append(tcp('sevexp', 'sevtgt', lines(banner, 'expect.minor: ^OK', 'nexpect.warning: x')))
    out.append(tcp('spiky', 'spiky', lines(banner, 'calc: delta', 'maxvalue: 50')))
    out.append(tcp('plucked', 'plucked', lines(banner, 'pluck: load=(\\d+)', 'maxvalue: 5')))
    out.append(tcp('scaled', 'scaled', lines(banner, 'scale: 1000', 'maxvalue: 2')))
    out.append(tcp('ave', 'ave', lines(banner, 'calc: ave', 'maxvalue: 50')))
    out.append(tcp('rate', 'rate', lines(banner, 'calc: rate', 'maxvalue: 20')))
    out.append(tcp('delta', 'delta', lines(banner, 'calc: delta', 'maxvalue: 100')))
    out.append('\tService Compute {\n\t\tuname: sum\n'
               '\t\texpr: %{Top:Values:scaled} + %{Top:Values:eqval}\n\t\tmaxvalue: 44\n\t}\n')
    out.append('}\n\nGroup "Udp" {\n')
    out.append(f'\tService UDP {{\n\t\tuname: udpecho\n\t\tport: {port("udpecho")}\n{lines("send: hello", "expect: hello")}\t}}\n')
    out.append(f'\tService UDP {{\n\t\tuname: udpany\n\t\tport: {port("udpany")}\n{lines("send: x")}\t}}\n')
    out.append(f'\tService UDP {{\n\t\tuname: udpbin\n\t\tport: {port("udpbin")}\n'
               f'{lines("send: x", "unpack: N", "minvalue: 100", "maxvalue: 1000")}\t}}\n')
    for uname, kind, tests in (('ntp', 'NTP', ''), ('stratum', 'NTP/Stratum', 'maxvalue: 5'),
                               ('dispersion', 'NTP/Dispersion', 'maxvalue: 1')):
        out.append(f'\tService UDP/{kind} {{\n\t\tuname: {uname}\n\t\tport: {port("ntp")}\n'
                   f'{lines(tests) if tests else ""}\t}}\n')
    out.append('}\n\nGroup "Http" {\n')
    out.append(f'\tService TCP/HTTP {{\n\t\tuname: http\n\t\tport: {port("http")}\n\t}}\n')
    out.append(f'\tService TCP/URL {{\n\t\tuname: url\n\t\turl: http://127.0.0.1:{port("url")}/page\n'
               f'\t\texpect: hello\n\t}}\n')
    out.append(f'\tService TCP/URL {{\n\t\tuname: urlplain\n\t\turl: http://127.0.0.1:{port("urlplain")}/\n\t}}\n')
    out.append('}\n\nGroup "Prog" {\n')
    for uname, script, tests in (('exits', 'exits', ''), ('progmax', 'values', 'maxvalue: 10'),
                                 ('progexpect', 'values', 'expect: ^5')):
        out.append(f'\tService Prog {{\n\t\tuname: {uname}\n\t\tcommand: /bin/sh {prog(script)}\n'
                   f'{lines(tests) if tests else ""}\t}}\n')
    out.append('}\n\nGroup "Ping" {\n')
    for n in (2, 3):
        out.append(f'\tService Ping {{\n\t\tuname: ping{n}\n\t\thostname: 127.0.0.{n}\n\t}}\n')
    out.append('}\n\nGroup "Deps" {\n')
    out.append(tcp('a', 'depa'))
    out.append(tcp('b', 'depb', lines('retries: 1', 'depends: Top:Deps:a')))
    out.append('}\n\nGroup "Ovr" {\n')
    out.append(tcp('m', 'ovt'))
    out.append(tcp('a', 'ovta'))
    out.append(tcp('no', 'ovt', lines('overridable: no')))
    out.append('}\n\nGroup "DepsOuter" {\n')
    out.append(tcp('c', 'depc', lines('retries: 1', 'depends: Top:Deps:a')))
    out.append('}\n\n')
    for group, gravity, targets in (('GravityDown', 'down', 'g1 g2 g3'), ('GravityUp', 'up', 'g1 g2 g3'),
                                    ('GravityVote', 'vote', 'g1 g2 g3'), ('GravityVote2', 'vote', 'g1 g2')):
        out.append(f'Group "{group}" {{\n\tgravity: {gravity}\n')
        for t in targets.split():
            out.append(tcp(t, t))
        out.append('}\n\n')
    return ''.join(out)


def services():
    """Every object's full name, as both servers should name it."""
    names, group = ['Top'], None
    for line in config().splitlines():
        line = line.strip()
        if line.startswith('Group "'):
            group = 'Top:' + line.split('"')[1]
            names.append(group)
        elif line.startswith('uname: '):
            names.append(f'{group}:{line[7:]}')
    return names


# Another scenario: BESIDE_SCENARIO names a Python file read here, over these definitions (it may use tcp(), lines()
# and port(), and replaces what it defines: TARGETS, PHASES, ACTIONS, RAMPS, config(), services()). Session 20's
# bench/beside/sweep.py runs the configurations of src/test/resources/argusconf/sweep that way.
if os.environ.get('BESIDE_SCENARIO'):
    with open(os.environ['BESIDE_SCENARIO']) as other:
        exec(compile(other.read(), os.environ['BESIDE_SCENARIO'], 'exec'), globals())


if __name__ == '__main__':
    print(config(), end='')
