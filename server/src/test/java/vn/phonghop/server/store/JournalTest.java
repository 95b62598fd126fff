package vn.phonghop.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 store's journal: what it holds is written into H2 when the store opens, as H2
 * would have lost it in a crash before its own file was forced.
 */
class JournalTest {

    @TempDir
    Path dir;

    private Database db;
    private Path path;

    @BeforeEach
    void open() {
        db = TestDatabases.h2(dir);
        path = db.journalPath().orElseThrow();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    @DisplayName("The embedded database's journal lives beside its file; PostgreSQL and an H2 in memory have none")
    void whereItLives() {
        assertEquals(dir.resolve("phonghop.journal"), path);
        try (Journal journal = Journal.open(path, db)) {
            assertEquals(dir.resolve("phonghop.journal.0"), journal.activePath());
            assertTrue(Files.exists(dir.resolve("phonghop.journal.1")));
        }
        try (Database memory = Database.open("jdbc:h2:mem:journal-test", "", "")) {
            assertEquals(Optional.empty(), memory.journalPath());
        }
    }

    @Test
    @DisplayName("Records H2 never got (it was not forced before the crash) are written into it when the store opens")
    void replaysWhatH2Lost() throws IOException {
        SecretBallot ballot = SecretBallot.cast("p1", "\"Tán thành\"");
        try (Journal journal = Journal.open(path, db)) {
            // the rows go into the journal alone, as if H2 had committed them and lost them
            journal.append(List.of(entry("m1", 0, "MeetingStarted", "cmd-1"),
                    AppendRequest.of("m2", 0, List.of(event("VoterMarked")))
                            .withBallots(List.of(ballot)).withCommand("cmd-2", "{\"ok\":true}")));
            journal.append(List.of(entry("m1", 1, "ItemStarted", "cmd-3")));
        }
        try (EventStore store = new EventStore(db)) {
            assertEquals(List.of("MeetingStarted", "ItemStarted"),
                    store.read("m1", 0).stream().map(StoredEvent::type).toList());
            assertEquals(List.of("Hội nghị \"ItemStarted\""),
                    store.read("m1", 1).stream().map(e -> payloadText(e.payloadJson())).toList());
            assertEquals(Optional.of("{\"ok\":true}"), store.processedResponse("m2", "cmd-2"));
            assertEquals(Map.of("\"Tán thành\"", 1L), store.ballotTally("m2", "p1"));
            // the log goes on from the replayed seq
            assertInstanceOf(AppendResult.Appended.class,
                    store.append(AppendRequest.of("m1", 2, List.of(event("ItemEnded")))).join());
        }
        try (EventStore store = new EventStore(db)) {
            assertEquals(3, store.lastSeq("m1"));
        }
    }

    @Test
    @DisplayName("What the store acknowledged is written into H2 again without a second copy of anything")
    void replayIsIdempotent() throws IOException {
        try (EventStore store = new EventStore(db)) {
            for (int seq = 0; seq < 5; seq++) {
                store.append(AppendRequest.of("m1", seq, List.of(event("Tick"))).withCommand("c" + seq, "{}")).join();
            }
        }
        try (Journal journal = Journal.open(path, db)) {
            // the same rows again, as a journal not yet started again after a crash would hold them
            for (int seq = 0; seq < 5; seq++) {
                journal.append(List.of(entry("m1", seq, "Tick", "c" + seq)));
            }
        }
        try (EventStore store = new EventStore(db)) {
            assertEquals(5, store.read("m1", 0).size());
            assertEquals(5, store.processedResponses("m1").size());
        }
    }

    @Test
    @DisplayName("A torn or corrupt record ends the journal: the records before it are written, none after it")
    void tornAndCorruptRecords() throws IOException {
        long[] ends = new long[4];
        try (Journal journal = Journal.open(path, db)) {
            for (int seq = 0; seq < 4; seq++) {
                journal.append(List.of(entry("m1", seq, "E" + (seq + 1), "c" + seq)));
                ends[seq] = 16 + journal.recordBytes();
            }
        }
        // the last record torn: its second half never reached the disk
        try (FileChannel file = FileChannel.open(dir.resolve("phonghop.journal.0"), StandardOpenOption.WRITE)) {
            file.truncate(ends[2] + (ends[3] - ends[2]) / 2);
            // and one byte of the third record's body changed
            file.write(ByteBuffer.wrap(new byte[] {'#'}), ends[1] + 30);
        }
        try (EventStore store = new EventStore(db)) {
            assertEquals(List.of("E1", "E2"), store.read("m1", 0).stream().map(StoredEvent::type).toList());
        }
    }

    @Test
    @DisplayName("The journal's file is as long as a generation from the start, so a record overwrites blocks it has")
    void allocatedOnce() throws IOException {
        try (Journal journal = Journal.open(path, db, 64 << 10, Long.MAX_VALUE)) {
            Path file = journal.activePath();
            long size = Files.size(file);
            assertTrue(size >= 16 + (64 << 10), "allocated: " + size);
            // until the file holds a generation's records and the next go into the other
            for (int seq = 0; journal.activePath().equals(file); seq++) {
                assertTrue(seq < 100_000, "never handed over to the other file");
                journal.append(List.of(entry("m1", seq, "Tick", "c" + seq)));
            }
            assertEquals(size, Files.size(file), "the records went into the allocated blocks");
        }
    }

    @Test
    @DisplayName("Once started again, the journal's older records are not read, though their bytes are still in the file")
    void olderGenerationsAreNotRead() throws IOException {
        Path file;
        try (Journal journal = Journal.open(path, db)) {
            file = journal.activePath();
            journal.append(List.of(entry("old", 0, "Long ago, with a longer payload than the next", "c0")));
            journal.append(List.of(entry("old", 1, "Long ago, with a longer payload than the next", "c1")));
            // a clean stop: H2 forced (these rows never reached it: they were journaled alone), both files started again
            journal.stop();
        }
        try (Journal journal = Journal.open(path, db)) {
            journal.append(List.of(entry("new", 0, "Now", "c2")));
        }
        assertTrue(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8).contains("Long ago"),
                "the older records' bytes are still there");
        try (EventStore store = new EventStore(db)) {
            assertEquals(1, store.lastSeq("new"));
            assertEquals(0, store.lastSeq("old"));
        }
    }

    @Test
    @DisplayName("The store starts its journal again when it is due, and everything it acknowledged is there after a reopen")
    void startsAgainWhenDue() throws IOException {
        try (Journal journal = Journal.open(path, db, 4_000, Long.MAX_VALUE)) {
            assertEquals(1, journal.checkpoints(), "started when it opened");
            Path first = journal.activePath();
            // the record that passes the bound is the first file's last: the next go into the other,
            // while the first is checkpointed on the journal's thread
            int appended = 0;
            long bytes = 0;
            while (journal.activePath().equals(first)) {
                assertTrue(appended < 100_000, "never handed over to the other file");
                bytes = journal.recordBytes();
                journal.append(List.of(entry("direct", appended, "Tick", "c" + appended)));
                appended++;
            }
            assertTrue(bytes < 4_000 && appended > 1, appended + " records, " + bytes + " bytes before the last");
            assertEquals(0, journal.recordBytes(), "the other file takes the next records");
            // (these rows were journaled alone, never committed in H2 as the writer's are: not looked at again)
        }
        long seq = 0;
        try (EventStore store = new EventStore(db, EventStore.DEFAULT_MAX_BATCH, Thread::new, 2_000)) {
            // appends go on while the files hand over and H2 is forced in the background, until it was three times
            for (int i = 0; store.journalCheckpoints() < 4; i++, seq++) {
                assertTrue(i < 100_000, "the journal was never checkpointed");
                store.append(AppendRequest.of("m1", seq, List.of(event("Tick"))).withCommand("d" + i, "{}")).join();
            }
        }
        try (EventStore store = new EventStore(db)) {
            assertTrue(seq > 10, seq + " appends");
            assertEquals(seq, store.lastSeq("m1"));
            assertEquals(seq, store.read("m1", 0).size());
            assertEquals(seq, store.processedResponses("m1").size());
        }
    }

    @Test
    @DisplayName("When the journal cannot be written, the batch is made durable by forcing H2 instead, and acknowledged")
    void journalFailureForcesH2() {
        try (EventStore store = new EventStore(db)) {
            store.append(AppendRequest.of("m1", 0, List.of(event("Before")))).join();
            // the journal's files fail from here on (closed under the writer), as a failing disk would
            store.journal().close();
            for (int seq = 1; seq <= 3; seq++) {
                assertInstanceOf(AppendResult.Appended.class,
                        store.append(AppendRequest.of("m1", seq, List.of(event("After")))).join());
            }
        }
        // no journal record for the last three: they are in H2's forced file
        try (EventStore store = new EventStore(db)) {
            assertEquals(List.of("Before", "After", "After", "After"),
                    store.read("m1", 0).stream().map(StoredEvent::type).toList());
        }
    }

    @Test
    @DisplayName("A second store on the same database is refused, rather than interleaving its records")
    void oneStorePerDatabase() {
        try (EventStore first = new EventStore(db)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new EventStore(db));
            assertTrue(refused.getMessage().contains("in use by another store"), refused.getMessage());
            first.append(AppendRequest.of("m1", 0, List.of(event("Tick")))).join();
        }
        try (EventStore again = new EventStore(db)) {
            assertEquals(1, again.lastSeq("m1"));
        }
    }

    private static NewEvent event(String type) {
        return new NewEvent(type, "{\"text\":\"Hội nghị \\\"" + type + "\\\"\"}", Instant.parse("2026-11-24T08:00:00.123456789Z"));
    }

    private static AppendRequest entry(String meetingId, long lastSeq, String type, String commandId) {
        return AppendRequest.of(meetingId, lastSeq, List.of(event(type)))
                .withCommand(commandId, "{\"seq\":" + (lastSeq + 1) + "}");
    }

    private static String payloadText(String payload) {
        return payload.substring("{\"text\":\"".length(), payload.length() - 2).replace("\\\"", "\"");
    }
}
