package vn.phonghop.server.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.agenda.roster.BodyKind;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.server.store.Database;

/** Gapless numbering per body, kind and term, under concurrent filers (Guidance 36-HD/VPTW: restart at 01 each term). */
class DocumentNumbersTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("A committee term is five years from a year divisible by five")
    void term_of_a_date() {
        assertEquals("2025-2030", DocumentNumbers.term(LocalDate.of(2025, 1, 1)));
        assertEquals("2025-2030", DocumentNumbers.term(LocalDate.of(2029, 12, 31)));
        assertEquals("2030-2035", DocumentNumbers.term(LocalDate.of(2030, 1, 1)));
    }

    @Test
    @DisplayName("Two threads taking 200 numbers between them get 1..200, each exactly once; a new term starts at 1")
    void two_threads_take_gapless_numbers() throws Exception {
        try (var db = Database.open("jdbc:h2:file:" + dir.resolve("numbers") + ";DB_CLOSE_ON_EXIT=FALSE", "", "")) {
            new Organisations(db).register(new Organisation("cb", "Chi bộ", BodyKind.CELL, "", "CB"), null);
            var taken = new ConcurrentLinkedQueue<Integer>();
            var go = new CountDownLatch(1);
            var threads = new ArrayList<Thread>();
            var failures = new ConcurrentLinkedQueue<Throwable>();
            for (int t = 0; t < 2; t++) {
                var thread = new Thread(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < 100; i++) taken.add(take(db, "2025-2030"));
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            go.countDown();
            for (var t : threads) t.join();
            assertEquals(List.of(), List.copyOf(failures));
            var sorted = taken.stream().sorted().toList();
            var expected = new ArrayList<Integer>();
            for (int i = 1; i <= 200; i++) expected.add(i);
            assertEquals(expected, sorted);
            assertEquals(1, take(db, "2030-2035"), "numbering restarts in a new term");
        }
    }

    /** A filer's loop: read the last number, then claim the next in a transaction; retry when beaten to it. */
    private static int take(Database db, String term) throws SQLException {
        while (true) {
            int next;
            try (Connection c = db.connection()) {
                next = DocumentNumbers.last(c, "cb", DocumentNumbers.MINUTES, term) + 1;
            }
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                if (DocumentNumbers.claim(c, "cb", DocumentNumbers.MINUTES, term, next)) {
                    c.commit();
                    return next;
                }
                c.rollback();
            }
        }
    }
}
