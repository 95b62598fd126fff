package vn.phonghop.server.store;

/**
 * The two SQL column types that H2 and PostgreSQL spell differently; everything else is standard SQL.
 *
 * <p>Large JSON text: PostgreSQL's {@code TEXT}, H2's unbounded {@code CHARACTER VARYING} (kept in
 * the row, unlike H2's {@code CLOB}). Large binary content: PostgreSQL's {@code BYTEA}, H2's
 * {@code BLOB} (kept out of the row, so a 50 MiB document does not weigh on the table's pages).
 */
public enum Dialect {
    H2("CHARACTER VARYING", "BLOB"),
    POSTGRESQL("TEXT", "BYTEA");

    private final String largeText;
    private final String largeBinary;

    Dialect(String largeText, String largeBinary) {
        this.largeText = largeText;
        this.largeBinary = largeBinary;
    }

    /** Picks the dialect from a JDBC URL; any other database is refused rather than guessed. */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL (H2 or PostgreSQL only): "
                + jdbcUrl.split(":", 3)[0] + ":" + jdbcUrl.split(":", 3)[1]);
    }

    /** The column type for unbounded text (JSON payloads). */
    public String largeText() {
        return largeText;
    }

    /** The column type for unbounded binary content (document blobs). */
    public String largeBinary() {
        return largeBinary;
    }
}
