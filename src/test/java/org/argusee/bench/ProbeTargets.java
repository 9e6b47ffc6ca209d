package org.argusee.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The probed side of the probing benchmark, one process per slice of hosts (a process may hold only so many file
 * descriptors): every host is a loopback address of its own (127.1.x.y), listening on {@code ports} TCP ports from
 * 20000; a connection is accepted and closed at once, as a TCP service with no send/expect needs.
 *
 * <p>Talks over stdin/stdout: prints {@code ready <listeners>} once listening; {@code close <host>} closes that
 * host's listeners and prints {@code closed <host> <epoch ms>}; {@code open <host>} listens on them again and prints
 * {@code opened <host> <epoch ms>}; {@code count} prints {@code accepts <n>}; {@code mark} starts noting the time of
 * each accept and prints {@code marked <epoch ms>}; {@code since <k>} prints {@code since <n> <first> <k-th>}: the
 * accepts noted since the mark, the epoch ms of the first and of the k-th (-1 for none yet). Ends when stdin
 * closes. Usage: {@code ProbeTargets firstHost hostCount ports}
 */
public final class ProbeTargets {

    /** BENCH_PORT_BASE moves them (inherited by the listener processes): two benches on one machine then coexist. */
    static final int PORT_BASE = Integer.parseInt(System.getenv().getOrDefault("BENCH_PORT_BASE", "20000"));

    private final Selector selector;
    private final Map<Integer, List<ServerSocketChannel>> byHost = new HashMap<>();
    private final ConcurrentLinkedQueue<Integer> toClose = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Integer> toOpen = new ConcurrentLinkedQueue<>();
    private final AtomicLong accepts = new AtomicLong();
    /** Accept times (epoch ms) since the last mark; null before any mark. Written by the accept loop only. */
    private volatile List<Long> noted;

    private int ports;

    private ProbeTargets(Selector selector) {
        this.selector = selector;
    }

    /** The address of host number {@code host}: 127.1.0.1 onwards, 250 hosts per third octet. */
    static String address(int host) {
        return "127." + (1 + host / 62_500) + "." + (host % 62_500 / 250) + "." + (host % 250 + 1);
    }

    public static void main(String[] args) throws IOException {
        int first = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int ports = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ProbeTargets targets = new ProbeTargets(Selector.open());
        int listeners = targets.listen(first, count, ports);
        Thread loop = new Thread(targets::acceptLoop, "accept-loop");
        loop.setDaemon(true);
        loop.start();
        out.println("ready " + listeners);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.strip().split(" ");
            if (words[0].equals("close")) {
                int host = Integer.parseInt(words[1]);
                targets.toClose.add(host);
                targets.selector.wakeup();
                out.println("closed " + host + " " + System.currentTimeMillis());
            } else if (words[0].equals("open")) {
                int host = Integer.parseInt(words[1]);
                targets.toOpen.add(host);
                targets.selector.wakeup();
                out.println("opened " + host + " " + System.currentTimeMillis());
            } else if (words[0].equals("count")) {
                out.println("accepts " + targets.accepts.get());
            } else if (words[0].equals("mark")) {
                targets.noted = Collections.synchronizedList(new ArrayList<>());
                out.println("marked " + System.currentTimeMillis());
            } else if (words[0].equals("since")) {
                out.println(targets.since(Integer.parseInt(words[1])));
            }
        }
    }

    private int listen(int first, int count, int ports) throws IOException {
        this.ports = ports;
        for (int host = first; host < first + count; host++) {
            listen(host);
        }
        return count * ports;
    }

    private void listen(int host) throws IOException {
        List<ServerSocketChannel> channels = new ArrayList<>();
        for (int p = 0; p < ports; p++) {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(address(host), PORT_BASE + p), 64);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            channels.add(server);
        }
        byHost.put(host, channels);
    }

    private String since(int k) {
        List<Long> times = noted;
        if (times == null) {
            return "since 0 -1 -1";
        }
        synchronized (times) {
            return "since " + times.size() + " " + (times.isEmpty() ? -1 : times.get(0)) + " "
                    + (k >= 1 && times.size() >= k ? times.get(k - 1) : -1);
        }
    }

    private void acceptLoop() {
        try {
            while (true) {
                selector.select();
                for (Integer host = toClose.poll(); host != null; host = toClose.poll()) {
                    for (ServerSocketChannel server : byHost.getOrDefault(host, List.of())) {
                        server.close();
                    }
                    byHost.remove(host);
                }
                for (Integer host = toOpen.poll(); host != null; host = toOpen.poll()) {
                    if (!byHost.containsKey(host)) {
                        listen(host);
                    }
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isAcceptable()) {
                        SocketChannel client = ((ServerSocketChannel) key.channel()).accept();
                        if (client != null) {
                            accepts.incrementAndGet();
                            List<Long> times = noted;
                            if (times != null) {
                                times.add(System.currentTimeMillis());
                            }
                            client.close();
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new IllegalStateException("accept loop failed", e);
        }
    }
}
