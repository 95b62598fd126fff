package vn.phonghop.server.live;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.phonghop.agenda.meeting.MeetingEvent;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.meeting.MeetingState;
import vn.phonghop.server.json.RecordJson;

/**
 * Remembers the last serialized slices of each audience's view, and turns each event into the
 * live message that carries the projected event and only the slices it changed. Which slices an
 * event can touch is known from its type, so a vote does not re-serialize a 1,500-member roster.
 */
final class ViewTracker {
    private static final Set<String> ALL = Set.of("header", "roster", "figures", "agenda", "queue", "polls",
            "conclusions", "remarks", "warnings", "presentation");

    private final Map<Audience, Map<String, String>> last = new EnumMap<>(Audience.class);
    private final Map<Audience, RosterRows> rosterRows = new EnumMap<>(Audience.class);
    /**
     * Each poll's row as last sent to an audience, in the polls' order. A vote changes one poll's
     * count: at a congress that has held 40 polls, each "N of M" is that poll's row to each tablet
     * ({@code pollRows}), not all 40; and a poll whose value and present voters are unchanged is
     * not projected or encoded again.
     */
    private final Map<Audience, Map<String, PollRow>> sentPolls = new EnumMap<>(Audience.class);

    private record PollRow(vn.phonghop.agenda.voting.Poll poll, int eligible, JsonObject row, String encoded) { }

    /** The rows of a list slice by id, each encoded, as last sent to an audience. */
    private record Rows(List<String> ids, Map<String, String> encoded) {
        static Rows of(Map<String, PollRow> polls) {
            var encoded = new HashMap<String, String>();
            polls.forEach((id, r) -> encoded.put(id, r.encoded()));
            return new Rows(List.copyOf(polls.keySet()), encoded);
        }

        static Rows of(JsonArray list) {
            var ids = new java.util.ArrayList<String>();
            var encoded = new HashMap<String, String>();
            for (Object o : list) {
                var row = (JsonObject) o;
                ids.add(row.getString("id"));
                encoded.put(row.getString("id"), row.encode());
            }
            return new Rows(ids, encoded);
        }

        /** The rows of {@code list} that differ from {@code before}, or null when the list must go whole (rows added, removed, reordered; most rows). */
        JsonArray changedSince(Rows before, JsonArray list) {
            if (before == null || !before.ids().equals(ids)) return null;
            var changed = new JsonArray();
            for (int i = 0; i < list.size(); i++) {
                String id = ids.get(i);
                if (!encoded.get(id).equals(before.encoded().get(id))) changed.add(list.getJsonObject(i));
            }
            return changed.size() * 2 > list.size() ? null : changed;
        }
    }

    /**
     * The roster's rows as last sent to an audience. When only some rows change (people checking
     * in), the patch carries those rows ({@code rosterRows}) instead of the whole roster: at a
     * congress of 1,500 a check-in is a few hundred bytes to each tablet, not 209 KB.
     */
    private record RosterRows(Rows members, String guests) {
        static RosterRows of(JsonObject roster) {
            return new RosterRows(Rows.of(roster.getJsonArray("members")), roster.getJsonArray("guests").encode());
        }
    }

    void reset(MeetingState s) {
        clear();
        for (Audience a : Audience.values()) {
            var view = Projection.view(s, a);
            last.put(a, encode(view));
            if (view.get("roster") instanceof JsonObject roster) rosterRows.put(a, RosterRows.of(roster));
            sentPolls.put(a, projectPolls(s, a, Map.of()));
        }
    }

    /** Forgets every view sent: {@link #reset} must come before the next event. */
    void clear() {
        last.clear();
        rosterRows.clear();
        sentPolls.clear();
    }

    /** The changed member rows, or null when the roster must go whole (members added, removed, reordered; guests; most rows). */
    private JsonArray changedMembers(Audience a, JsonObject roster) {
        RosterRows before = rosterRows.get(a);
        RosterRows now = RosterRows.of(roster);
        rosterRows.put(a, now);
        if (before == null || !before.guests().equals(now.guests())) return null;
        return now.members().changedSince(before.members(), roster.getJsonArray("members"));
    }

    /**
     * The message of the last event of a durable batch: the event and every slice that {@code touched}
     * (what all the batch's events could change) changed. The batch's earlier events go with
     * {@link #withoutPatch}: a roster of 1,500 registered in one command is projected once, not 1,500 times.
     * {@code eventText}, when not null, is {@code RecordJson.toJson(e).encode()} (as the store got it):
     * the event goes as that text to the audiences that see it whole.
     */
    LiveMessage next(String meetingId, long seq, MeetingEvent e, String eventText, MeetingState after, Set<String> touched) {
        JsonObject whole = RecordJson.toJson(e);
        var texts = new EnumMap<Audience, String>(Audience.class);
        var counted = new EnumMap<Audience, LiveMessage.Counted>(Audience.class);
        var patches = new EnumMap<Audience, LiveMessage.Patch>(Audience.class);
        // the slices every audience sees alike (a request for the floor changes the queue), projected
        // and encoded once for all of them; the polls are projected row by row (patchPolls), not whole
        var alike = new HashSet<String>(touched);
        alike.retainAll(Projection.ALIKE);
        Map<String, Object> alikeView = alike.isEmpty() ? Map.of() : Projection.view(after, Audience.CONSOLE, alike);
        var alikeTexts = new HashMap<String, String>();
        alikeView.forEach((slice, value) -> alikeTexts.put(slice, encodeSlice(value)));
        var own = new HashSet<String>(touched);
        own.removeAll(Projection.ALIKE);
        own.remove("polls");
        for (Audience a : Audience.values()) {
            var prev = last.computeIfAbsent(a, k -> new HashMap<>());
            var patch = new JsonObject();
            // the slices' texts just made, written into the message as they are (not encoded twice)
            var encodedSlices = new HashMap<String, String>(4);
            Map<String, Object> view = own.isEmpty() ? Map.of() : Projection.view(after, a, own);
            for (String slice : touched) {
                // a slice may be null (no document presented): it is there all the same
                boolean isAlike = alikeView.containsKey(slice);
                if (!isAlike && !view.containsKey(slice)) continue;
                Object value = isAlike ? alikeView.get(slice) : view.get(slice);
                String now = isAlike ? alikeTexts.get(slice) : encodeSlice(value);
                if (!now.equals(prev.get(slice))) {
                    prev.put(slice, now);
                    JsonArray rows = slice.equals("roster") ? changedMembers(a, (JsonObject) value) : null;
                    if (rows != null) {
                        patch.put("rosterRows", rows);
                    } else {
                        patch.put(slice, value);
                        encodedSlices.put(slice, now);
                    }
                }
            }
            if (touched.contains("polls")) patchPolls(after, a, patch);
            // sent even when it says nothing to this audience, so that its seq stays gapless (a gap means "reconnect")
            JsonObject event = Projection.event(e, after, a, whole);
            var encoded = encode(seq, event, event == whole ? eventText : null, patch, encodedSlices);
            texts.put(a, encoded.text());
            if (encoded.patch() != null) patches.put(a, encoded.patch());
            countedAs(event, patch, encoded.patch() == null ? Set.of() : encoded.patch().slices()).ifPresent(c -> counted.put(a, c));
        }
        return new LiveMessage(meetingId, seq, texts, counted, patches);
    }

    /** An event message's text, and where its patch is and what it replaces ({@code null}: nothing whole). */
    record Encoded(String text, LiveMessage.Patch patch) { }

    /**
     * {@code {"type":"event","seq":…,"event":…,"patch":…}}, the patch last, so that a frame can cut
     * it off where a later item of the frame replaces it (see {@link LiveMessage.Patch}), written in
     * one pass, with what is already text written as it is: the event as
     * {@code eventText} when not null (its encoding), and a patch field as its text in
     * {@code encodedSlices}. (It was the head and the patch each encoded to a string, the head cut and
     * the three joined: four copies of each message for each audience, each slice encoded twice, and
     * the event made and encoded again for each audience: ~12 % of what the server allocated in the evening.)
     */
    static Encoded encode(long seq, JsonObject event, String eventText, JsonObject patch, Map<String, String> encodedSlices) {
        var out = TEXT.get();
        if (out.getBuffer().capacity() > 1 << 20) TEXT.set(out = new java.io.StringWriter(4096));
        out.getBuffer().setLength(0);
        int at;
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "event");
            g.writeNumberField("seq", seq);
            g.writeFieldName("event");
            if (eventText != null) g.writeRawValue(eventText);
            else JacksonCodec.encodeJson(event, g);
            g.flush();
            at = out.getBuffer().length();
            g.writeFieldName("patch");
            g.writeStartObject();
            for (var field : patch) {
                g.writeFieldName(field.getKey());
                String text = encodedSlices.get(field.getKey());
                if (text != null) g.writeRawValue(text);
                else JacksonCodec.encodeJson(field.getValue(), g);
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new io.vertx.core.json.EncodeException("the live message could not be encoded: " + e.getMessage());
        }
        String text = out.toString();
        return new Encoded(text, replacedSlices(patch).map(slices -> new LiveMessage.Patch(at, slices)).orElse(null));
    }

    /** Jackson's factory, as Vert.x's {@code JsonObject.encode()} uses it (defaults). */
    private static final JsonFactory JSON = new JsonFactory();
    /** Each event loop's text being written, reused from message to message (let go past 1 MB). */
    private static final ThreadLocal<java.io.StringWriter> TEXT = ThreadLocal.withInitial(() -> new java.io.StringWriter(4096));

    /**
     * What a patch replaces whole, as a device applies it (live.js): each slice by its name, each
     * poll row as {@code pollRows:<id>}, the poll list as {@code polls}; empty when it has nothing.
     * A patch with {@code rosterRows} (the changed members' rows only) or a poll row with
     * {@code votersAdded} (the voters since the last row) replaces nothing whole: none.
     */
    static java.util.Optional<Set<String>> replacedSlices(JsonObject patch) {
        if (patch.isEmpty() || patch.containsKey("rosterRows") || addsVoters(patch)) return java.util.Optional.empty();
        var slices = new java.util.HashSet<String>();
        for (String field : patch.fieldNames()) {
            if (!field.equals("pollRows")) slices.add(field);
            else patch.getJsonArray(field).forEach(row -> slices.add("pollRows:" + ((JsonObject) row).getString("id")));
        }
        return java.util.Optional.of(Set.copyOf(slices));
    }

    /** A poll row that adds to the voters the device has ({@code votersAdded}): it does not replace the row whole. */
    private static boolean addsVoters(JsonObject patch) {
        JsonArray rows = patch.getJsonArray("pollRows");
        if (rows == null) return false;
        for (Object row : rows) if (((JsonObject) row).containsKey("votersAdded")) return true;
        return false;
    }

    /** Puts into {@code patch} the polls that changed for {@code a}: their rows ({@code pollRows}), or all of them when the list changed. */
    private void patchPolls(MeetingState s, Audience a, JsonObject patch) {
        var before = sentPolls.get(a);
        var now = projectPolls(s, a, before == null ? Map.of() : before);
        sentPolls.put(a, now);
        var polls = new JsonArray();
        now.values().forEach(r -> polls.add(r.row()));
        JsonArray rows = before == null ? null : Rows.of(now).changedSince(Rows.of(before), polls);
        if (rows == null) patch.put("polls", withVoters(polls, a, now, Map.of()));
        else if (!rows.isEmpty()) patch.put("pollRows", withVoters(rows, a, now, before));
    }

    /**
     * The console's rows of open polls with who has voted: {@code votersAdded}, those who voted since
     * the row {@code before} that the console has (same opening), or else {@code voters}, all of them.
     * A vote at a congress is one id to the console, not the 1,500 ids of everyone who has voted
     * (a poll of 1,500 votes was 1,500 growing lists, quadratic in bytes encoded, sent and kept).
     */
    private static JsonArray withVoters(JsonArray rows, Audience a, Map<String, PollRow> now, Map<String, PollRow> before) {
        if (a != Audience.CONSOLE) return rows;
        var out = new JsonArray();
        for (Object o : rows) {
            var row = (JsonObject) o;
            String id = row.getString("id");
            if (!(now.get(id).poll() instanceof vn.phonghop.agenda.voting.Poll.Open open)) {
                out.add(row);
                continue;
            }
            PollRow earlier = before.get(id);
            var added = earlier != null && earlier.poll() instanceof vn.phonghop.agenda.voting.Poll.Open was
                    ? open.votedSince(was) : java.util.Optional.<List<String>>empty();
            out.add(added.isPresent() ? row.copy().put("votersAdded", new JsonArray(added.get()))
                    : row.copy().put("voters", new JsonArray(List.copyOf(open.voted()))));
        }
        return out;
    }

    /** The polls as {@code a} sees them, in order; a row in {@code before} whose poll and present voters are the same is reused. */
    private static Map<String, PollRow> projectPolls(MeetingState s, Audience a, Map<String, PollRow> before) {
        var now = new java.util.LinkedHashMap<String, PollRow>();
        int eligible = s.figures().presentVoters();
        for (var p : s.polls().values()) {
            PollRow r = before.get(p.spec().pollId());
            if (r == null || r.poll() != p || r.eligible() != eligible) {
                // the console's voters go as a difference (withVoters), not in the row kept here
                JsonObject row = Projection.pollRow(p, eligible, a, false);
                r = new PollRow(p, eligible, row, row.encode());
            }
            now.put(p.spec().pollId(), r);
        }
        return now;
    }

    /** A vote as an audience sees it ("one more has voted"), which a frame may fold with the next ones. */
    static java.util.Optional<LiveMessage.Counted> countedAs(JsonObject event, JsonObject patch) {
        return countedAs(event, patch, replacedSlices(patch).orElse(Set.of()));
    }

    /** The same, with what the patch replaces already worked out ({@link #replacedSlices}). */
    private static java.util.Optional<LiveMessage.Counted> countedAs(JsonObject event, JsonObject patch, Set<String> slices) {
        // rosterRows patch only the rows one event changed: a later one does not replace them, so never folded
        if (event == null || !"VoteCounted".equals(event.getString("type")) || patch.containsKey("rosterRows")) {
            return java.util.Optional.empty();
        }
        // pollRows replace only their own rows: a later patch covers an earlier one only for the same polls
        return java.util.Optional.of(new LiveMessage.Counted(event.getString("pollId"), event.getString("at"), slices));
    }

    /** An event whose slices are sent with the last event of its batch (always in the same frame). */
    LiveMessage withoutPatch(String meetingId, long seq, MeetingEvent e, String eventText, MeetingState after) {
        JsonObject whole = RecordJson.toJson(e);
        var texts = new EnumMap<Audience, String>(Audience.class);
        var counted = new EnumMap<Audience, LiveMessage.Counted>(Audience.class);
        for (Audience a : Audience.values()) {
            JsonObject event = Projection.event(e, after, a, whole);
            var patch = new JsonObject();
            texts.put(a, encode(seq, event, event == whole ? eventText : null, patch, Map.of()).text());
            countedAs(event, patch).ifPresent(c -> counted.put(a, c));
        }
        return new LiveMessage(meetingId, seq, texts, counted);
    }

    /** The slices some events can change together. */
    static Set<String> touchedBy(java.util.List<MeetingEvent> events) {
        if (events.size() == 1) return touchedBy(events.get(0));
        var out = new java.util.HashSet<String>();
        for (MeetingEvent e : events) out.addAll(touchedBy(e));
        return out;
    }

    /** The slices an event can change; when unsure, all of them. */
    static Set<String> touchedBy(MeetingEvent e) {
        if (e instanceof VoteCast || e instanceof VoterMarked || e instanceof PollCreated || e instanceof PollOpened
                || e instanceof PollClosed || e instanceof PollResultShown) {
            return Set.of("polls", "warnings");
        }
        if (e instanceof CheckedIn || e instanceof CheckedOut || e instanceof MarkedAbsent) {
            return Set.of("roster", "figures", "polls", "warnings");
        }
        if (e instanceof FloorRequested || e instanceof FloorRequestWithdrawn || e instanceof FloorGranted
                || e instanceof SpeakerSkipped || e instanceof SpeakerMoved || e instanceof SpeakingTimerStarted
                || e instanceof SpeakingTimerStopped || e instanceof SpeakingTimeExtended || e instanceof SpeechFinished) {
            return Set.of("queue");
        }
        if (e instanceof RemarkRecorded || e instanceof RemarkCorrected) return Set.of("remarks");
        if (e instanceof DocumentPresented || e instanceof PresentationStopped) return Set.of("presentation");
        if (e instanceof ConclusionRecorded) return Set.of("conclusions");
        if (e instanceof CurrentItemChanged || e instanceof ItemSkipped || e instanceof AgendaItemAdded
                || e instanceof AgendaItemEdited || e instanceof AgendaItemRemoved || e instanceof AgendaItemMoved
                || e instanceof DocumentAttached || e instanceof DocumentDetached || e instanceof SpeakingLimitSet) {
            return Set.of("agenda", "queue");
        }
        return ALL;
    }

    static Map<String, String> encode(Map<String, Object> view) {
        var out = new HashMap<String, String>();
        view.forEach((k, v) -> out.put(k, encodeSlice(v)));
        return out;
    }

    private static String encodeSlice(Object v) {
        return v instanceof JsonObject o ? o.encode() : v instanceof io.vertx.core.json.JsonArray a ? a.encode() : String.valueOf(v);
    }
}
