package org.argusee.darp.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import org.argusee.darp.control.login.AddressRules;
import org.argusee.darp.control.login.LoginDesk;
import org.argusee.darp.control.login.Tokens;
import org.argusee.platform.control.LoginThrottle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The master's login desk for slaves, with its settings; one per server, in memory. */
@ApplicationScoped
public class DarpLogins {

    @Inject
    DarpPeers peers;

    @Inject
    @ConfigProperty(name = "argus.darp.login.token-lifetime", defaultValue = "300")
    int tokenLifetimeSeconds;

    @Inject
    @ConfigProperty(name = "argus.darp.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "argus.darp.login.window", defaultValue = "60")
    int windowSeconds;

    private LoginDesk desk;

    @PostConstruct
    void start() {
        if (tokenLifetimeSeconds < 1 || maxFailures < 1 || windowSeconds < 1) {
            throw new IllegalStateException("Bad DARP login settings: argus.darp.login.token-lifetime, .max-failures"
                    + " and .window must be at least 1");
        }
        SecureRandom random = new SecureRandom();
        desk = new LoginDesk(
                peers::slaveSecret,
                AddressRules::resolve,
                new Tokens(Duration.ofSeconds(tokenLifetimeSeconds), random),
                new LoginThrottle(maxFailures, Duration.ofSeconds(windowSeconds)),
                random);
    }

    public LoginDesk desk() {
        return desk;
    }

    /** Tokens go when the peer's right to log in changed; a label or timeout edit keeps them. */
    void peerChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PeerChanged change) {
        if (change.access() != PeerChanged.Access.UNCHANGED) {
            desk.tokens().revoke(change.tag());
        }
    }
}
