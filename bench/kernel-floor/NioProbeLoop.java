import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.Random;

/**
 * The floor of a TCP probe for a server written on the JDK's NIO (issue 17): probe-loop.c's loop (connect + close on
 * loopback at a fixed rate, woken at most every batch ms) with SocketChannel and Selector, nothing else: no status,
 * no futures, no metrics. Compiled and run by bench/kernel-floor.sh (ForeignProbeLoop measures itself with this
 * class's measure):
 *
 *   java -cp target/kernel-floor/classes NioProbeLoop <port> <probes a second> <seconds> <batch ms> [hosts ports]
 *
 * It probes for the given seconds once to warm the JIT, then again measured; prints the loop thread's user and kernel
 * CPU per probe and the whole process's (the JIT, the GC), to set beside the C loop's and the server's figures.
 */
public final class NioProbeLoop {
    public static void main(String[] args) throws Throwable {
        Probing p = Probing.of(args);
        try (Selector selector = Selector.open()) {
            measure("JDK NIO", p, random -> run(selector, p.port, p.rate, p.secs, p.batch, p.hosts, p.ports, random));
        }
    }

    /** The loops' common arguments: port, probes a second, seconds, batch (given in ms), [hosts ports]. */
    record Probing(int port, double rate, double secs, double batch, int hosts, int ports) {
        static Probing of(String[] args) {
            boolean layout = args.length == 6;
            return new Probing(Integer.parseInt(args[0]), Double.parseDouble(args[1]), Double.parseDouble(args[2]),
                    Double.parseDouble(args[3]) / 1000, layout ? Integer.parseInt(args[4]) : 0,
                    layout ? Integer.parseInt(args[5]) : 1);
        }
    }

    /** A loop's run: returns the probes done and failed. */
    interface Run {
        long[] run(Random random) throws Throwable;
    }

    /**
     * Runs the loop once to warm the JIT, then again measured, and prints its thread's CPU and the whole JVM's per
     * probe.
     */
    static void measure(String name, Probing p, Run loop) throws Throwable {
        loop.run(new Random(2)); // the JIT's warm-up
        System.err.println("measuring"); // bench/kernel-floor.sh starts the C loops beside it on this
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime(), user0 = threads.getCurrentThreadUserTime();
        long process0 = os.getProcessCpuTime(), jit0 = jitNanos();
        long[] counts = loop.run(new Random(1));
        long cpu = threads.getCurrentThreadCpuTime() - cpu0, user = threads.getCurrentThreadUserTime() - user0;
        long process = os.getProcessCpuTime() - process0, jit = jitNanos() - jit0;
        long done = counts[0];
        System.out.printf(
                "%s: %.0f probes/s planned, batch %.0f ms, %d hosts x %d ports: %d probes (%d failed);"
                        + " loop thread user %.1f us, kernel %.1f us a probe = %.3f core-s per 1,000 probes;"
                        + " whole JVM %.3f (without the JIT %.3f)%n",
                name, p.rate, p.batch * 1000, Math.max(p.hosts, 1), p.ports, done, counts[1], user / 1e3 / done,
                (cpu - user) / 1e3 / done, cpu / 1e6 / done, process / 1e6 / done, (process - jit) / 1e6 / done);
    }

    /** Returns the probes done and failed. */
    private static long[] run(Selector selector, int port, double rate, double secs, double batch, int hosts,
            int ports, Random random) throws Exception {
        // made once, as the server keeps each service's resolved address
        InetSocketAddress[] targets = new InetSocketAddress[Math.max(hosts, 1) * ports];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = hosts > 0
                    ? address(i / ports, port + i % ports)
                    : new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        }
        long t0 = System.nanoTime(), end = t0 + (long) (secs * 1e9);
        long started = 0, done = 0, failed = 0;
        while (System.nanoTime() < end || done + failed < started) {
            long t = System.nanoTime();
            long due = t >= end ? started : (long) ((t - t0) / 1e9 * rate);
            for (; started < due; started++) {
                InetSocketAddress to = targets[random.nextInt(targets.length)];
                SocketChannel channel = SocketChannel.open(StandardProtocolFamily.INET);
                try {
                    channel.configureBlocking(false);
                    if (channel.connect(to)) {
                        done++;
                        channel.close();
                    } else {
                        channel.register(selector, SelectionKey.OP_CONNECT);
                    }
                } catch (java.io.IOException e) {
                    failed++;
                    channel.close();
                }
            }
            // sleep until the next probe is due, as the server's tick does, not on a fixed short timeout
            double next = Math.max((t0 + (started + 1) / rate * 1e9 - System.nanoTime()) / 1e9, batch);
            long wait = t >= end ? 50 : (long) (next * 1000) + 1;
            selector.select(wait);
            for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                SelectionKey key = keys.next();
                keys.remove();
                SocketChannel channel = (SocketChannel) key.channel();
                try {
                    if (channel.finishConnect()) {
                        done++;
                    } else {
                        continue;
                    }
                } catch (java.io.IOException e) {
                    failed++;
                }
                channel.close();
            }
        }
        selector.selectNow(); // the last closed channels' keys leave the selector
        return new long[] {done, failed};
    }

    /**
     * CPU of the JIT's compiler threads so far, from /proc (the JVM hides them from ThreadMXBean), as
     * bench/probe-bench.sh leaves them out; the script starts the JVM with a fixed number of them.
     */
    private static long jitNanos() throws java.io.IOException {
        long ticks = 0;
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (var task : (Iterable<java.nio.file.Path>) tasks::iterator) {
                String stat = java.nio.file.Files.readString(task.resolve("stat"));
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(after[11]) + Long.parseLong(after[12]); // utime, stime
                }
            }
        }
        return ticks * 10_000_000L; // 100 clock ticks a second (Linux's USER_HZ)
    }

    /** probe-loop.c's and ProbeTargets' address of host h. */
    private static InetSocketAddress address(int h, int port) throws Exception {
        byte[] a = {127, (byte) (1 + h / 62500), (byte) (h % 62500 / 250), (byte) (h % 250 + 1)};
        return new InetSocketAddress(InetAddress.getByAddress(a), port);
    }
}
