package vn.phonghop.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small JDBC helpers shared by the stores: time conversion and constraint-violation checks. */
public final class Sql {

    private Sql() {
    }

    /** Both H2 and PostgreSQL report a primary-key or unique violation with the standard SQLSTATE 23505. */
    public static boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if ("23505".equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** An instant as the value of a {@code TIMESTAMP WITH TIME ZONE} parameter, in UTC. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Reads a {@code TIMESTAMP WITH TIME ZONE} column; null stays null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
