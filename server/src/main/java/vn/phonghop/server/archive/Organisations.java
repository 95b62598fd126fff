package vn.phonghop.server.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.phonghop.agenda.roster.BodyKind;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.Sql;

/**
 * The tree of Party bodies whose minutes the archive holds, and which accounts belong to which
 * body. A body enters the tree when its first minutes are filed (under the body named as its
 * superior, when exactly one body has that name) or when it is registered with its parent.
 */
public final class Organisations {

    /** A body in the tree; {@code parentId} is null at a root. */
    public record Node(String id, String name, BodyKind kind, String superiorName, String symbol, String parentId) {
        public Organisation organisation() {
            return new Organisation(id, name, kind, superiorName, symbol);
        }
    }

    private final Database database;

    public Organisations(Database database) {
        this.database = database;
    }

    /** Adds or renames a body under a known parent (null: a root). The parent of an existing body is kept unless given. */
    public void register(Organisation org, String parentId) {
        try (Connection c = database.connection()) {
            upsert(c, org, parentId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not register organisation " + org.id(), e);
        }
    }

    /** Says that an account belongs to a body: a committee's account reads its subtree, a member's its own body. */
    public void link(String accountId, String orgId) {
        try (Connection c = database.connection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO account_orgs (account_id, org_id) VALUES (?, ?)")) {
            insert.setString(1, accountId);
            insert.setString(2, orgId);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!Sql.isUniqueViolation(e)) throw new IllegalStateException("could not link account to " + orgId, e);
        }
    }

    /** Makes the account belong to exactly these bodies (all must be in the tree). */
    public void relink(String accountId, Set<String> orgIds) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM account_orgs WHERE account_id = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO account_orgs (account_id, org_id) VALUES (?, ?)")) {
                delete.setString(1, accountId);
                delete.executeUpdate();
                for (String org : orgIds) {
                    insert.setString(1, accountId);
                    insert.setString(2, org);
                    insert.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not link the account to its bodies", e);
        }
    }

    /** Why {@code parentId} cannot be the parent of {@code id} (unknown, or under it: a cycle), or null when it can. */
    public String parentProblem(String id, String parentId) {
        if (parentId == null) return null;
        if (find(parentId).isEmpty()) return "no organisation " + parentId;
        if (subtree(Set.of(id)).contains(parentId) || parentId.equals(id)) return parentId + " is under " + id;
        return null;
    }

    /** The bodies an account belongs to. */
    public Set<String> ofAccount(String accountId) {
        var out = new LinkedHashSet<String>();
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(
                "SELECT org_id FROM account_orgs WHERE account_id = ? ORDER BY org_id")) {
            q.setString(1, accountId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the bodies of an account", e);
        }
    }

    /** A body and every body under it, however deep. */
    public Set<String> subtree(Set<String> roots) {
        var out = new LinkedHashSet<String>();
        if (roots.isEmpty()) return out;
        String marks = String.join(", ", java.util.Collections.nCopies(roots.size(), "?"));
        // UNION, not UNION ALL: a cycle someone made in parent_id ends instead of looping
        String sql = "WITH RECURSIVE sub (id) AS (SELECT id FROM organisations WHERE id IN (" + marks + ")"
                + " UNION SELECT o.id FROM organisations o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub";
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(sql)) {
            int i = 1;
            for (String r : roots) q.setString(i++, r);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the organisation tree", e);
        }
    }

    public Optional<Node> find(String id) {
        var found = nodes("SELECT * FROM organisations WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every body, by name. */
    public List<Node> all() {
        return nodes("SELECT * FROM organisations ORDER BY name, id", null);
    }

    /**
     * Inserts the body, or brings its name, kind, superior and symbol up to date, inside the
     * caller's transaction. A new body without a parent goes under the one body named as its superior.
     */
    static void upsert(Connection c, Organisation org, String parentId) throws SQLException {
        Node existing = null;
        try (PreparedStatement q = c.prepareStatement("SELECT * FROM organisations WHERE id = ?")) {
            q.setString(1, org.id());
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) existing = node(rs);
            }
        }
        if (existing == null) {
            String parent = parentId != null ? parentId : bodyNamed(c, org.superiorName());
            // PostgreSQL aborts a transaction on a failed insert unless it returns to a savepoint
            var savepoint = c.getAutoCommit() ? null : c.setSavepoint();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO organisations"
                    + " (id, name, kind, superior_name, symbol, parent_id) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, org.id());
                insert.setString(2, org.name());
                insert.setString(3, org.kind().name());
                insert.setString(4, org.superiorName());
                insert.setString(5, org.symbol());
                insert.setString(6, parent);
                insert.executeUpdate();
                return;
            } catch (SQLException e) {
                if (!Sql.isUniqueViolation(e)) throw e;
                if (savepoint != null) c.rollback(savepoint);
                // inserted by someone else meanwhile: bring it up to date below
            }
        }
        String parent = parentId != null ? parentId : existing == null ? null : existing.parentId();
        if (existing != null && existing.organisation().equals(org) && java.util.Objects.equals(parent, existing.parentId())) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE organisations SET name = ?, kind = ?,"
                + " superior_name = ?, symbol = ?, parent_id = COALESCE(?, parent_id) WHERE id = ?")) {
            update.setString(1, org.name());
            update.setString(2, org.kind().name());
            update.setString(3, org.superiorName());
            update.setString(4, org.symbol());
            update.setString(5, parent);
            update.setString(6, org.id());
            update.executeUpdate();
        }
    }

    private static String bodyNamed(Connection c, String name) throws SQLException {
        if (name == null || name.isBlank()) return null;
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM organisations WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                String id = rs.next() ? rs.getString(1) : null;
                return id != null && !rs.next() ? id : null;
            }
        }
    }

    private List<Node> nodes(String sql, String key) {
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(sql)) {
            if (key != null) q.setString(1, key);
            var out = new ArrayList<Node>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) out.add(node(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read organisations", e);
        }
    }

    private static Node node(ResultSet rs) throws SQLException {
        return new Node(rs.getString("id"), rs.getString("name"), BodyKind.valueOf(rs.getString("kind")),
                rs.getString("superior_name"), rs.getString("symbol"), rs.getString("parent_id"));
    }
}
