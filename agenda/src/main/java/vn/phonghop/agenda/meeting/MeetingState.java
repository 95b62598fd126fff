package vn.phonghop.agenda.meeting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.phonghop.agenda.attendance.Attendance;
import vn.phonghop.agenda.attendance.AttendanceFigures;
import vn.phonghop.agenda.attendance.QuorumRule;
import vn.phonghop.agenda.items.Agenda;
import vn.phonghop.agenda.record.Conclusion;
import vn.phonghop.agenda.record.Remark;
import vn.phonghop.agenda.roster.Roster;
import vn.phonghop.agenda.speakers.SpeakerQueue;
import vn.phonghop.agenda.voting.Poll;

/** A meeting as the fold of its log: immutable; every change is a new state from {@link Meeting#evolve}. */
public record MeetingState(MeetingHeader header, Timeline timeline, Roster roster, QuorumRule quorum,
                           Attendance attendance, Agenda agenda, Map<String, SpeakerQueue> queues,
                           Map<String, Remark> remarks, Map<String, Conclusion> conclusions, Map<String, Poll> polls,
                           vn.phonghop.agenda.items.Presentation presentation) {

    /** Before the meeting is scheduled. */
    public static final MeetingState NONE = new MeetingState(null, Timeline.NONE, Roster.convenedBy(null),
            QuorumRule.MORE_THAN_HALF_WARN, Attendance.NONE, Agenda.EMPTY, Map.of(), Map.of(), Map.of(), Map.of(), null);

    /** Things the chair should see; none of them blocks the meeting. */
    public enum Warning {
        CELL_UNDER_THREE_OFFICIAL_MEMBERS, NOT_PUBLISHED_A_DAY_AHEAD, QUORUM_NOT_MET, ATTENDANCE_BELOW_QUALITY,
        SHORTER_THAN_REQUIRED
    }

    public MeetingState {
        queues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(queues));
        remarks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(remarks));
        conclusions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conclusions));
        polls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(polls));
    }

    public Phase phase() {
        return timeline.phase();
    }

    public AttendanceFigures figures() {
        // a vote changes neither the roster nor the attendance: the figures of the state before are
        // still right (at a congress of 1,500, counting them again for every vote and projection
        // was a pass over every member each time)
        FiguresMemo m = lastFigures;
        if (m != null && m.roster() == roster && m.attendance() == attendance && m.quorum() == quorum) return m.figures();
        var f = AttendanceFigures.of(roster, attendance, quorum);
        lastFigures = new FiguresMemo(roster, attendance, quorum, f);
        return f;
    }

    /** The figures last worked out, with what they were worked out from (compared by identity: all immutable). */
    private record FiguresMemo(Roster roster, Attendance attendance, QuorumRule quorum, AttendanceFigures figures) { }

    private static volatile FiguresMemo lastFigures;

    public SpeakerQueue queue(String itemId) {
        return queues.getOrDefault(itemId, SpeakerQueue.EMPTY);
    }

    public Optional<SpeakerQueue> currentQueue() {
        return Optional.ofNullable(agenda.currentItemId()).map(this::queue);
    }

    public Optional<Poll> poll(String pollId) {
        return Optional.ofNullable(polls.get(pollId));
    }

    public Optional<Poll.Open> openPoll() {
        return polls.values().stream().filter(p -> p instanceof Poll.Open).map(p -> (Poll.Open) p).findFirst();
    }

    public List<Warning> warnings() {
        var w = new ArrayList<Warning>();
        if (header == null) return w;
        var rules = header.ruleSet();
        var f = figures();
        if (header.organisation().kind() == vn.phonghop.agenda.roster.BodyKind.CELL
                && f.officialMembers() < rules.minimumOfficialMembersOfCell()) {
            w.add(Warning.CELL_UNDER_THREE_OFFICIAL_MEMBERS);
        }
        var start = timeline.startedAt() != null ? timeline.startedAt() : header.plannedStart();
        if (timeline.publishedAt() != null && !timeline.publishedAtLeastDaysAhead(start, rules.publishLeadDays())) {
            w.add(Warning.NOT_PUBLISHED_A_DAY_AHEAD);
        }
        if (phase() == Phase.IN_PROGRESS && !f.quorumMet()) w.add(Warning.QUORUM_NOT_MET);
        if (timeline.startedAt() != null && !f.attendanceAbove(rules.attendanceQualityPercent())) {
            w.add(Warning.ATTENDANCE_BELOW_QUALITY);
        }
        if (header.kind() == MeetingKind.REGULAR_CELL_MEETING && timeline.closedAt() != null
                && timeline.minutesLong() < rules.regularMeetingMinimumMinutes()) {
            w.add(Warning.SHORTER_THAN_REQUIRED);
        }
        return w;
    }

    MeetingState with(vn.phonghop.agenda.items.Presentation p) {
        return new MeetingState(header, timeline, roster, quorum, attendance, agenda, queues, remarks, conclusions, polls, p);
    }

    MeetingState with(Roster r) {
        return new MeetingState(header, timeline, r, quorum, attendance, agenda, queues, remarks, conclusions, polls, presentation);
    }

    MeetingState with(Timeline t) {
        return new MeetingState(header, t, roster, quorum, attendance, agenda, queues, remarks, conclusions, polls, presentation);
    }

    MeetingState with(QuorumRule q) {
        return new MeetingState(header, timeline, roster, q, attendance, agenda, queues, remarks, conclusions, polls, presentation);
    }

    MeetingState with(Attendance a) {
        return new MeetingState(header, timeline, roster, quorum, a, agenda, queues, remarks, conclusions, polls, presentation);
    }

    MeetingState with(Agenda a) {
        return new MeetingState(header, timeline, roster, quorum, attendance, a, queues, remarks, conclusions, polls, presentation);
    }

    MeetingState withQueue(String itemId, SpeakerQueue q) {
        var m = new LinkedHashMap<>(queues);
        m.put(itemId, q);
        return new MeetingState(header, timeline, roster, quorum, attendance, agenda, m, remarks, conclusions, polls, presentation);
    }

    MeetingState with(Remark r) {
        var m = new LinkedHashMap<>(remarks);
        m.put(r.id(), r);
        return new MeetingState(header, timeline, roster, quorum, attendance, agenda, queues, m, conclusions, polls, presentation);
    }

    MeetingState with(Conclusion c) {
        var m = new LinkedHashMap<>(conclusions);
        m.put(c.itemId(), c);
        return new MeetingState(header, timeline, roster, quorum, attendance, agenda, queues, remarks, m, polls, presentation);
    }

    MeetingState with(Poll p) {
        var m = new LinkedHashMap<>(polls);
        m.put(p.id(), p);
        return new MeetingState(header, timeline, roster, quorum, attendance, agenda, queues, remarks, conclusions, m, presentation);
    }
}
