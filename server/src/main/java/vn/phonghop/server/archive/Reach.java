package vn.phonghop.server.archive;

import java.util.Optional;
import java.util.Set;
import vn.phonghop.server.accounts.Account;
import vn.phonghop.server.accounts.Role;

/**
 * Whose minutes an account may read in the archive:
 * <ul>
 *   <li>an administrator: every body's;</li>
 *   <li>a committee's account ({@link Role#COMMITTEE}): the bodies it belongs to and every body
 *       under them in the tree, however deep;</li>
 *   <li>any other account (members, meeting secretaries): the bodies it belongs to, and only those;
 *       a member reads the minutes of their own cell, not of its sister cells;</li>
 *   <li>a paired device, or an account that belongs to no body: nothing.</li>
 * </ul>
 *
 * @param all      every body
 * @param orgIds   the bodies within reach when not {@code all}
 */
public record Reach(boolean all, Set<String> orgIds) {

    public Reach {
        orgIds = Set.copyOf(orgIds);
    }

    public static Reach of(Optional<Account> account, Organisations organisations) {
        if (account.isEmpty()) return new Reach(false, Set.of());
        Account a = account.get();
        if (a.has(Role.ADMIN)) return new Reach(true, Set.of());
        Set<String> own = organisations.ofAccount(a.id());
        return new Reach(false, a.has(Role.COMMITTEE) ? organisations.subtree(own) : own);
    }

    /** Whether the archive has anything at all for this account. */
    public boolean any() {
        return all || !orgIds.isEmpty();
    }

    public boolean covers(String orgId) {
        return all || orgIds.contains(orgId);
    }
}
