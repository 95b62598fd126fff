package vn.phonghop.server.notes;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.Sql;

/**
 * A person's private notes on the items and documents of a meeting. Kept on the server so they
 * follow the member from tablet to tablet; read and written only by their author, never shown to
 * anyone else (not the chair, not the minutes). Blocking JDBC: call from a worker.
 */
public final class Notes {
    public static final int MAX_CHARS = 20_000;
    private static final Pattern TARGET = Pattern.compile("(item|doc):[A-Za-z0-9._-]{1,100}");

    /** One note and when it was last saved. */
    public record Note(String target, String text, Instant updatedAt) {
    }

    private final Database database;
    private final Clock clock;

    public Notes(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public static boolean validTarget(String target) {
        return target != null && TARGET.matcher(target).matches();
    }

    public List<Note> of(String meetingId, String personId) {
        String sql = "SELECT target, text, updated_at FROM notes WHERE meeting_id = ? AND person_id = ? ORDER BY target";
        try (var c = database.connection(); var q = c.prepareStatement(sql)) {
            q.setString(1, meetingId);
            q.setString(2, personId);
            var out = new ArrayList<Note>();
            try (var rs = q.executeQuery()) {
                while (rs.next()) out.add(new Note(rs.getString(1), rs.getString(2), Sql.instant(rs, "updated_at")));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read notes", e);
        }
    }

    /** Saves a note (an empty text deletes it) and returns when it was saved. */
    public Instant save(String meetingId, String personId, String target, String text) {
        Instant now = clock.instant();
        try (var c = database.connection()) {
            c.setAutoCommit(false);
            try (var del = c.prepareStatement("DELETE FROM notes WHERE meeting_id = ? AND person_id = ? AND target = ?")) {
                del.setString(1, meetingId);
                del.setString(2, personId);
                del.setString(3, target);
                del.executeUpdate();
            }
            if (!text.isBlank()) {
                try (var ins = c.prepareStatement(
                        "INSERT INTO notes (meeting_id, person_id, target, text, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                    ins.setString(1, meetingId);
                    ins.setString(2, personId);
                    ins.setString(3, target);
                    ins.setString(4, text);
                    ins.setObject(5, Sql.timestamp(now));
                    ins.executeUpdate();
                }
            }
            c.commit();
            return now;
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the note", e);
        }
    }
}
