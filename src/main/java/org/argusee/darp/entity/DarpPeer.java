package org.argusee.darp.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Another Argus server this one cooperates with (a row of argus.darp_peer): on a master, a slave; on a slave,
 * a master. Holds a SCRAM verifier of the shared secret, never the secret.
 */
@Entity
@Table(name = "darp_peer")
public class DarpPeer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String tag;

    @Column(nullable = false)
    private String role;

    @Column(name = "allowed_addresses", nullable = false)
    private String allowedAddresses = "";

    @Column(name = "secret_verifier")
    private String secretVerifier;

    @Column(name = "remote_url")
    private String remoteUrl;

    private String label;

    @Column(nullable = false)
    private boolean hidden;

    @Column(name = "timeout_seconds", nullable = false)
    private int timeoutSeconds = 60;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = now();

    protected DarpPeer() {}

    public DarpPeer(String tag, String role) {
        this.tag = Objects.requireNonNull(tag);
        this.role = Objects.requireNonNull(role);
    }

    public String tag() {
        return tag;
    }

    public String role() {
        return role;
    }

    public String allowedAddresses() {
        return allowedAddresses;
    }

    public String remoteUrl() {
        return remoteUrl;
    }

    public String label() {
        return label;
    }

    public boolean hidden() {
        return hidden;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    public boolean hasSecret() {
        return secretVerifier != null;
    }

    public String secretVerifier() {
        return secretVerifier;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public void changeRole(String newRole) {
        this.role = Objects.requireNonNull(newRole);
    }

    public void allowFrom(String addresses) {
        this.allowedAddresses = Objects.requireNonNull(addresses);
    }

    public void describe(String newLabel, String newRemoteUrl, boolean newHidden) {
        this.label = newLabel;
        this.remoteUrl = newRemoteUrl;
        this.hidden = newHidden;
    }

    public void timeoutAfter(int seconds) {
        this.timeoutSeconds = seconds;
    }

    public void setSecretVerifier(String verifier) {
        this.secretVerifier = Objects.requireNonNull(verifier);
    }

    @PreUpdate
    void touch() {
        updatedAt = now();
    }

    /** PostgreSQL keeps microseconds: the answer to a write shows what a later read will show. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
