package vn.phonghop.server.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The devices connected to each meeting on this node, so the chair sees who is there. */
public final class Connections {

    /** One connected device. */
    public record Connection(String id, String meetingId, String personId, String name, Audience audience, Instant since) {
    }

    private final Map<String, Map<String, Connection>> byMeeting = new ConcurrentHashMap<>();

    public void add(Connection c) {
        byMeeting.computeIfAbsent(c.meetingId(), k -> new ConcurrentHashMap<>()).put(c.id(), c);
    }

    public void remove(String meetingId, String connectionId) {
        var m = byMeeting.get(meetingId);
        if (m != null) m.remove(connectionId);
    }

    public int count() {
        return byMeeting.values().stream().mapToInt(Map::size).sum();
    }

    public JsonArray of(String meetingId) {
        var out = new JsonArray();
        byMeeting.getOrDefault(meetingId, Map.of()).values().stream()
                .sorted(java.util.Comparator.comparing(Connection::since))
                .forEach(c -> out.add(new JsonObject().put("id", c.id()).put("personId", c.personId())
                        .put("name", c.name()).put("audience", c.audience().name()).put("since", c.since().toString())));
        return out;
    }
}
