package vn.phonghop.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import vn.phonghop.server.config.Config;

/**
 * The server's JDBC connection provider: a small pool over H2 or PostgreSQL, with the schema
 * brought up to date when it opens.
 */
public final class Database implements AutoCloseable {

    private static final int POOL_SIZE = 10;

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String jdbcUrl;

    private Database(HikariDataSource pool, Dialect dialect, String jdbcUrl) {
        this.pool = pool;
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
    }

    /** Opens the database the configuration names and migrates its schema. */
    public static Database open(Config config) {
        return open(config.dbUrl(), config.dbUser(), config.dbPassword());
    }

    /** Opens a database by URL and credentials and migrates its schema. */
    public static Database open(String jdbcUrl, String user, String password) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setPoolName("phonghop-db");
        // READ COMMITTED on both databases, so that the stores' concurrency reasoning holds on each.
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // a group commit's inserts go as multi-row statements, not one round trip per row
        if (dialect == Dialect.POSTGRESQL) hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource pool = new HikariDataSource(hikari);
        Database database = new Database(pool, dialect, jdbcUrl);
        try {
            Schema.migrate(database);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new IllegalStateException("could not prepare the database schema", e);
        }
        return database;
    }

    /** A pooled connection in auto-commit mode; the caller closes it. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Which SQL dialect the database speaks. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Where the event store's write-ahead journal lives ({@link Journal}): beside an embedded H2
     * database's file ({@code jdbc:h2:file:PATH} gives {@code PATH.journal}, the journal's files being
     * {@code PATH.journal.0} and {@code PATH.journal.1}); none for PostgreSQL,
     * whose commit is durable by itself, nor for an H2 reached otherwise (in memory, over TCP), which
     * is forced at every group commit instead.
     */
    Optional<Path> journalPath() {
        String prefix = "jdbc:h2:file:";
        if (!jdbcUrl.startsWith(prefix)) return Optional.empty();
        String file = jdbcUrl.substring(prefix.length()).split(";", 2)[0];
        if (file.startsWith("~")) file = System.getProperty("user.home") + file.substring(1);
        return Optional.of(Path.of(file + ".journal"));
    }

    @Override
    public void close() {
        pool.close();
    }
}
