package org.argusee.probe.control.net;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS client side of the monitors, and only of the monitors. A monitor tests that a service answers; whether
 * its certificate is trusted, matches the name or is still valid is judged separately ({@link TlsOptions}), so
 * self-signed, expired and internal certificates must not make a service down. Hence a trust manager that
 * accepts every chain and, being an {@link X509ExtendedTrustManager}, also skips the hostname check (the JDK
 * wraps a plain {@code X509TrustManager} in one that checks names). It is never installed as a default: the
 * rest of the server (DARP, mail) keeps the JDK's trust.
 */
public final class TlsContext {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private TlsContext() {}

    /**
     * A client engine for the server named {@code host}. It is made without a peer address on purpose, so that
     * no session is resumed: every probe does a full handshake and sees the certificate the server has now.
     * SNI is set by hand for names (not for address literals), as virtual hosts need it.
     */
    public static SSLEngine engine(String host) {
        SSLEngine engine = Holder.CONTEXT.createSSLEngine();
        engine.setUseClientMode(true);
        if (host != null && !host.contains(":") && !IPV4_LITERAL.matcher(host).matches()) {
            try {
                SSLParameters parameters = engine.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(host)));
                engine.setSSLParameters(parameters);
            } catch (IllegalArgumentException e) {
                // not a name SNI can carry (e.g. with '_'): the server gets no SNI, as with an address
            }
        }
        return engine;
    }

    /** Created on first use: servers without a TLS service never pay for it. */
    private static final class Holder {
        static final SSLContext CONTEXT = create();

        private static SSLContext create() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new AcceptAll()}, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK offers no TLS client", e);
            }
        }
    }

    private static final class AcceptAll extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // reachability is the test; the certificate is judged by TlsOptions
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // as above
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // as above
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // a client only: never asked
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // a client only: never asked
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // a client only: never asked
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
