package org.argusee.notify.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server on 127.0.0.1 for what GreenMail will not do: refuse a recipient (RCPT to an address beginning
 * with "refused" gets 550) and end a session on its own after a number of messages (as a server with a limit per
 * connection, or restarted, does). A thread per session; keeps each message's Subject line in order, and counts connections.
 */
final class LoopbackSmtp implements AutoCloseable {

    private final ServerSocket listener;
    private final int closeAfter;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> subjects = new CopyOnWriteArrayList<>();

    /** {@code closeAfter}: messages per connection before the server closes it (0: never). */
    LoopbackSmtp(int closeAfter) throws IOException {
        this.closeAfter = closeAfter;
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread t = new Thread(this::acceptAll, "loopback-smtp");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    List<String> subjects() {
        return List.copyOf(subjects);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "loopback-smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // the listener closed: the loop ends
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            session(s);
        } catch (IOException e) {
            // the client went away
        }
    }

    private void session(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = s.getOutputStream();
        reply(out, "220 loopback ESMTP");
        int messages = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
            switch (verb) {
                case "EHLO", "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 ok");
                case "RCPT" -> reply(out, line.toLowerCase().contains("<refused") ? "550 no such user" : "250 ok");
                case "DATA" -> {
                    reply(out, "354 go on");
                    subjects.add(data(in));
                    reply(out, "250 queued");
                    if (++messages == closeAfter) {
                        return; // as a server with a limit per connection: closed without a word
                    }
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "502 not here");
            }
        }
    }

    /** The message up to the lone dot; its Subject. */
    private static String data(BufferedReader in) throws IOException {
        String subject = null;
        for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
            if (subject == null && line.startsWith("Subject: ")) {
                subject = line.substring("Subject: ".length());
            }
        }
        return subject;
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
