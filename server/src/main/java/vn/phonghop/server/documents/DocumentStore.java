package vn.phonghop.server.documents;

import vn.phonghop.agenda.items.Classification;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.Sql;

/**
 * Uploaded PDF documents: content-addressed blobs (SHA-256; the same bytes are stored once) and
 * per-upload metadata (title, secrecy level, page count). Only files {@link PdfInspector} accepts
 * are stored; a refused upload leaves nothing behind. Reads can be ranged, for PDF.js's Range requests.
 */
public final class DocumentStore {

    private static final String COLUMNS = "id, sha256, title, classification, page_count, size_bytes, created_at";

    private final Database database;
    private final PdfInspector inspector;
    private final Clock clock;

    public DocumentStore(Database database, PdfInspector inspector, Clock clock) {
        this.database = database;
        this.inspector = inspector;
        this.clock = clock;
    }

    /** Inspects and stores a PDF; refuses it with a reason when it is not acceptable. */
    public DocumentInfo store(String title, Classification classification, byte[] pdf) throws DocumentRejected {
        String cleanTitle = Normalizer.normalize(title.strip(), Normalizer.Form.NFC);
        if (cleanTitle.isEmpty() || cleanTitle.length() > 500) {
            throw new IllegalArgumentException("a document title has 1 to 500 characters");
        }
        PdfInspector.PdfFacts facts = inspector.inspect(pdf);
        DocumentInfo info = new DocumentInfo(UUID.randomUUID().toString(), sha256(pdf), cleanTitle, classification,
                facts.pageCount(), pdf.length, clock.instant());
        for (int attempt = 1; ; attempt++) {
            try (Connection c = database.connection()) {
                c.setAutoCommit(false);
                try {
                    insertBlobIfAbsent(c, info, pdf);
                    insertDocument(c, info);
                    c.commit();
                    return info;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                // Two uploads of the same new file race on the blob's key: the loser tries once
                // more and finds the blob already stored.
                if (attempt == 1 && Sql.isUniqueViolation(e)) {
                    continue;
                }
                throw new IllegalStateException("could not store document " + info.title(), e);
            }
        }
    }

    /** A document's metadata. */
    public Optional<DocumentInfo> find(String documentId) {
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM documents WHERE id = ?")) {
            q.setString(1, documentId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DocumentInfo(rs.getString("id"), rs.getString("sha256"), rs.getString("title"),
                        Classification.valueOf(rs.getString("classification")), rs.getInt("page_count"),
                        rs.getLong("size_bytes"), Sql.instant(rs, "created_at")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read document " + documentId, e);
        }
    }

    /** A document's whole content. */
    public Optional<byte[]> read(String documentId) {
        return find(documentId).map(info -> range(info.sha256(), 0, Math.toIntExact(info.sizeBytes())));
    }

    /**
     * Up to {@code length} bytes of a document from {@code offset} (fewer at the end of the file).
     *
     * @throws IllegalArgumentException when the range does not start inside the file (HTTP 416)
     */
    public Optional<byte[]> readRange(String documentId, long offset, int length) {
        return find(documentId).map(info -> {
            if (offset < 0 || offset >= info.sizeBytes() || length < 1) {
                throw new IllegalArgumentException("range " + offset + "+" + length + " is outside a file of "
                        + info.sizeBytes() + " bytes");
            }
            return range(info.sha256(), offset, (int) Math.min(length, info.sizeBytes() - offset));
        });
    }

    /** Hex SHA-256 of the bytes, the blob's address. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    // SUBSTRING (1-based) runs in the database, so a range request never loads the whole blob.
    private byte[] range(String sha256, long offset, int length) {
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(
                "SELECT SUBSTRING(content FROM ? FOR ?) FROM blobs WHERE sha256 = ?")) {
            // an int: PostgreSQL has substring(bytea, int, int) only, and a document is far below 2 GiB
            q.setInt(1, Math.toIntExact(offset + 1));
            q.setInt(2, length);
            q.setString(3, sha256);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("document metadata names a missing blob " + sha256);
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read blob " + sha256, e);
        }
    }

    private static void insertBlobIfAbsent(Connection c, DocumentInfo info, byte[] pdf) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM blobs WHERE sha256 = ?")) {
            q.setString(1, info.sha256());
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO blobs (sha256, size_bytes, content, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, info.sha256());
            insert.setLong(2, pdf.length);
            insert.setBytes(3, pdf);
            insert.setObject(4, Sql.timestamp(info.createdAt()));
            insert.executeUpdate();
        }
    }

    private static void insertDocument(Connection c, DocumentInfo info) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO documents (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, info.id());
            insert.setString(2, info.sha256());
            insert.setString(3, info.title());
            insert.setString(4, info.classification().name());
            insert.setInt(5, info.pageCount());
            insert.setLong(6, info.sizeBytes());
            insert.setObject(7, Sql.timestamp(info.createdAt()));
            insert.executeUpdate();
        }
    }
}
