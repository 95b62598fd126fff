package vn.phonghop.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("Opening a new database creates every table and records each migration once")
    void createsSchema() throws SQLException {
        try (Database db = TestDatabases.h2(dir); Connection c = db.connection()) {
            assertEquals(Set.of(1, 2, 3, 4, 5), Schema.appliedVersions(c));
            for (String table : new String[] {"meeting_events", "processed_commands", "ballot_box", "accounts",
                    "sessions", "pairing_codes", "blobs", "documents", "notes", "organisations", "account_orgs",
                    "document_numbers", "archive_minutes", "archive_audit"}) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    assertTrue(rs.next(), table);
                    assertEquals(0, rs.getLong(1), table);
                }
            }
        }
        assertTrue(Files.exists(dir.resolve("phonghop.mv.db")), "the database lives in DATA_DIR");
    }

    @Test
    @DisplayName("Reopening an existing database applies nothing twice")
    void reopenIsIdempotent() throws SQLException {
        TestDatabases.h2(dir).close();
        try (Database db = TestDatabases.h2(dir); Connection c = db.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_version")) {
            rs.next();
            assertEquals(Schema.migrations(Dialect.H2).size(), rs.getInt(1));
        }
    }

    @Test
    @DisplayName("The dialect follows the JDBC URL and other databases are refused")
    void dialect() {
        assertEquals(Dialect.H2, Dialect.of("jdbc:h2:mem:x"));
        assertEquals(Dialect.POSTGRESQL, Dialect.of("jdbc:postgresql://localhost/phonghop"));
        assertThrows(IllegalArgumentException.class, () -> Dialect.of("jdbc:mysql://localhost/x"));
    }

    @Test
    @DisplayName("A value for PostgreSQL's COPY has its backslashes, tabs and line ends escaped, nothing else")
    void copyText() {
        var out = LogStatements.field(new StringBuilder(), "Đồng chí\tHùng\\n\r\n\"x\"");
        assertEquals("Đồng chí\\tHùng\\\\n\\r\\n\"x\"", out.toString());
    }
}
