package vn.phonghop.server.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.meeting.MeetingEvent;
import vn.phonghop.agenda.voting.BallotMode;
import vn.phonghop.agenda.voting.Choice;
import vn.phonghop.agenda.voting.DecisionKind;
import vn.phonghop.agenda.voting.PollResult;
import vn.phonghop.agenda.voting.PollSpec;
import vn.phonghop.agenda.voting.Tally;
import vn.phonghop.agenda.voting.Threshold;

class RecordJsonTest {
    private static final Instant AT = Instant.parse("2026-11-20T01:00:00Z");

    @Test
    @DisplayName("A command round-trips with its type, nested sealed choice and Vietnamese text")
    void command_round_trip() {
        var c = new MeetingCommand.CastVote("p1", "m03", new Choice.Election(Set.of("m01", "m02")), "b1", "m03", AT);
        var json = RecordJson.toJson(c);
        assertEquals("CastVote", json.getString("type"));
        assertEquals("Election", json.getJsonObject("choice").getString("type"));
        assertEquals(c, RecordJson.fromJson(new JsonObject(json.encode()), MeetingCommand.class));
    }

    @Test
    @DisplayName("An event with a result, a tally map and a threshold round-trips")
    void event_round_trip() {
        var spec = new PollSpec("p1", "i1", "Thông qua nghị quyết về công tác phát triển đảng viên",
                DecisionKind.ORDINARY_RESOLUTION, BallotMode.SECRET, List.of(), 0, List.of(), false, "294-QĐ/TW");
        var created = new MeetingEvent.PollCreated(spec, AT);
        assertEquals(created, RecordJson.fromJson(new JsonObject(RecordJson.toJson(created).encode()), MeetingEvent.class));
        var closed = new MeetingEvent.PollClosed("p1", new Tally(Map.of("FOR", 8, "AGAINST", 4), 12),
                new PollResult.Motion(Threshold.MORE_THAN_HALF_OF_BASE, 15, 17, 12, 8, 4, 0, true), AT);
        assertEquals(closed, RecordJson.fromJson(new JsonObject(RecordJson.toJson(closed).encode()), MeetingEvent.class));
    }

    @Test
    @DisplayName("Unknown types, unknown fields, wrong types and missing required fields are refused by path")
    void strict_reading() {
        var e1 = assertThrows(JsonMappingException.class,
                () -> RecordJson.fromJson(new JsonObject().put("type", "Shutdown"), MeetingCommand.class));
        assertTrue(e1.getMessage().contains("unknown type"));
        var e2 = assertThrows(JsonMappingException.class, () -> RecordJson.fromJson(new JsonObject()
                .put("type", "NextItem").put("by", "m01").put("at", AT.toString()).put("evil", 1), MeetingCommand.class));
        assertTrue(e2.getMessage().contains("unknown field evil"));
        var e3 = assertThrows(JsonMappingException.class, () -> RecordJson.fromJson(new JsonObject()
                .put("type", "MoveAgendaItem").put("itemId", "i1").put("newIndex", "two").put("by", "m01")
                .put("at", AT.toString()), MeetingCommand.class));
        assertTrue(e3.getMessage().contains("newIndex must be an integer"), e3.getMessage());
        var e4 = assertThrows(JsonMappingException.class, () -> RecordJson.fromJson(new JsonObject()
                .put("type", "MoveAgendaItem").put("itemId", "i1").put("by", "m01").put("at", AT.toString()),
                MeetingCommand.class));
        assertTrue(e4.getMessage().contains("newIndex is required"), e4.getMessage());
        assertThrows(JsonMappingException.class, () -> RecordJson.fromJson(new JsonObject()
                .put("type", "NextItem").put("by", "m01").put("at", "yesterday"), MeetingCommand.class));
    }

    @Test
    @DisplayName("An error names the whole path: nested records, list indexes and map keys")
    void error_paths() {
        var inList = assertThrows(JsonMappingException.class, () -> RecordJson.fromJson(new JsonObject(
                "{\"type\":\"CastVote\",\"pollId\":\"p1\",\"voterId\":\"m03\",\"ballotId\":\"b1\",\"by\":\"m03\","
                        + "\"at\":\"2026-11-20T01:00:00Z\",\"choice\":{\"type\":\"Election\",\"approved\":[\"m01\",7]}}"),
                MeetingCommand.class));
        assertEquals("MeetingCommand.choice.approved[1] must be string", inList.getMessage());
        var inMap = assertThrows(JsonMappingException.class, () -> RecordJson.fromJson(new JsonObject(
                "{\"type\":\"PollClosed\",\"pollId\":\"p1\",\"at\":\"2026-11-20T01:00:00Z\","
                        + "\"tally\":{\"counts\":{\"FOR\":8,\"AGAINST\":\"four\"},\"ballots\":12}}"),
                MeetingEvent.class));
        assertEquals("MeetingEvent.tally.counts.AGAINST must be an integer", inMap.getMessage());
        // an unknown field is refused also when it stands in for a missing one (as many fields as components)
        var standIn = createPoll("SECRET").put("evil", "x");
        standIn.remove("question");
        var unknown = assertThrows(JsonMappingException.class, () -> RecordJson.fromJson(standIn, MeetingCommand.class));
        assertTrue(unknown.getMessage().endsWith("unknown field evil"), unknown.getMessage());
        var badEnum = assertThrows(JsonMappingException.class,
                () -> RecordJson.fromJson(createPoll("WHISPER"), MeetingCommand.class));
        assertTrue(badEnum.getMessage().endsWith("mode: unknown value WHISPER"), badEnum.getMessage());
    }

    private static JsonObject createPoll(String mode) {
        return new JsonObject().put("type", "CreatePoll").put("pollId", "p1").put("itemId", "i1").put("question", "Câu hỏi")
                .put("kind", "ORDINARY_RESOLUTION").put("mode", mode).put("candidates", new io.vertx.core.json.JsonArray())
                .put("seats", 0).put("forms", new io.vertx.core.json.JsonArray()).put("changeAllowed", false)
                .put("by", "m01").put("at", AT.toString());
    }
}
