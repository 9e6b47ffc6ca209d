package org.argusee.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Hands out WildFly port offsets to the extra servers of a test JVM: from argus.test.servers.port-offset (failsafe
 * sets it; 200 by default) in steps of 10, skipping an offset whose ports overlap a server of this JVM or the
 * Arquillian-managed one (argus.test.port.offset), or are taken by anybody on 127.0.0.1. Steps of 10 because
 * WildFly's own ports lie 1 and 3 apart (4712/4713, 9990/9993): neighbouring offsets would collide.
 */
final class PortSlots {

    static final String FIRST_PROPERTY = "argus.test.servers.port-offset";
    /** ajp, http, https, management http and https, transaction recovery and status: standalone.xml's bindings. */
    private static final int[] PORTS = {8009, 8080, 8443, 9990, 9993, 4712, 4713};

    private static final int STEP = 10;
    private static final int SLOTS = 60;
    private static final Set<Integer> TAKEN = new HashSet<>();

    private PortSlots() {}

    static synchronized int reserve() {
        int first = Integer.getInteger(FIRST_PROPERTY, 200);
        Set<Integer> busy = new HashSet<>();
        TAKEN.forEach(offset -> busy.addAll(ports(offset)));
        Integer arquillian = Integer.getInteger("argus.test.port.offset");
        if (arquillian != null) {
            busy.addAll(ports(arquillian));
        }
        for (int slot = 0; slot < SLOTS; slot++) {
            int offset = first + slot * STEP;
            Set<Integer> ports = ports(offset);
            if (ports.stream().noneMatch(busy::contains) && ports.stream().allMatch(PortSlots::free)) {
                TAKEN.add(offset);
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset among " + SLOTS + " from " + first + " in steps of " + STEP
                + "; set -D" + FIRST_PROPERTY + " elsewhere");
    }

    static synchronized void release(int offset) {
        TAKEN.remove(offset);
    }

    static Set<Integer> ports(int offset) {
        return IntStream.of(PORTS).map(p -> p + offset).boxed().collect(Collectors.toSet());
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
