package vn.phonghop.server.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import vn.phonghop.server.store.Sql;

/**
 * Gapless document numbers per organisation, per kind of document ("BB" for minutes), per
 * committee term (Guidance 36-HD/VPTW: numbering restarts at 01 each term).
 *
 * <p>A number is taken optimistically: the filer reads the last number, renders its document with
 * the next one, and then, in the transaction that files the document, claims exactly that number
 * with a guarded {@code UPDATE … SET last_number = n WHERE last_number = n - 1}. Two filers that
 * raced for the same number serialise on the row; the second finds the guard false and renders
 * again with the next number. A filing that rolls back gives its number back with it, so the
 * sequence has no gaps.
 */
public final class DocumentNumbers {
    /** The kind of document for minutes (biên bản). */
    public static final String MINUTES = "BB";
    /** Party congress terms are five years and begin in years divisible by five (2020–2025, 2025–2030). */
    private static final int TERM_YEARS = 5;

    private DocumentNumbers() {
    }

    /** The committee term a date falls in, as "2025-2030". */
    public static String term(LocalDate date) {
        int start = date.getYear() - Math.floorMod(date.getYear(), TERM_YEARS);
        return start + "-" + (start + TERM_YEARS);
    }

    /** The last number given, 0 when none yet. */
    static int last(Connection c, String orgId, String kind, String term) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT last_number FROM document_numbers WHERE org_id = ? AND kind = ? AND term = ?")) {
            q.setString(1, orgId);
            q.setString(2, kind);
            q.setString(3, term);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Claims {@code number} in the caller's transaction; false when another filer took it first. */
    static boolean claim(Connection c, String orgId, String kind, String term, int number) throws SQLException {
        if (number == 1) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO document_numbers (org_id, kind, term, last_number) VALUES (?, ?, ?, 1)")) {
                insert.setString(1, orgId);
                insert.setString(2, kind);
                insert.setString(3, term);
                return insert.executeUpdate() == 1;
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) return false;
                throw e;
            }
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE document_numbers SET last_number = last_number + 1"
                + " WHERE org_id = ? AND kind = ? AND term = ? AND last_number = ?")) {
            update.setString(1, orgId);
            update.setString(2, kind);
            update.setString(3, term);
            update.setInt(4, number - 1);
            return update.executeUpdate() == 1;
        }
    }
}
