package vn.phonghop.server.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.TestDatabases;

class SessionsTest {

    static final Duration TTL = Duration.ofHours(12);

    @TempDir
    Path dir;
    Database db;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T07:00:00Z"));
    Sessions sessions;

    @BeforeEach
    void open() {
        db = TestDatabases.h2(dir);
        sessions = new Sessions(db, clock, TTL);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    @DisplayName("A started session is found by its token until it expires")
    void lookupUntilExpiry() {
        Principal huong = new Principal.User("acc-1");
        Sessions.StartedSession started = sessions.start(huong);
        assertTrue(started.token().matches("[A-Za-z0-9_-]{43}"));
        assertEquals(Optional.of(started.session()), sessions.lookup(started.token()));
        assertEquals(huong, started.session().principal());

        clock.advance(TTL.minusSeconds(1));
        assertTrue(sessions.lookup(started.token()).isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), sessions.lookup(started.token()));
    }

    @Test
    @DisplayName("The database keeps only the token's SHA-256")
    void storesOnlyHash() throws SQLException {
        Sessions.StartedSession started = sessions.start(new Principal.User("acc-1"));
        try (Connection c = db.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT token_hash FROM sessions")) {
            rs.next();
            assertEquals(Secrets.sha256(started.token()), rs.getString(1));
            assertFalse(started.toString().contains(started.token()));
        }
    }

    @Test
    @DisplayName("A revoked session is refused, and revoking it again changes nothing")
    void revoke() {
        String token = sessions.start(new Principal.User("acc-1")).token();
        assertTrue(sessions.revoke(token));
        assertEquals(Optional.empty(), sessions.lookup(token));
        assertFalse(sessions.revoke(token));
    }

    @Test
    @DisplayName("Closing a meeting ends its devices' sessions and no others")
    void revokeMeeting() {
        String seat = sessions.start(new Principal.Seat("mtg-1", "dv-7")).token();
        String display = sessions.start(new Principal.RoomDisplay("mtg-1")).token();
        String otherMeeting = sessions.start(new Principal.Seat("mtg-2", "dv-7")).token();
        String person = sessions.start(new Principal.User("acc-1")).token();

        assertEquals(2, sessions.revokeMeeting("mtg-1"));
        assertEquals(Optional.empty(), sessions.lookup(seat));
        assertEquals(Optional.empty(), sessions.lookup(display));
        assertEquals(new Principal.Seat("mtg-2", "dv-7"), sessions.lookup(otherMeeting).orElseThrow().principal());
        assertTrue(sessions.lookup(person).isPresent());
        assertEquals(1, sessions.revokeAccount("acc-1"));
    }

    @Test
    @DisplayName("Malformed and unknown tokens are refused")
    void malformedTokens() {
        assertEquals(Optional.empty(), sessions.lookup(null));
        assertEquals(Optional.empty(), sessions.lookup(""));
        assertEquals(Optional.empty(), sessions.lookup("' OR 1=1 --"));
        assertEquals(Optional.empty(), sessions.lookup(Secrets.newToken()));
    }

    @Test
    @DisplayName("Ended sessions can be purged; live ones stay")
    void purge() {
        String revoked = sessions.start(new Principal.User("a")).token();
        sessions.revoke(revoked);
        sessions.start(new Principal.User("b"));
        clock.advance(Duration.ofHours(6));
        String live = sessions.start(new Principal.User("c")).token();
        clock.advance(Duration.ofHours(7));
        assertEquals(2, sessions.purgeEnded());
        assertTrue(sessions.lookup(live).isPresent());
    }
}
