package vn.phonghop.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event-store contract on the embedded H2 file database the server uses by default. */
class H2EventStoreTest extends EventStoreContract {

    @TempDir
    Path dir;

    @Override
    Database openDatabase() {
        return TestDatabases.h2(dir);
    }

    @Test
    @DisplayName("H2 keys ballot rows by their random id, so no hidden row id records the order of votes")
    void ballotRowsCarryNoArrivalOrder() throws SQLException {
        List<SecretBallot> ballots = List.of(SecretBallot.cast("p", "\"yes\""), SecretBallot.cast("p", "\"no\""),
                SecretBallot.cast("p", "\"yes\""));
        await(store.append(AppendRequest.of("m1", 0, events(3, "VoterMarked")).withBallots(ballots)));
        try (Connection c = db.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ballot_box WHERE _ROWID_ = ballot_id")) {
            rs.next();
            assertEquals(3, rs.getLong(1));
        }
    }

    @Test
    @DisplayName("A meeting's last seq is read as one row along the key, not by scanning its events (once per group commit)")
    void lastSeqReadsOneRow() throws SQLException {
        append("m0", 0, 50);
        append("m1", 0, 2_000);
        append("m2", 0, 50);
        try (Connection c = db.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN ANALYZE " + LogStatements.LAST_SEQ.replace("?", "'m1'"))) {
            rs.next();
            String plan = rs.getString(1);
            assertTrue(plan.contains("scanCount: 1 "), plan);
            assertTrue(plan.contains("index sorted"), plan);
        }
        assertEquals(2_000, store.lastSeq("m1"));
    }
}
