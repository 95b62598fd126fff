package vn.phonghop.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

/**
 * The durable, event-sourced log of meetings: gapless seqs per meeting, idempotent commands, and
 * the unordered ballot box, appended through one group-commit writer thread.
 *
 * <p><b>The store is the final arbiter.</b> {@code (meeting_id, seq)} is the primary key, so two
 * writers that both believe they own a meeting (a split brain) cannot both append seq N: the
 * second gets {@link AppendResult.SeqConflict}. Appending also requires the log to end exactly at
 * the writer's {@code expectedLastSeq}, so a stale writer can neither overwrite nor leave a gap.
 *
 * <p><b>Secret ballots</b> (DESIGN.md): the log records only that a member has voted
 * ({@code VoterMarked}); the choice goes into {@code ballot_box}, which has no member id, no time
 * and no sequence column, and whose only key is a random id, so neither a column nor the key
 * order (nor, on H2, a hidden row id) lines a choice up with a voter's {@code VoterMarked}
 * event. Both are written in the same transaction, so an acknowledged vote is never lost and a
 * refused one leaves no ballot. Within a PostgreSQL group commit the ballots are written in the
 * order of their random ids, so the table's physical order does not follow the votes'. The residue
 * that remains: someone with the database's internals (PostgreSQL's physical order across commits
 * and its WAL, transaction ids, H2's file chunks and the records of its {@link Journal}) could
 * still correlate a ballot with the commit of its {@code VoterMarked} event; group commit blurs but
 * does not remove that (a commit of one vote, as when a quiet poll's votes come one by one, hides
 * nothing). Never log a ballot's choice together with anything about its voter.
 *
 * <p>Appends return {@link CompletableFuture}s completed on the writer thread after the commit;
 * callers continue on their own threads (for Vert.x, {@code Future.fromCompletionStage(f, context)}).
 * The read methods block on JDBC: call them from a worker thread. Callers must not rely on the
 * order in which the futures of different appends are seen to complete (the class is open so that
 * a test can deliver them out of order).
 */
public class EventStore implements AutoCloseable {

    /**
     * Counters for metrics: commits (batches), append requests and events written since start, and
     * the batches written again request by request, each under a savepoint, after the whole batch at
     * once failed (a conflict or a repeat in it).
     */
    public record Stats(long batches, long appends, long events, long retried) {
    }

    /** The most appends one transaction takes; more waiting simply go into the next one. */
    public static final int DEFAULT_MAX_BATCH = 2_000;

    private final Database database;
    private final Journal journal;
    private final GroupCommitWriter writer;

    /** Starts the store's writer thread on the given database. */
    public EventStore(Database database) {
        this(database, DEFAULT_MAX_BATCH, runnable -> {
            Thread t = new Thread(runnable, "event-store-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the store with an explicit batch bound and the factory that makes its writer thread. */
    public EventStore(Database database, int maxBatch, ThreadFactory writerThread) {
        this(database, maxBatch, writerThread, Journal.CHECKPOINT_BYTES);
    }

    /** The same, with the journal started again (H2 forced) past {@code journalCheckpointBytes} (tests). */
    EventStore(Database database, int maxBatch, ThreadFactory writerThread, long journalCheckpointBytes) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.database = database;
        // on embedded H2, what the journal holds is written into the database before the writer starts
        this.journal = database.journalPath()
                .map(path -> Journal.open(path, database, journalCheckpointBytes, Journal.CHECKPOINT_NANOS))
                .orElse(null);
        this.writer = new GroupCommitWriter(database, journal, maxBatch, writerThread);
    }

    /** The store's journal, null without one (tests). */
    Journal journal() {
        return journal;
    }

    /** How many times the journal started again since the store opened (its opening counts); 0 without one. */
    long journalCheckpoints() {
        return journal == null ? 0 : journal.checkpoints();
    }

    /**
     * Appends one command's events, ballots and command receipt atomically. The future completes
     * with the typed result once it is committed, or exceptionally with an
     * {@link EventStoreException} when the database failed.
     */
    public CompletableFuture<AppendResult> append(AppendRequest request) {
        return writer.submit(request);
    }

    /** The meeting's events with seq greater than {@code afterSeq}, in seq order. */
    public List<StoredEvent> read(String meetingId, long afterSeq) {
        String sql = "SELECT seq, type, payload, recorded_at FROM meeting_events"
                + " WHERE meeting_id = ? AND seq > ? ORDER BY seq";
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, meetingId);
            q.setLong(2, afterSeq);
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    events.add(new StoredEvent(meetingId, rs.getLong("seq"), rs.getString("type"),
                            rs.getString("payload"), Sql.instant(rs, "recorded_at")));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new EventStoreException("could not read meeting " + meetingId, e);
        }
    }

    /** The meeting's last seq, 0 when it has no events. */
    public long lastSeq(String meetingId) {
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(LogStatements.LAST_SEQ)) {
            return LogStatements.lastSeq(q, meetingId);
        } catch (SQLException e) {
            throw new EventStoreException("could not read meeting " + meetingId, e);
        }
    }

    /** Every meeting that has at least one event, sorted. */
    public List<String> meetingIds() {
        try (Connection c = database.connection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT DISTINCT meeting_id FROM meeting_events ORDER BY meeting_id");
                ResultSet rs = q.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new EventStoreException("could not list meetings", e);
        }
    }

    /** The response remembered for a processed command, if that command id was seen in the meeting. */
    public Optional<String> processedResponse(String meetingId, String commandId) {
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(LogStatements.PROCESSED)) {
            return LogStatements.processedResponse(q, meetingId, commandId);
        } catch (SQLException e) {
            throw new EventStoreException("could not read meeting " + meetingId, e);
        }
    }

    /**
     * Every command id processed in the meeting with the response given for it, so that a writer
     * rebuilding the meeting answers a repeated command as it was answered before.
     */
    public Map<String, String> processedResponses(String meetingId) {
        String sql = "SELECT command_id, response FROM processed_commands WHERE meeting_id = ?";
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, meetingId);
            Map<String, String> out = new java.util.HashMap<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new EventStoreException("could not read meeting " + meetingId, e);
        }
    }

    /** The count of each choice in a poll's ballot box (choice JSON → count), sorted by choice. */
    public Map<String, Long> ballotTally(String meetingId, String pollId) {
        String sql = "SELECT choice, COUNT(*) FROM ballot_box WHERE meeting_id = ? AND poll_id = ? GROUP BY choice";
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, meetingId);
            q.setString(2, pollId);
            Map<String, Long> tally = new TreeMap<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    tally.put(rs.getString(1), rs.getLong(2));
                }
            }
            return tally;
        } catch (SQLException e) {
            throw new EventStoreException("could not count the ballots of meeting " + meetingId, e);
        }
    }

    /** Commit and append counters since the store started. */
    public Stats stats() {
        return writer.stats();
    }

    /** Commits every append submitted before this call, fails any submitted after, and stops the writer. */
    @Override
    public void close() {
        writer.close();
    }
}
