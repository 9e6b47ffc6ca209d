import static jdk.incubator.foreign.CLinker.C_INT;
import static jdk.incubator.foreign.CLinker.C_POINTER;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Random;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAccess;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;

/**
 * The floor of a TCP probe for a server written in Java without the JDK's NIO (issue 17): probe-loop.c's loop, its
 * five system calls a probe (socket non-blocking, connect, epoll_ctl ADD, getsockopt SO_ERROR, close) and one
 * epoll_wait a wake-up, made from Java through Java 17's incubating foreign linker (JEP 412: downcalls to libc,
 * no JNI, nothing compiled). Driven as NioProbeLoop is: the same rate, batches, layout of listeners and random
 * choice of target, a warm-up as long as the run, measured by NioProbeLoop.measure. Compiled and run by
 * bench/kernel-floor.sh:
 *
 *   java --add-modules jdk.incubator.foreign --enable-native-access=ALL-UNNAMED -cp target/kernel-floor/classes \
 *       ForeignProbeLoop <port> <probes a second> <seconds> <batch ms> [hosts ports]
 *
 * Linux x86_64 only: the struct layouts (sockaddr_in, the packed epoll_event) and the constants are that ABI's.
 * JDK 17's linker cannot capture errno at the call (Java 20's can), so connect's errno is read through
 * __errno_location right after it, a function call and no system call; nothing between the two calls in this thread
 * sets errno on Linux, but the JVM does not promise that.
 */
public final class ForeignProbeLoop {
    private static final int AF_INET = 2, SOCK_STREAM = 1, SOCK_NONBLOCK = 0x800, SOCK_CLOEXEC = 0x80000;
    private static final int EPOLLOUT = 0x004, EPOLL_CTL_ADD = 1, EINPROGRESS = 115;
    private static final int SOL_SOCKET = 1, SO_ERROR = 4;
    private static final int EVENT_SIZE = 12, EVENTS = 256; // struct epoll_event is packed on x86_64
    private static final int SOCKADDR_IN = 16;

    private static final MethodHandle SOCKET = libc("socket", int.class, int.class, int.class, int.class);
    private static final MethodHandle CONNECT = libc("connect", int.class, int.class, MemoryAddress.class, int.class);
    private static final MethodHandle EPOLL_CREATE1 = libc("epoll_create1", int.class, int.class);
    private static final MethodHandle EPOLL_CTL =
            libc("epoll_ctl", int.class, int.class, int.class, int.class, MemoryAddress.class);
    private static final MethodHandle EPOLL_WAIT =
            libc("epoll_wait", int.class, int.class, MemoryAddress.class, int.class, int.class);
    private static final MethodHandle GETSOCKOPT = libc("getsockopt", int.class, int.class, int.class, int.class,
            MemoryAddress.class, MemoryAddress.class);
    private static final MethodHandle CLOSE = libc("close", int.class, int.class);
    private static final MethodHandle ERRNO_LOCATION = libc("__errno_location", MemoryAddress.class);

    public static void main(String[] args) throws Throwable {
        NioProbeLoop.Probing p = NioProbeLoop.Probing.of(args);
        try (ResourceScope scope = ResourceScope.newConfinedScope()) {
            int ep = (int) EPOLL_CREATE1.invokeExact(SOCK_CLOEXEC);
            if (ep < 0) {
                throw new IllegalStateException("epoll_create1 failed");
            }
            Loop loop = new Loop(scope, ep, p.port(), p.hosts(), p.ports());
            NioProbeLoop.measure("foreign linker", p, random -> loop.run(p.rate(), p.secs(), p.batch(), random));
            int closed = (int) CLOSE.invokeExact(ep);
        }
    }

    /** The loop's native memory, made once: the targets' addresses, one epoll_event, the event array, SO_ERROR. */
    private static final class Loop {
        private final int ep;
        private final int targets;
        private final MemorySegment addresses, event, events, error, errorLength, errno;

        Loop(ResourceScope scope, int ep, int port, int hosts, int ports) throws Throwable {
            this.ep = ep;
            targets = Math.max(hosts, 1) * ports;
            // made once, as the server keeps each service's resolved address: struct sockaddr_in, network order
            addresses = MemorySegment.allocateNative((long) SOCKADDR_IN * targets, 8, scope);
            for (int i = 0; i < targets; i++) {
                MemorySegment to = addresses.asSlice((long) SOCKADDR_IN * i, SOCKADDR_IN);
                int h = i / ports;
                int ip = hosts > 0 ? 127 << 24 | (1 + h / 62500) << 16 | (h % 62500 / 250) << 8 | (h % 250 + 1)
                        : 127 << 24 | 1;
                MemoryAccess.setShortAtOffset(to, 0, (short) AF_INET);
                MemoryAccess.setShortAtOffset(to, 2, java.nio.ByteOrder.BIG_ENDIAN,
                        (short) (hosts > 0 ? port + i % ports : port));
                MemoryAccess.setIntAtOffset(to, 4, java.nio.ByteOrder.BIG_ENDIAN, ip);
            }
            event = MemorySegment.allocateNative(EVENT_SIZE, 8, scope);
            events = MemorySegment.allocateNative((long) EVENT_SIZE * EVENTS, 8, scope);
            error = MemorySegment.allocateNative(4, 4, scope);
            errorLength = MemorySegment.allocateNative(4, 4, scope);
            // this thread's errno: its address does not change while the thread lives
            errno = ((MemoryAddress) ERRNO_LOCATION.invokeExact()).asSegment(4, scope);
        }

        /**
         * Returns the probes done and failed. The work of a probe is in methods of its own, called once a probe as
         * a server's would be: C2 compiles them after some thousands of calls and only then inlines the downcalls
         * (a loop method called once stays interpreted at 333 a second, and an interpreted or C1 downcall takes the
         * linker's generic path, boxing its arguments: about 10 us a probe).
         */
        long[] run(double rate, double secs, double batch, Random random) throws Throwable {
            long t0 = System.nanoTime(), end = t0 + (long) (secs * 1e9);
            long started = 0, done = 0, failed = 0;
            while (System.nanoTime() < end || done + failed < started) {
                long t = System.nanoTime();
                long due = t >= end ? started : (long) ((t - t0) / 1e9 * rate);
                for (; started < due; started++) {
                    if (!start(random.nextInt(targets))) {
                        failed++;
                    }
                }
                // sleep until the next probe is due, as the server's tick does, not on a fixed short timeout
                double next = Math.max((t0 + (started + 1) / rate * 1e9 - System.nanoTime()) / 1e9, batch);
                int n = await(t >= end ? 50 : (int) (next * 1000) + 1);
                for (int i = 0; i < n; i++) {
                    if (finish(i)) {
                        done++;
                    } else {
                        failed++;
                    }
                }
            }
            return new long[] {done, failed};
        }

        /** socket, connect and epoll_ctl ADD; false if the connect failed at once. */
        private boolean start(int target) throws Throwable {
            MemoryAddress to = addresses.address().addOffset((long) SOCKADDR_IN * target);
            int s = (int) SOCKET.invokeExact(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (s < 0) {
                return false;
            }
            if ((int) CONNECT.invokeExact(s, to, SOCKADDR_IN) < 0 && MemoryAccess.getInt(errno) != EINPROGRESS) {
                int closed = (int) CLOSE.invokeExact(s);
                return false;
            }
            MemoryAccess.setIntAtOffset(event, 0, EPOLLOUT);
            MemoryAccess.setIntAtOffset(event, 4, s); // data.fd
            int added = (int) EPOLL_CTL.invokeExact(ep, EPOLL_CTL_ADD, s, event.address());
            return true;
        }

        /** epoll_wait: the number of events. */
        private int await(int millis) throws Throwable {
            return (int) EPOLL_WAIT.invokeExact(ep, events.address(), EVENTS, millis);
        }

        /** The i-th event's probe: getsockopt SO_ERROR and close; true if it connected. */
        private boolean finish(int i) throws Throwable {
            int s = MemoryAccess.getIntAtOffset(events, (long) EVENT_SIZE * i + 4);
            MemoryAccess.setInt(error, 0);
            MemoryAccess.setInt(errorLength, 4);
            int got = (int) GETSOCKOPT.invokeExact(s, SOL_SOCKET, SO_ERROR, error.address(), errorLength.address());
            int closed = (int) CLOSE.invokeExact(s); // leaves the epoll set with its last descriptor
            return got == 0 && MemoryAccess.getInt(error) == 0;
        }
    }

    private static MethodHandle libc(String name, Class<?> returns, Class<?>... parameters) {
        MemoryAddress symbol = CLinker.systemLookup().lookup(name)
                .orElseThrow(() -> new IllegalStateException("libc has no " + name));
        var layouts = new jdk.incubator.foreign.MemoryLayout[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            layouts[i] = parameters[i] == int.class ? C_INT : C_POINTER;
        }
        return CLinker.getInstance().downcallHandle(symbol, MethodType.methodType(returns, parameters),
                FunctionDescriptor.of(returns == int.class ? C_INT : C_POINTER, layouts));
    }
}
