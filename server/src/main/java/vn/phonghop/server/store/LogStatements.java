package vn.phonghop.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of one append, prepared once on the writer's connection and used for every group-commit
 * batch after it ({@link #begin} before each).
 */
final class LogStatements {

    /**
     * The meeting's last seq, read backwards along the primary key: one row. ({@code MAX(seq) … WHERE
     * meeting_id = ?} made H2 scan every event of the meeting at every group commit: after a
     * congress's check-ins and a few polls, 20,000 rows per commit on the writer's thread.)
     */
    static final String LAST_SEQ =
            "SELECT seq FROM meeting_events WHERE meeting_id = ? ORDER BY meeting_id DESC, seq DESC LIMIT 1";
    static final String PROCESSED =
            "SELECT response FROM processed_commands WHERE meeting_id = ? AND command_id = ?";

    private final PreparedStatement lastSeq;
    private final PreparedStatement processed;
    private final PreparedStatement insertEvent;
    private final PreparedStatement insertBallot;
    private final PreparedStatement insertCommand;
    /** PostgreSQL only: a whole batch in one statement ({@link #writeAll}); null on H2. */
    private final PreparedStatement insertAll;
    /**
     * The last seq of each meeting as this batch's transaction sees it: read once per batch, then advanced by
     * this batch's own writes. (Reading MAX(seq) for every append made a 1,500-vote poll quadratic.)
     * Another node's concurrent write still cannot slip in: it collides on the primary key.
     */
    private final Map<String, Long> lastSeqs = new HashMap<>();
    /**
     * The last seq of each meeting as of this writer's last commit: a hint that spares the query when
     * a request expects exactly it (in the evening, 900 meetings each appending once a second, that
     * query was a fifth of the writer's work). It is never trusted to refuse: a request that expects
     * another seq reads the log, and a seq another node wrote since still collides on the primary key,
     * after which the meeting is read again ({@link #forget}). The least recently used meetings
     * are dropped beyond {@link #COMMITTED_MEETINGS}.
     */
    private final Map<String, Long> committed = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > COMMITTED_MEETINGS;
        }
    };
    static final int COMMITTED_MEETINGS = 10_000;

    private final Connection connection;
    /** H2 only: forces what was committed to disk (see {@link #makeDurable}); null on PostgreSQL. */
    private final PreparedStatement checkpoint;

    LogStatements(Connection c, Dialect dialect) throws SQLException {
        connection = c;
        checkpoint = dialect == Dialect.H2 ? c.prepareStatement("CHECKPOINT SYNC") : null;
        lastSeq = c.prepareStatement(LAST_SEQ);
        processed = c.prepareStatement(PROCESSED);
        insertEvent = c.prepareStatement("INSERT INTO meeting_events (meeting_id, seq, type, payload, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?)");
        insertBallot = c.prepareStatement(
                "INSERT INTO ballot_box (ballot_id, meeting_id, poll_id, choice) VALUES (?, ?, ?, ?)");
        insertCommand = c.prepareStatement(
                "INSERT INTO processed_commands (meeting_id, command_id, response) VALUES (?, ?, ?)");
        insertAll = dialect == Dialect.POSTGRESQL ? c.prepareStatement(INSERT_ALL) : null;
    }

    Connection connection() {
        return connection;
    }

    /**
     * H2 writes committed data to its file in the background (within its write delay); a checkpoint
     * forces it to disk now, so that what we acknowledge survives a crash. Used for an H2 without a
     * {@link Journal} (in memory, over TCP); an embedded H2 file's batches are made durable by its
     * journal instead. PostgreSQL's commit already waits for its WAL flush.
     */
    void makeDurable() throws SQLException {
        if (checkpoint != null) {
            checkpoint.execute();
        }
    }

    /** Starts a batch (or its second try, request by request): what the last try learned of the meetings' seqs is dropped. */
    void begin() {
        lastSeqs.clear();
    }

    /** The batch was committed (and made durable): its meetings' last seqs become the hint for the next ones. */
    void committed() {
        committed.putAll(lastSeqs);
        lastSeqs.clear();
    }

    /**
     * The meeting's last seq for a request that expects {@code expected}: this batch's own when it
     * has one, else the last commit's when it is the one expected (the primary key refuses it if
     * another node wrote since), else the log's.
     */
    private long actualLastSeq(String meetingId, long expected) throws SQLException {
        Long known = lastSeqs.get(meetingId);
        if (known == null) {
            Long hint = committed.get(meetingId);
            known = hint != null && hint == expected ? hint : lastSeq(lastSeq, meetingId);
            lastSeqs.put(meetingId, known);
        }
        return known;
    }

    /**
     * Why the request must not be written ({@code Duplicate} or {@code SeqConflict}), or null if it may.
     * A request that finds the seq it expects is written without looking its command id up first:
     * a repeat is rare (the meeting answers repeats from memory) and the receipt's primary key
     * refuses it, after which the writer asks again {@code afterCollision}, and the id is looked up.
     */
    AppendResult refusal(AppendRequest request, boolean afterCollision) throws SQLException {
        long actual = actualLastSeq(request.meetingId(), request.expectedLastSeq());
        // Equality, not "at least": a writer ahead of the log would otherwise leave a gap.
        if (actual == request.expectedLastSeq() && !afterCollision) {
            return null;
        }
        if (request.command().isPresent()) {
            Optional<String> earlier = processedResponse(processed, request.meetingId(),
                    request.command().get().commandId());
            if (earlier.isPresent()) {
                return new AppendResult.Duplicate(earlier.get());
            }
        }
        return actual == request.expectedLastSeq() ? null
                : new AppendResult.SeqConflict(request.expectedLastSeq(), actual);
    }

    /**
     * The whole group commit in one or a few statements for all its requests. A small batch (in the
     * evening, 900 meetings each appending once a second, nearly every append is a batch of its own)
     * is one statement, committed by itself in one round trip: the rows as arrays, unnested into
     * their three tables. (It was a query per meeting for its last seq, a COPY per table and the
     * commit: about six round trips, each waking the writer and a PostgreSQL backend.) A batch of
     * {@link #COPY_ROWS} rows or more goes in with {@code COPY … FROM STDIN}, one per table, in a
     * transaction the caller commits (autocommit is off then): PostgreSQL inserts COPY's rows
     * many at a time, row by row for an {@code INSERT … SELECT} (a flood of 1,500 votes acknowledged
     * at ~12,200 votes/s through the one statement, ~14,200 by COPY). A command id already stored is
     * not looked for: the writer answers repeats from memory, and the primary key of
     * {@code processed_commands} refuses one that got through. (Looking the batch's 2,000 ids up
     * with {@code IN (…)} took most of PostgreSQL's CPU: it was evaluated as a filter over every
     * stored command of the meeting.) Returns each request's result, or null when the batch cannot
     * be written this way (a command id twice in it, a key already taken, e.g. by another node
     * meanwhile, or a statement failed): the caller then rolls back and writes request by request
     * under savepoints, which tells a repeat from a conflict.
     */
    List<AppendResult> writeAll(List<AppendRequest> requests) throws SQLException {
        var seen = new HashSet<String>();
        for (AppendRequest r : requests) {
            if (r.command().isPresent() && !seen.add(r.meetingId() + '\u0000' + r.command().get().commandId())) return null;
        }
        var rows = new BatchRows();
        var results = new ArrayList<AppendResult>(requests.size());
        for (AppendRequest r : requests) {
            long actual = actualLastSeq(r.meetingId(), r.expectedLastSeq());
            if (actual != r.expectedLastSeq()) {
                // a repeat of a stored command also lands here: only the request-by-request path tells
                if (r.command().isPresent()) return null;
                results.add(new AppendResult.SeqConflict(r.expectedLastSeq(), actual));
                continue;
            }
            AppendResult.Appended appended = rows.add(r);
            results.add(appended);
            lastSeqs.put(r.meetingId(), appended.lastSeq());
        }
        try {
            if (rows.count() < COPY_ROWS) {
                rows.bind(insertAll, connection);
                insertAll.executeUpdate();
            } else {
                connection.setAutoCommit(false);
                rows.copy(connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI());
            }
        } catch (SQLException | java.io.IOException e) {
            // a key already taken (another node wrote meanwhile) or anything else: request by request
            // instead, reading the batch's meetings from the log again
            requests.forEach(r -> committed.remove(r.meetingId()));
            return null;
        }
        return results;
    }

    /** From this many rows (events, ballots and receipts) a batch goes in by COPY (see {@link #writeAll}). */
    static final int COPY_ROWS = 64;

    /** One statement for a whole batch (PostgreSQL): its rows as arrays, one per column. */
    static final String INSERT_ALL = "WITH events AS (INSERT INTO meeting_events (meeting_id, seq, type, payload, recorded_at)"
            + " SELECT m, s, t, p, r::timestamptz FROM unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::text[], ?::text[])"
            + " AS e (m, s, t, p, r)),"
            + " ballots AS (INSERT INTO ballot_box (ballot_id, meeting_id, poll_id, choice)"
            + " SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[]))"
            + " INSERT INTO processed_commands (meeting_id, command_id, response)"
            + " SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::text[])";

    /** A batch's rows, column by column, for {@link #INSERT_ALL} or COPY. */
    private static final class BatchRows {
        final List<String> eventMeetings = new ArrayList<>();
        final List<Long> seqs = new ArrayList<>();
        final List<String> types = new ArrayList<>();
        final List<String> payloads = new ArrayList<>();
        final List<String> recordedAt = new ArrayList<>();
        /** Each ballot with its meeting; written in the order of the ballots' random ids (see {@link #ballots()}). */
        final List<Map.Entry<String, SecretBallot>> ballots = new ArrayList<>();
        final List<String> commandMeetings = new ArrayList<>();
        final List<String> commandIds = new ArrayList<>();
        final List<String> responses = new ArrayList<>();

        AppendResult.Appended add(AppendRequest request) {
            long seq = request.expectedLastSeq();
            for (NewEvent e : request.events()) {
                eventMeetings.add(request.meetingId());
                seqs.add(++seq);
                types.add(e.type());
                payloads.add(e.payloadJson());
                recordedAt.add(e.recordedAt().toString());
            }
            for (SecretBallot b : request.ballots()) {
                ballots.add(Map.entry(request.meetingId(), b));
            }
            request.command().ifPresent(c -> {
                commandMeetings.add(request.meetingId());
                commandIds.add(c.commandId());
                responses.add(c.responseJson());
            });
            return new AppendResult.Appended(request.expectedLastSeq() + 1, seq);
        }

        int count() {
            return seqs.size() + ballots.size() + commandIds.size();
        }

        /**
         * The ballots in the order of their random ids, not of the votes: a PostgreSQL table keeps
         * rows in the order they were written (its physical order, {@code ctid}), which within a
         * group commit would otherwise be the order of the voters' events.
         */
        List<Map.Entry<String, SecretBallot>> ballots() {
            ballots.sort(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(SecretBallot::ballotId)));
            return ballots;
        }

        void bind(PreparedStatement insert, Connection c) throws SQLException {
            var sorted = ballots();
            var ballotIds = new Long[sorted.size()];
            var ballotMeetings = new String[sorted.size()];
            var polls = new String[sorted.size()];
            var choices = new String[sorted.size()];
            for (int b = 0; b < sorted.size(); b++) {
                ballotIds[b] = sorted.get(b).getValue().ballotId();
                ballotMeetings[b] = sorted.get(b).getKey();
                polls[b] = sorted.get(b).getValue().pollId();
                choices[b] = sorted.get(b).getValue().choiceJson();
            }
            int i = 0;
            insert.setArray(++i, c.createArrayOf("varchar", eventMeetings.toArray(new String[0])));
            insert.setArray(++i, c.createArrayOf("int8", seqs.toArray(new Long[0])));
            insert.setArray(++i, c.createArrayOf("varchar", types.toArray(new String[0])));
            insert.setArray(++i, c.createArrayOf("text", payloads.toArray(new String[0])));
            insert.setArray(++i, c.createArrayOf("text", recordedAt.toArray(new String[0])));
            insert.setArray(++i, c.createArrayOf("int8", ballotIds));
            insert.setArray(++i, c.createArrayOf("varchar", ballotMeetings));
            insert.setArray(++i, c.createArrayOf("varchar", polls));
            insert.setArray(++i, c.createArrayOf("varchar", choices));
            insert.setArray(++i, c.createArrayOf("varchar", commandMeetings.toArray(new String[0])));
            insert.setArray(++i, c.createArrayOf("varchar", commandIds.toArray(new String[0])));
            insert.setArray(++i, c.createArrayOf("text", responses.toArray(new String[0])));
        }

        /** The rows in COPY's text format, a COPY per table. */
        void copy(org.postgresql.copy.CopyManager copy) throws SQLException, java.io.IOException {
            if (!seqs.isEmpty()) {
                var out = new StringBuilder();
                for (int i = 0; i < seqs.size(); i++) {
                    field(out, eventMeetings.get(i)).append('\t').append(seqs.get(i)).append('\t');
                    field(out, types.get(i)).append('\t');
                    field(out, payloads.get(i)).append('\t').append(recordedAt.get(i)).append('\n');
                }
                copy.copyIn("COPY meeting_events (meeting_id, seq, type, payload, recorded_at) FROM STDIN",
                        new java.io.StringReader(out.toString()));
            }
            if (!ballots.isEmpty()) {
                var out = new StringBuilder();
                for (var b : ballots()) {
                    out.append(b.getValue().ballotId()).append('\t');
                    field(out, b.getKey()).append('\t');
                    field(out, b.getValue().pollId()).append('\t');
                    field(out, b.getValue().choiceJson()).append('\n');
                }
                copy.copyIn("COPY ballot_box (ballot_id, meeting_id, poll_id, choice) FROM STDIN",
                        new java.io.StringReader(out.toString()));
            }
            if (!commandIds.isEmpty()) {
                var out = new StringBuilder();
                for (int i = 0; i < commandIds.size(); i++) {
                    field(out, commandMeetings.get(i)).append('\t');
                    field(out, commandIds.get(i)).append('\t');
                    field(out, responses.get(i)).append('\n');
                }
                copy.copyIn("COPY processed_commands (meeting_id, command_id, response) FROM STDIN",
                        new java.io.StringReader(out.toString()));
            }
        }
    }

    /** A value in COPY's text format: backslash, tab and line ends escaped (the values are never null). */
    static StringBuilder field(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }

    /** Writes events, ballots and the command receipt; the primary keys refuse a second history. */
    AppendResult write(AppendRequest request) throws SQLException {
        long seq = writeRows(insertEvent, insertBallot, insertCommand, request);
        lastSeqs.put(request.meetingId(), seq);
        return new AppendResult.Appended(request.expectedLastSeq() + 1, seq);
    }

    /**
     * Binds a request's rows (its events from seq {@code expectedLastSeq + 1}, its ballots, its
     * receipt) to three statements with the columns in {@link #write}'s order and executes them: the
     * append's inserts, or the {@link Journal}'s merges when it writes its records into H2 again.
     * Returns the seq of the request's last event.
     */
    static long writeRows(PreparedStatement events, PreparedStatement ballots, PreparedStatement command,
            AppendRequest request) throws SQLException {
        long seq = request.expectedLastSeq();
        for (NewEvent e : request.events()) {
            events.setString(1, request.meetingId());
            events.setLong(2, ++seq);
            events.setString(3, e.type());
            events.setString(4, e.payloadJson());
            events.setObject(5, Sql.timestamp(e.recordedAt()));
            events.addBatch();
        }
        if (!request.events().isEmpty()) {
            events.executeBatch();
        }
        for (SecretBallot b : request.ballots()) {
            ballots.setLong(1, b.ballotId());
            ballots.setString(2, request.meetingId());
            ballots.setString(3, b.pollId());
            ballots.setString(4, b.choiceJson());
            ballots.addBatch();
        }
        if (!request.ballots().isEmpty()) {
            ballots.executeBatch();
        }
        if (request.command().isPresent()) {
            command.setString(1, request.meetingId());
            command.setString(2, request.command().get().commandId());
            command.setString(3, request.command().get().responseJson());
            command.executeUpdate();
        }
        return seq;
    }

    /**
     * The request was rolled back to its savepoint: read the meeting's last seq again next time,
     * and drop the rows it added to a statement's batch but never sent.
     */
    void forget(String meetingId) throws SQLException {
        lastSeqs.remove(meetingId);
        committed.remove(meetingId);
        insertEvent.clearBatch();
        insertBallot.clearBatch();
    }

    static long lastSeq(PreparedStatement query, String meetingId) throws SQLException {
        query.setString(1, meetingId);
        try (ResultSet rs = query.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static Optional<String> processedResponse(PreparedStatement query, String meetingId, String commandId)
            throws SQLException {
        query.setString(1, meetingId);
        query.setString(2, commandId);
        try (ResultSet rs = query.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }
}
