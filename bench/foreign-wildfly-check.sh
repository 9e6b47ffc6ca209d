#!/usr/bin/env bash
# Can a deployment on WildFly use Java 17's foreign linker (jdk.incubator.foreign, JEP 412)? Issue 17's question for a
# network loop without the JDK's NIO (bench/kernel-floor/ForeignProbeLoop.java). Copies a provisioned server, deploys
# two tiny WARs (bench/foreign-wildfly-check/: a servlet that calls getpid() through the linker), one plain and one
# whose manifest says `Dependencies: jdk.incubator.foreign`, and asks each at two starts of the server:
#   1. the flags through JDK_JAVA_OPTIONS (the java launcher reads it; standalone.sh does not see it):
#      --add-modules jdk.incubator.foreign --enable-native-access=ALL-UNNAMED
#   2. --add-modules jdk.incubator.foreign in JAVA_OPTS, without --enable-native-access
#   3. neither (what a deployment that depends on the module meets on a server started as today)
# and counts the --add-exports/--add-opens that standalone.sh put on the server's command line (it leaves its own
# defaults out when JAVA_OPTS has an --add-modules). Nothing of the product is changed or deployed.
#
#   WILDFLY_HOME=target/server bench/foreign-wildfly-check.sh     (loopback only; ports 8080/9990 + PORT_OFFSET, 5100)
set -euo pipefail
cd "$(dirname "$0")/.."
home=${WILDFLY_HOME:-target/server}
offset=${PORT_OFFSET:-5100}
out=target/foreign-wildfly-check
[ -f "$home/jboss-modules.jar" ] || { echo "no WildFly at $home (mvn -o package provisions target/server)"; exit 1; }
api=$(find ~/.m2/repository/jakarta/servlet/jakarta.servlet-api -name 'jakarta.servlet-api-6*.jar' | sort | tail -1)
rm -rf "$out" && mkdir -p "$out/classes" "$out/plain/WEB-INF" "$out/with/WEB-INF" "$out/with/META-INF"
javac --add-modules jdk.incubator.foreign -cp "$api" -d "$out/classes" bench/foreign-wildfly-check/*.java 2>&1 \
    | grep -v -e incubat -e '^1 warning$' || true
cp -r "$out/classes" "$out/plain/WEB-INF/" && cp -r "$out/classes" "$out/with/WEB-INF/"
printf 'Manifest-Version: 1.0\nDependencies: jdk.incubator.foreign\n' > "$out/with/META-INF/MANIFEST.MF"
(cd "$out/plain" && jar cf ../ffi-plain.war .) && (cd "$out/with" && jar cfm ../ffi-with.war META-INF/MANIFEST.MF WEB-INF)
cp -a "$home" "$out/server"
rm -rf "$out"/server/standalone/{data,tmp,log} "$out"/server/standalone/deployments/*.[ewj]ar*
cp "$out"/ffi-*.war "$out/server/standalone/deployments/"
server=
trap '[ -z "$server" ] || kill -- -"$server" 2>/dev/null || true' EXIT
opts="-Xms64m -Xmx512m -XX:+UseSerialGC -Djava.net.preferIPv4Stack=true"
for start in 1 2 3; do
    rm -rf "$out/server/standalone/data" "$out/server/standalone/tmp"
    if [ "$start" = 1 ]; then
        echo "== start 1: JDK_JAVA_OPTIONS='--add-modules jdk.incubator.foreign --enable-native-access=ALL-UNNAMED'"
        JDK_JAVA_OPTIONS="--add-modules jdk.incubator.foreign --enable-native-access=ALL-UNNAMED" JAVA_OPTS="$opts" \
            setsid "$out/server/bin/standalone.sh" -Djboss.socket.binding.port-offset="$offset" -b 127.0.0.1 \
            -bmanagement 127.0.0.1 > "$out/server-$start.log" 2>&1 &
    elif [ "$start" = 2 ]; then
        echo "== start 2: JAVA_OPTS with --add-modules jdk.incubator.foreign, no --enable-native-access"
        JAVA_OPTS="$opts --add-modules jdk.incubator.foreign" setsid "$out/server/bin/standalone.sh" \
            -Djboss.socket.binding.port-offset="$offset" -b 127.0.0.1 -bmanagement 127.0.0.1 \
            > "$out/server-$start.log" 2>&1 &
    else
        echo "== start 3: no flags"
        JAVA_OPTS="$opts" setsid "$out/server/bin/standalone.sh" -Djboss.socket.binding.port-offset="$offset" \
            -b 127.0.0.1 -bmanagement 127.0.0.1 > "$out/server-$start.log" 2>&1 &
    fi
    server=$!
    for _ in $(seq 1 300); do grep -q -e WFLYSRV0025 -e WFLYSRV0026 "$out/server-$start.log" && break; sleep 1; done
    grep -q -e WFLYSRV0025 -e WFLYSRV0026 "$out/server-$start.log" || { echo "no start: $out/server-$start.log"; exit 1; }
    jvm=$(pgrep -P "$server" java || pgrep -g "$server" java | tail -1)
    echo "the server's JVM has $(tr '\0' '\n' < "/proc/$jvm/cmdline" | grep -c -e '^--add-exports' -e '^--add-opens') --add-exports/--add-opens"
    grep -o -e 'WFLYCTL0080.*' -e 'WFLYSRV0026.*' -e 'WFLYCTL0186.*' "$out/server-$start.log" | cut -c1-300 || true
    for war in plain with; do
        echo "-- ffi-$war.war:"
        curl -s "http://127.0.0.1:$((8080 + offset))/ffi-$war/ffi" || echo "(no answer: the deployment failed?)"
    done
    kill -- -"$server" && wait "$server" 2>/dev/null || true
    server=
done
