package org.argusee.web.control;

import java.util.HashSet;
import java.util.Set;
import org.argusee.platform.control.Roles;

/**
 * Who is looking, as the ACLs see them: the user name and the roles, whose ACL groups are the name, the roles, and
 * {@code root} for an admin (the original's group of administrators). An admin sees and may do everything.
 */
public record Viewer(String user, Set<String> roles) {

    public Viewer {
        roles = Set.copyOf(roles);
    }

    public boolean admin() {
        return roles.contains(Roles.ADMIN);
    }

    public Set<String> groups() {
        Set<String> g = new HashSet<>(roles);
        g.add(user);
        if (admin()) {
            g.add("root");
        }
        return g;
    }
}
