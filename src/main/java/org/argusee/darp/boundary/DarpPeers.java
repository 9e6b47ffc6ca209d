package org.argusee.darp.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.argusee.darp.control.PeerRules;
import org.argusee.darp.control.PeerVersion;
import org.argusee.darp.control.ScramVerifier;
import org.argusee.darp.control.login.LoginDesk;
import org.argusee.darp.entity.DarpPeer;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.FieldError;

/** Managing DARP peers. A secret given here becomes a SCRAM verifier at once; it is never kept or logged. */
@Stateless
public class DarpPeers {

    private static final Logger LOG = Logger.getLogger(DarpPeers.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<PeerChanged> peerChanged;

    public List<PeerView> all() {
        return em.createQuery("select p from DarpPeer p order by p.tag", DarpPeer.class).getResultList().stream()
                .map(PeerView::of)
                .toList();
    }

    /**
     * As {@link #all}, in a transaction of its own: callable from an {@code AFTER_SUCCESS} observer, where the
     * caller's transaction has committed but is still attached to the thread and cannot take a connection. A
     * failure to read is {@link PeersUnreadable}, which the container passes on without an ERROR of its own.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<PeerView> allNow() {
        try {
            return all();
        } catch (RuntimeException e) {
            throw new PeersUnreadable(e);
        }
    }

    public PeerView get(String tag) {
        return PeerView.of(require(tag));
    }

    public PeerView create(PeerInput input) {
        if (input == null) {
            throw new ArgusException.Invalid("body", "a JSON object describing the peer is required");
        }
        List<FieldError> errors = new ArrayList<>();
        PeerRules.tag(input.tag()).ifPresent(m -> errors.add(new FieldError("tag", m)));
        PeerRules.role(input.role()).ifPresent(m -> errors.add(new FieldError("role", m)));
        checkOptionalFields(input, errors);
        if (input.secret() != null) {
            PeerRules.secret(input.secret()).ifPresent(m -> errors.add(new FieldError("secret", m)));
        }
        ArgusException.Invalid.ifAny("cannot create the DARP peer", errors);
        if (find(input.tag()).isPresent()) {
            throw new ArgusException.Conflict("tag", "a DARP peer tagged '" + input.tag() + "' exists already");
        }
        DarpPeer peer = new DarpPeer(input.tag(), input.role());
        apply(peer, input);
        em.persist(peer);
        peerChanged.fire(PeerChanged.revoked(peer.tag())); // the topology in memory learns of it after the commit
        LOG.info(() -> "DARP peer '" + peer.tag() + "' (" + peer.role() + ") created");
        return PeerView.of(peer);
    }

    public PeerView update(String tag, PeerInput input) {
        return update(tag, input, Optional.empty());
    }

    /** As {@link #update(String, PeerInput)}, refused when the peer's version is not {@code expected}. */
    public PeerView update(String tag, PeerInput input, Optional<Instant> expected) {
        if (input == null) {
            throw new ArgusException.Invalid("body", "a JSON object with the fields to change is required");
        }
        DarpPeer peer = require(tag, expected);
        List<FieldError> errors = new ArrayList<>();
        if (input.tag() != null && !input.tag().equals(tag)) {
            errors.add(new FieldError("tag", "a peer's tag cannot change; create a new peer"));
        }
        if (input.role() != null) {
            PeerRules.role(input.role()).ifPresent(m -> errors.add(new FieldError("role", m)));
        }
        if (input.secret() != null) {
            errors.add(new FieldError("secret", "set the secret with PUT /api/darp/peers/" + tag + "/secret"));
        }
        checkOptionalFields(input, errors);
        ArgusException.Invalid.ifAny("cannot change DARP peer '" + tag + "'", errors);
        PeerAccess before = PeerAccess.of(peer);
        if (input.role() != null) {
            peer.changeRole(input.role());
        }
        apply(peer, input);
        em.flush(); // updated_at is set at the flush: the answer shows the new one, not the previous
        peerChanged.fire(before.changeTo(peer));
        return PeerView.of(peer);
    }

    public void setSecret(String tag, String secret) {
        setSecret(tag, secret, Optional.empty());
    }

    /** As {@link #setSecret(String, String)}, refused when the peer's version is not {@code expected}. */
    public Instant setSecret(String tag, String secret, Optional<Instant> expected) {
        DarpPeer peer = require(tag, expected);
        PeerRules.secret(secret).ifPresent(m -> {
            throw new ArgusException.Invalid("secret", m);
        });
        PeerAccess before = PeerAccess.of(peer);
        if (!before.holds(secret)) {
            peer.setSecretVerifier(ScramVerifier.create(secret).text());
        }
        em.flush(); // updated_at moves with the verifier: the answer's ETag is the new version
        peerChanged.fire(before.changeTo(peer));
        LOG.info(() -> "DARP peer '" + tag + "': secret set");
        return peer.updatedAt();
    }

    /** A slave peer as its login needs it; empty for an unknown tag or a peer that is not a slave. */
    public Optional<LoginDesk.SlaveSecret> slaveSecret(String tag) {
        return find(tag)
                .filter(p -> "slave".equals(p.role()))
                .map(p -> new LoginDesk.SlaveSecret(p.tag(), p.secretVerifier(), p.allowedAddresses()));
    }

    /** How long this server waits for the peer before counting it down, in seconds (60 if unknown). */
    public int timeoutSeconds(String tag) {
        return find(tag).map(DarpPeer::timeoutSeconds).orElse(60);
    }

    /**
     * A peer from an imported Argus config: added, or updated where the tag exists (its secret rotated when one is
     * given). Unlike the API, a short secret is accepted: existing installations have them, and the import warns.
     *
     * @return true if the peer was added, false if it existed
     */
    public boolean putFromConfig(
            String tag,
            String role,
            String addresses,
            String secret,
            String remoteUrl,
            String label,
            boolean hidden,
            Integer timeoutSeconds) {
        Optional<DarpPeer> existing = find(tag);
        DarpPeer peer = existing.orElseGet(() -> new DarpPeer(tag, role));
        PeerAccess before = existing.map(PeerAccess::of).orElse(null);
        peer.changeRole(role);
        peer.allowFrom(addresses);
        peer.describe(label != null ? label : peer.label(), remoteUrl != null ? remoteUrl : peer.remoteUrl(), hidden);
        if (timeoutSeconds != null) {
            peer.timeoutAfter(timeoutSeconds);
        }
        if (secret != null && !secret.isEmpty() && (before == null || !before.holds(secret))) {
            // the same secret imported again keeps its verifier: a re-import must not drop the slave
            peer.setSecretVerifier(ScramVerifier.create(secret).text());
        }
        if (existing.isEmpty()) {
            em.persist(peer);
        }
        // a new peer too: the topology in memory (DarpHere) and the combined statuses must learn of it
        peerChanged.fire(before == null ? PeerChanged.revoked(tag) : before.changeTo(peer));
        return existing.isEmpty();
    }

    public boolean exists(String tag) {
        return find(tag).isPresent();
    }

    public void delete(String tag) {
        delete(tag, Optional.empty());
    }

    /** As {@link #delete(String)}, refused when the peer's version is not {@code expected}. */
    public void delete(String tag, Optional<Instant> expected) {
        em.remove(require(tag, expected));
        peerChanged.fire(PeerChanged.revoked(tag));
        LOG.info(() -> "DARP peer '" + tag + "' deleted");
    }

    private Optional<DarpPeer> find(String tag) {
        return em.createQuery("select p from DarpPeer p where p.tag = :tag", DarpPeer.class)
                .setParameter("tag", tag)
                .getResultStream()
                .findFirst();
    }

    private DarpPeer require(String tag) {
        return find(tag).orElseThrow(() -> new ArgusException.NotFound("tag", "no DARP peer tagged '" + tag + "'"));
    }

    /**
     * The peer, checked against the version the client saw. With a version the row is read {@code FOR UPDATE}: of
     * two admins saving the same version at once, the second waits for the first's commit and then sees the new
     * version, so it is refused instead of overwriting.
     */
    private DarpPeer require(String tag, Optional<Instant> expected) {
        if (expected.isEmpty()) {
            return require(tag);
        }
        DarpPeer peer = em.createQuery("select p from DarpPeer p where p.tag = :tag", DarpPeer.class)
                .setParameter("tag", tag)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new ArgusException.NotFound("tag", "no DARP peer tagged '" + tag + "'"));
        em.refresh(peer); // a copy read earlier in this transaction would hide the other admin's commit
        PeerVersion.check(tag, peer.updatedAt(), expected);
        return peer;
    }

    private static void checkOptionalFields(PeerInput input, List<FieldError> errors) {
        if (input.allowedAddresses() != null) {
            PeerRules.addresses(input.allowedAddresses())
                    .ifPresent(m -> errors.add(new FieldError("allowedAddresses", m)));
        }
        if (input.remoteUrl() != null && !input.remoteUrl().isEmpty()) {
            PeerRules.remoteUrl(input.remoteUrl()).ifPresent(m -> errors.add(new FieldError("remoteUrl", m)));
        }
        if (input.timeoutSeconds() != null) {
            PeerRules.timeout(input.timeoutSeconds()).ifPresent(m -> errors.add(new FieldError("timeoutSeconds", m)));
        }
        if (input.label() != null && input.label().length() > 200) {
            errors.add(new FieldError("label", "label must be at most 200 characters"));
        }
    }

    private static void apply(DarpPeer peer, PeerInput input) {
        if (input.allowedAddresses() != null) {
            peer.allowFrom(String.join(" ", input.allowedAddresses()));
        }
        peer.describe(
                input.label() != null ? input.label() : peer.label(),
                input.remoteUrl() == null ? peer.remoteUrl() : input.remoteUrl().isEmpty() ? null : input.remoteUrl(),
                input.hidden() != null ? input.hidden() : peer.hidden());
        if (input.timeoutSeconds() != null) {
            peer.timeoutAfter(input.timeoutSeconds());
        }
        if (input.secret() != null) {
            peer.setSecretVerifier(ScramVerifier.create(input.secret()).text());
        }
    }
}
