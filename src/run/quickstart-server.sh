#!/bin/sh
# Starts the quick start's WildFly (mvn -Prun package; see pom.xml). Usage:
#   quickstart-server.sh JBOSS_HOME DB_PASSWORD_FILE [standalone.sh arguments...]
# Secrets reach WildFly by its environment, never its command line: /proc/<pid>/cmdline (ps) is readable by every
# user of the machine, /proc/<pid>/environ only by the server's own user and root.
# - DB_PASSWORD: read once from the file the quick start's PostgreSQL keeps (mode 0600), unless DB_URL points at a
#   database of your own (then your DB_USER/DB_PASSWORD are used as they are).
# - Run as root, Prog services and program methods run as the unprivileged user argus-prog (argus.prog.user),
#   created here when missing, so that they cannot read the server's secrets. ARGUS_PROG_USER set beforehand wins.
set -eu
jboss_home=$1
password_file=$2
shift 2
if [ -z "${DB_URL:-}" ] && [ -r "$password_file" ]; then
    DB_PASSWORD=$(cat "$password_file")
    export DB_PASSWORD
fi
if [ "$(id -u)" = 0 ] && [ -z "${ARGUS_PROG_USER:-}" ]; then
    if ! id -u argus-prog >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin argus-prog
        echo "quickstart: created the user argus-prog for Prog services and program methods" >&2
    fi
    ARGUS_PROG_USER=argus-prog
    export ARGUS_PROG_USER
fi
exec "$jboss_home/bin/standalone.sh" "$@"
