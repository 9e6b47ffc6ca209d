"""Session 20's configurations beside Argus 3.7 (read by scenario.py when BESIDE_SCENARIO names this file).

    BESIDE_SCENARIO=bench/beside/sweep.py BESIDE_CONFIG=src/test/resources/argusconf/sweep/isp.conf \
        BESIDE_PORT_BASE=25500 ARGUS_URL=http://localhost:PORT bench/beside-argus37.sh OUTDIR

The configuration is the corpus file as it is (src/test/resources/argusconf/sweep: the parser tests read the same
files), so its ports are literals: BESIDE_PORT_BASE must be 25500, and a target's port is 25500 + its place in
TARGETS (1-based); its Prog services run /bin/sh /tmp/beside-prog-25500/NAME.sh. Four phases; each target goes
down and up at least once.
"""
import os
import re

if BASE != 25500:
    raise SystemExit('sweep.py: the sweep configs name ports from 25501: set BESIDE_PORT_BASE=25500')

PHASES = 4
CRLF = '\\r\\n'
TARGETS = {
    'ssh': ('tcp', [f'say:SSH-2.0-OpenSSH_9.2{CRLF}', 'refuse', f'say:SSH-2.0-dropbear{CRLF}', 'hang']),
    'bgp': ('tcp', ['hang', 'hang', 'refuse', 'hang']),
    'smtp': ('tcp', [f'say:220 mx1 ESMTP ready{CRLF}', f'say:421 too busy{CRLF}', 'refuse', f'say:220 ok{CRLF}']),
    'radius': ('udp', ['echo', 'silent', 'closed', 'echo']),
    'shop': ('http', ['http:200:<title>Shop</title> add to cart', 'http:200:Maintenance - back soon',
                      'http:503:<title>Shop</title> add to cart', 'http:200:<title>Shop</title> add to cart']),
    'api': ('http', ['http:200:{"status":"ok","orders":12}', 'http:200:{"status":"degraded","orders":3}',
                     'slow:4:200:{"status":"ok"}', 'refuse']),
    'checkout': ('tcp', [f'reply:HTTP/1.0 200 OK{CRLF}{CRLF}PAID{CRLF}', f'reply:HTTP/1.0 200 OK{CRLF}{CRLF}DECLINED{CRLF}',
                         'close', f'reply:HTTP/1.0 200 OK{CRLF}{CRLF}PAID{CRLF}']),
    'memcache': ('tcp', [f'reply:STAT curr_connections 10{CRLF}END{CRLF}',
                         f'reply:STAT curr_connections 900{CRLF}END{CRLF}', f'reply:ERROR{CRLF}',
                         f'reply:STAT curr_connections 11{CRLF}END{CRLF}']),
    'temp': ('tcp', [f'say:21.5{CRLF}', f'say:35{CRLF}', f'say:-3{CRLF}', f'say:22{CRLF}']),
    'octets': ('tcp', ['say:{ramp}' + CRLF]),
    'load': ('tcp', [f'say: 10:01:02 up 3 days, load average: 0.50, 0.40, 0.30{CRLF}',
                     f'say: 10:01:02 up 3 days, load average: 7.25, 3.10, 1.00{CRLF}', f'say:uptime: no data{CRLF}',
                     f'say: 10:01:02 up 3 days, load average: 0.10, 0.40, 0.30{CRLF}']),
    'udpbin': ('udp', ['bin:1500', 'bin:99000', 'silent', 'bin:2500']),
    'jitter': ('tcp', ['say:{ramp}' + CRLF]),
    'dns': ('udp', ['dns:0', 'dns:3', 'silent', 'dns:0']),
    'stock': ('prog', ['echo "items in stock: 120"', 'echo "items in stock: 4"', 'echo "db locked" >&2; exit 2',
                       'echo "items in stock: 80"']),
    'backup': ('prog', ['echo OK; exit 0', 'echo FAILED; exit 1', 'exit 0', 'echo OK']),
    'imap': ('tcp', [f'sayopen:* OK IMAP4rev1 ready{CRLF}', 'close', f'sayopen:* BYE{CRLF}',
                     f'sayopen:* OK ready{CRLF}']),
    'ldap': ('tcp', ['hang', 'refuse', 'hang', 'hang']),
    'pop': ('tcp', [f'say:+OK POP3{CRLF}', f'say:-ERR locked{CRLF}', 'hang', f'say:+OK{CRLF}']),
}
RAMPS = {'octets': [1000, 20000, 0, 1000], 'jitter': [10, 10, 400, 10]}
# overrides set and removed by watch.py, on the objects of the configuration that has them
ACTIONS = [(1, 12, 'Top:Customers:Wholesale:transit-b', 'manual'), (3, 5, 'Top:Customers:Wholesale:transit-b', 'remove'),
           (1, 12, 'Top:Shop:Front:cart', 'auto')]
ACTIONS = [a for a in ACTIONS if a[2].split(':')[1] in ('Customers' if 'isp' in os.environ['BESIDE_CONFIG'] else
                                                         'Shop' if 'webshop' in os.environ['BESIDE_CONFIG'] else '-')]


def config():
    """The file as it is, its Include lines replaced by the files they name (both servers get one text)."""
    path = os.environ['BESIDE_CONFIG']
    with open(path, newline='') as f:
        text = f.read()

    def included(m):
        with open(os.path.join(os.path.dirname(path), m.group(1)), newline='') as inc:
            return inc.read()
    return re.sub(r'(?im)^[ \t]*include[ \t]+"([^"]+)"[^\n]*$', included, text)


def services():
    """Top, every group and host, and every service by its uname (each service of a sweep config has one)."""
    names, stack = ['Top'], ['Top']
    text = re.sub(r'\\\r?\n\s*', ' ', config().replace('\r\n', '\n'))
    for raw in text.split('\n'):
        line = raw.split('#', 1)[0].strip() if not raw.strip().startswith(('send', 'expect', 'nexpect', 'url')) \
            else raw.strip()
        block = re.match(r'(?i)(group|host)\s+"([^"]+)"\s*\{', line)
        if block:
            stack.append(f'{stack[-1]}:{block.group(2)}')
            names.append(stack[-1])
        elif re.match(r'(?i)(service\s+\S+|schedule\s+\S+|cron\s+"[^"]*"|method\s+"[^"]*")\s*\{', line):
            stack.append(None if line.lower().startswith('service') else '-')
        elif re.match(r'(?i)uname\s*:', line) and stack[-1] is None:
            parent = next(s for s in reversed(stack) if s not in (None, '-'))
            names.append(f'{parent}:{line.split(":", 1)[1].strip()}')
        elif line.startswith('}'):
            stack.pop()
    return names
