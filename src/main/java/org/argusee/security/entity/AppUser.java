package org.argusee.security.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A person who logs in (a row of argus.app_user), with a Pbkdf2 hash of the password, never the password. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "full_name")
    private String fullName;

    @Column(name = "home_object")
    private String homeObject;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = now();

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt = now();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false)
    private Set<String> roles = new HashSet<>();

    protected AppUser() {}

    public AppUser(String username, String passwordHash, Set<String> roles) {
        this.username = Objects.requireNonNull(username);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.roles = new HashSet<>(roles);
    }

    public String username() {
        return username;
    }

    public Set<String> roles() {
        return new TreeSet<>(roles);
    }

    /** The stored hash (algorithm, iterations, salt, hash), for the password check only; never shown. */
    public String passwordHash() {
        return passwordHash;
    }

    public String fullName() {
        return fullName;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** A new password: sessions opened before now end ({@link #passwordChangedAt}). */
    public void changePassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
        this.passwordChangedAt = now();
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public void changeRoles(Set<String> newRoles) {
        roles.clear();
        roles.addAll(newRoles);
    }

    public void describe(String newFullName) {
        this.fullName = newFullName;
    }

    public void enable(boolean on) {
        this.enabled = on;
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
