package vn.phonghop.server.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.Sql;

/**
 * One-time codes with which the meeting secretary pairs a tablet to a seat, or the room's
 * screen to a meeting: typed on the device, redeemed once, then the caller starts a session for
 * what the code was issued for.
 *
 * <p>Codes are 8 characters from an alphabet without look-alikes (no I, L, O, 0, 1), stored only
 * as SHA-256, valid for 15 minutes by default. Single use holds under concurrency because
 * redeeming is one conditional UPDATE: of two devices typing the same code, one wins. An 8-character
 * code (about 40 bits) is guessable only by many attempts, so the HTTP layer must rate-limit redeeming.
 */
public final class PairingCodes {

    /** What {@link #issue} returns: the code to show the secretary (never stored), its target and expiry. */
    public record IssuedCode(String code, Principal.Device target, Instant expiresAt) {

        /** The code as shown on screen, in two groups of four: {@code ABCD-EFGH}. */
        public String display() {
            return code.substring(0, 4) + "-" + code.substring(4);
        }
    }

    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);
    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 8;

    private final Database database;
    private final Clock clock;
    private final Duration lifetime;

    public PairingCodes(Database database, Clock clock) {
        this(database, clock, DEFAULT_LIFETIME);
    }

    public PairingCodes(Database database, Clock clock, Duration lifetime) {
        this.database = database;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Issues a code for a seat or the room display of a meeting, recording which account issued it. */
    public IssuedCode issue(Principal.Device target, String issuedBy) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        String sql = "INSERT INTO pairing_codes (code_hash, kind, meeting_id, member_id, issued_by, created_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
        for (int attempt = 0; ; attempt++) {
            String code = newCode();
            try (Connection c = database.connection(); PreparedStatement insert = c.prepareStatement(sql)) {
                insert.setString(1, Secrets.sha256(code));
                insert.setString(2, target instanceof Principal.Seat ? "SEAT" : "DISPLAY");
                insert.setString(3, target.meetingId());
                insert.setString(4, target instanceof Principal.Seat seat ? seat.memberId() : null);
                insert.setString(5, issuedBy);
                insert.setObject(6, Sql.timestamp(now));
                insert.setObject(7, Sql.timestamp(expires));
                insert.executeUpdate();
                return new IssuedCode(code, target, expires);
            } catch (SQLException e) {
                // A clash with an earlier code (about one in 10^12) just draws another.
                if (!Sql.isUniqueViolation(e) || attempt >= 3) {
                    throw new IllegalStateException("could not issue a pairing code", e);
                }
            }
        }
    }

    /**
     * Uses up a code and returns what it was issued for; empty when the code is unknown, expired
     * or already used. Spaces, dashes and lower case in the typed code are accepted.
     */
    public Optional<Principal.Device> redeem(String typed) {
        String code = normalize(typed);
        if (code == null) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(code);
        try (Connection c = database.connection()) {
            try (PreparedStatement use = c.prepareStatement("UPDATE pairing_codes SET used_at = ?"
                    + " WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?")) {
                Instant now = clock.instant();
                use.setObject(1, Sql.timestamp(now));
                use.setString(2, hash);
                use.setObject(3, Sql.timestamp(now));
                if (use.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT kind, meeting_id, member_id FROM pairing_codes WHERE code_hash = ?")) {
                q.setString(1, hash);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return Optional.of("SEAT".equals(rs.getString("kind"))
                            ? new Principal.Seat(rs.getString("meeting_id"), rs.getString("member_id"))
                            : new Principal.RoomDisplay(rs.getString("meeting_id")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not redeem a pairing code", e);
        }
    }

    /** Voids every unused code of a meeting (the meeting closed); returns how many. */
    public int voidMeeting(String meetingId) {
        try (Connection c = database.connection(); PreparedStatement update = c.prepareStatement(
                "UPDATE pairing_codes SET used_at = ? WHERE meeting_id = ? AND used_at IS NULL")) {
            update.setObject(1, Sql.timestamp(clock.instant()));
            update.setString(2, meetingId);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not void pairing codes", e);
        }
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(Secrets.randomIndex(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The canonical code, or null when the input cannot be a code. */
    static String normalize(String typed) {
        if (typed == null || typed.length() > 32) {
            return null;
        }
        String code = typed.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0)) {
            return null;
        }
        return code;
    }
}
