package org.argusee.darp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 from a chosen local address (the JDK 17 HttpClient cannot pick one): lets a test call the server from
 * 127.0.0.x, to see what the server does with an address other than 127.0.0.1, touching no other test.
 */
final class RawHttp {

    record Reply(int status, String head, String body) {}

    private RawHttp() {}

    static Reply post(URI uri, String localAddress, String json) {
        return send("POST", uri, localAddress, Map.of("Content-Type", "application/json"), json);
    }

    static Reply send(String method, URI uri, String localAddress, Map<String, String> headers, String body) {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            s.setSoTimeout(30_000);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + uri.getRawPath() + " HTTP/1.1\r\nHost: "
                    + uri.getHost() + ":" + uri.getPort() + "\r\nAccept: application/json\r\nConnection: close\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                request.append("Content-Length: ").append(bytes.length).append("\r\n");
            }
            OutputStream out = s.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            String response = read(s.getInputStream());
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            String rest = split < 0 ? "" : response.substring(split + 4);
            return new Reply(Integer.parseInt(head.substring(9, 12)), head, rest);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " from " + localAddress, e);
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }
}
