package org.argusee.probe.control.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Server keys made at test time with the JDK's own keytool, into a temporary directory: no private key is ever
 * part of the repository, and the certificates' dates are whatever a test needs (expired, not yet valid).
 */
public final class TlsKeys {

    private final SSLContext context;
    private final X509Certificate certificate;

    private TlsKeys(SSLContext context, X509Certificate certificate) {
        this.context = context;
        this.certificate = certificate;
    }

    /**
     * A self-signed EC certificate for localhost and 127.0.0.1.
     *
     * @param startDate keytool's -startdate, e.g. "-400d"; null for now
     * @param validity  days from the start date
     */
    public static TlsKeys make(Path dir, String startDate, int validity) throws IOException, GeneralSecurityException {
        Path store = dir.resolve(UUID.randomUUID() + ".p12");
        String password = UUID.randomUUID().toString();
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "san=dns:localhost,ip:127.0.0.1",
                "-validity",
                Integer.toString(validity),
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                password,
                "-keypass",
                password,
                "-noprompt"));
        if (startDate != null) {
            command.addAll(List.of("-startdate", startDate));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for keytool", e);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return new TlsKeys(context, (X509Certificate) keys.getCertificate("server"));
    }

    public SSLContext context() {
        return context;
    }

    public X509Certificate certificate() {
        return certificate;
    }
}
