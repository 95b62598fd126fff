package vn.phonghop.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The event store's single writer thread: it drains every append that is waiting into one
 * transaction (group commit), so that a burst of votes costs a handful of commits.
 *
 * <p>On PostgreSQL a batch is first written in one statement, or a COPY per table, for all its requests together;
 * on H2 request after request in one transaction. If that fails (or, on PostgreSQL, a command id
 * appears twice), it is rolled back and written again request by request, each
 * under its own savepoint: a request that fails is rolled back alone and the others in the batch
 * still commit. Futures complete only after the commit returned.
 */
final class GroupCommitWriter {

    private record Pending(AppendRequest request, CompletableFuture<AppendResult> future) {
    }

    private static final Pending STOP = new Pending(null, null);
    private static final Logger LOG = Logger.getLogger(GroupCommitWriter.class.getName());

    private final Database database;
    /** The embedded H2 store's write-ahead journal (see {@link Journal}); null on PostgreSQL. */
    private final Journal journal;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong appends = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    /** Batches written a second time, request by request under savepoints, after the first try failed. */
    private final AtomicLong retried = new AtomicLong();
    private volatile boolean closed;
    /**
     * The writer's own connection with its statements prepared, kept from one batch to the next:
     * preparing them for every batch was half of the writer's CPU when 900 meetings each committed
     * about once a second (H2 parsed the SQL again each time). Null until needed; dropped after any
     * failure, and checked before use when it has been idle, as the pool would check it.
     */
    private LogStatements statements;
    private long lastUsed;
    /** A batch committed in H2 went into no journal and H2 was not forced since (see {@link #makeDurable}). */
    private boolean h2Behind;
    private static final long IDLE_CHECK_NANOS = 1_000_000_000L;

    GroupCommitWriter(Database database, Journal journal, int maxBatch, ThreadFactory threads) {
        this.database = database;
        this.journal = journal;
        this.maxBatch = maxBatch;
        this.thread = threads.newThread(this::run);
        thread.start();
    }

    CompletableFuture<AppendResult> submit(AppendRequest request) {
        Pending pending = new Pending(request, new CompletableFuture<>());
        queue.add(pending);
        // close() drains the queue after stopping the thread; an append racing with it fails here.
        if (closed && queue.remove(pending)) {
            pending.future().completeExceptionally(new IllegalStateException("the event store is closed"));
        }
        return pending.future();
    }

    EventStore.Stats stats() {
        return new EventStore.Stats(batches.get(), appends.get(), events.get(), retried.get());
    }

    void close() {
        closed = true;
        queue.add(STOP);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (journal != null) {
            // a clean stop leaves nothing to read again: H2 forced, the journal started again
            journal.stop();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.stream().filter(p -> p != STOP)
                .forEach(p -> p.future().completeExceptionally(new IllegalStateException("the event store is closed")));
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        boolean stopping = false;
        try {
            while (!stopping) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    return;
                }
                queue.drainTo(batch, maxBatch - 1);
                stopping = batch.remove(STOP);
                if (!batch.isEmpty()) {
                    write(batch);
                }
                batch.clear();
            }
        } finally {
            dropConnection();
        }
    }

    /** The writer's statements, on its connection opened when there is none. */
    private LogStatements statements() throws SQLException {
        if (statements != null && System.nanoTime() - lastUsed > IDLE_CHECK_NANOS && !statements.connection().isValid(5)) {
            dropConnection();
        }
        if (statements == null) {
            Connection c = database.connection();
            try {
                // PostgreSQL: autocommit for the one-statement batch (see write); H2: a transaction per batch
                c.setAutoCommit(database.dialect() == Dialect.POSTGRESQL);
                statements = new LogStatements(c, database.dialect());
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
        lastUsed = System.nanoTime();
        statements.begin();
        return statements;
    }

    private void dropConnection() {
        if (statements == null) return;
        try {
            statements.connection().close();
        } catch (SQLException e) {
            // it is being dropped because it failed: nothing more to do with it
        }
        statements = null;
    }

    private void write(List<Pending> batch) {
        List<Object> outcomes = new ArrayList<>(batch.size());
        try {
            LogStatements sql = statements();
            Connection c = sql.connection();
            try {
                // PostgreSQL pays a round trip per statement, so it takes the whole batch at once (one
                // statement committed by itself, or COPYs in a transaction); embedded H2 has no round trips
                // and measured faster request by request (StoreBenchmark: 24,700 against 8,500 votes/s),
                // so it writes the requests one after another, without a savepoint each (see writeUnguarded)
                boolean pg = database.dialect() == Dialect.POSTGRESQL;
                List<AppendResult> all = pg ? sql.writeAll(batch.stream().map(Pending::request).toList())
                        : writeUnguarded(sql, batch);
                if (all != null) {
                    if (!c.getAutoCommit()) {
                        // H2, or COPY: the rows wait for this commit; PostgreSQL's one statement committed itself
                        c.commit();
                        if (pg) c.setAutoCommit(true);
                    }
                    outcomes.addAll(all);
                    if (!pg) makeDurable(sql, batch, outcomes);
                } else {
                    retried.incrementAndGet();
                    // request by request in one transaction, each under its savepoint (what the first try wrote, if anything, is undone first)
                    if (c.getAutoCommit()) {
                        c.setAutoCommit(false);
                    } else {
                        c.rollback();
                    }
                    sql.begin();
                    for (Pending p : batch) {
                        outcomes.add(writeOne(c, sql, p.request()));
                    }
                    c.commit();
                    makeDurable(sql, batch, outcomes);
                    if (pg) c.setAutoCommit(true);
                }
                sql.committed();
            } catch (SQLException | RuntimeException e) {
                if (!c.getAutoCommit()) c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            dropConnection();
            EventStoreException failure = new EventStoreException("the batch could not be committed", e);
            batch.forEach(p -> p.future().completeExceptionally(failure));
            return;
        }
        batches.incrementAndGet();
        appends.addAndGet(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Object outcome = outcomes.get(i);
            if (outcome instanceof AppendResult.Appended a) {
                events.addAndGet(a.count());
            }
            if (outcome instanceof AppendResult r) {
                batch.get(i).future().complete(r);
            } else {
                batch.get(i).future().completeExceptionally((Throwable) outcome);
            }
        }
    }

    /**
     * Makes the committed batch durable before anything is acknowledged (PostgreSQL's commit already
     * was): on an embedded H2 file the appended rows go into its journal, forced to disk (H2 is
     * forced in the journal's own time, see {@link Journal}); an H2 without one is forced now.
     */
    private void makeDurable(LogStatements sql, List<Pending> batch, List<Object> outcomes) throws SQLException {
        if (journal == null || h2Behind) {
            // no journal, or a batch it could not take: forcing H2 makes this batch and that one durable
            sql.makeDurable();
            h2Behind = false;
            return;
        }
        List<AppendRequest> appended = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i) instanceof AppendResult.Appended) {
                appended.add(batch.get(i).request());
            }
        }
        try {
            journal.append(appended);
        } catch (java.io.IOException | RuntimeException e) {
            // Committed in H2 but in no journal: until H2 is forced, no later batch may be journaled
            // (after a crash its rows would be read back after a gap). Forced now, this one is durable.
            h2Behind = true;
            LOG.log(Level.WARNING, "the event journal " + journal.activePath() + " could not be written; H2 forced instead", e);
            sql.makeDurable();
            h2Behind = false;
        }
    }

    /**
     * H2: the batch's requests one after another in its transaction, without a savepoint each (H2's
     * JDBC driver runs a {@code SAVEPOINT} statement for every one, ~7 % of what the writer allocated
     * per append in the evening's pattern, where nearly every batch is one request). Returns each
     * request's result, or null when a statement failed (a command id already stored, a seq another
     * writer took, a ballot id in use): the caller then rolls back and writes the batch again request
     * by request under savepoints ({@link #writeOne}), which isolates the failure.
     */
    private static List<AppendResult> writeUnguarded(LogStatements sql, List<Pending> batch) {
        List<AppendResult> results = new ArrayList<>(batch.size());
        try {
            for (Pending p : batch) {
                AppendResult refusal = sql.refusal(p.request(), false);
                results.add(refusal != null ? refusal : sql.write(p.request()));
            }
            return results;
        } catch (SQLException e) {
            return null;
        }
    }

    /** An {@link AppendResult} or, for this request alone, the exception that failed it. */
    private Object writeOne(Connection c, LogStatements sql, AppendRequest request) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            AppendResult result = sql.refusal(request, false);
            if (result == null) {
                result = sql.write(request);
            }
            c.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            // If even the rollback to the savepoint fails, the connection is gone: the whole batch fails.
            c.rollback(savepoint);
            sql.forget(request.meetingId());
            if (Sql.isUniqueViolation(e)) {
                // Another node wrote this seq or this command id since our check: report it as such.
                AppendResult refusal = sql.refusal(request, true);
                if (refusal != null) {
                    return refusal;
                }
            }
            return new EventStoreException("append to meeting " + request.meetingId() + " failed", e);
        }
    }
}
