package vn.phonghop.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The SQL of one append, prepared once per group-commit batch on the writer's connection. */
final class LogStatements {

    static final String LAST_SEQ = "SELECT MAX(seq) FROM meeting_events WHERE meeting_id = ?";
    static final String PROCESSED =
            "SELECT response FROM processed_commands WHERE meeting_id = ? AND command_id = ?";

    private final PreparedStatement lastSeq;
    private final PreparedStatement processed;
    private final PreparedStatement insertEvent;
    private final PreparedStatement insertBallot;
    private final PreparedStatement insertCommand;
    /**
     * The last seq of each meeting as this batch's transaction sees it: read once, then advanced by
     * this batch's own writes. (Reading MAX(seq) for every append made a 1,500-vote poll quadratic.)
     * Another node's concurrent write still cannot slip in: it collides on the primary key.
     */
    private final java.util.Map<String, Long> lastSeqs = new java.util.HashMap<>();

    private final Connection connection;

    LogStatements(Connection c) throws SQLException {
        connection = c;
        lastSeq = c.prepareStatement(LAST_SEQ);
        processed = c.prepareStatement(PROCESSED);
        insertEvent = c.prepareStatement("INSERT INTO meeting_events (meeting_id, seq, type, payload, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?)");
        insertBallot = c.prepareStatement(
                "INSERT INTO ballot_box (ballot_id, meeting_id, poll_id, choice) VALUES (?, ?, ?, ?)");
        insertCommand = c.prepareStatement(
                "INSERT INTO processed_commands (meeting_id, command_id, response) VALUES (?, ?, ?)");
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
     * The whole group commit in a few statements: one query for the command ids already stored,
     * one for each meeting's last seq, then every event, ballot and receipt in three JDBC batches.
     * Returns each request's result, or null when the batch cannot be written this way (a command
     * id twice in it, or any statement failed, e.g. another node wrote the same seq meanwhile):
     * the caller then rolls back and writes request by request under savepoints, as before.
     */
    List<AppendResult> writeAll(List<AppendRequest> requests) throws SQLException {
        var seen = new java.util.HashSet<String>();
        var earlier = new java.util.HashMap<String, String>();
        var byMeeting = new java.util.LinkedHashMap<String, List<String>>();
        for (AppendRequest r : requests) {
            if (r.command().isEmpty()) continue;
            String id = r.command().get().commandId();
            if (!seen.add(r.meetingId() + '\u0000' + id)) return null;
            byMeeting.computeIfAbsent(r.meetingId(), k -> new java.util.ArrayList<>()).add(id);
        }
        for (var e : byMeeting.entrySet()) earlier.putAll(processedAmong(e.getKey(), e.getValue()));
        var results = new java.util.ArrayList<AppendResult>(requests.size());
        for (AppendRequest r : requests) {
            if (r.command().isPresent()) {
                String before = earlier.get(r.meetingId() + '\u0000' + r.command().get().commandId());
                if (before != null) {
                    results.add(new AppendResult.Duplicate(before));
                    continue;
                }
            }
            Long known = lastSeqs.get(r.meetingId());
            long actual = known != null ? known : lastSeq(lastSeq, r.meetingId());
            lastSeqs.put(r.meetingId(), actual);
            if (actual != r.expectedLastSeq()) {
                results.add(new AppendResult.SeqConflict(r.expectedLastSeq(), actual));
                continue;
            }
            results.add(add(r));
        }
        try {
            insertEvent.executeBatch();
            insertBallot.executeBatch();
            insertCommand.executeBatch();
        } catch (SQLException e) {
            return null;
        }
        return results;
    }

    /** The stored responses of those of {@code commandIds} already processed, keyed meeting + NUL + id. */
    private java.util.Map<String, String> processedAmong(String meetingId, List<String> commandIds) throws SQLException {
        var out = new java.util.HashMap<String, String>();
        for (int from = 0; from < commandIds.size(); from += 500) {
            var chunk = commandIds.subList(from, Math.min(commandIds.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement q = connection.prepareStatement("SELECT command_id, response FROM processed_commands"
                    + " WHERE meeting_id = ? AND command_id IN (" + marks + ")")) {
                q.setString(1, meetingId);
                for (int i = 0; i < chunk.size(); i++) q.setString(i + 2, chunk.get(i));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) out.put(meetingId + '\u0000' + rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Adds one request's rows to the batches (not yet executed). */
    private AppendResult add(AppendRequest request) throws SQLException {
        long seq = request.expectedLastSeq();
        for (NewEvent e : request.events()) {
            insertEvent.setString(1, request.meetingId());
            insertEvent.setLong(2, ++seq);
            insertEvent.setString(3, e.type());
            insertEvent.setString(4, e.payloadJson());
            insertEvent.setObject(5, Sql.timestamp(e.recordedAt()));
            insertEvent.addBatch();
        }
        for (SecretBallot b : request.ballots()) {
            insertBallot.setLong(1, b.ballotId());
            insertBallot.setString(2, request.meetingId());
            insertBallot.setString(3, b.pollId());
            insertBallot.setString(4, b.choiceJson());
            insertBallot.addBatch();
        }
        if (request.command().isPresent()) {
            insertCommand.setString(1, request.meetingId());
            insertCommand.setString(2, request.command().get().commandId());
            insertCommand.setString(3, request.command().get().responseJson());
            insertCommand.addBatch();
        }
        lastSeqs.put(request.meetingId(), seq);
        return new AppendResult.Appended(request.expectedLastSeq() + 1, seq);
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

    /** The request was rolled back to its savepoint: read the meeting's last seq again next time. */
    void forget(String meetingId) {
        lastSeqs.remove(meetingId);
    }

    static long lastSeq(PreparedStatement query, String meetingId) throws SQLException {
        query.setString(1, meetingId);
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
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
