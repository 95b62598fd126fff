package vn.phonghop.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
    /**
     * The last seq of each meeting as this batch's transaction sees it: read once per batch, then advanced by
     * this batch's own writes. (Reading MAX(seq) for every append made a 1,500-vote poll quadratic.)
     * Another node's concurrent write still cannot slip in: it collides on the primary key.
     */
    private final java.util.Map<String, Long> lastSeqs = new java.util.HashMap<>();

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
    }

    Connection connection() {
        return connection;
    }

    /**
     * H2 writes committed data to its file in the background (within its write delay); a checkpoint
     * forces it to disk now, so that what we acknowledge survives a crash. PostgreSQL's commit
     * already waits for its WAL flush.
     */
    void makeDurable() throws SQLException {
        if (checkpoint != null) {
            checkpoint.execute();
        }
    }

    /** Starts a batch: what the last one learned of the meetings' seqs, and its COPY rows, are dropped. */
    void begin() {
        lastSeqs.clear();
        eventRows.setLength(0);
        ballotRows.setLength(0);
        commandRows.setLength(0);
    }

    /** Why the request must not be written ({@code Duplicate} or {@code SeqConflict}), or null if it may. */
    AppendResult refusal(AppendRequest request) throws SQLException {
        if (request.command().isPresent()) {
            Optional<String> earlier = processedResponse(processed, request.meetingId(),
                    request.command().get().commandId());
            if (earlier.isPresent()) {
                return new AppendResult.Duplicate(earlier.get());
            }
        }
        Long known = lastSeqs.get(request.meetingId());
        long actual = known != null ? known : lastSeq(lastSeq, request.meetingId());
        lastSeqs.put(request.meetingId(), actual);
        // Equality, not "at least": a writer ahead of the log would otherwise leave a gap.
        return actual == request.expectedLastSeq() ? null
                : new AppendResult.SeqConflict(request.expectedLastSeq(), actual);
    }

    /**
     * The whole group commit in a few statements: one query for each meeting's last seq, then every
     * event, ballot and receipt in three COPYs. A command id already stored is not looked for: the
     * writer answers repeats from memory, and the primary key of {@code processed_commands} refuses
     * one that got through. (Looking the batch's 2,000 ids up with {@code IN (…)} took most of
     * PostgreSQL's CPU: it was evaluated as a filter over every stored command of the meeting.)
     * Returns each request's result, or null when the batch cannot be written this way (a command
     * id twice in it, a key already taken, e.g. by another node meanwhile, or any statement
     * failed): the caller then rolls back and writes request by request under savepoints, which
     * tells a repeat from a conflict.
     */
    List<AppendResult> writeAll(List<AppendRequest> requests) throws SQLException {
        var seen = new java.util.HashSet<String>();
        for (AppendRequest r : requests) {
            if (r.command().isPresent() && !seen.add(r.meetingId() + '\u0000' + r.command().get().commandId())) return null;
        }
        var results = new java.util.ArrayList<AppendResult>(requests.size());
        for (AppendRequest r : requests) {
            Long known = lastSeqs.get(r.meetingId());
            long actual = known != null ? known : lastSeq(lastSeq, r.meetingId());
            lastSeqs.put(r.meetingId(), actual);
            if (actual != r.expectedLastSeq()) {
                // a repeat of a stored command also lands here: only the request-by-request path tells
                if (r.command().isPresent()) return null;
                results.add(new AppendResult.SeqConflict(r.expectedLastSeq(), actual));
                continue;
            }
            results.add(copyRows(r));
        }
        // COPY, PostgreSQL's bulk path: a group commit of 2,000 votes is 6,000 rows
        try {
            var copy = connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            if (!eventRows.isEmpty()) {
                copy.copyIn("COPY meeting_events (meeting_id, seq, type, payload, recorded_at) FROM STDIN",
                        new java.io.StringReader(eventRows.toString()));
            }
            if (!ballotRows.isEmpty()) {
                copy.copyIn("COPY ballot_box (ballot_id, meeting_id, poll_id, choice) FROM STDIN",
                        new java.io.StringReader(ballotRows.toString()));
            }
            if (!commandRows.isEmpty()) {
                copy.copyIn("COPY processed_commands (meeting_id, command_id, response) FROM STDIN",
                        new java.io.StringReader(commandRows.toString()));
            }
        } catch (SQLException | java.io.IOException e) {
            // a key already taken (another node wrote meanwhile) or anything else: request by request instead
            return null;
        }
        return results;
    }

    // the rows of a batch in COPY's text format (writeAll)
    private final StringBuilder eventRows = new StringBuilder();
    private final StringBuilder ballotRows = new StringBuilder();
    private final StringBuilder commandRows = new StringBuilder();

    /** Adds one request's rows to the batch's COPY rows (not yet written). */
    private AppendResult copyRows(AppendRequest request) {
        long seq = request.expectedLastSeq();
        for (NewEvent e : request.events()) {
            field(eventRows, request.meetingId()).append('\t').append(++seq).append('\t');
            field(eventRows, e.type()).append('\t');
            field(eventRows, e.payloadJson()).append('\t').append(e.recordedAt()).append('\n');
        }
        for (SecretBallot b : request.ballots()) {
            ballotRows.append(b.ballotId()).append('\t');
            field(ballotRows, request.meetingId()).append('\t');
            field(ballotRows, b.pollId()).append('\t');
            field(ballotRows, b.choiceJson()).append('\n');
        }
        if (request.command().isPresent()) {
            field(commandRows, request.meetingId()).append('\t');
            field(commandRows, request.command().get().commandId()).append('\t');
            field(commandRows, request.command().get().responseJson()).append('\n');
        }
        lastSeqs.put(request.meetingId(), seq);
        return new AppendResult.Appended(request.expectedLastSeq() + 1, seq);
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
        long seq = request.expectedLastSeq();
        for (NewEvent e : request.events()) {
            insertEvent.setString(1, request.meetingId());
            insertEvent.setLong(2, ++seq);
            insertEvent.setString(3, e.type());
            insertEvent.setString(4, e.payloadJson());
            insertEvent.setObject(5, Sql.timestamp(e.recordedAt()));
            insertEvent.addBatch();
        }
        if (!request.events().isEmpty()) {
            insertEvent.executeBatch();
        }
        for (SecretBallot b : request.ballots()) {
            insertBallot.setLong(1, b.ballotId());
            insertBallot.setString(2, request.meetingId());
            insertBallot.setString(3, b.pollId());
            insertBallot.setString(4, b.choiceJson());
            insertBallot.addBatch();
        }
        if (!request.ballots().isEmpty()) {
            insertBallot.executeBatch();
        }
        if (request.command().isPresent()) {
            insertCommand.setString(1, request.meetingId());
            insertCommand.setString(2, request.command().get().commandId());
            insertCommand.setString(3, request.command().get().responseJson());
            insertCommand.executeUpdate();
        }
        lastSeqs.put(request.meetingId(), seq);
        return new AppendResult.Appended(request.expectedLastSeq() + 1, seq);
    }

    /**
     * The request was rolled back to its savepoint: read the meeting's last seq again next time,
     * and drop the rows it added to a statement's batch but never sent.
     */
    void forget(String meetingId) throws SQLException {
        lastSeqs.remove(meetingId);
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
