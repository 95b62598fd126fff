package vn.phonghop.server.live;

import io.vertx.core.json.JsonObject;
import vn.phonghop.agenda.meeting.Rejection;
import vn.phonghop.server.http.Messages;

/** The messages of the live channel that the server writes (see docs/protocol.md). */
public final class Protocol {
    /** Larger text messages are answered MESSAGE_TOO_LARGE; the socket stays open. */
    public static final int MAX_MESSAGE_CHARS = 64 * 1024;

    private Protocol() {
    }

    public static String error(String commandId, String code, String detail) {
        return new JsonObject().put("type", "error").put("id", commandId).put("code", code)
                .put("message", Messages.error(code)).put("detail", detail).encode();
    }

    public static String refused(String commandId, Rejection r) {
        return new JsonObject().put("type", "error").put("id", commandId).put("code", "REJECTED")
                .put("reason", r.reason().name()).put("message", Messages.reason(r.reason().name()))
                .put("detail", r.detail()).encode();
    }

    /** The node is in a minority of its cluster: nothing is decided until it is whole again. */
    public static String noQuorum(String commandId, Reply.NoQuorum q) {
        return new JsonObject().put("type", "error").put("id", commandId).put("code", "NO_QUORUM").put("retryable", true)
                .put("members", q.members()).put("quorum", q.quorum()).put("message", Messages.error("NO_QUORUM")).encode();
    }

    public static String retry(String commandId) {
        return new JsonObject().put("type", "error").put("id", commandId).put("code", "RETRY").put("retryable", true)
                .put("message", Messages.error("RETRY")).encode();
    }
}
