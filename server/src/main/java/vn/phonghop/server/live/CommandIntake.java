package vn.phonghop.server.live;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.server.json.JsonMappingException;
import vn.phonghop.server.json.RecordJson;

/**
 * Reads a command as a device sends it ({"id", "command":{"type", …}}), the same way for the live
 * channel and the HTTP API. Who sends it and when are the server's to say: {@code by} and
 * {@code at} are overwritten with the viewer's person and the server's clock.
 */
public final class CommandIntake {

    /** A command ready for its meeting's writer, or the typed reason it is not one. */
    public record Parsed(String id, MeetingCommand command, String errorCode, String detail) {
        public boolean ok() {
            return command != null;
        }
    }

    private CommandIntake() {
    }

    public static Parsed parse(JsonObject msg, Viewer viewer, Instant now) {
        String id = msg.getValue("id") instanceof String s ? s : null;
        if (!viewer.mayCommand()) return fail(id, "FORBIDDEN", "this device only watches");
        if (id == null || id.isBlank() || id.length() > 100) {
            return fail(id, "INVALID_COMMAND", "a command needs an id of 1 to 100 characters");
        }
        if (!(msg.getValue("command") instanceof JsonObject body)) return fail(id, "INVALID_COMMAND", "command must be an object");
        Object type = body.getValue("type");
        Class<?> kind = type instanceof String t ? RecordJson.subtype(MeetingCommand.class, t) : null;
        if (kind == null) return fail(id, "UNKNOWN_COMMAND", String.valueOf(type));
        if (kind == MeetingCommand.ScheduleMeeting.class) {
            return fail(id, "FORBIDDEN", "meetings are scheduled through POST /api/meetings");
        }
        try {
            var stamped = body.copy().put("by", viewer.personId()).put("at", now.toString());
            return new Parsed(id, RecordJson.fromJson(stamped, MeetingCommand.class), null, null);
        } catch (JsonMappingException e) {
            return fail(id, "INVALID_COMMAND", e.getMessage());
        }
    }

    private static Parsed fail(String id, String code, String detail) {
        return new Parsed(id, null, code, detail);
    }
}
