package vn.phonghop.server.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.Sql;

/**
 * People's login accounts: creation, password check and look-up. Passwords are hashed with
 * {@link PasswordHasher}; neither a password nor its hash ever leaves this class.
 */
public final class Accounts {

    public static final int MIN_PASSWORD_LENGTH = 8;
    /** PBKDF2 costs time per character block; an unbounded password would be a cheap denial of service. */
    public static final int MAX_PASSWORD_LENGTH = 1024;

    private static final String COLUMNS = "id, username, display_name, roles, member_id, created_at";

    private final Database database;
    private final Clock clock;
    private final PasswordHasher hasher;
    // Checked when the username is unknown, so that a miss costs as long as a wrong password.
    private final String decoyHash;

    public Accounts(Database database, Clock clock) {
        this(database, clock, new PasswordHasher());
    }

    public Accounts(Database database, Clock clock, PasswordHasher hasher) {
        this.database = database;
        this.clock = clock;
        this.hasher = hasher;
        this.decoyHash = hasher.hash(Secrets.newToken().toCharArray());
    }

    /**
     * Creates an account; empty when the username is taken. The password is wiped afterwards.
     *
     * @throws IllegalArgumentException for a blank username or name, or a password shorter than
     *     {@link #MIN_PASSWORD_LENGTH} or longer than {@link #MAX_PASSWORD_LENGTH}
     */
    public Optional<Account> create(String username, String displayName, char[] password, Set<Role> roles,
            Optional<String> memberId) {
        try {
            checkPassword(password);
            String name = Normalizer.normalize(displayName.strip(), Normalizer.Form.NFC);
            if (name.isEmpty() || roles.isEmpty()) {
                throw new IllegalArgumentException("an account needs a name and at least one role");
            }
            Account account = new Account(UUID.randomUUID().toString(), normalizeUsername(username), name,
                    roles, memberId, clock.instant());
            String hash = hasher.hash(password);
            try (Connection c = database.connection(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO accounts (" + COLUMNS + ", password_hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, account.id());
                insert.setString(2, account.username());
                insert.setString(3, account.displayName());
                insert.setString(4, account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
                insert.setString(5, account.memberId().orElse(null));
                insert.setObject(6, Sql.timestamp(account.createdAt()));
                insert.setString(7, hash);
                insert.executeUpdate();
                return Optional.of(account);
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    return Optional.empty();
                }
                throw new IllegalStateException("could not create an account", e);
            }
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    /** The account when the username and password match; empty otherwise. The password is wiped afterwards. */
    public Optional<Account> authenticate(String username, char[] password) {
        try {
            if (password.length == 0 || password.length > MAX_PASSWORD_LENGTH || username.isBlank()
                    || username.strip().length() > 100) {
                return Optional.empty();
            }
            Optional<String> stored = passwordHash(normalizeUsername(username));
            boolean matches = hasher.verify(password, stored.orElse(decoyHash));
            return matches && stored.isPresent() ? findByUsername(username) : Optional.empty();
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    /** Replaces an account's password; false when there is no such account. The password is wiped afterwards. */
    public boolean changePassword(String accountId, char[] newPassword) {
        try {
            checkPassword(newPassword);
            try (Connection c = database.connection(); PreparedStatement update = c.prepareStatement(
                    "UPDATE accounts SET password_hash = ? WHERE id = ?")) {
                update.setString(1, hasher.hash(newPassword));
                update.setString(2, accountId);
                return update.executeUpdate() == 1;
            } catch (SQLException e) {
                throw new IllegalStateException("could not change a password", e);
            }
        } finally {
            PasswordHasher.wipe(newPassword);
        }
    }

    /** The account with this id. */
    public Optional<Account> find(String accountId) {
        return queryOne("SELECT " + COLUMNS + " FROM accounts WHERE id = ?", accountId);
    }

    /** Every account, by username. */
    public java.util.List<Account> list() {
        try (var c = database.connection();
                var q = c.prepareStatement("SELECT " + COLUMNS + " FROM accounts ORDER BY username");
                var rs = q.executeQuery()) {
            var out = new java.util.ArrayList<Account>();
            while (rs.next()) {
                out.add(read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list accounts", e);
        }
    }

    /** The account with this username (case-insensitive). */
    public Optional<Account> findByUsername(String username) {
        return queryOne("SELECT " + COLUMNS + " FROM accounts WHERE username = ?", normalizeUsername(username));
    }

    /** Usernames compare in NFC, lower case, without surrounding spaces: "Huong" and "huong " are one user. */
    static String normalizeUsername(String username) {
        String normal = Normalizer.normalize(username.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (normal.isEmpty() || normal.length() > 100) {
            throw new IllegalArgumentException("a username has 1 to 100 characters");
        }
        return normal;
    }

    private static void checkPassword(char[] password) {
        if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password has " + MIN_PASSWORD_LENGTH + " to "
                    + MAX_PASSWORD_LENGTH + " characters");
        }
    }

    private Optional<String> passwordHash(String normalUsername) {
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(
                "SELECT password_hash FROM accounts WHERE username = ?")) {
            q.setString(1, normalUsername);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read an account", e);
        }
    }

    private Optional<Account> queryOne(String sql, String key) {
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read an account", e);
        }
    }

    private static Account read(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).filter(r -> !r.isEmpty())
                .forEach(r -> roles.add(Role.valueOf(r)));
        Instant created = Sql.instant(rs, "created_at");
        return new Account(rs.getString("id"), rs.getString("username"), rs.getString("display_name"), roles,
                Optional.ofNullable(rs.getString("member_id")), created);
    }
}
