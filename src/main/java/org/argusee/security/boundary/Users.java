package org.argusee.security.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.FieldError;
import org.argusee.platform.control.Roles;
import org.argusee.security.control.PasswordCheck;
import org.argusee.security.control.PasswordHashing;
import org.argusee.security.control.UserChanged;
import org.argusee.security.entity.AppUser;

/** Creating, changing and removing users; the last enabled admin is never removed or demoted. */
@Stateless
public class Users {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    /** After the commit, sessions check their login again and the user's live sockets close. */
    @Inject
    Event<UserChanged> changed;

    @Inject
    PasswordCheck passwordCheck;

    public List<UserView> all() {
        return em.createQuery("select u from AppUser u order by u.username", AppUser.class).getResultList().stream()
                .map(UserView::of)
                .toList();
    }

    public Optional<AppUser> find(String username) {
        return em.createQuery("select u from AppUser u where u.username = :name", AppUser.class)
                .setParameter("name", username)
                .getResultStream()
                .findFirst();
    }

    public long count() {
        return em.createQuery("select count(u) from AppUser u", Long.class).getSingleResult();
    }

    public UserView create(UserInput input) {
        if (input == null) {
            throw new ArgusException.Invalid("body", "a JSON object describing the user is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (input.username() == null || !USERNAME.matcher(input.username()).matches()) {
            errors.add(new FieldError("username", "username is required: 1-64 letters, digits or _ . @ -"));
        }
        checkPassword(input.password(), errors);
        checkRoles(input.roles(), errors);
        if (input.roles() == null) {
            errors.add(new FieldError("roles", "roles are required: any of admin, staff, user"));
        }
        ArgusException.Invalid.ifAny("cannot create the user", errors);
        refuseTaken(input.username());
        AppUser user = new AppUser(input.username(), hashing.hash(input.password()), input.roles());
        // two creates of one name at once (a double-clicked "Add user": the hash takes a while) both passed the
        // look-up above: they take turns here (a lock of this transaction, on the name), so the second looks again
        // after the first committed and is a 409 without the unique key's refusal (Hibernate logs that at ERROR)
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) l")
                .setParameter(1, "argus.user:" + input.username())
                .getSingleResult();
        refuseTaken(input.username());
        user.describe(input.fullName());
        if (input.enabled() != null) {
            user.enable(input.enabled());
        }
        try {
            // the unique key still decides what the lock above does not see (a user made outside this code): the
            // loser is told as a 409, not a 500
            em.persist(user);
            em.flush();
        } catch (PersistenceException e) {
            throw uniqueViolation(e) ? taken(input.username()) : e;
        }
        return UserView.of(user);
    }

    private void refuseTaken(String username) {
        if (find(username).isPresent()) {
            throw taken(username);
        }
    }

    private static ArgusException.Conflict taken(String username) {
        return new ArgusException.Conflict("username", "a user named '" + username + "' exists already");
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The first admin, at first start; the password rules of the API do not apply to the bootstrap. */
    public void createBootstrapAdmin(String username, String password) {
        em.persist(new AppUser(username, hashing.hash(password), Set.of(Roles.ADMIN)));
    }

    public UserView update(String username, UserInput input) {
        if (input == null) {
            throw new ArgusException.Invalid("body", "a JSON object with the fields to change is required");
        }
        AppUser user = require(username);
        List<FieldError> errors = new ArrayList<>();
        if (input.username() != null && !input.username().equals(username)) {
            errors.add(new FieldError("username", "a user cannot be renamed; create a new one"));
        }
        if (input.password() != null) {
            checkPassword(input.password(), errors);
        }
        checkRoles(input.roles(), errors);
        ArgusException.Invalid.ifAny("cannot change user '" + username + "'", errors);
        boolean losesAdmin = (input.roles() != null && !input.roles().contains(Roles.ADMIN))
                || Boolean.FALSE.equals(input.enabled());
        if (losesAdmin && isLastAdmin(user)) {
            throw new ArgusException.Conflict("roles", "'" + username + "' is the last enabled admin");
        }
        if (input.password() != null) {
            user.changePassword(hashing.hash(input.password()));
        }
        if (input.roles() != null) {
            user.changeRoles(input.roles());
        }
        if (input.fullName() != null) {
            user.describe(input.fullName());
        }
        if (input.enabled() != null) {
            user.enable(input.enabled());
        }
        changed.fire(new UserChanged(username));
        return UserView.of(user);
    }

    /**
     * A person changes their own password: the old one must be right (a session left open on a shared screen is
     * not enough to take the account over), checked as a login is, so failures count against the same limits and
     * this is no way round them.
     */
    public void changeOwnPassword(String username, PasswordChange change, String address) {
        if (change == null) {
            throw new ArgusException.Invalid("body", "a JSON object {\"oldPassword\", \"newPassword\"} is required");
        }
        AppUser user = require(username);
        List<FieldError> errors = new ArrayList<>();
        PasswordCheck.Outcome old = passwordCheck.check(username, change.oldPassword(), address);
        if (old instanceof PasswordCheck.Outcome.Throttled t) {
            errors.add(new FieldError(
                    "oldPassword",
                    "too many wrong passwords: try again in "
                            + Math.max(1, t.retryAfter().toSeconds()) + " s"));
        } else if (!(old instanceof PasswordCheck.Outcome.Valid)) {
            errors.add(new FieldError("oldPassword", "the current password is not right"));
        }
        List<FieldError> newErrors = new ArrayList<>();
        checkPassword(change.newPassword(), newErrors);
        newErrors.forEach(e -> errors.add(new FieldError("newPassword", "new " + e.message())));
        ArgusException.Invalid.ifAny("cannot change the password of '" + username + "'", errors);
        user.changePassword(hashing.hash(change.newPassword()));
        changed.fire(new UserChanged(username));
    }

    public void delete(String username) {
        AppUser user = require(username);
        if (isLastAdmin(user)) {
            throw new ArgusException.Conflict("username", "'" + username + "' is the last enabled admin");
        }
        em.remove(user);
        changed.fire(new UserChanged(username));
    }

    private AppUser require(String username) {
        return find(username)
                .orElseThrow(() -> new ArgusException.NotFound("username", "no user named '" + username + "'"));
    }

    private boolean isLastAdmin(AppUser user) {
        if (!user.enabled() || !user.roles().contains(Roles.ADMIN)) {
            return false;
        }
        return em.createQuery(
                                "select count(u) from AppUser u join u.roles r where r = :admin and u.enabled",
                                Long.class)
                        .setParameter("admin", Roles.ADMIN)
                        .getSingleResult()
                <= 1;
    }

    private static void checkPassword(String password, List<FieldError> errors) {
        if (password == null || password.length() < PasswordHashing.MIN_PASSWORD_LENGTH) {
            errors.add(new FieldError(
                    "password",
                    "password is required, at least " + PasswordHashing.MIN_PASSWORD_LENGTH + " characters"));
        } else if (password.length() > 1000) {
            errors.add(new FieldError("password", "password is longer than 1000 characters"));
        }
    }

    private static void checkRoles(Set<String> roles, List<FieldError> errors) {
        if (roles != null && (roles.isEmpty() || !Roles.ALL.containsAll(roles))) {
            errors.add(new FieldError("roles", "roles must be one or more of admin, staff, user"));
        }
    }
}
