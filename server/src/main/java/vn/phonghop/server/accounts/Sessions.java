package vn.phonghop.server.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.Sql;

/**
 * Session tokens: a random 32-byte bearer token handed to the client once, of which the
 * database keeps only the SHA-256, so that a copy of the database opens no session. A session
 * ends at its expiry (SESSION_TTL after it started) or when revoked.
 */
public final class Sessions {

    /** What {@link #start} returns: the token to give the client (shown once, never stored) and the session. */
    public record StartedSession(String token, Session session) {
        @Override
        public String toString() {
            return "StartedSession[token=****, session=" + session + "]";
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String LIVE = " AND revoked_at IS NULL AND expires_at > ?";

    private final Database database;
    private final Clock clock;
    private final Duration ttl;

    public Sessions(Database database, Clock clock, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a session lives for a positive time");
        }
        this.database = database;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Starts a session for a person or a paired device. */
    public StartedSession start(Principal principal) {
        String token = Secrets.newToken();
        Instant now = clock.instant();
        Session session = new Session(principal, now, now.plus(ttl));
        try (Connection c = database.connection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sessions (token_hash, kind, account_id, meeting_id, member_id, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, Secrets.sha256(token));
            PrincipalColumns.set(insert, 2, principal);
            insert.setObject(6, Sql.timestamp(now));
            insert.setObject(7, Sql.timestamp(session.expiresAt()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not start a session", e);
        }
        return new StartedSession(token, session);
    }

    /** The live session for a token; empty for an unknown, malformed, expired or revoked one. */
    public Optional<Session> lookup(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(
                "SELECT kind, account_id, meeting_id, member_id, created_at, expires_at FROM sessions"
                        + " WHERE token_hash = ?" + LIVE)) {
            q.setString(1, Secrets.sha256(token));
            q.setObject(2, Sql.timestamp(clock.instant()));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Session(PrincipalColumns.read(rs), Sql.instant(rs, "created_at"),
                                Sql.instant(rs, "expires_at")))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up a session", e);
        }
    }

    /** Ends the session of this token (logout); false when it was not live. */
    public boolean revoke(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return false;
        }
        return revokeWhere("token_hash = ?", Secrets.sha256(token)) == 1;
    }

    /** Ends every live session of a meeting's paired devices (the meeting closed); returns how many. */
    public int revokeMeeting(String meetingId) {
        return revokeWhere("meeting_id = ?", meetingId);
    }

    /** Ends every live session of a person's account; returns how many. */
    public int revokeAccount(String accountId) {
        return revokeWhere("account_id = ?", accountId);
    }

    /** Deletes sessions that can never be used again (expired or revoked); returns how many. */
    public int purgeEnded() {
        try (Connection c = database.connection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM sessions WHERE revoked_at IS NOT NULL OR expires_at <= ?")) {
            delete.setObject(1, Sql.timestamp(clock.instant()));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge sessions", e);
        }
    }

    private int revokeWhere(String condition, String value) {
        Instant now = clock.instant();
        try (Connection c = database.connection(); PreparedStatement update = c.prepareStatement(
                "UPDATE sessions SET revoked_at = ? WHERE " + condition + LIVE)) {
            update.setObject(1, Sql.timestamp(now));
            update.setString(2, value);
            update.setObject(3, Sql.timestamp(now));
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not revoke sessions", e);
        }
    }
}
