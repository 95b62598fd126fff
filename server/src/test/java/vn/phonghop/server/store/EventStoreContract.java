package vn.phonghop.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every event-store database must show; a subclass per database supplies {@link #openDatabase()}.
 */
abstract class EventStoreContract {

    static final Instant T0 = Instant.parse("2026-11-23T07:05:00Z");

    Database db;
    EventStore store;

    /** Opens the same database every time it is called (so that a test can restart). */
    abstract Database openDatabase();

    @BeforeEach
    void start() {
        db = openDatabase();
        store = new EventStore(db);
    }

    @AfterEach
    void stop() {
        store.close();
        db.close();
    }

    static List<NewEvent> events(int count, String type) {
        return IntStream.range(0, count)
                .mapToObj(i -> new NewEvent(type, "{\"n\":" + i + "}", T0.plusSeconds(i))).toList();
    }

    static AppendResult await(CompletableFuture<AppendResult> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }

    AppendResult append(String meeting, long expected, int count) {
        return await(store.append(AppendRequest.of(meeting, expected, events(count, "ItemOpened"))));
    }

    @Test
    @DisplayName("Seqs start at 1 and run without gaps across appends")
    void gaplessSeq() {
        assertEquals(new AppendResult.Appended(1, 3), append("m1", 0, 3));
        assertEquals(new AppendResult.Appended(4, 5), append("m1", 3, 2));

        List<StoredEvent> all = store.read("m1", 0);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), all.stream().map(StoredEvent::seq).toList());
        assertEquals(new StoredEvent("m1", 1, "ItemOpened", "{\"n\":0}", T0), all.get(0));
        assertEquals(List.of(4L, 5L), store.read("m1", 3).stream().map(StoredEvent::seq).toList());
        assertEquals(5, store.lastSeq("m1"));
        assertEquals(0, store.lastSeq("unknown"));
    }

    @Test
    @DisplayName("A writer whose last seq is stale or ahead of the log is refused and writes nothing")
    void staleWriterRefused() {
        append("m1", 0, 2);
        assertEquals(new AppendResult.SeqConflict(0, 2), append("m1", 0, 1));
        assertEquals(new AppendResult.SeqConflict(7, 2), append("m1", 7, 1));
        assertEquals(2, store.lastSeq("m1"));
    }

    @Test
    @DisplayName("A seq another node already wrote is refused: the store is the final arbiter")
    void seqWrittenElsewhereRefused() throws SQLException {
        try (Connection other = db.connection(); PreparedStatement insert = other.prepareStatement(
                "INSERT INTO meeting_events (meeting_id, seq, type, payload, recorded_at) VALUES ('m1', 1, 'X', '{}', ?)")) {
            insert.setObject(1, Sql.timestamp(T0));
            insert.executeUpdate();
        }
        assertEquals(new AppendResult.SeqConflict(0, 1), append("m1", 0, 1));
        assertThrows(SQLException.class, () -> {
            try (Connection other = db.connection(); PreparedStatement insert = other.prepareStatement(
                    "INSERT INTO meeting_events (meeting_id, seq, type, payload, recorded_at) VALUES ('m1', 1, 'Y', '{}', ?)")) {
                insert.setObject(1, Sql.timestamp(T0));
                insert.executeUpdate();
            }
        });
    }

    @Test
    @DisplayName("After another node extended the log, this writer's next append collides, is refused, and the one after it lands after the log")
    void logExtendedElsewhere() throws SQLException {
        assertEquals(new AppendResult.Appended(1, 1), append("m1", 0, 1));
        insertElsewhere("m1", 2);
        // this writer last committed seq 1, which the request expects: the primary key tells it otherwise
        assertEquals(new AppendResult.SeqConflict(1, 2), append("m1", 1, 1));
        insertElsewhere("m1", 3);
        // the meeting read the log again (up to 3): the writer must not hold on to what it knew
        assertEquals(new AppendResult.Appended(4, 4), append("m1", 3, 1));
        // the same with a receipt, through the batch path of PostgreSQL
        insertElsewhere("m1", 5);
        assertEquals(new AppendResult.SeqConflict(4, 5), await(store.append(AppendRequest.of("m1", 4, events(1, "X"))
                .withCommand("c-5", "{\"ok\":true}"))));
        assertEquals(new AppendResult.Appended(6, 6), await(store.append(AppendRequest.of("m1", 5, events(1, "X"))
                .withCommand("c-5", "{\"ok\":true}"))));
        assertGapless("m1", 6);
    }

    void insertElsewhere(String meeting, long seq) throws SQLException {
        try (Connection other = db.connection(); PreparedStatement insert = other.prepareStatement(
                "INSERT INTO meeting_events (meeting_id, seq, type, payload, recorded_at) VALUES (?, ?, 'X', '{}', ?)")) {
            insert.setString(1, meeting);
            insert.setLong(2, seq);
            insert.setObject(3, Sql.timestamp(T0));
            insert.executeUpdate();
        }
    }

    @Test
    @DisplayName("Two writers racing for the same seq: exactly one wins")
    void racingWriters() {
        for (int round = 0; round < 20; round++) {
            String meeting = "race-" + round;
            CompletableFuture<AppendResult> a = store.append(AppendRequest.of(meeting, 0, events(1, "A")));
            CompletableFuture<AppendResult> b = store.append(AppendRequest.of(meeting, 0, events(1, "B")));
            List<AppendResult> results = List.of(await(a), await(b));
            assertEquals(1, results.stream().filter(r -> r instanceof AppendResult.Appended).count());
            assertEquals(1, results.stream().filter(r -> r instanceof AppendResult.SeqConflict).count());
            assertEquals(1, store.lastSeq(meeting));
        }
    }

    @Test
    @DisplayName("Re-sending a command id writes nothing and returns the first response")
    void idempotentCommand() {
        AppendRequest vote = AppendRequest.of("m1", 0, events(1, "ItemOpened")).withCommand("cmd-1", "{\"ok\":1}");
        assertInstanceOf(AppendResult.Appended.class, await(store.append(vote)));
        assertEquals(new AppendResult.Duplicate("{\"ok\":1}"), await(store.append(vote)));
        AppendRequest later = AppendRequest.of("m1", 1, events(1, "ItemOpened")).withCommand("cmd-1", "{\"ok\":2}");
        assertEquals(new AppendResult.Duplicate("{\"ok\":1}"), await(store.append(later)));

        assertEquals(1, store.lastSeq("m1"));
        assertEquals(Optional.of("{\"ok\":1}"), store.processedResponse("m1", "cmd-1"));
        assertEquals(Optional.empty(), store.processedResponse("m2", "cmd-1"));
        AppendRequest elsewhere = AppendRequest.of("m2", 0, events(1, "ItemOpened")).withCommand("cmd-1", "{}");
        assertInstanceOf(AppendResult.Appended.class, await(store.append(elsewhere)));
    }

    @Test
    @DisplayName("Awkward text (backslashes, tabs, line breaks, quotes, Vietnamese) comes back exactly as written, also from a group commit")
    void awkwardTextRoundTrips() {
        String text = "{\"text\":\"Đồng chí Hùng:\\n\\t\\\"ý kiến\\\" \\\\ hết\",\"raw\":\"a\tb\\\\n\"}";
        String response = "{\"type\":\"ack\",\"note\":\"dòng 1\\r\\ndòng 2\"}";
        // each time in one group commit: alone, and with enough other rows for PostgreSQL's COPY
        for (int others : new int[] {0, LogStatements.COPY_ROWS}) {
            store.close();
            GatedThreadFactory gate = new GatedThreadFactory();
            store = new EventStore(db, EventStore.DEFAULT_MAX_BATCH, gate);
            String m = "m" + others;
            var first = store.append(AppendRequest.of(m, 0, List.of(new NewEvent("RemarkRecorded", text, T0)))
                    .withCommand("c-1\tx", response).withBallots(List.of(SecretBallot.cast("p\\1", "\"có\\tkhông\""))));
            var second = store.append(AppendRequest.of(m, 1, List.of(new NewEvent("RemarkRecorded", text + " ", T0)))
                    .withCommand("c-2", response));
            for (int k = 0; k < others; k++) store.append(AppendRequest.of("other" + others, k, events(1, "X")));
            gate.open();
            assertInstanceOf(AppendResult.Appended.class, await(first));
            assertInstanceOf(AppendResult.Appended.class, await(second));
            assertEquals(1, store.stats().batches());
            assertEquals(0, store.stats().retried(), "written at once (PostgreSQL: one statement, or COPY; H2: without savepoints)");
            var read = store.read(m, 0);
            assertEquals(List.of(text, text + " "), read.stream().map(StoredEvent::payloadJson).toList());
            assertEquals(T0, read.get(0).recordedAt());
            assertEquals(Optional.of(response), store.processedResponse(m, "c-1\tx"));
            assertEquals(Map.of("\"có\\tkhông\"", 1L), store.ballotTally(m, "p\\1"));
            assertGapless("other" + others, others);
        }
    }

    @Test
    @DisplayName("Ballots are written with their events and tallied without voters")
    void ballotsWithEvents() {
        for (String choice : List.of("\"yes\"", "\"yes\"", "\"no\"")) {
            AppendRequest vote = AppendRequest.of("m1", store.lastSeq("m1"), events(1, "VoterMarked"))
                    .withBallots(List.of(SecretBallot.cast("poll-1", choice)));
            assertInstanceOf(AppendResult.Appended.class, await(store.append(vote)));
        }
        assertEquals(Map.of("\"yes\"", 2L, "\"no\"", 1L), store.ballotTally("m1", "poll-1"));
        assertEquals(Map.of(), store.ballotTally("m1", "poll-2"));
    }

    @Test
    @DisplayName("A refused or failed append leaves no ballot and no event behind")
    void failedAppendWritesNoBallot() {
        SecretBallot first = SecretBallot.cast("poll-1", "\"yes\"");
        await(store.append(AppendRequest.of("m1", 0, events(1, "VoterMarked")).withBallots(List.of(first))));

        AppendRequest stale = AppendRequest.of("m1", 0, events(1, "VoterMarked"))
                .withBallots(List.of(SecretBallot.cast("poll-1", "\"no\"")));
        assertEquals(new AppendResult.SeqConflict(0, 1), await(store.append(stale)));

        AppendRequest clash = AppendRequest.of("m1", 1, events(1, "VoterMarked"))
                .withBallots(List.of(new SecretBallot("poll-1", first.ballotId(), "\"no\"")));
        CompletionException failure = assertThrows(CompletionException.class, () -> await(store.append(clash)));
        assertInstanceOf(EventStoreException.class, failure.getCause());

        assertEquals(Map.of("\"yes\"", 1L), store.ballotTally("m1", "poll-1"));
        assertEquals(1, store.lastSeq("m1"));
    }

    @Test
    @DisplayName("The log, the receipts and the ballots survive closing and reopening the database")
    void survivesRestart() {
        await(store.append(AppendRequest.of("m1", 0, events(3, "ItemOpened")).withCommand("c1", "{\"r\":1}")
                .withBallots(List.of(SecretBallot.cast("p", "\"yes\"")))));
        store.close();
        db.close();

        db = openDatabase();
        store = new EventStore(db);
        assertEquals(3, store.read("m1", 0).size());
        assertEquals(Optional.of("{\"r\":1}"), store.processedResponse("m1", "c1"));
        assertEquals(Map.of("\"yes\"", 1L), store.ballotTally("m1", "p"));
        assertEquals(new AppendResult.Appended(4, 4), append("m1", 3, 1));
        assertEquals(List.of("m1"), store.meetingIds());
    }

    @Test
    @DisplayName("Appends waiting together go into one commit, and each is readable elsewhere when it completes")
    void groupCommit() throws Exception {
        store.close();
        GatedThreadFactory gate = new GatedThreadFactory();
        store = new EventStore(db, EventStore.DEFAULT_MAX_BATCH, gate);
        List<String> invisibleAtCompletion = new CopyOnWriteArrayList<>();
        List<CompletableFuture<AppendResult>> futures = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(10);
        try {
            List<CompletableFuture<Void>> submitted = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                String meeting = "burst-" + t;
                submitted.add(CompletableFuture.runAsync(() -> {
                    for (long seq = 0; seq < 50; seq++) {
                        long mine = seq + 1;
                        CompletableFuture<AppendResult> f =
                                store.append(AppendRequest.of(meeting, seq, events(1, "VoteCounted")));
                        futures.add(f.whenComplete((r, e) -> {
                            if (!visibleFromFreshConnection(meeting, mine)) {
                                invisibleAtCompletion.add(meeting + "#" + mine);
                            }
                        }));
                    }
                }, clients));
            }
            CompletableFuture.allOf(submitted.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            clients.shutdown();
        }
        gate.open();
        for (CompletableFuture<AppendResult> f : futures) {
            assertInstanceOf(AppendResult.Appended.class, await(f));
        }
        assertEquals(List.of(), invisibleAtCompletion);
        assertEquals(new EventStore.Stats(1, 500, 500, 0), store.stats());
        for (int t = 0; t < 10; t++) {
            assertGapless("burst-" + t, 50);
        }
    }

    @Test
    @DisplayName("A burst of 1,500 appends from many threads costs far fewer commits")
    void burst() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(30);
        List<CompletableFuture<AppendResult>> futures = new CopyOnWriteArrayList<>();
        try {
            List<CompletableFuture<Void>> submitted = new ArrayList<>();
            for (int t = 0; t < 30; t++) {
                String meeting = "hall-" + t;
                submitted.add(CompletableFuture.runAsync(() -> LongStream.range(0, 50).forEach(seq ->
                        futures.add(store.append(AppendRequest.of(meeting, seq, events(1, "VoterMarked"))
                                .withBallots(List.of(SecretBallot.cast("p", "\"yes\""))))
                        )), clients));
            }
            CompletableFuture.allOf(submitted.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            clients.shutdown();
        }
        for (CompletableFuture<AppendResult> f : futures) {
            assertInstanceOf(AppendResult.Appended.class, await(f));
        }
        EventStore.Stats stats = store.stats();
        assertEquals(1_500, stats.appends());
        assertTrue(stats.batches() < 150, "1,500 appends took " + stats.batches() + " commits");
        for (int t = 0; t < 30; t++) {
            assertGapless("hall-" + t, 50);
            assertEquals(Map.of("\"yes\"", 50L), store.ballotTally("hall-" + t, "p"));
        }
    }

    @Test
    @DisplayName("Many meetings appended from many threads each keep a gapless log")
    void concurrentMeetings() throws Exception {
        ExecutorService owners = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int m = 0; m < 40; m++) {
                String meeting = String.format("cell-%02d", m);
                done.add(CompletableFuture.runAsync(() -> {
                    long last = 0;
                    for (int i = 0; i < 10; i++) {
                        AppendResult r = await(store.append(AppendRequest.of(meeting, last, events(1 + i % 3, "E"))
                                .withCommand("c" + i, "{}")));
                        last = ((AppendResult.Appended) r).lastSeq();
                    }
                }, owners));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            owners.shutdown();
        }
        assertEquals(40, store.meetingIds().size());
        for (String meeting : store.meetingIds()) {
            assertGapless(meeting, 19);
        }
    }

    @Test
    @DisplayName("One failing request in a batch does not fail the others")
    void failureIsolatedInBatch() {
        SecretBallot used = SecretBallot.cast("p", "\"yes\"");
        await(store.append(AppendRequest.of("m0", 0, events(1, "VoterMarked")).withBallots(List.of(used))));
        store.close();
        GatedThreadFactory gate = new GatedThreadFactory();
        store = new EventStore(db, EventStore.DEFAULT_MAX_BATCH, gate);

        CompletableFuture<AppendResult> a = store.append(AppendRequest.of("m1", 0, events(1, "A")));
        CompletableFuture<AppendResult> b = store.append(AppendRequest.of("m2", 5, events(1, "B")));
        CompletableFuture<AppendResult> c = store.append(AppendRequest.of("m3", 0, events(2, "C"))
                .withBallots(List.of(new SecretBallot("p", used.ballotId(), "\"no\""))));
        CompletableFuture<AppendResult> d = store.append(AppendRequest.of("m1", 1, events(1, "D")));
        gate.open();

        assertEquals(new AppendResult.Appended(1, 1), await(a));
        assertEquals(new AppendResult.SeqConflict(5, 0), await(b));
        assertThrows(CompletionException.class, () -> await(c));
        assertEquals(new AppendResult.Appended(2, 2), await(d));
        assertEquals(0, store.lastSeq("m3"));
        assertEquals(1, store.stats().batches());
        assertEquals(1, store.stats().retried(), "the batch at once failed, then request by request");
        assertGapless("m1", 2);
        assertEquals(List.of(), store.read("m3", 0));
    }

    @Test
    @DisplayName("After close, appends are refused instead of hanging")
    void closedStoreRefuses() {
        store.close();
        CompletionException e = assertThrows(CompletionException.class, () -> append("m1", 0, 1));
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    void assertGapless(String meeting, long expectedLast) {
        List<Long> seqs = store.read(meeting, 0).stream().map(StoredEvent::seq).toList();
        assertEquals(LongStream.rangeClosed(1, expectedLast).boxed().toList(), seqs, meeting);
    }

    boolean visibleFromFreshConnection(String meeting, long seq) {
        try (Connection c = db.connection(); PreparedStatement q = c.prepareStatement(
                "SELECT COUNT(*) FROM meeting_events WHERE meeting_id = ? AND seq = ?")) {
            q.setString(1, meeting);
            q.setLong(2, seq);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        } catch (SQLException e) {
            return false;
        }
    }
}
