package org.argusee.darp.control.master;

import java.util.HashMap;
import java.util.Map;

/**
 * How many DARP streams may wait for their hello at once (issue 15, finding 5). Until its token is accepted a socket
 * is anybody's: it costs a connection, a buffer and up to ten seconds of waiting. So they are capped per address and
 * in all; one past the cap is refused before the WebSocket upgrade. A socket leaves the count when its hello is
 * accepted or when it closes, whichever comes first, exactly once.
 */
public final class PreHelloLimits {

    private final int perAddress;
    private final int total;
    private final Map<String, Integer> byAddress = new HashMap<>();
    private int waiting;

    public PreHelloLimits(int perAddress, int total) {
        this.perAddress = perAddress;
        this.total = total;
    }

    /** Counts one more socket from {@code address}, or answers false (and counts nothing) over a cap. */
    public synchronized boolean admit(String address) {
        if (waiting >= total || byAddress.getOrDefault(address, 0) >= perAddress) {
            return false;
        }
        byAddress.merge(address, 1, Integer::sum);
        waiting++;
        return true;
    }

    /** The socket said hello or went away: it no longer counts. */
    public synchronized void release(String address) {
        Integer n = byAddress.get(address);
        if (n == null) {
            return; // never admitted, or released already
        }
        if (n <= 1) {
            byAddress.remove(address);
        } else {
            byAddress.put(address, n - 1);
        }
        waiting--;
    }

    public synchronized int waiting() {
        return waiting;
    }
}
