package org.argusee.darp.control.link;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.argusee.darp.control.ScramProof;
import org.argusee.darp.control.ScramVerifier;
import org.argusee.darp.control.login.LoginDesk;
import org.argusee.darp.control.login.Tokens;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.darp.control.wire.ConfigDocuments;
import org.argusee.darp.control.wire.Message;
import org.argusee.darp.control.wire.Messages;
import org.argusee.darp.control.wire.StreamSeal;
import org.argusee.platform.control.LoginThrottle;
import org.argusee.tree.control.Parameter;

/**
 * A master on a real socket on 127.0.0.1, enough to test the slave's link without a server: the real login desk,
 * a fixed config, and a hand-made WebSocket that welcomes, acks, and answers pings only while {@link #answering}.
 * When it stops answering it keeps the TCP connection open: the hung master the original never noticed.
 */
final class FakeMaster implements AutoCloseable {

    static final String SECRET = "fake master's shared secret";

    final ServerSocket server;
    final LoginDesk desk;
    final List<Message> received = new CopyOnWriteArrayList<>();
    final AtomicInteger streams = new AtomicInteger();
    volatile boolean answering = true;
    /** Signs logins with garbage: a master that does not hold the slave's verifier. */
    volatile boolean forgeSignature;
    /** Refuses logins as the standby of a master pair does: 503, problem type standby. */
    volatile boolean standby;
    /** Changes the config on the way, as a man in the middle would, keeping the master's MAC. */
    volatile boolean tamper;
    /** How long the config takes to come: a master building the document of thousands of services under load. */
    volatile Duration configTime = Duration.ZERO;
    /** Top's frequency in the config served: a change makes a new version ({@link #announce}). */
    volatile String frequency = "30";
    /** If set, a config fetch waits for it (after taking the config as it is then): a fetch under way, held. */
    volatile java.util.concurrent.CountDownLatch configGate;
    /** Config fetches that got as far as the document. */
    final AtomicInteger configRequests = new AtomicInteger();

    private volatile StreamSeal lastSeal;
    private volatile OutputStream lastOut;

    volatile long lastSeq;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<OutputStream> streamOuts = new CopyOnWriteArrayList<>();

    FakeMaster(String slaveTag, String verifierSecret) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        String verifier = ScramVerifier.create(verifierSecret).text();
        desk = new LoginDesk(
                tag -> tag.equals(slaveTag)
                        ? Optional.of(new LoginDesk.SlaveSecret(tag, verifier, "127.0.0.1"))
                        : Optional.empty(),
                name -> List.of(),
                new Tokens(Duration.ofMinutes(5), new SecureRandom()),
                new LoginThrottle(100, Duration.ofSeconds(60)),
                new SecureRandom());
        Thread acceptor = new Thread(this::accept, "fake-master");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    java.net.URI url() {
        return java.net.URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** Cuts every open connection, as a master that went away. */
    void cut() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }

    /** Closes every open stream with a WebSocket close frame of this code, as the master does (4409: replaced). */
    void closeStreams(int code, String reason) throws IOException {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        for (OutputStream out : streamOuts) {
            synchronized (FakeMaster.class) { // frame() writes under the same lock
                out.write(new byte[] {(byte) 0x88, (byte) (text.length + 2), (byte) (code >>> 8), (byte) code});
                out.write(text);
                out.flush();
            }
        }
        streamOuts.clear();
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "fake-master-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                Map<String, String> headers = headers(head);
                String path = head.split(" ")[1];
                byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                if (path.endsWith("/stream")) {
                    stream(in, out, headers.get("sec-websocket-key"));
                    return;
                }
                respond(out, route(path, new String(body, StandardCharsets.UTF_8), headers));
            }
        } catch (IOException e) {
            // the slave or the test closed the connection
        }
    }

    private String[] route(String path, String body, Map<String, String> headers) {
        jakarta.json.JsonObject o = body.isEmpty()
                ? null
                : jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject();
        Instant now = Instant.now();
        if (standby && (path.endsWith("/challenge") || path.endsWith("/login"))) {
            return new String[] {"503", "{\"type\":\"urn:argus:problem:standby\",\"status\":503}"};
        }
        if (path.endsWith("/challenge")) {
            LoginDesk.ChallengeAnswer a =
                    desk.challenge(o.getString("tag"), o.getString("clientNonce"), "127.0.0.1", now);
            return new String[] {
                "200",
                "{\"nonce\":\"" + a.nonce() + "\",\"salt\":\"" + a.salt() + "\",\"iterations\":" + a.iterations()
                        + ",\"expiresInSeconds\":30}"
            };
        }
        if (path.endsWith("/login")) {
            LoginDesk.Outcome outcome = desk.login(
                    o.getString("tag"),
                    o.getString("nonce"),
                    Base64.getDecoder().decode(o.getString("proof")),
                    InetAddress.getLoopbackAddress(),
                    now);
            if (outcome instanceof LoginDesk.Granted g) {
                return new String[] {
                    "200",
                    "{\"token\":\"" + g.token() + "\",\"expiresInSeconds\":300,"
                            + "\"serverSignature\":\""
                            + Base64.getEncoder().encodeToString(forgeSignature ? new byte[32] : g.serverSignature())
                            + "\",\"master\":\"fake\",\"protocol\":1}"
                };
            }
            return new String[] {"401", "{}"};
        }
        String token = headers.getOrDefault("authorization", "").replace("Bearer ", "");
        if (desk.tokens().check(token, "127.0.0.1", now).isEmpty()) {
            return new String[] {"401", "{}"};
        }
        String doc = ConfigDocuments.write(served());
        configRequests.incrementAndGet();
        slowly(configTime);
        java.util.concurrent.CountDownLatch gate = configGate;
        if (gate != null) {
            try {
                gate.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] key = desk.tokens().sessionKey(token, "127.0.0.1", now).orElseThrow();
        String nonce = headers.getOrDefault(ScramProof.NONCE_HEADER.toLowerCase(java.util.Locale.ROOT), "");
        return new String[] {
            "200", tamper ? doc.replace("\"Top\"", "\"Top\" ") : doc, ScramProof.configMac(key, nonce, doc)
        };
    }

    private static void slowly(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ConfigDocument config() {
        return config("30");
    }

    private static ConfigDocument config(String frequency) {
        return ConfigDocuments.versioned(new ConfigDocument(
                "fake",
                "slave1",
                null,
                List.of(new ConfigDocument.Entry(
                        "Top", "Top", -1, "Top", null, List.of(new Parameter("frequency", frequency, false))))));
    }

    /** The config served now. */
    ConfigDocument served() {
        return config(frequency);
    }

    /** Tells the slave on the last stream that the config changed (the served one's version). */
    void announce() throws IOException {
        synchronized (this) {
            frame(lastOut, lastSeal.seal(Messages.write(new Message.ConfigChanged(served().version()))));
        }
    }

    private void stream(InputStream in, OutputStream out, String key) throws IOException {
        String accept;
        try {
            accept = Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-1")
                            .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                                    .getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        streams.incrementAndGet();
        streamOuts.add(out);
        DataInputStream data = new DataInputStream(in);
        StreamSeal seal = null;
        while (true) {
            String text = readFrame(data);
            if (text == null) {
                return;
            }
            Message m;
            try {
                if (seal == null && Messages.parse(text) instanceof Message.Hello h) {
                    // the hello is sealed as message 1: its token names the key
                    seal = desk.tokens()
                            .sessionKey(h.token(), "127.0.0.1", Instant.now())
                            .map(k -> new StreamSeal(k, StreamSeal.Direction.MASTER_TO_SLAVE))
                            .orElse(null);
                }
                m = Messages.parse(seal == null ? text : seal.open(text));
            } catch (org.argusee.darp.control.wire.BadMessage e) {
                continue;
            }
            StreamSeal s = seal;
            received.add(m);
            if (!answering) {
                continue;
            }
            synchronized (this) { // announce() seals on the same stream
                if (m instanceof Message.Hello) {
                    lastSeal = s;
                    lastOut = out;
                    frame(
                            out,
                            s.seal(Messages.write(
                                    new Message.Welcome(1, "fake", lastSeq, 60_000, served().version()))));
                } else if (m instanceof Message.Reports r) {
                    lastSeq = Math.max(lastSeq, r.maxSeq());
                    frame(out, s.seal(Messages.write(new Message.Ack(r.maxSeq()))));
                } else if (m instanceof Message.Ping p) {
                    frame(out, s.seal(Messages.write(new Message.Pong(p.id()))));
                }
            }
        }
    }

    private static String readFrame(DataInputStream in) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        int b1 = in.readUnsignedByte();
        long len = b1 & 0x7f;
        if (len == 126) {
            len = in.readUnsignedShort();
        } else if (len == 127) {
            len = in.readLong();
        }
        byte[] mask = new byte[4];
        if ((b1 & 0x80) != 0) {
            in.readFully(mask);
        }
        byte[] payload = new byte[(int) len];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        int opcode = b0 & 0x0f;
        if (opcode == 8) {
            return null;
        }
        return opcode == 1 ? new String(payload, StandardCharsets.UTF_8) : "";
    }

    private static synchronized void frame(OutputStream out, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x81);
        if (payload.length < 126) {
            f.write(payload.length);
        } else {
            f.write(126);
            f.write(payload.length >>> 8);
            f.write(payload.length & 0xff);
        }
        f.write(payload);
        out.write(f.toByteArray());
        out.flush();
    }

    private static void respond(OutputStream out, String[] reply) throws IOException {
        byte[] body = reply[1].getBytes(StandardCharsets.UTF_8);
        String mac = reply.length > 2 ? ScramProof.CONFIG_MAC_HEADER + ": " + reply[2] + "\r\n" : "";
        out.write(("HTTP/1.1 " + reply[0] + " X\r\nContent-Type: application/json\r\n" + mac + "Content-Length: "
                        + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> h = new HashMap<>();
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                h.put(
                        line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        return h;
    }
}
