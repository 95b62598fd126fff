package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingKind;
import vn.phonghop.agenda.roster.BodyKind;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.server.store.AppendRequest;
import vn.phonghop.server.store.AppendResult;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.EventStore;
import vn.phonghop.server.store.TestDatabases;

/**
 * Pipelined commands become visible in the order they were decided, however their commits are
 * seen to complete: a tablet never gets seq N+1 before N (it would drop N as already seen).
 */
class DurableOrderTest {
    private static final Instant T = Instant.parse("2026-11-20T01:00:00Z");
    private static final String BY = "account:test";

    @TempDir
    Path dir;
    private Vertx vertx;
    private Database db;

    @AfterEach
    void stop() throws Exception {
        if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        if (db != null) db.close();
    }

    /**
     * Holds the completion of one chosen append back, and hands the next one back already committed
     * (as a fast group commit does): that one is seen complete before the one decided before it.
     */
    static final class SwappingStore extends EventStore {
        private volatile boolean armed;
        private volatile CompletableFuture<Void> held;

        SwappingStore(Database db) {
            super(db);
        }

        void swapNextTwo() {
            armed = true;
        }

        @Override
        public CompletableFuture<AppendResult> append(AppendRequest request) {
            var committed = super.append(request);
            if (armed) {
                armed = false;
                var late = new CompletableFuture<Void>();
                held = late;
                return committed.thenCompose(r -> late.thenApply(x -> r));
            }
            var first = held;
            if (first == null) return committed;
            held = null;
            // the earlier one completes in a later task of the caller's context, after this one was seen
            var done = CompletableFuture.completedFuture(committed.join());
            io.vertx.core.Vertx.currentContext().runOnContext(v -> first.complete(null));
            return done;
        }
    }

    @Test
    @DisplayName("Two pipelined commands whose commits are seen in reverse order are shown and acknowledged in decided order")
    void completions_out_of_order() throws Exception {
        vertx = Vertx.vertx();
        db = TestDatabases.h2(dir);
        var store = new SwappingStore(db);
        var published = new ArrayList<Long>();
        var meetings = new Meetings(store, List.of(vertx.getOrCreateContext()), batch -> {
            synchronized (published) {
                batch.forEach(m -> published.add(m.seq()));
                published.notifyAll();
            }
        }, nanos -> { }, (id, events) -> { });
        var rt = setUpMeeting(meetings);

        store.swapNextTwo();
        var first = rt.command("check-in-a", new CheckIn("a", "a", T));
        var second = rt.command("check-in-b", new CheckIn("b", "a", T));
        long firstSeq = ack(first).seq();
        long secondSeq = ack(second).seq();

        assertEquals(firstSeq + 1, secondSeq);
        var expected = new ArrayList<Long>();
        for (long s = 1; s <= secondSeq; s++) expected.add(s);
        synchronized (published) {
            // acknowledged first, published at once or on the meeting's next fan-out tick
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!published.contains(secondSeq) && System.nanoTime() < deadline) published.wait(1_000);
            assertEquals(expected, List.copyOf(published), "every seq published once, in order");
        }
    }

    @Test
    @DisplayName("Commands that became durable together reach the other nodes as one message, in seq order")
    void one_replication_message_per_batch() throws Exception {
        vertx = Vertx.vertx();
        db = TestDatabases.h2(dir);
        var store = new SwappingStore(db);
        // what the other nodes would hear: (seq before, events) per message
        var sent = new ArrayList<String>();
        var meetings = new Meetings(store, List.of(vertx.getOrCreateContext()), batch -> { }, nanos -> { }, (id, events) -> { });
        meetings.routing(new Routing() {
            @Override
            public boolean local(String meetingId) {
                return true;
            }

            @Override
            public CompletableFuture<Reply> forward(String meetingId, String commandId, MeetingCommand command) {
                throw new AssertionError("this node decides");
            }

            @Override
            public void replicate(String meetingId, long firstSeqBefore, List<vn.phonghop.agenda.meeting.MeetingEvent> events) {
                synchronized (sent) {
                    sent.add(firstSeqBefore + ":" + events.stream().map(e -> e.getClass().getSimpleName()).toList());
                    sent.notifyAll();
                }
            }

            @Override
            public void attach(MeetingRuntime runtime) {
            }
        });
        var rt = setUpMeeting(meetings);

        // the second commit is seen first and waits for the first: both become durable in one go
        store.swapNextTwo();
        var first = rt.command("check-in-a", new CheckIn("a", "a", T));
        var second = rt.command("check-in-b", new CheckIn("b", "a", T));
        long firstSeq = ack(first).seq();
        ack(second);
        // a later command: its message comes after theirs (one context, in order), so once it is
        // there everything the check-ins sent is too
        long laterSeq = ack(rt.command("check-out-b", new CheckOut("b", "a", T))).seq();
        synchronized (sent) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sent.stream().noneMatch(m -> m.contains("CheckedOut")) && System.nanoTime() < deadline) sent.wait(1_000);
            assertEquals(List.of((firstSeq - 1) + ":[CheckedIn, CheckedIn]", (laterSeq - 1) + ":[CheckedOut]"),
                    sent.stream().filter(m -> m.contains("Checked")).toList(),
                    "one message with both check-ins, starting right after the seq the other nodes have");
        }
    }

    /** The meeting of these tests, scheduled, with two members, published. */
    private static MeetingRuntime setUpMeeting(Meetings meetings) throws Exception {
        var rt = meetings.create("mt-order").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        int i = 0;
        for (MeetingCommand c : setUp()) ack(rt.command("set-up-" + i++, c));
        return rt;
    }

    private static Reply.Ack ack(CompletableFuture<Reply> reply) throws Exception {
        Reply r = reply.get(10, TimeUnit.SECONDS);
        return assertInstanceOf(Reply.Ack.class, r, r::toString);
    }

    private static List<MeetingCommand> setUp() {
        var org = new Organisation("cb", "Chi bộ Văn phòng", BodyKind.CELL, "Đảng bộ cơ quan", "CB");
        return List.of(
                new ScheduleMeeting("mt-order", org, MeetingKind.REGULAR_CELL_MEETING, "Sinh hoạt chi bộ", "Hội trường",
                        "Hà Nội", "Asia/Ho_Chi_Minh", T, null, BY, T.minusSeconds(86_400 * 3)),
                new RegisterMembers(List.of(new Member("a", "Nguyễn Văn An", Membership.OFFICIAL, Standing.ACTIVE),
                        new Member("b", "Lê Thị Bình", Membership.OFFICIAL, Standing.ACTIVE)), BY, T.minusSeconds(86_400 * 3)),
                new AssignRole("a", MeetingRole.CHAIR, BY, T.minusSeconds(86_400 * 3)),
                new AddAgendaItem("i1", null, "Kiểm điểm công tác tháng", 30, BY, T.minusSeconds(86_400 * 3)),
                new PublishMeeting(BY, T.minusSeconds(86_400 * 3)));
    }
}
