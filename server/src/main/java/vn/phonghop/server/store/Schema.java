package vn.phonghop.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The database schema as an ordered list of migrations, recorded in {@code schema_version}.
 *
 * <p>A new table or column is a new migration appended at the end; an applied migration never
 * changes. Each migration claims its version row first, in the same transaction as its DDL, so
 * that two nodes starting together on PostgreSQL (transactional DDL) apply it exactly once.
 */
public final class Schema {

    /** One step of the schema's history. */
    public record Migration(int version, String description, List<String> statements) {
    }

    private Schema() {
    }

    /** Every migration, oldest first, with the dialect's column types filled in. */
    public static List<Migration> migrations(Dialect dialect) {
        String text = dialect.largeText();
        String binary = dialect.largeBinary();
        return List.of(
                new Migration(1, "meeting event log, processed commands, ballot box", List.of(
                        "CREATE TABLE meeting_events (meeting_id VARCHAR(64) NOT NULL, seq BIGINT NOT NULL,"
                                + " type VARCHAR(100) NOT NULL, payload " + text + " NOT NULL,"
                                + " recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (meeting_id, seq))",
                        "CREATE TABLE processed_commands (meeting_id VARCHAR(64) NOT NULL,"
                                + " command_id VARCHAR(100) NOT NULL, response " + text + " NOT NULL,"
                                + " PRIMARY KEY (meeting_id, command_id))",
                        // A single BIGINT key: on H2 it is the row's own key, so rows carry no
                        // hidden arrival-ordered row id (see EventStore on secret ballots).
                        "CREATE TABLE ballot_box (ballot_id BIGINT NOT NULL PRIMARY KEY,"
                                + " meeting_id VARCHAR(64) NOT NULL, poll_id VARCHAR(64) NOT NULL,"
                                + " choice VARCHAR(1000) NOT NULL)",
                        "CREATE INDEX ballot_box_poll ON ballot_box (meeting_id, poll_id)")),
                new Migration(2, "accounts, sessions, pairing codes", List.of(
                        "CREATE TABLE accounts (id VARCHAR(36) NOT NULL PRIMARY KEY,"
                                + " username VARCHAR(100) NOT NULL UNIQUE, display_name VARCHAR(200) NOT NULL,"
                                + " password_hash VARCHAR(200) NOT NULL, roles VARCHAR(200) NOT NULL,"
                                + " member_id VARCHAR(64), created_at TIMESTAMP WITH TIME ZONE NOT NULL)",
                        "CREATE TABLE sessions (token_hash VARCHAR(64) NOT NULL PRIMARY KEY,"
                                + " kind VARCHAR(16) NOT NULL, account_id VARCHAR(36), meeting_id VARCHAR(64),"
                                + " member_id VARCHAR(64), created_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                                + " expires_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                                + " revoked_at TIMESTAMP WITH TIME ZONE)",
                        "CREATE INDEX sessions_meeting ON sessions (meeting_id)",
                        "CREATE INDEX sessions_account ON sessions (account_id)",
                        "CREATE TABLE pairing_codes (code_hash VARCHAR(64) NOT NULL PRIMARY KEY,"
                                + " kind VARCHAR(16) NOT NULL, meeting_id VARCHAR(64) NOT NULL,"
                                + " member_id VARCHAR(64), issued_by VARCHAR(36) NOT NULL,"
                                + " created_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                                + " expires_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                                + " used_at TIMESTAMP WITH TIME ZONE)")),
                new Migration(3, "content-addressed blobs and document metadata", List.of(
                        "CREATE TABLE blobs (sha256 VARCHAR(64) NOT NULL PRIMARY KEY, size_bytes BIGINT NOT NULL,"
                                + " content " + binary + " NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)",
                        "CREATE TABLE documents (id VARCHAR(36) NOT NULL PRIMARY KEY,"
                                + " sha256 VARCHAR(64) NOT NULL REFERENCES blobs (sha256),"
                                + " title VARCHAR(500) NOT NULL, classification VARCHAR(16) NOT NULL,"
                                + " page_count INTEGER NOT NULL, size_bytes BIGINT NOT NULL,"
                                + " created_at TIMESTAMP WITH TIME ZONE NOT NULL)")),
                new Migration(4, "private notes of each person in each meeting", List.of(
                        "CREATE TABLE notes (meeting_id VARCHAR(64) NOT NULL, person_id VARCHAR(100) NOT NULL,"
                                + " target VARCHAR(120) NOT NULL, text " + text + " NOT NULL,"
                                + " updated_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                                + " PRIMARY KEY (meeting_id, person_id, target))")),
                // the archive of minutes (issue 6): a filed row is never updated; a correction is a new version
                new Migration(5, "organisation tree, document numbers, archived minutes, archive audit", List.of(
                        "CREATE TABLE organisations (id VARCHAR(64) NOT NULL PRIMARY KEY, name VARCHAR(300) NOT NULL,"
                                + " kind VARCHAR(32) NOT NULL, superior_name VARCHAR(300) NOT NULL,"
                                + " symbol VARCHAR(32) NOT NULL, parent_id VARCHAR(64) REFERENCES organisations (id))",
                        "CREATE INDEX organisations_parent ON organisations (parent_id)",
                        "CREATE TABLE account_orgs (account_id VARCHAR(36) NOT NULL REFERENCES accounts (id),"
                                + " org_id VARCHAR(64) NOT NULL REFERENCES organisations (id),"
                                + " PRIMARY KEY (account_id, org_id))",
                        "CREATE TABLE document_numbers (org_id VARCHAR(64) NOT NULL, kind VARCHAR(16) NOT NULL,"
                                + " term VARCHAR(16) NOT NULL, last_number INTEGER NOT NULL,"
                                + " PRIMARY KEY (org_id, kind, term))",
                        "CREATE TABLE archive_minutes (id VARCHAR(80) NOT NULL PRIMARY KEY,"
                                + " meeting_id VARCHAR(64) NOT NULL, version INTEGER NOT NULL,"
                                + " corrects_id VARCHAR(80) REFERENCES archive_minutes (id),"
                                + " org_id VARCHAR(64) NOT NULL REFERENCES organisations (id),"
                                + " org_name VARCHAR(300) NOT NULL, meeting_kind VARCHAR(32) NOT NULL,"
                                + " meeting_date DATE NOT NULL, title VARCHAR(500) NOT NULL, term VARCHAR(16) NOT NULL,"
                                + " number INTEGER NOT NULL, number_text VARCHAR(64) NOT NULL,"
                                + " pdf_sha256 VARCHAR(64) NOT NULL, pdf " + binary + " NOT NULL,"
                                + " record_json " + text + " NOT NULL, search_text " + text + " NOT NULL,"
                                + " correction_json " + text + ", signer_subject VARCHAR(500) NOT NULL,"
                                + " development_key BOOLEAN NOT NULL, filed_by VARCHAR(100) NOT NULL,"
                                + " created_at TIMESTAMP WITH TIME ZONE NOT NULL, UNIQUE (meeting_id, version),"
                                + " UNIQUE (org_id, term, number, version))",
                        "CREATE INDEX archive_minutes_org ON archive_minutes (org_id, meeting_date)",
                        "CREATE TABLE archive_audit (at TIMESTAMP WITH TIME ZONE NOT NULL, account_id VARCHAR(36),"
                                + " action VARCHAR(16) NOT NULL, archive_id VARCHAR(80), outcome VARCHAR(16) NOT NULL,"
                                + " detail VARCHAR(500))",
                        "CREATE INDEX archive_audit_at ON archive_audit (at)")));
    }

    /** Applies every migration the database has not recorded yet. */
    public static void migrate(Database database) throws SQLException {
        try (Connection c = database.connection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                        + " description VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            }
            Set<Integer> applied = appliedVersions(c);
            for (Migration m : migrations(database.dialect())) {
                if (!applied.contains(m.version())) {
                    apply(c, m);
                }
            }
        }
    }

    /** The versions recorded in {@code schema_version}. */
    public static Set<Integer> appliedVersions(Connection c) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private static void apply(Connection c, Migration m) throws SQLException {
        c.setAutoCommit(false);
        try {
            try (PreparedStatement claim = c.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                claim.setInt(1, m.version());
                claim.setString(2, m.description());
                claim.setObject(3, Sql.timestamp(Instant.now()));
                claim.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                for (String ddl : m.statements()) {
                    s.execute(ddl);
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            // another node claimed this version first and applies it in its own transaction
        } finally {
            c.setAutoCommit(true);
        }
    }
}
