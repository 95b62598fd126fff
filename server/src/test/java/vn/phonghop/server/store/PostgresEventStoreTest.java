package vn.phonghop.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The same event-store contract as on H2, on a real PostgreSQL (loopback, from Debian's
 * packages). Each test (a new instance) gets its own database; reopening it finds the same one.
 */
class PostgresEventStoreTest extends EventStoreContract {
    private String url;

    @Override
    Database openDatabase() {
        if (url == null) url = PostgresServer.get().newDatabase();
        return Database.open(url, "phonghop", "");
    }

    @Test
    @DisplayName("The writer keeps its connection between batches; when the server ends it, the writer takes a new one")
    void writerConnectionLost() throws SQLException {
        append("m1", 0, 1);
        try (Connection admin = db.connection(); Statement s = admin.createStatement()) {
            // the writer's backend among them (the pool's idle ones are checked when next taken)
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
        long last;
        try {
            // lost with the connection, unless the writer found it dead before using it
            last = ((AppendResult.Appended) append("m1", 1, 1)).lastSeq();
        } catch (CompletionException lost) {
            last = 1;
        }
        assertEquals(new AppendResult.Appended(last + 1, last + 1), append("m1", last, 1));
        assertGapless("m1", last + 1);
    }

    @Test
    @DisplayName("In a group commit the ballot box's rows lie in the order of their random ids, not of the votes (one statement and COPY)")
    void ballotsNotInVoteOrder() throws SQLException {
        for (int votes : new int[] {20, 200}) {
            store.close();
            GatedThreadFactory gate = new GatedThreadFactory();
            store = new EventStore(db, EventStore.DEFAULT_MAX_BATCH, gate);
            var cast = new java.util.ArrayList<java.util.concurrent.CompletableFuture<AppendResult>>();
            for (int i = 0; i < votes; i++) {
                cast.add(store.append(AppendRequest.of("m" + votes, i, events(1, "VoterMarked"))
                        .withBallots(java.util.List.of(SecretBallot.cast("p", "\"" + i + "\"")))));
            }
            gate.open();
            cast.forEach(EventStoreContract::await);
            assertEquals(1, store.stats().batches());
            assertEquals(0, store.stats().retried());
            var physical = new java.util.ArrayList<Long>();
            try (Connection c = db.connection(); java.sql.PreparedStatement q = c.prepareStatement(
                    "SELECT ballot_id FROM ballot_box WHERE meeting_id = ? ORDER BY ctid")) {
                q.setString(1, "m" + votes);
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    while (rs.next()) physical.add(rs.getLong(1));
                }
            }
            assertEquals(votes, physical.size());
            assertEquals(physical.stream().sorted().toList(), physical);
        }
    }
}
