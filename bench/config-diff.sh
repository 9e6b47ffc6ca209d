#!/bin/bash
# The config checker against Argus 3.7's own: every configuration of a corpus goes through the original's
# `argusd -t` and through ours (ConfigChecker, the one behind import and POST /api/config/check), and the verdicts
# are compared: accepted or rejected, and for a rejection whether both blame the same line. No server is needed.
#
#   bench/config-diff.sh [WORK]          (default WORK: target/config-diff)
#
# Environment:
#   ARGUS37_HOME  an installed Argus 3.7 (default /work/argus37-inst: sbin/argusd, lib/); never changed: the script
#                 copies its sbin/argusd and lib/ into WORK/argus37 and points the copy's `use lib` there.
#   ARGUS37_SRC   its source tree (default /work/argus37): examples/config* and the configs after __END__ in t/*.t
#   JOBS          argusd runs at once (default 2)
#
# The corpus (WORK/cases, listed in WORK/cases.tsv; bench/config-diff.py builds it, seeded, so runs repeat):
#   - every config under src/test/resources/argusconf (the original's examples, config-big as a directory, the
#     variations with their include), /work/shared/argus/configs, ARGUS37_SRC/examples, ARGUS37_SRC/t/*.t;
#   - mutations of each: a } removed or added, a { removed or added, a key misspelt, a colon dropped, a block keyword
#     misspelt, a closing quote removed, a service type misspelt, a service or block repeated, an Include of a
#     missing file, the file cut in half;
#   - a template with a block of each kind (Method, DARP with slave and master, Resolv, services of each family)
#     with one bad value for each typed parameter of the original (its timespec, bool and listed-values fields,
#     dumped from the original's own Doc tables into WORK/fields.tsv, and the numeric ones), hostnames and ports;
#   - handwritten cases (empty file, Service outside a group, duplicates, unbalanced quotes, Method/Resolv/DARP/
#     schedule/cron/snmpoid blocks malformed or misplaced, escapes, bytes, includes nested and missing...).
#
# The original is judged by its log lines: a case with an `ERROR:` line is rejected. Its exit code is not the
# verdict: under -t every WARNING counts too (Conf::warning adds to has_errors in test mode) and the sum is taken
# modulo 256 (a few warnings are logged without counting). A Perl die (its "at FILE line N.") with an exit code
# other than that count, a signal, or a run past 60 s is a crash. Errors for what this install lacks (Net::SSLeay:
# "https url support not available"; DBI: "unknown service 'DB'") do not count (config-diff.py, ENVIRONMENT).
# A case whose first line is #! is run by the original as a program: the corpus has one, '#!/bin/cat'.
#
# Two things of this machine's install are evened out in the copy, as a usual install has them: conf.pl's
# $path_sendmail is set (the install has none, so its built-in Method "mail" does not exist and every config that
# redefines "mail" without a command, as examples/config does, fails "command not specified"), and its data
# directory (-a, a copy) has stats/ (a service with maxdeviation opens stats/hwab.db even under -t). No network: `-t`
# does not resolve names (misc.pl's resolve() returns at once under -t; strace shows no socket call), and as root
# each run is in its own network namespace (unshare -n) all the same. Includes: the original opens them relative
# to its working directory (a single file) or to the config directory; each case runs with the case directory as
# its working directory, which is where ours looks for them.
#
# About 7 minutes for the 1,306 cases on this 2-core machine (argusd -t takes ~0.5 s a config; ours all in 10 s).
# The last figures and what they mean: docs/parity.md, "Checked against Argus 3.7's own checker".
#
# Ours alone, on any list of config paths (a file or directory a line):
#   java -cp "target/classes:target/test-classes:$(cat target/config-diff.cp)" \
#       org.argusee.argusconf.control.ConfigDiffCheck LIST OUTPUT
#
# Output: WORK/original.tsv, WORK/ours.tsv (id, verdict, diagnostics), WORK/diff.tsv (one line a case: kind,
# origin, mutation, both sides' diagnostics) and WORK/report.txt (the counts, then every disagreement).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(realpath -m "${1:-target/config-diff}")
ARGUS37_HOME=${ARGUS37_HOME:-/work/argus37-inst}
export ARGUS37_SRC=${ARGUS37_SRC:-/work/argus37}
mkdir -p "$WORK"

# a private copy of the original, with sendmail's path set
rm -rf "$WORK/argus37" && mkdir -p "$WORK/argus37/sbin"
cp -r "$ARGUS37_HOME/lib" "$WORK/argus37/lib"
sed "s|^use lib(.*|use lib('$WORK/argus37/lib');|" "$ARGUS37_HOME/sbin/argusd" >"$WORK/argus37/sbin/argusd"
sed -i "s|^\$path_sendmail = .*|\$path_sendmail = '/usr/sbin/sendmail';|" "$WORK/argus37/lib/conf.pl"
export ARGUSD=$WORK/argus37/sbin/argusd ARGUS37_DATA=$WORK/argus37/data
cp -r "$ARGUS37_HOME/data" "$ARGUS37_DATA" && mkdir -p "$ARGUS37_DATA/stats"
if [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then export ARGUS37_WRAP="unshare -n"; fi

# the original's typed parameters, from its own tables
ARGUS37_LIB=$WORK/argus37/lib perl - >"$WORK/fields.tsv" <<'PERL'
use lib($ENV{ARGUS37_LIB});
BEGIN{ require "conf.pl"; require "misc.pl"; require "common.pl"; }
our @ALL;
BEGIN{ require Doc; no warnings; my $o = \&Doc::register; *Doc::register = sub { push @ALL, $_[0]; $o->(@_) }; }
use Control; use BaseIO; use Cron; use Server; use Commands; use Conf; use Configable; use MonEl; use Group;
use Alias; use Service; use Error; use Notify; use Graph; use NullConf; use UserCron; use TestPort;
use Argus::Ctl; use Argus::HashDir; use Argus::Schedule; use Argus::Ticket; use Argus::Dashboard;
use Argus::Resolv; use DARP;
for my $d (@ALL){
    for my $f (sort keys %{$d->{fields}}){
        my $x = $d->{fields}{$f};
        my @a = @{$x->{attrs} || []};
        next unless grep { $_ eq 'config' } @a;
        print join("\t", $d->{package}, $f, join(',', @a), join(',', @{$x->{vals} || []})), "\n";
    }
}
PERL

python3 bench/config-diff.py corpus "$WORK"
cut -f1,2 "$WORK/cases.tsv" | while IFS=$'\t' read -r id main; do echo "$WORK/cases/$id/$main"; done >"$WORK/paths.txt"

# ours: one JVM for the whole corpus
mvn -o -q -B test-compile
[ -s target/config-diff.cp ] || mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=target/config-diff.cp
java -cp "target/classes:target/test-classes:$(cat target/config-diff.cp)" \
    org.argusee.argusconf.control.ConfigDiffCheck "$WORK/paths.txt" "$WORK/ours.tsv" &
OURS=$!

python3 bench/config-diff.py original "$WORK"
wait $OURS
python3 bench/config-diff.py compare "$WORK"
echo "details: $WORK/report.txt, $WORK/diff.tsv"
