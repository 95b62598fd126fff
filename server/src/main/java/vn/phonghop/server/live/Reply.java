package vn.phonghop.server.live;

import io.vertx.core.json.JsonObject;
import vn.phonghop.agenda.meeting.Rejection;

/** What the writer of a meeting answers to a command. */
public sealed interface Reply {

    /** Applied and durable: the events end at {@code seq}. The same text answers a repeat of the command. */
    record Ack(long seq, String json) implements Reply { }

    /** Refused by the Party's rules or the meeting's state; nothing changed. */
    record Refused(Rejection rejection) implements Reply { }

    /**
     * Not applied: this node is cut off from the majority of the cluster (split brain), so it
     * decides nothing until the cluster is whole again; sending it again later is safe.
     */
    record NoQuorum(int members, int quorum) implements Reply { }

    /** Not applied because the writer had to catch up with the store; sending it again is safe. */
    record Retry(String why) implements Reply { }

    /** The ack as the store kept it for a processed command (its JSON, which holds its seq). */
    static Ack storedAck(String json) {
        return new Ack(new JsonObject(json).getLong("seq"), json);
    }

    static Ack ack(String commandId, long seq) {
        return new Ack(seq, new JsonObject().put("type", "ack").put("id", commandId).put("seq", seq).encode());
    }
}
