package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.agenda.meeting.Decision;
import vn.phonghop.agenda.meeting.Meeting;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent;
import vn.phonghop.agenda.meeting.MeetingKind;
import vn.phonghop.agenda.meeting.MeetingState;
import vn.phonghop.agenda.roster.BodyKind;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.agenda.voting.Answer;
import vn.phonghop.agenda.voting.BallotMode;
import vn.phonghop.agenda.voting.Choice;
import vn.phonghop.agenda.voting.DecisionKind;
import vn.phonghop.server.json.RecordJson;

/**
 * A device that applies every patch the tracker makes (slices whole, {@code rosterRows} and
 * {@code pollRows} by id, as live.js does) ends up with exactly the view a fresh snapshot gives.
 */
class ViewTrackerTest {
    private static final Instant T = Instant.parse("2026-11-23T02:00:00Z");
    private static final String CHAIR = "c1";

    private MeetingState state = MeetingState.NONE;

    private Decision.Accepted decide(MeetingCommand c) {
        Decision d = Meeting.decide(state, c);
        if (!(d instanceof Decision.Accepted a)) throw new IllegalStateException("refused: " + c + " → " + d);
        state = Meeting.apply(state, a);
        return a;
    }

    private static void apply(JsonObject view, JsonObject patch) {
        for (String field : patch.fieldNames()) {
            Object value = patch.getValue(field);
            if (field.equals("rosterRows") || field.equals("pollRows")) {
                var rows = new java.util.HashMap<String, Object>();
                ((JsonArray) value).forEach(r -> rows.put(((JsonObject) r).getString("id"), r));
                JsonArray list = field.equals("pollRows") ? view.getJsonArray("polls") : view.getJsonObject("roster").getJsonArray("members");
                for (int i = 0; i < list.size(); i++) {
                    var row = (JsonObject) rows.get(list.getJsonObject(i).getString("id"));
                    if (row != null) list.set(i, withVoters(row, list.getJsonObject(i)));
                }
            } else {
                view.put(field, value);
            }
        }
    }

    /** As live.js: a row with {@code votersAdded} has the old row's voters and those, sorted. */
    private static JsonObject withVoters(JsonObject row, JsonObject old) {
        if (!row.containsKey("votersAdded")) return row;
        var voters = new java.util.TreeSet<String>();
        old.getJsonArray("voters", new JsonArray()).forEach(v -> voters.add((String) v));
        row.getJsonArray("votersAdded").forEach(v -> voters.add((String) v));
        var out = row.copy();
        out.remove("votersAdded");
        return out.put("voters", new JsonArray(List.copyOf(voters)));
    }

    /** A secret vote's ballot id, as the server would draw it (hexadecimal). */
    private static String ballot(BallotMode mode, int poll, int voter) {
        return mode == BallotMode.SECRET ? Long.toHexString(poll * 1_000L + voter) : "";
    }

    private static JsonObject snapshot(MeetingState s, Audience a) {
        // through text, as a device receives it
        return new JsonObject(new JsonObject(Projection.view(s, a)).encode());
    }

    @Test
    @DisplayName("Patches (whole slices, roster rows, poll rows) add up to the snapshot, for every audience, poll after poll")
    void patches_add_up_to_the_snapshot() {
        String convenor = "account:test";
        Instant before = T.minusSeconds(86_400);
        decide(new ScheduleMeeting("mt", new Organisation("cb-1", "Chi bộ 1", BodyKind.CELL, "Đảng bộ phường", "CB"), MeetingKind.REGULAR_CELL_MEETING,
                "Sinh hoạt chi bộ", "Hội trường", "Hà Nội", "Asia/Ho_Chi_Minh", T, null, convenor, before));
        var members = new ArrayList<Member>();
        for (int i = 1; i <= 6; i++) members.add(new Member("c" + i, "Đảng viên " + i, Membership.OFFICIAL, Standing.ACTIVE));
        decide(new RegisterMembers(members, convenor, before));
        decide(new AssignRole(CHAIR, MeetingRole.CHAIR, convenor, before));
        decide(new AssignRole("c2", MeetingRole.MINUTE_TAKER, convenor, before));
        decide(new AddAgendaItem("a1", null, "Biểu quyết các nội dung", 30, convenor, before));
        decide(new PublishMeeting(convenor, before));

        var tracker = new ViewTracker();
        tracker.reset(state);
        var devices = new EnumMap<Audience, JsonObject>(Audience.class);
        for (Audience a : Audience.values()) devices.put(a, snapshot(state, a));

        var script = new ArrayList<MeetingCommand>();
        for (int i = 1; i <= 6; i++) script.add(new CheckIn("c" + i, CHAIR, T));
        script.add(new StartMeeting(CHAIR, T));
        script.add(new StartItem("a1", CHAIR, T.plusSeconds(60)));
        int poll = 0;
        for (BallotMode mode : List.of(BallotMode.SHOW_OF_HANDS, BallotMode.SECRET, BallotMode.SECRET)) {
            String p = "p" + ++poll;
            Instant at = T.plusSeconds(100L * poll);
            script.add(new CreatePoll(p, "a1", "Nội dung " + poll, DecisionKind.ORDINARY_RESOLUTION, mode, List.of(), 0, List.of(),
                    false, CHAIR, at));
            script.add(new OpenPoll(p, CHAIR, at.plusSeconds(1)));
            for (int i = 1; i <= 4; i++) {
                script.add(new CastVote(p, "c" + i, new Choice.Motion(i == 4 ? Answer.AGAINST : Answer.FOR), ballot(mode, poll, i),
                        "c" + i, at.plusSeconds(2)));
            }
            if (poll == 3) script.add(new CheckOut("c6", CHAIR, at.plusSeconds(3))); // every open poll's base changes
            script.add(new CastVote(p, "c5", new Choice.Motion(Answer.ABSTAIN), ballot(mode, poll, 5), "c5", at.plusSeconds(4)));
            script.add(new ClosePoll(p, CHAIR, at.plusSeconds(5)));
            script.add(new ShowResult(p, CHAIR, at.plusSeconds(6)));
        }

        long seq = 0;
        int pollRowPatches = 0;
        for (MeetingCommand c : script) {
            List<MeetingEvent> events = decide(c).events();
            var touched = ViewTracker.touchedBy(events);
            for (int i = 0; i < events.size(); i++) {
                // the event's text as the store gets it, reused for the audiences that see it whole
                String stored = RecordJson.toJson(events.get(i)).encode();
                LiveMessage m = i < events.size() - 1 ? tracker.withoutPatch("mt", ++seq, events.get(i), stored, state)
                        : tracker.next("mt", ++seq, events.get(i), stored, state, touched);
                for (Audience a : Audience.values()) {
                    String text = m.textFor(a);
                    // written in one pass, the slices' texts reused: the text Vert.x gives the whole message
                    assertEquals(new JsonObject(text).encode(), text);
                    if (m.patches().get(a) != null) {
                        // cut where the text says its patch starts, it is the message with an empty patch
                        assertEquals(new JsonObject(text).put("patch", new JsonObject()), new JsonObject(m.textWithoutPatch(a)));
                    }
                    var patch = new JsonObject(text).getJsonObject("patch");
                    if (patch.containsKey("pollRows")) pollRowPatches++;
                    apply(devices.get(a), patch);
                }
            }
            for (Audience a : Audience.values()) {
                assertEquals(snapshot(state, a), devices.get(a), a + " after " + c.getClass().getSimpleName());
            }
        }
        assertTrue(pollRowPatches > 0, "some votes went as poll rows");
    }
}
