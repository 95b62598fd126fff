package vn.phonghop.server.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.Dialect;
import vn.phonghop.server.store.Sql;

/**
 * The archive's tables: filed minutes (never updated, only added to), and the audit of every
 * access. Blocking JDBC: call from a worker thread.
 */
public final class ArchiveStore {
    private static final String COLUMNS = "id, meeting_id, version, corrects_id, org_id, org_name, meeting_kind,"
            + " meeting_date, title, term, number, number_text, pdf_sha256, OCTET_LENGTH(pdf) AS pdf_bytes,"
            + " signer_subject, development_key, filed_by, created_at, correction_json";
    // the newest version of each meeting's minutes
    private static final String LATEST = " NOT EXISTS (SELECT 1 FROM archive_minutes n"
            + " WHERE n.meeting_id = a.meeting_id AND n.version > a.version)";

    /** A filing about to be written: its metadata and its content. */
    record Filing(FiledMinutes meta, byte[] pdf, String recordJson, String searchText) {
    }

    /** What the list asks for; null or empty means "no condition". {@code orgIds} null: every body. */
    public record Filter(Set<String> orgIds, LocalDate from, LocalDate to, String meetingKind, List<String> terms,
                         int limit, int offset) {
    }

    /** One page of a list, and how many match in all. */
    public record Page(List<FiledMinutes> items, int total) {
    }

    private final Database database;

    public ArchiveStore(Database database) {
        this.database = database;
    }

    /** Writes a filing in the caller's transaction; a second version 1 of a meeting fails on the unique key. */
    static void insert(Connection c, Filing f) throws SQLException {
        var m = f.meta();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO archive_minutes (id, meeting_id, version,"
                + " corrects_id, org_id, org_name, meeting_kind, meeting_date, title, term, number, number_text,"
                + " pdf_sha256, pdf, record_json, search_text, correction_json, signer_subject, development_key,"
                + " filed_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            insert.setString(i++, m.id());
            insert.setString(i++, m.meetingId());
            insert.setInt(i++, m.version());
            insert.setString(i++, m.correctsId());
            insert.setString(i++, m.orgId());
            insert.setString(i++, m.orgName());
            insert.setString(i++, m.meetingKind());
            insert.setObject(i++, m.meetingDate());
            insert.setString(i++, m.title());
            insert.setString(i++, m.term());
            insert.setInt(i++, m.number());
            insert.setString(i++, m.numberText());
            insert.setString(i++, m.pdfSha256());
            insert.setBytes(i++, f.pdf());
            insert.setString(i++, f.recordJson());
            insert.setString(i++, f.searchText());
            insert.setString(i++, m.correctionJson());
            insert.setString(i++, m.signerSubject());
            insert.setBoolean(i++, m.developmentKey());
            insert.setString(i++, m.filedBy());
            insert.setObject(i, Sql.timestamp(m.createdAt()));
            insert.executeUpdate();
        }
    }

    /** What filing did: filed; the number was taken by another filing (render again); the version was there already. */
    enum Outcome { FILED, NUMBER_TAKEN, ALREADY_FILED }

    /**
     * Files one version in one transaction: the body brought up to date in the tree, its number
     * claimed (unless a correction keeps its number), the row written; made durable on H2 too.
     */
    Outcome file(Organisation org, Filing f, boolean claimNumber) {
        var m = f.meta();
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                Organisations.upsert(c, org, null);
                if (claimNumber && !DocumentNumbers.claim(c, m.orgId(), DocumentNumbers.MINUTES, m.term(), m.number())) {
                    c.rollback();
                    return Outcome.NUMBER_TAKEN;
                }
                ArchiveStore.insert(c, f);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                // the meeting's version is there: another filer was first (the number went back with the rollback)
                if (Sql.isUniqueViolation(e)) return Outcome.ALREADY_FILED;
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            if (database.dialect() == Dialect.H2) {
                try (Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT SYNC");
                }
            }
            return Outcome.FILED;
        } catch (SQLException e) {
            throw new IllegalStateException("could not file the minutes of " + m.meetingId(), e);
        }
    }

    /** The last minutes number of a body in a term, 0 before the first. */
    int lastNumber(String orgId, String term) {
        try (Connection c = database.connection()) {
            return DocumentNumbers.last(c, orgId, DocumentNumbers.MINUTES, term);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the last number of " + orgId, e);
        }
    }

    public Optional<FiledMinutes> find(String id) {
        var found = query("SELECT " + COLUMNS + " FROM archive_minutes a WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The newest version of a meeting's minutes, if they were filed. */
    public Optional<FiledMinutes> latest(String meetingId) {
        var found = query("SELECT " + COLUMNS + " FROM archive_minutes a WHERE meeting_id = ? AND" + LATEST, meetingId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every version of a meeting's minutes, oldest first. */
    public List<FiledMinutes> versions(String meetingId) {
        return query("SELECT " + COLUMNS + " FROM archive_minutes a WHERE meeting_id = ? ORDER BY version", meetingId);
    }

    /** The signed PDF exactly as filed. */
    public byte[] pdf(String id) {
        return column("SELECT pdf FROM archive_minutes WHERE id = ?", id, rs -> rs.getBytes(1));
    }

    /** The record JSON attached to the PDF. */
    public String record(String id) {
        return column("SELECT record_json FROM archive_minutes WHERE id = ?", id, rs -> rs.getString(1));
    }

    /** The newest version of each meeting's minutes matching the filter, newest meeting first. */
    public Page list(Filter f) {
        var where = new StringBuilder(LATEST);
        var args = new ArrayList<Object>();
        if (f.orgIds() != null) {
            if (f.orgIds().isEmpty()) return new Page(List.of(), 0);
            where.append(" AND a.org_id IN (").append(String.join(", ", java.util.Collections.nCopies(f.orgIds().size(), "?")))
                    .append(')');
            args.addAll(f.orgIds());
        }
        if (f.from() != null) {
            where.append(" AND a.meeting_date >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            where.append(" AND a.meeting_date <= ?");
            args.add(f.to());
        }
        if (f.meetingKind() != null) {
            where.append(" AND a.meeting_kind = ?");
            args.add(f.meetingKind());
        }
        for (String term : f.terms()) {
            where.append(" AND a.search_text LIKE ? ESCAPE '\\'");
            args.add(SearchText.likePattern(term));
        }
        try (Connection c = database.connection()) {
            int total;
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM archive_minutes a WHERE" + where)) {
                bind(q, args);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            var items = new ArrayList<FiledMinutes>();
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM archive_minutes a WHERE" + where
                    + " ORDER BY a.meeting_date DESC, a.org_name, a.id LIMIT ? OFFSET ?")) {
                bind(q, args);
                q.setInt(args.size() + 1, f.limit());
                q.setInt(args.size() + 2, f.offset());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) items.add(read(rs));
                }
            }
            return new Page(items, total);
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the archive", e);
        }
    }

    /** Writes one line of the audit: who, what, which minutes, and whether it was allowed. */
    public void audit(Instant at, String accountId, String action, String archiveId, String outcome, String detail) {
        try (Connection c = database.connection(); PreparedStatement insert = c.prepareStatement("INSERT INTO archive_audit"
                + " (at, account_id, action, archive_id, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, Sql.timestamp(at));
            insert.setString(2, accountId);
            insert.setString(3, action);
            insert.setString(4, archiveId == null ? null : cut(archiveId, 80));
            insert.setString(5, outcome);
            insert.setString(6, detail == null ? null : cut(detail, 500));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the archive audit", e);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T column(String sql, String id, Reader<T> reader) {
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? reader.read(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read archived minutes " + id, e);
        }
    }

    private List<FiledMinutes> query(String sql, String key) {
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, key);
            var out = new ArrayList<FiledMinutes>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the archive", e);
        }
    }

    private static void bind(PreparedStatement q, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) q.setObject(i + 1, args.get(i));
    }

    private static FiledMinutes read(ResultSet rs) throws SQLException {
        return new FiledMinutes(rs.getString("id"), rs.getString("meeting_id"), rs.getInt("version"),
                rs.getString("corrects_id"), rs.getString("org_id"), rs.getString("org_name"),
                rs.getString("meeting_kind"), rs.getObject("meeting_date", LocalDate.class), rs.getString("title"),
                rs.getString("term"), rs.getInt("number"), rs.getString("number_text"), rs.getString("pdf_sha256"),
                rs.getLong("pdf_bytes"), rs.getString("signer_subject"), rs.getBoolean("development_key"),
                rs.getString("filed_by"), Sql.instant(rs, "created_at"), rs.getString("correction_json"));
    }
}
