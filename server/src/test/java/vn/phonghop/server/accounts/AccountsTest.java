package vn.phonghop.server.accounts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.TestDatabases;

class AccountsTest {

    static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");

    @TempDir
    Path dir;
    Database db;
    Accounts accounts;

    @BeforeEach
    void open() {
        db = TestDatabases.h2(dir);
        accounts = new Accounts(db, new MutableClock(NOW));
    }

    @AfterEach
    void close() {
        db.close();
    }

    Account huong() {
        return accounts.create("huong.nt", "Nguyễn Thị Hương", "Chi-bo-so-7".toCharArray(),
                Set.of(Role.SECRETARY, Role.MEMBER), Optional.of("dv-0007")).orElseThrow();
    }

    @Test
    @DisplayName("A created account logs in with its password, by any letter case of its username")
    void createAndAuthenticate() {
        Account created = huong();
        assertEquals("huong.nt", created.username());
        assertEquals(NOW, created.createdAt());
        assertTrue(created.has(Role.SECRETARY));

        assertEquals(Optional.of(created), accounts.authenticate("huong.nt", "Chi-bo-so-7".toCharArray()));
        assertEquals(Optional.of(created), accounts.authenticate(" Huong.NT ", "Chi-bo-so-7".toCharArray()));
        assertEquals(Optional.of(created), accounts.find(created.id()));
    }

    @Test
    @DisplayName("A wrong password, an unknown user and an empty password are refused")
    void wrongPasswordRefused() {
        huong();
        assertEquals(Optional.empty(), accounts.authenticate("huong.nt", "chi-bo-so-7".toCharArray()));
        assertEquals(Optional.empty(), accounts.authenticate("nobody", "Chi-bo-so-7".toCharArray()));
        assertEquals(Optional.empty(), accounts.authenticate("huong.nt", new char[0]));
        assertEquals(Optional.empty(), accounts.authenticate("  ", "Chi-bo-so-7".toCharArray()));
    }

    @Test
    @DisplayName("The database holds only a PBKDF2 hash of the password")
    void storedAsHash() throws SQLException {
        huong();
        try (Connection c = db.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT password_hash FROM accounts")) {
            rs.next();
            String stored = rs.getString(1);
            assertTrue(stored.matches("pbkdf2\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), stored);
            assertFalse(stored.contains("Chi-bo-so-7"));
        }
    }

    @Test
    @DisplayName("A taken username is refused, whatever its letter case")
    void usernameTaken() {
        huong();
        assertEquals(Optional.empty(), accounts.create("HUONG.NT", "Another", "password-2".toCharArray(),
                Set.of(Role.MEMBER), Optional.empty()));
    }

    @Test
    @DisplayName("Passwords are wiped from memory after use and too short ones are refused")
    void passwordHandling() {
        char[] password = "Chi-bo-so-7".toCharArray();
        accounts.create("lan", "Trần Văn Lân", password, Set.of(Role.MEMBER), Optional.empty());
        assertArrayEquals(new char[password.length], password);
        assertThrows(IllegalArgumentException.class, () -> accounts.create("nam", "Nam", "short".toCharArray(),
                Set.of(Role.MEMBER), Optional.empty()));
    }

    @Test
    @DisplayName("After a password change only the new password works")
    void changePassword() {
        Account a = huong();
        assertTrue(accounts.changePassword(a.id(), "Nghi-quyet-11".toCharArray()));
        assertEquals(Optional.empty(), accounts.authenticate("huong.nt", "Chi-bo-so-7".toCharArray()));
        assertEquals(Optional.of(a), accounts.authenticate("huong.nt", "Nghi-quyet-11".toCharArray()));
        assertFalse(accounts.changePassword("no-such-id", "Nghi-quyet-11".toCharArray()));
    }
}
