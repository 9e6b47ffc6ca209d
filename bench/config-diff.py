#!/usr/bin/env python3
"""The corpus and the comparison of bench/config-diff.sh (read that script's header first).

  config-diff.py corpus WORK        writes WORK/cases/NNNN-name/ (one configuration each) and WORK/cases.tsv
  config-diff.py original WORK      runs Argus 3.7's `argusd -t` on each case (ARGUSD, cwd = the case directory)
  config-diff.py compare WORK       joins WORK/original.tsv and WORK/ours.tsv into WORK/report.txt and WORK/diff.tsv

A case is a directory holding the configuration (a file, or a directory of files for config-big) and the files it
includes; cases.tsv lists: id, main (the name given to -c, relative to the case directory), origin, mutation.
Mutations are deterministic (a fixed seed), so two runs give the same corpus and the same figures.
"""
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = 3_7
LINE = re.compile(r"(ERROR|WARNING): (?:in file '(.*?)' on line (\d+) - )?(.*)")
RESOURCES = REPO / "src/test/resources/argusconf"
# errors of this machine's install, not of the configuration: Perl modules it lacks (Net::SSLeay for https URLs,
# DBI for Service DB)
ENVIRONMENT = re.compile(r"https url support not available|not available on this system|unknown service 'DB'")


# ---------------------------------------------------------------- corpus

class Corpus:
    def __init__(self, work):
        self.cases = work / "cases"
        if self.cases.exists():
            shutil.rmtree(self.cases)
        self.cases.mkdir(parents=True)
        self.rows = []

    def add(self, name, files, main="config", origin="", mutation=""):
        """files: relative path -> text (str) or bytes."""
        cid = "%04d-%s" % (len(self.rows) + 1, re.sub(r"[^A-Za-z0-9_.-]+", "_", name)[:60])
        d = self.cases / cid
        for rel, text in files.items():
            p = d / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        if not files:
            d.mkdir()
        self.rows.append((cid, main, origin, mutation))
        return cid


def read_dir(path):
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def bases(src):
    """(name, files, main): the configurations as found."""
    out = []
    for f in sorted(RESOURCES.iterdir()):
        if f.is_file():
            out.append(("res-" + f.name, {"config": f.read_bytes()}, "config"))
    out.append(("res-config-big", {"config/" + k: v for k, v in read_dir(RESOURCES / "config-big").items()},
                "config"))
    var = RESOURCES / "variations"
    for f in sorted(var.glob("*.conf")):
        files = {f.name: f.read_bytes()}
        if f.name == "odd-syntax.conf":
            files.update({"inc/" + k: v for k, v in read_dir(var / "inc").items()})
        out.append(("var-" + f.stem, files, f.name))
    shared = Path("/work/shared/argus/configs")
    if shared.is_dir():
        for f in sorted(shared.iterdir()):
            if f.is_file():
                out.append(("shared-" + f.name, {"config": f.read_bytes()}, "config"))
            else:
                out.append(("shared-" + f.name, {"config/" + k: v for k, v in read_dir(f).items()}, "config"))
    for f in sorted((src / "examples").iterdir()):
        if f.is_file() and f.name.startswith("config"):
            out.append(("ex-" + f.name, {"config": f.read_bytes()}, "config"))
    for f in sorted((src / "t").glob("*.t")):
        text = f.read_text(errors="replace")
        if "\n__END__\n" in text:
            out.append(("t-" + f.stem, {"config": text.split("\n__END__\n", 1)[1]}, "config"))
    return out


def mutations(text, rnd):
    """(label, new text) for one file's text."""
    lines = text.split("\n")
    out = []

    def put(label, new_lines):
        out.append((label, "\n".join(new_lines)))

    closes = [i for i, l in enumerate(lines) if l.strip() == "}"]
    opens = [i for i, l in enumerate(lines) if l.rstrip().endswith("{")]
    data = [i for i, l in enumerate(lines) if re.match(r"\s*[A-Za-z_][\w.]*:\s", l)]
    blocks = [i for i, l in enumerate(lines) if re.match(r'\s*(Group|Host|Method|DARP|master|slave)\s+"', l)]
    services = [i for i, l in enumerate(lines) if re.match(r"\s*Service\s+\S", l)]
    for k in sorted(set([closes[0], closes[len(closes) // 2], closes[-1]])) if closes else []:
        put("close brace removed at line %d" % (k + 1), lines[:k] + lines[k + 1:])
    for k in sorted(set(rnd.sample(data, min(2, len(data))))):
        put("extra } after line %d" % (k + 1), lines[:k + 1] + ["}"] + lines[k + 1:])
    if opens:
        k = rnd.choice(opens)
        put("open brace removed at line %d" % (k + 1), lines[:k] + [lines[k].rstrip()[:-1].rstrip()] + lines[k + 1:])
    if data:
        k = rnd.choice(data)
        put("extra { at end of line %d" % (k + 1), lines[:k] + [lines[k] + " {"] + lines[k + 1:])
    for k in sorted(set(rnd.sample(data, min(3, len(data))))):
        key = re.match(r"\s*([\w.]+):", lines[k]).group(1)
        if len(key) > 3:
            j = rnd.randrange(1, len(key) - 2)
            bad = key[:j] + key[j + 1] + key[j] + key[j + 2:]
            if bad != key:
                put("key '%s' misspelt '%s' at line %d" % (key, bad, k + 1),
                    lines[:k] + [lines[k].replace(key, bad, 1)] + lines[k + 1:])
        put("colon dropped at line %d" % (k + 1), lines[:k] + [re.sub(r":\s*", " ", lines[k], 1)] + lines[k + 1:])
    for k in sorted(set(rnd.sample(blocks, min(2, len(blocks))))):
        word = lines[k].split()[0]
        bad = word[0] + word[2] + word[1] + word[3:]
        put("block keyword '%s' misspelt at line %d" % (word, k + 1),
            lines[:k] + [lines[k].replace(word, bad, 1)] + lines[k + 1:])
        put("closing quote removed at line %d" % (k + 1),
            lines[:k] + [re.sub(r'"([^"]*)"', r'"\1', lines[k], 1)] + lines[k + 1:])
    for k in sorted(set(rnd.sample(services, min(2, len(services))))):
        m = re.match(r"(\s*Service\s+)(\S+)(.*)", lines[k])
        typ = m.group(2)
        bad = typ[:-1] + "X" if "/" in typ else typ + "x"
        put("service type '%s' misspelt at line %d" % (typ, k + 1),
            lines[:k] + [m.group(1) + bad + m.group(3)] + lines[k + 1:])
        if not lines[k].rstrip().endswith("{"):
            put("service repeated at line %d" % (k + 1), lines[:k + 1] + [lines[k]] + lines[k + 1:])
    if blocks:
        k = blocks[-1]
        put("block name repeated at line %d" % (k + 1), lines[:k + 1] + [lines[k], "}"] + lines[k + 1:])
    first = next((i for i, l in enumerate(lines) if l.strip() and not l.lstrip().startswith("#")), 0)
    put("Include of a missing file before line %d" % (first + 1),
        lines[:first] + ['Include "missing.conf"'] + lines[first:])
    put("cut at line %d" % (len(lines) // 2), lines[:len(lines) // 2])
    return out


TEMPLATE = """\
resolv_autoconf: no
{top}
Method "m" {{
    command: /bin/true
{method}}}

DARP "here" {{
{darp}    slave "s1" {{
        hostname: 127.0.0.2
        secret: sekrit
{slave}    }}
    master "m1" {{
        hostname: 127.0.0.3
        secret: sekrit
{master}    }}
}}

Resolv {{
{resolv}}}

Group "G" {{
    Host "127.0.0.1" {{
        Service TCP/HTTP {{
{tcp}        }}
        Service UDP/NTP {{
{udp}        }}
        Service UDP/DNS {{
            zone: example.com
{dns}        }}
        Service Ping {{
{ping}        }}
        Service UDP/SNMP {{
            oid: 1.3.6.1.2.1.1.3.0
{snmp}        }}
        Service Self/idle {{
{self}        }}
    }}
}}
"""
SLOTS = ("top", "method", "darp", "slave", "master", "resolv", "tcp", "udp", "dns", "ping", "snmp", "self")
PLACE = {"Conf": "top", "NotMe": "method", "DARP": "darp", "DARP::Conf": "slave", "DARP::Slave": "master",
         "Argus::Resolv": "resolv", "TCP": "tcp", "Argus::IP": "tcp", "UDP": "udp", "DNS": "dns", "Ping": "ping",
         "Argus::SNMP": "snmp", "Self": "self", "MonEl": "tcp", "Service": "tcp", "DARP::MonEl": "tcp",
         "DARP::Service": "tcp"}
NUMERIC = ["port", "retries", "maxvalue", "minvalue", "eqvalue", "nevalue", "maxdeviation", "ttl", "tos", "scale",
           "calc_sigfigs", "gr_nmax_samples", "hwab_alpha", "alpha", "version", "spike_supress", "logsize"]


def template(slot=None, line=""):
    fill = {s: "" for s in SLOTS}
    if slot:
        indent = {"top": "", "method": "    ", "darp": "    ", "slave": "        ", "master": "        ",
                  "resolv": "    "}.get(slot, "            ")
        fill[slot] = indent + line + "\n"
    return TEMPLATE.format(**fill)


def typed_cases(fields_tsv):
    """(label, text): a bad value for each typed parameter of the original, in the block that reads it."""
    out = [("template as it is", template())]
    seen = set()
    for row in fields_tsv.read_text().splitlines():
        pkg, field, attrs, vals = (row.split("\t") + [""] * 4)[:4]
        attrs = attrs.split(",")
        key = field.split("::")[-1]
        if "sched" in attrs or " " in key or pkg not in PLACE:
            continue
        slot = "top" if "top" in attrs else PLACE[pkg]
        bad = []
        if "timespec" in attrs:
            bad += ["5x", "soon", "-5", "1h30"]
        if "bool" in attrs:
            bad += ["maybe", "yesterday", "2"]
        if vals:
            bad += ["bogus", vals.split(",")[0].swapcase()]
        if key in NUMERIC:
            bad += ["abc", "1.5", "-1"]
        for value in bad:
            if (slot, key, value) not in seen:
                seen.add((slot, key, value))
                out.append(("%s '%s: %s' in %s" % (pkg, key, value, slot), template(slot, "%s: %s" % (key, value))))
    for host in ["127.0.0.1.", "127.0.0.256", "127.1", "::1", "[::1]", "127.0.0.1:80", "bad host", "-x", "",
                 "127.0.0.1/24", "http://127.0.0.1/"]:
        out.append(("hostname '%s'" % host, template("tcp", "hostname: " + host)))
    for port in ["0", "65536", "80x", "http"]:
        out.append(("port '%s'" % port, template("tcp", "port: " + port)))
    return out


HANDWRITTEN = [
    ("empty file", ""),
    ("only comments", "# nothing here\n   # at all\n"),
    ("only blank lines", "\n\n   \n\t\n"),
    ("Service at top level", "Service Ping {\n    hostname: 127.0.0.1\n}\n"),
    ("one-line Service at top level", "Service TCP/HTTP\n"),
    ("Service outside group after a group", 'Group "G" {\n    hostname: 127.0.0.1\n}\nService Ping\n'),
    ("duplicate group names", 'Group "G" {\n    Service Ping {\n        hostname: 127.0.0.1\n    }\n}\n'
     'Group "G" {\n    Service Ping {\n        hostname: 127.0.0.2\n    }\n}\n'),
    ("duplicate host names", 'Group "G" {\n    Host "127.0.0.1" {\n        Service Ping\n    }\n'
     '    Host "127.0.0.1" {\n        Service TCP/HTTP\n    }\n}\n'),
    ("duplicate services", 'Group "G" {\n    hostname: 127.0.0.1\n    Service Ping\n    Service Ping\n}\n'),
    ("duplicate services with uname", 'Group "G" {\n    hostname: 127.0.0.1\n    Service Ping {\n        uname: a\n'
     '    }\n    Service Ping {\n        uname: a\n    }\n}\n'),
    ("unbalanced quote in group", 'Group "G {\n    Service Ping {\n        hostname: 127.0.0.1\n    }\n}\n'),
    ("unbalanced quote in value", 'Group "G" {\n    label: "half\n    Service Ping {\n'
     '        hostname: 127.0.0.1\n    }\n}\n'),
    ("group without name", 'Group {\n    Service Ping {\n        hostname: 127.0.0.1\n    }\n}\n'),
    ("group with empty name", 'Group "" {\n    Service Ping {\n        hostname: 127.0.0.1\n    }\n}\n'),
    ("group without brace", 'Group "G"\n    Service Ping {\n        hostname: 127.0.0.1\n    }\n'),
    ("host without brace", 'Group "G" {\nHost "127.0.0.1"\n    Service Ping\n}\n'),
    ("brace on next line", 'Group "G"\n{\n    Service Ping {\n        hostname: 127.0.0.1\n    }\n}\n'),
    ("two blocks on one line", 'Group "G" { Service Ping }\n'),
    ("close brace with text", 'Group "G" {\n    hostname: 127.0.0.1\n    Service Ping\n} # end\n'),
    ("close brace followed by text", 'Group "G" {\n    hostname: 127.0.0.1\n    Service Ping\n} trailing\n'),
    ("stray close brace at top", '}\nGroup "G" {\n    hostname: 127.0.0.1\n    Service Ping\n}\n'),
    ("stray open brace line", 'Group "G" {\n    {\n    hostname: 127.0.0.1\n    Service Ping\n}\n}\n'),
    ("service without hostname", 'Group "G" {\n    Service Ping\n}\n'),
    ("TCP service without port", 'Group "G" {\n    hostname: 127.0.0.1\n    Service TCP\n}\n'),
    ("TCP service with port", 'Group "G" {\n    hostname: 127.0.0.1\n    Service TCP {\n        port: 7\n'
     '    }\n}\n'),
    ("service type empty", 'Group "G" {\n    hostname: 127.0.0.1\n    Service {\n    }\n}\n'),
    ("service type lowercase", 'Group "G" {\n    hostname: 127.0.0.1\n    Service tcp/http\n}\n'),
    ("old service: form", 'Group "G" {\n    hostname: 127.0.0.1\n    service: Ping\n}\n'),
    ("service type unknown", 'Group "G" {\n    hostname: 127.0.0.1\n    Service Bogus/Thing\n}\n'),
    ("service type TCP/Bogus", 'Group "G" {\n    hostname: 127.0.0.1\n    Service TCP/Bogus\n}\n'),
    ("service type UDP/Bogus", 'Group "G" {\n    hostname: 127.0.0.1\n    Service UDP/Bogus\n}\n'),
    ("service type Ping/x", 'Group "G" {\n    hostname: 127.0.0.1\n    Service Ping/x\n}\n'),
    ("Prog without command", 'Group "G" {\n    Service Prog\n}\n'),
    ("Prog with command", 'Group "G" {\n    Service Prog {\n        command: /bin/true\n    }\n}\n'),
    ("Compute without expr", 'Group "G" {\n    Service Compute\n}\n'),
    ("SNMP without oid", 'Group "G" {\n    hostname: 127.0.0.1\n    Service UDP/SNMP\n}\n'),
    ("SNMP with bad oid name", 'Group "G" {\n    hostname: 127.0.0.1\n    Service UDP/SNMP {\n'
     '        oid: ifNoSuchThing.3\n    }\n}\n'),
    ("Self without param", 'Group "G" {\n    Service Self\n}\n'),
    ("Alias well formed", 'Group "G" {\n    hostname: 127.0.0.1\n    Service Ping\n}\n'
     'Group "H" {\n    Alias "P" "Top:G:Ping_127.0.0.1"\n}\n'),
    ("Alias one name", 'Group "H" {\n    Alias "P"\n}\n'),
    ("Alias dangling", 'Group "H" {\n    Alias "P" "Top:Nowhere"\n}\n'),
    ("Alias at top", 'Alias "P" "Top:G"\nGroup "G" {\n    hostname: 127.0.0.1\n    Service Ping\n}\n'),
    ("Method without name", 'Method {\n    command: /bin/true\n}\n'),
    ("Method without command", 'Method "m" {\n    send: hello\n}\n'),
    ("Method without brace", 'Method "m"\n    command: /bin/true\n'),
    ("Method with unknown key", 'Method "m" {\n    command: /bin/true\n    comand: x\n}\n'),
    ("Method after group", 'Group "G" {\n    hostname: 127.0.0.1\n    Service Ping\n}\n'
     'Method "m" {\n    command: /bin/true\n}\n'),
    ("Method inside group", 'Group "G" {\n    Method "m" {\n        command: /bin/true\n    }\n'
     '    hostname: 127.0.0.1\n    Service Ping\n}\n'),
    ("Method redefined", 'Method "m" {\n    command: /bin/true\n}\nMethod "m" {\n    command: /bin/false\n}\n'),
    ("Method with schedule", 'Method "m" {\n    command: /bin/true\n    schedule permit {\n'
     '        all 08:00 - 17:00  => yes\n        all                => no\n    }\n}\n'),
    ("Method with bad schedule", 'Method "m" {\n    command: /bin/true\n    schedule permit {\n'
     '        someday 08:00 - 17:00  => yes\n    }\n}\n'),
    ("Method with unclosed schedule", 'Method "m" {\n    command: /bin/true\n    schedule permit {\n'
     '        all => yes\n}\n'),
    ("Method with qtime", 'Method "m" {\n    command: /bin/true\n    qtime: 5m\n}\n'),
    ("Method with bad qtime", 'Method "m" {\n    command: /bin/true\n    qtime: soon\n}\n'),
    ("Method using notify", 'Method "m" {\n    command: /bin/true\n}\nGroup "G" {\n    hostname: 127.0.0.1\n'
     '    notify: m:root\n    Service Ping\n}\n'),
    ("notify with unknown method", 'Group "G" {\n    hostname: 127.0.0.1\n    notify: nosuch:root\n'
     '    Service Ping\n}\n'),
    ("notify without method", 'Group "G" {\n    hostname: 127.0.0.1\n    notify: root\n    Service Ping\n}\n'),
    ("notify empty", 'Group "G" {\n    hostname: 127.0.0.1\n    notify:\n    Service Ping\n}\n'),
    ("Resolv empty block", "Resolv {\n}\n"),
    ("Resolv bare", "Resolv\n"),
    ("Resolv with name", 'Resolv "x" {\n}\n'),
    ("Resolv with frequency", "Resolv {\n    frequency: 1m\n}\n"),
    ("Resolv with bad key", "Resolv {\n    frequnecy: 1m\n}\n"),
    ("Resolv unclosed", "Resolv {\n    frequency: 1m\n"),
    ("Resolv in group", 'Group "G" {\n    Resolv\n    hostname: 127.0.0.1\n    Service Ping\n}\n'),
    ("Resolv after group", 'Group "G" {\n    hostname: 127.0.0.1\n    Service Ping\n}\nResolv\n'),
    ("Resolv twice", "Resolv\nResolv\n"),
    ("DARP empty", 'DARP "t" {\n}\n'),
    ("DARP without name", 'DARP {\n}\n'),
    ("DARP without brace", 'DARP "t"\n'),
    ("DARP slave without secret", 'DARP "t" {\n    slave "s" {\n        hostname: 127.0.0.2\n    }\n}\n'),
    ("DARP slave without hostname", 'DARP "t" {\n    slave "s" {\n        secret: x\n    }\n}\n'),
    ("DARP master without secret", 'DARP "t" {\n    master "m" {\n        hostname: 127.0.0.2\n    }\n}\n'),
    ("DARP master without hostname", 'DARP "t" {\n    master "m" {\n        secret: x\n    }\n}\n'),
    ("DARP slave unclosed", 'DARP "t" {\n    slave "s" {\n        hostname: 127.0.0.2\n        secret: x\n}\n'),
    ("DARP unknown inner block", 'DARP "t" {\n    peer "s" {\n        hostname: 127.0.0.2\n    }\n}\n'),
    ("DARP after group", 'Group "G" {\n    hostname: 127.0.0.1\n    Service Ping\n}\nDARP "t" {\n}\n'),
    ("DARP twice", 'DARP "t" {\n}\nDARP "u" {\n}\n'),
    ("DARP in group", 'Group "G" {\n    DARP "t" {\n    }\n}\n'),
    ("DARP with darp_mode", 'DARP "t" {\n}\nGroup "G" {\n    darp_mode: failover\n    hostname: 127.0.0.1\n'
     '    Service Ping\n}\n'),
    ("slave outside DARP", 'slave "s" {\n    hostname: 127.0.0.2\n    secret: x\n}\n'),
    ("snmpoid block", "snmpoid {\n    name: myOid\n    oid: 1.3.6.1.4.1.1\n}\n"),
    ("snmpoid one line", "snmpoid myOid 1.3.6.1.4.1.1\n"),
    ("snmpoid bad", "snmpoid {\n    name: myOid\n}\n"),
    ("schedule at top", "schedule notify {\n    all => yes\n}\n"),
    ("schedule in group", 'Group "G" {\n    hostname: 127.0.0.1\n    schedule sendnotify {\n'
     '        all => yes\n    }\n    Service Ping\n}\n'),
    ("schedule after service", 'Group "G" {\n    hostname: 127.0.0.1\n    Service Ping\n'
     '    schedule sendnotify {\n        all => yes\n    }\n}\n'),
    ("schedule without name", 'Group "G" {\n    hostname: 127.0.0.1\n    schedule {\n        all => yes\n'
     '    }\n    Service Ping\n}\n'),
    ("cron in group", 'Group "G" {\n    hostname: 127.0.0.1\n    cron "0 * * * *" {\n        func: override\n'
     '        text: x\n    }\n    Service Ping\n}\n'),
    ("cron bad func", 'Group "G" {\n    hostname: 127.0.0.1\n    cron "0 * * * *" {\n        func: explode\n'
     '    }\n    Service Ping\n}\n'),
    ("cron bad spec", 'Group "G" {\n    hostname: 127.0.0.1\n    cron "whenever" {\n        func: override\n'
     '    }\n    Service Ping\n}\n'),
    ("cron at top", 'cron "0 * * * *" {\n    func: override\n}\n'),
    ("Include missing", 'Include "missing.conf"\n'),
    ("Include missing in group", 'Group "G" {\n    Include "missing.conf"\n}\n'),
    ("Include without quotes", "Include other.conf\n"),
    ("Include empty name", 'Include ""\n'),
    ("data after group", 'Group "G" {\n    hostname: 127.0.0.1\n    Service Ping\n}\nretries: 2\n'),
    ("data after service in group", 'Group "G" {\n    Service Ping {\n        hostname: 127.0.0.1\n    }\n'
     '    retries: 2\n}\n'),
    ("data after service one-line", 'Group "G" {\n    hostname: 127.0.0.1\n    Service Ping\n    retries: 2\n}\n'),
    ("repeated key", "retries: 1\nretries: 2\n"),
    ("repeated hostname in host", 'Group "G" {\n    Host "h" {\n        hostname: 127.0.0.1\n'
     '        hostname: 127.0.0.2\n        Service Ping\n    }\n}\n'),
    ("key without value", "retries:\n"),
    ("key with space before colon", "retries : 2\n"),
    ("key with only colon", ": 2\n"),
    ("line without colon", "retries 2\n"),
    ("word alone", "hello\n"),
    ("unknown block keyword", 'Gruop "G" {\n    hostname: 127.0.0.1\n}\n'),
    ("unknown block keyword unquoted", "Thing {\n    a: b\n}\n"),
    ("keyword in capitals", 'GROUP "G" {\n    HOSTNAME: 127.0.0.1\n    SERVICE PING\n}\n'),
    ("local key", 'Group "G" {\n    hostname: 127.0.0.1\n    retries!: 2\n    Service Ping\n}\n'),
    ("unknown top key", "frobnicate: yes\n"),
    ("top key in group", 'Group "G" {\n    syslog: daemon\n    hostname: 127.0.0.1\n    Service Ping\n}\n'),
    ("group name with colon", 'Group "a:b" {\n    hostname: 127.0.0.1\n    Service Ping\n}\n'),
    ("group name with space", 'Group "a b" {\n    hostname: 127.0.0.1\n    Service Ping\n}\n'),
    ("group name Top", 'Group "Top" {\n    hostname: 127.0.0.1\n    Service Ping\n}\n'),
    ("continuation at end of file", "retries: 2 \\"),
    ("continuation into block", 'Group "G" \\\n{\n    hostname: 127.0.0.1\n    Service Ping\n}\n'),
    ("escape in value", 'note: a\\x41b\\#c\\n\n'),
    ("bad escape", 'note: a\\x4\n'),
    ("NUL byte", 'note: a\x00b\n'),
    ("invalid UTF-8", b'note: caf\xe9\n'),
    ("BOM", '\ufeffretries: 2\n'),
    ("CR only line ends", 'retries: 2\rtimeout: 5\r'),
    ("tabs everywhere", 'Group\t"G"\t{\n\thostname:\t127.0.0.1\n\tService\tPing\n}\n'),
    ("deep nesting", "".join('Group "g%d" {\n' % i for i in range(60)) + "hostname: 127.0.0.1\nService Ping\n"
     + "}\n" * 60),
    ("generated config (#!)", "#!/bin/cat\nretries: 2\n"),
    ("uname on group", 'Group "G" {\n    uname: other\n    hostname: 127.0.0.1\n    Service Ping\n}\n'),
    ("hostname only in service", 'Group "G" {\n    Service TCP/HTTP {\n        hostname: 127.0.0.1\n    }\n}\n'),
    ("depends on missing", 'Group "G" {\n    hostname: 127.0.0.1\n    depends: Top:Nowhere\n    Service Ping\n}\n'),
    ("Dashboard at top", 'Dashboard "d" {\n    row {\n        col {\n            status "Top"\n        }\n'
     '    }\n}\n'),
    ("Dashboard in group", 'Group "G" {\n    Dashboard "d" {\n    }\n    hostname: 127.0.0.1\n'
     '    Service Ping\n}\n'),
]


def include_cases():
    """(label, files, main) around Include."""
    g = 'Group "G" {\n    hostname: 127.0.0.1\n    Service Ping\n}\n'
    return [
        ("Include present", {"config": 'Include "a.conf"\n', "a.conf": g}, "config"),
        ("Include in subdir, nested relative", {"config": 'Include "sub/a.conf"\n',
                                                 "sub/a.conf": 'Include "b.conf"\n', "sub/b.conf": g}, "config"),
        ("Include in subdir, nested from root", {"config": 'Include "sub/a.conf"\n',
                                                  "sub/a.conf": 'Include "b.conf"\n', "b.conf": g}, "config"),
        ("Include itself", {"config": 'Include "config"\n'}, "config"),
        ("Include opens a block", {"config": 'Include "a.conf"\n    hostname: 127.0.0.1\n    Service Ping\n}\n',
                                   "a.conf": 'Group "G" {\n'}, "config"),
        ("Include inside a group", {"config": 'Group "G" {\n    Include "a.conf"\n}\n',
                                    "a.conf": "hostname: 127.0.0.1\nService Ping\n"}, "config"),
        ("Include a directory", {"config": 'Include "sub"\n', "sub/a.conf": g}, "config"),
        ("Include upper case", {"config": 'INCLUDE "a.conf"\n', "a.conf": g}, "config"),
        ("directory with an unclosed file", {"config/a": 'Group "G" {\n', "config/b": g}, "config"),
        ("directory with backup files", {"config/a": g, "config/a~": "}\n", "config/#b": "}\n",
                                         "config/c.bkp": "}\n", "config/.d": "}\n"}, "config"),
        ("directory empty", {"config/.keep": ""}, "config"),
        ("main file missing", {}, "config"),
    ]


def build_corpus(work, src, fields):
    c = Corpus(work)
    rnd = random.Random(SEED)
    found = bases(src)
    for name, files, main in found:
        c.add(name, files, main, name, "as found")
    for name, files, main in found:
        if name.startswith("shared-"):
            continue  # the same files as res-*, mutated once
        if main.endswith("config") and "config" in files:
            targets = ["config"]
        elif main in files:
            targets = [main]
        else:
            targets = sorted(files)[:3]  # a directory: its first files
        for t in targets:
            text = files[t] if isinstance(files[t], str) else files[t].decode("utf-8", "replace")
            for label, new in mutations(text, rnd):
                changed = dict(files)
                changed[t] = new
                c.add(name + "-mut", changed, main, name, t + ": " + label)
    for label, text in typed_cases(fields):
        c.add("typed", {"config": text}, "config", "template", label)
    for label, text in HANDWRITTEN:
        c.add("hand", {"config": text}, "config", "handwritten", label)
    for label, files, main in include_cases():
        c.add("include", files, main, "handwritten", label)
    with open(work / "cases.tsv", "w") as f:
        for row in c.rows:
            f.write("\t".join(row) + "\n")
    print("%d cases in %s" % (len(c.rows), c.cases))


# ---------------------------------------------------------------- the original

def run_original(work):
    argusd = os.environ["ARGUSD"]
    wrap = os.environ.get("ARGUS37_WRAP", "").split()
    rows = [l.split("\t") for l in (work / "cases.tsv").read_text().splitlines()]
    with concurrent.futures.ThreadPoolExecutor(int(os.environ.get("JOBS", "2"))) as pool:
        out = list(pool.map(lambda row: one_original(work, wrap, argusd, row[0], row[1]), rows))
    (work / "original.tsv").write_text("\n".join(out) + "\n")
    print("original: %d cases" % len(out))


def one_original(work, wrap, argusd, cid, main):
    try:
        p = subprocess.run(wrap + ["perl", argusd, "-t", "-a", os.environ["ARGUS37_DATA"], "-c", main], cwd=work / "cases" / cid,
                           capture_output=True, timeout=60)
        rc, text = p.returncode, (p.stdout + p.stderr).decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        rc, text = "timeout", ""
    diags, other = [], []
    text = re.sub(r"(?m)^\[[^]]*\] DARP running in .*$", "", text)  # the mode it would run in: information
    # each log entry starts with its time stamp; a message quoting a line with an escaped \n goes on below it
    for entry in re.split(r"(?m)^(?=\[\d{4}/\d\d/\d\d )", text):
        entry = entry.strip().replace("\n", " ")
        m = LINE.search(entry) if entry.startswith("[") else None
        if m:
            diags.append("%s:%s: %s: %s" % (m.group(2) or "", m.group(3) or "0", m.group(1), m.group(4)))
        elif entry:
            other.append(entry)
    errors = [x for x in diags if ": ERROR: " in x]
    # -t exits with the count of errors and warnings (modulo 256; a few warnings are logged without counting); a
    # Perl die exits 255 and says where, a signal over 128
    died = any(re.search(r" at \S+ line \d+\.", x) for x in other)
    crash = rc == "timeout" or rc != len(diags) % 256 and (rc >= 128 or died)
    verdict = "CRASH" if crash else ("REJECT" if errors else "ACCEPT")
    detail = diags + ["OTHER: " + x[:300] for x in other] + (["rc=%s" % rc] if crash else [])
    return "%s\t%s\t%s" % (cid, verdict, " | ".join(x.replace("\t", " ") for x in detail))


# ---------------------------------------------------------------- comparison

def parse_diag(text):
    """[(severity, file, line, message)] from 'file:line: SEV: message | ...'."""
    out = []
    for part in filter(None, text.split(" | ")):
        m = re.match(r"(.*?):(\d+): (ERROR|WARNING): (.*)", part)
        if m:
            out.append((m.group(3), m.group(1), int(m.group(2)), m.group(4)))
    return out


def compare(work):
    rows = {l.split("\t")[0]: l.split("\t") for l in (work / "cases.tsv").read_text().splitlines()}
    orig = {}
    for l in (work / "original.tsv").read_text().splitlines():
        cid, verdict, detail = (l.split("\t") + [""])[:3]
        orig[cid] = (verdict, detail)
    ours = {}
    for l in (work / "ours.tsv").read_text().splitlines():
        path, verdict, detail = (l.split("\t") + [""])[:3]
        ours[Path(path).relative_to(work / "cases").parts[0]] = (verdict, detail)
    counts = {}
    lines = []
    for cid in sorted(rows):
        _, main, origin, mutation = rows[cid]
        ov, od = orig.get(cid, ("MISSING", ""))
        wv, wd = ours.get(cid, ("MISSING", ""))
        oe = [(f, n, m) for s, f, n, m in parse_diag(od) if s == "ERROR" and not ENVIRONMENT.search(m)]
        if ov == "REJECT" and not oe:
            ov = "ACCEPT"  # rejected only for what this machine's install lacks
        we = [(f, n) for s, f, n, _ in parse_diag(wd) if s == "ERROR"]
        if ov == "CRASH" or wv in ("CRASH", "MISSING") or ov == "MISSING":
            kind = "crash-original" if ov == "CRASH" else "crash-ours"
        elif ov == wv == "ACCEPT":
            kind = "agree-accept"
        elif ov == wv == "REJECT":
            kind = "agree-reject-" + blame(oe[0], we, work / "cases" / cid, main)
        elif ov == "ACCEPT":
            kind = "original-accepts-we-reject"
        else:
            kind = "original-rejects-we-accept"
        counts[kind] = counts.get(kind, 0) + 1
        lines.append("\t".join([cid, kind, origin, mutation, od, wd]))
    (work / "diff.tsv").write_text("\n".join(lines) + "\n")
    report = ["%d configurations" % len(rows)] + ["  %-28s %d" % kv for kv in sorted(counts.items())]
    for l in lines:
        cid, kind, origin, mutation, od, wd = l.split("\t")
        if not kind.startswith("agree") or kind.endswith("other-line"):
            report += ["", "%s  %s  [%s] %s" % (kind, cid, origin, mutation),
                       "  argusd: " + first_errors(od), "  ours:   " + first_errors(wd)]
    (work / "report.txt").write_text("\n".join(report) + "\n")
    print("\n".join(report[:len(counts) + 1]))


def blame(first, ours, case, main):
    """Whether ours blames the line the original's first error names, or at least the block it closes."""
    f, n, message = first
    if not f:
        return "original-names-no-line"  # a missing include: the original names the file, not the Include line
    # at the end of a file the original counts one line past the last (the read that found nothing)
    near = (n - 1,) if message.startswith("end of file reached") else ()
    if any(o == (f, m) for o in ours for m in (n,) + near):
        return "same-line"
    # the original judges a block when it has read it: it names the line of its '}' (or the line after a one-line
    # Service), where ours names the line that opens it or the key at fault
    path = case / f if (case / f).is_file() else case / main / f
    if path.is_file():
        lines = path.read_text(errors="replace").split("\n")
        depth, start = 0, n
        for i in range(min(n, len(lines)) - 1, -1, -1):
            text = re.sub(r"(?<!\\)#.*", "", lines[i]).strip()
            if text.startswith("}"):
                depth += 1
            if text.endswith("{"):
                depth -= 1
                if depth <= 0:
                    start = i + 1
                    break
        if any(o[0] == f and start <= o[1] <= n for o in ours):
            return "same-block"
    return "other-line"


def first_errors(detail, n=3):
    errs = [p for p in detail.split(" | ") if ": ERROR: " in p or p.startswith("OTHER") or p.startswith("rc=")]
    return " | ".join(errs[:n]) + (" (+%d)" % (len(errs) - n) if len(errs) > n else "") if errs else "(no error)"


if __name__ == "__main__":
    cmd, work = sys.argv[1], Path(sys.argv[2]).resolve()
    if cmd == "corpus":
        build_corpus(work, Path(os.environ.get("ARGUS37_SRC", "/work/argus37")), work / "fields.tsv")
    elif cmd == "original":
        run_original(work)
    elif cmd == "compare":
        compare(work)
    else:
        sys.exit(__doc__)
