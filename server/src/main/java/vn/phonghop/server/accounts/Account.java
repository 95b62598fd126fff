package vn.phonghop.server.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A person's login account as the rest of the server sees it: never with its password hash. */
public record Account(
        String id,
        String username,
        String displayName,
        Set<Role> roles,
        Optional<String> memberId,
        Instant createdAt) {

    public Account {
        roles = Set.copyOf(roles);
    }

    /** True when the account holds the role. */
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
