package org.argusee.probe.control.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.argusee.probe.control.ProbeFailure;

/**
 * Hostname to address, honouring {@code ipversion}. The JDK only resolves names by blocking, so lookups run on a
 * few threads of their own, never on the network loop or the caller's timer thread; the JDK's address cache
 * makes repeated names cheap. Address literals, the common case in large configs, need no thread at all.
 */
public final class HostResolver {

    private final ThreadPoolExecutor pool;

    public HostResolver(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * @throws java.util.concurrent.RejectedExecutionException after {@link #shutdown()}
     */
    public CompletableFuture<InetAddress> resolve(String host, List<Integer> versions) {
        String bare = bare(host);
        if (isIpv4Literal(bare) || bare.contains(":")) {
            try {
                // a literal: getAllByName parses it without asking DNS
                return CompletableFuture.completedFuture(pick(parseLiteral(bare), versions));
            } catch (UnknownHostException | ProbeFailure e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return pick(InetAddress.getAllByName(bare), versions);
                    } catch (UnknownHostException e) {
                        throw new ProbeFailure("cannot resolve hostname");
                    }
                },
                pool);
    }

    /**
     * Where to connect for an address literal ({@code 192.0.2.1}, {@code ::1}, {@code [::1]}) and {@code port}, as
     * {@link #resolve} would answer at every probe; null for a name, or for a literal that {@link #resolve} fails
     * (it then fails at each probe, with its reason). A literal means the same address for as long as the service is
     * planned, so a monitor works it out once (issue 17, session 14).
     */
    public static InetSocketAddress literal(String host, List<Integer> versions, int port) {
        if (host == null) {
            return null;
        }
        String bare = bare(host);
        if (!isIpv4Literal(bare) && !bare.contains(":")) {
            return null;
        }
        try {
            return new InetSocketAddress(pick(parseLiteral(bare), versions), port);
        } catch (UnknownHostException | ProbeFailure | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The address of a literal, never asking DNS: in brackets the JDK takes the text for an IPv6 literal and rejects
     * an invalid one, where without them it hands a text it cannot parse (such as {@code zz:1}) to the system's
     * resolver, synchronously, on the tick thread.
     */
    private static InetAddress[] parseLiteral(String bare) throws UnknownHostException {
        return InetAddress.getAllByName(bare.contains(":") ? "[" + bare + "]" : bare);
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * Four groups of one to three ASCII digits, each at most 255, with a dot between them, without a regex's matcher
     * made at each probe (issue 17). A group over 255 ({@code 10.0.0.300}) is no literal: the JDK would pass such a
     * text to the system's resolver, so it goes to the resolver's pool like any other name.
     */
    static boolean isIpv4Literal(String text) {
        int groups = 0;
        int digits = 0;
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return false;
                }
            } else if (c == '.' && digits > 0 && groups < 3) {
                groups++;
                digits = 0;
                value = 0;
            } else {
                return false;
            }
        }
        return groups == 3 && digits > 0;
    }

    public void shutdown() {
        pool.shutdownNow();
    }

    /** The first address of the most preferred family, as the original picks one address and tests it. */
    static InetAddress pick(InetAddress[] addresses, List<Integer> versions) {
        for (int version : versions) {
            for (InetAddress a : addresses) {
                if (version == 4 && a instanceof Inet4Address || version == 6 && a instanceof Inet6Address) {
                    return a;
                }
            }
        }
        throw new ProbeFailure(
                "no " + versions.stream().map(v -> "IPv" + v).collect(Collectors.joining("/")) + " address");
    }
}
