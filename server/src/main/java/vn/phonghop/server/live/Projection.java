package vn.phonghop.server.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.phonghop.agenda.attendance.Presence;
import vn.phonghop.agenda.items.AgendaItem;
import vn.phonghop.agenda.meeting.MeetingEvent;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.meeting.MeetingState;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.speakers.SpeakerQueue;
import vn.phonghop.agenda.voting.Choice;
import vn.phonghop.agenda.voting.Poll;
import vn.phonghop.server.json.RecordJson;

/**
 * What each audience may see of a meeting. The view is split into slices (header, roster,
 * figures, agenda, queue, polls, record); after an event only the slices that changed are sent.
 * Nobody, not even the console, is shown which member chose what in a secret poll: the state
 * does not hold it. Open-ballot choices are shown to the console only; delegates and the display
 * see counts, and results only once the chair shows them.
 */
public final class Projection {

    private Projection() {
    }

    /** The view of a meeting for an audience, slice by slice. */
    public static Map<String, Object> view(MeetingState s, Audience a) {
        return view(s, a, null);
    }

    /**
     * The slices that are the same for every audience: {@link #view} makes them from the meeting
     * alone (an event that changes only these is projected once for all the audiences).
     */
    static final java.util.Set<String> ALIKE = java.util.Set.of("header", "figures", "agenda", "queue", "conclusions",
            "presentation");

    /** Only the named slices of the view ({@code null}: all), so an event recomputes what it can change. */
    public static Map<String, Object> view(MeetingState s, Audience a, java.util.Set<String> only) {
        var v = new LinkedHashMap<String, Object>();
        java.util.function.Predicate<String> want = k -> only == null || only.contains(k);
        if (want.test("header")) v.put("header", header(s));
        if (a != Audience.DISPLAY && want.test("roster")) v.put("roster", roster(s, a));
        if (want.test("figures")) v.put("figures", figures(s));
        if (want.test("agenda")) v.put("agenda", agenda(s));
        if (want.test("queue")) v.put("queue", queue(s));
        if (want.test("polls")) v.put("polls", polls(s, a));
        if (want.test("conclusions")) v.put("conclusions", conclusions(s));
        if (want.test("presentation")) v.put("presentation", presentation(s));
        if (a == Audience.CONSOLE) {
            if (want.test("remarks")) v.put("remarks", remarks(s));
            if (want.test("warnings")) v.put("warnings", new JsonArray(s.warnings().stream().map(Enum::name).toList()));
        }
        return v;
    }

    /**
     * What the event itself says to an audience, or null when it says nothing to it; {@code whole} is
     * the event written whole ({@code RecordJson.toJson(e)}, made once for all the audiences), given
     * as that very object where the audience sees the event whole.
     */
    static JsonObject event(MeetingEvent e, MeetingState after, Audience a, JsonObject whole) {
        if (a == Audience.CONSOLE) return whole;
        if (e instanceof RemarkRecorded || e instanceof RemarkCorrected) return null;
        if (e instanceof VoteCast || e instanceof VoterMarked) {
            String pollId = e instanceof VoteCast v ? v.pollId() : ((VoterMarked) e).pollId();
            return new JsonObject().put("type", "VoteCounted").put("pollId", pollId).put("at", e.at().toString());
        }
        if (e instanceof PollClosed c) {
            return new JsonObject().put("type", "PollClosed").put("pollId", c.pollId()).put("at", e.at().toString());
        }
        if (e instanceof MemberRegistered || e instanceof MemberStandingChanged) {
            return a == Audience.DISPLAY ? null : whole;
        }
        return whole;
    }

    /** The personal part of a snapshot: what this viewer has done (their ballots, their place in the queue). */
    public static JsonObject me(MeetingState s, Viewer viewer) {
        var me = new JsonObject();
        String id = viewer.personId();
        if (id == null) return me;
        me.put("personId", id).put("name", s.roster().nameOf(id))
                .put("roles", new JsonArray(s.roster().rolesOf(id).stream().map(Enum::name).toList()))
                .put("mayVote", s.roster().member(id).map(Member::mayVote).orElse(false))
                .put("present", s.attendance().present(id));
        var voted = new JsonObject();
        for (Poll p : s.polls().values()) {
            boolean has = p instanceof Poll.Open o ? o.hasVoted(id) : p instanceof Poll.Closed c && c.voted().contains(id);
            if (!has) continue;
            var entry = new JsonObject().put("voted", true);
            // an open ballot is public anyway; a secret one is not kept and so cannot be shown back
            Choice own = p instanceof Poll.Open o ? o.openChoices().get(id) : ((Poll.Closed) p).openChoices().get(id);
            if (own != null) entry.put("choice", RecordJson.toJson(own));
            voted.put(p.id(), entry);
        }
        me.put("ballots", voted);
        s.currentQueue().flatMap(q -> q.placeOf(id)).ifPresent(place -> me.put("queuePlace", place));
        return me;
    }

    private static JsonObject header(MeetingState s) {
        var h = s.header();
        var t = s.timeline();
        var rules = h.ruleSet();
        return new JsonObject().put("meetingId", h.meetingId()).put("title", h.title()).put("kind", h.kind().name())
                .put("phase", s.phase().name()).put("venue", h.venue()).put("place", h.place()).put("zone", h.zoneId())
                .put("plannedStart", h.plannedStart().toString())
                .put("organisation", RecordJson.toJson(h.organisation()))
                .put("ruleSet", new JsonObject().put("id", rules.id()).put("title", rules.title()))
                .put("publishedAt", str(t.publishedAt())).put("startedAt", str(t.startedAt()))
                .put("closedAt", str(t.closedAt()))
                .put("chair", person(s, s.roster().chairId())).put("minuteTaker", person(s, s.roster().minuteTakerId()));
    }

    private static JsonObject roster(MeetingState s, Audience a) {
        var members = new JsonArray();
        for (Member m : s.roster().memberList()) {
            var p = s.attendance().of(m.id());
            var row = new JsonObject().put("id", m.id()).put("name", m.name()).put("membership", m.membership().name())
                    .put("presence", p.map(x -> x.status().name()).orElse("UNKNOWN"))
                    .put("late", p.map(Presence::late).orElse(false));
            if (a == Audience.CONSOLE) {
                row.put("standing", m.standing().name()).put("absenceReason", p.map(Presence::absenceReason).orElse(null));
            }
            members.add(row);
        }
        var guests = new JsonArray();
        s.roster().guests().values().forEach(g -> guests.add(new JsonObject().put("id", g.id()).put("name", g.name())
                .put("affiliation", g.affiliation())
                .put("presence", s.attendance().of(g.id()).map(x -> x.status().name()).orElse("UNKNOWN"))));
        return new JsonObject().put("members", members).put("guests", guests);
    }

    private static JsonObject figures(MeetingState s) {
        var f = s.figures();
        return RecordJson.toJson(f).put("quorum", RecordJson.toJson(s.quorum()));
    }

    private static JsonObject agenda(MeetingState s) {
        var items = new JsonArray();
        for (AgendaItem i : s.agenda().items()) {
            var docs = new JsonArray();
            i.documents().forEach(d -> docs.add(RecordJson.toJson(d)));
            items.add(new JsonObject().put("id", i.id()).put("parentId", i.parentId())
                    .put("number", s.agenda().numberOf(i.id())).put("title", i.title())
                    .put("plannedMinutes", i.plannedMinutes()).put("status", i.status().name())
                    .put("spentSeconds", i.spentSeconds()).put("currentSince", str(i.currentSince()))
                    .put("speakingLimitSeconds", i.speakingLimitSeconds()).put("documents", docs));
        }
        return new JsonObject().put("currentItemId", s.agenda().currentItemId()).put("items", items);
    }

    private static JsonObject queue(MeetingState s) {
        String itemId = s.agenda().currentItemId();
        if (itemId == null) return new JsonObject().put("itemId", null);
        SpeakerQueue q = s.queue(itemId);
        var waiting = new JsonArray();
        q.waiting().forEach(r -> waiting.add(new JsonObject().put("personId", r.personId())
                .put("name", s.roster().nameOf(r.personId())).put("pointOfOrder", r.pointOfOrder())
                .put("requestedAt", r.requestedAt().toString())));
        var out = new JsonObject().put("itemId", itemId).put("waiting", waiting);
        var sp = q.current();
        if (sp != null) {
            out.put("current", new JsonObject().put("personId", sp.personId()).put("name", s.roster().nameOf(sp.personId()))
                    .put("grantedAt", sp.grantedAt().toString()).put("limitSeconds", sp.limitSeconds())
                    .put("extendedSeconds", sp.extendedSeconds()).put("elapsedSeconds", sp.elapsedSeconds())
                    .put("runningSince", str(sp.runningSince())));
        }
        var done = new JsonArray();
        q.finished().forEach(f -> done.add(new JsonObject().put("personId", f.personId())
                .put("name", s.roster().nameOf(f.personId())).put("durationSeconds", f.durationSeconds())));
        return out.put("finished", done);
    }

    private static JsonArray polls(MeetingState s, Audience a) {
        var out = new JsonArray();
        int eligible = s.figures().presentVoters();
        for (Poll p : s.polls().values()) out.add(pollRow(p, eligible, a));
        return out;
    }

    /** One poll as an audience sees it; {@code eligible}: the members present with a vote. */
    static JsonObject pollRow(Poll p, int eligible, Audience a) {
        return pollRow(p, eligible, a, true);
    }

    /**
     * The same; without {@code voters} (who has voted, the console's) when {@code withVoters} is
     * false: the live patches send them as a difference (see {@link ViewTracker}).
     */
    static JsonObject pollRow(Poll p, int eligible, Audience a, boolean withVoters) {
        var spec = p.spec();
        var row = RecordJson.toJson(spec);
        row.remove("type");
        row.put("id", spec.pollId()).put("status", p instanceof Poll.Draft ? "DRAFT" : p instanceof Poll.Open ? "OPEN" : "CLOSED");
        if (p instanceof Poll.Open o) {
            row.put("votedCount", o.voted().size()).put("eligibleCount", eligible).put("openedAt", o.openedAt().toString());
            if (a == Audience.CONSOLE) {
                if (withVoters) row.put("voters", new JsonArray(List.copyOf(o.voted())));
                if (!spec.secret()) row.put("tally", RecordJson.toJson(o.tally()));
            }
        }
        if (p instanceof Poll.Closed c) {
            row.put("votedCount", c.voted().size()).put("eligibleCount", c.eligible()).put("shown", c.shown())
                    .put("closedAt", c.closedAt().toString());
            if (a == Audience.CONSOLE || c.shown()) {
                row.put("tally", RecordJson.toJson(c.tally())).put("result", RecordJson.toJson(c.result()));
            }
        }
        return row;
    }

    /** The page the chair shows the room, with what a viewer needs to open it; null when none. */
    private static JsonObject presentation(MeetingState s) {
        var p = s.presentation();
        if (p == null) return null;
        var doc = s.agenda().item(p.itemId()).flatMap(i -> i.documents().stream()
                .filter(d -> d.id().equals(p.documentId())).findFirst());
        if (doc.isEmpty()) return null;
        return new JsonObject().put("documentId", p.documentId()).put("itemId", p.itemId()).put("title", doc.get().title())
                .put("page", p.page()).put("pageCount", doc.get().pageCount())
                .put("classification", doc.get().classification().name());
    }

    private static JsonObject conclusions(MeetingState s) {
        var out = new JsonObject();
        s.conclusions().forEach((item, c) -> out.put(item, c.text()));
        return out;
    }

    private static JsonArray remarks(MeetingState s) {
        var out = new JsonArray();
        s.remarks().values().forEach(r -> out.add(new JsonObject().put("id", r.id()).put("itemId", r.itemId())
                .put("speakerId", r.speakerId()).put("speaker", s.roster().nameOf(r.speakerId())).put("text", r.text())
                .put("corrected", r.corrected()).put("at", r.versions().get(0).at().toString())));
        return out;
    }

    private static JsonObject person(MeetingState s, String id) {
        return id == null ? null : new JsonObject().put("id", id).put("name", s.roster().nameOf(id));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
