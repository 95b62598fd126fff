package vn.phonghop.agenda.minutes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.phonghop.agenda.items.AgendaItem;
import vn.phonghop.agenda.items.ItemStatus;
import vn.phonghop.agenda.meeting.Meeting;
import vn.phonghop.agenda.meeting.MeetingEvent;
import vn.phonghop.agenda.meeting.MeetingState;
import vn.phonghop.agenda.minutes.MinutesRecord.*;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.agenda.voting.Answer;
import vn.phonghop.agenda.voting.Choice;
import vn.phonghop.agenda.voting.Poll;
import vn.phonghop.agenda.voting.PollResult;

/** The minutes record as a pure function of a meeting's event log. */
public final class Minutes {

    private Minutes() {
    }

    public static MinutesRecord of(List<? extends MeetingEvent> log) {
        MeetingState s = Meeting.fold(MeetingState.NONE, log);
        if (s.header() == null) throw new IllegalArgumentException("the log holds no meeting");
        ZoneId zone = ZoneId.of(s.header().zoneId());
        var h = s.header();
        var org = h.organisation();
        Instant day = s.timeline().startedAt() != null ? s.timeline().startedAt() : h.plannedStart();
        var header = new Header(org.superiorName(), org.name(), org.kind(), org.symbol(), h.kind(), h.title(),
                h.place(), day.atZone(zone).toLocalDate(), h.ruleSet().id(), h.ruleSet().title(), h.meetingId());
        var roster = s.roster();
        return new MinutesRecord(header, local(s.timeline().startedAt(), zone), local(s.timeline().closedAt(), zone),
                h.venue(), roster.chairId() == null ? "" : roster.nameOf(roster.chairId()),
                roster.minuteTakerId() == null ? "" : roster.nameOf(roster.minuteTakerId()),
                documents(s), attendance(s, zone), items(s, zone), votes(s, zone));
    }

    private static List<DocumentLine> documents(MeetingState s) {
        var out = new ArrayList<DocumentLine>();
        for (AgendaItem i : s.agenda().items()) {
            for (var d : i.documents()) {
                out.add(new DocumentLine(s.agenda().numberOf(i.id()), d.title(), d.classification(), d.pageCount(), d.sha256()));
            }
        }
        return out;
    }

    private static AttendanceSection attendance(MeetingState s, ZoneId zone) {
        var f = s.figures();
        var absentees = new ArrayList<Absentee>();
        var late = new ArrayList<LateArrival>();
        // the minutes report who attended, like the guests below: leaving before the close is not absence
        int officialAttended = 0, probationaryAttended = 0, expectedAttended = 0;
        for (Member m : s.roster().memberList()) {
            var p = s.attendance().of(m.id());
            boolean attended = p.isPresent() && p.get().attended();
            boolean counts = m.standing() == Standing.ACTIVE || m.standing() == Standing.EXEMPT;
            if (attended && m.official()) officialAttended++;
            if (attended && !m.official()) probationaryAttended++;
            if (attended && counts) expectedAttended++;
            if (!attended && counts) {
                absentees.add(new Absentee(m.name(), p.map(x -> x.absenceReason()).orElse(null),
                        m.standing() == Standing.EXEMPT));
            }
            if (attended && p.get().late()) late.add(new LateArrival(m.name(), local(p.get().firstArrival(), zone)));
        }
        var guests = s.roster().guests().values().stream()
                .filter(g -> s.attendance().attended(g.id()))
                .map(g -> new GuestLine(g.name(), g.affiliation())).toList();
        return new AttendanceSection(f.officialMembers(), f.probationaryMembers(), officialAttended,
                probationaryAttended, f.majorityBase(), Percent.of(expectedAttended, f.expected()),
                absentees, late, guests);
    }

    private static List<ItemSection> items(MeetingState s, ZoneId zone) {
        var out = new ArrayList<ItemSection>();
        for (AgendaItem i : s.agenda().items()) {
            var remarks = s.remarks().values().stream().filter(r -> r.itemId().equals(i.id()))
                    .map(r -> new RemarkLine(s.roster().nameOf(r.speakerId()), r.text(),
                            local(r.versions().get(0).at(), zone), r.corrected()))
                    .toList();
            var speeches = s.queue(i.id()).finished().stream()
                    .map(f -> new SpeechLine(s.roster().nameOf(f.personId()), f.durationSeconds())).toList();
            var conclusion = s.conclusions().get(i.id());
            out.add(new ItemSection(s.agenda().numberOf(i.id()), i.title(), i.plannedMinutes(), i.spentSeconds() / 60,
                    i.status() == ItemStatus.SKIPPED, remarks, speeches, conclusion == null ? "" : conclusion.text()));
        }
        return out;
    }

    private static List<VoteLine> votes(MeetingState s, ZoneId zone) {
        var out = new ArrayList<VoteLine>();
        for (Poll p : s.polls().values()) {
            if (!(p instanceof Poll.Closed c)) continue;
            var spec = c.spec();
            String number = spec.itemId() != null && s.agenda().item(spec.itemId()).isPresent()
                    ? s.agenda().numberOf(spec.itemId()) : "";
            var r = c.result();
            int base = r.majorityBase();
            var options = new ArrayList<OptionLine>();
            String outcome;
            var threshold = s.header().ruleSet().rule(spec.kind()).threshold();
            if (r instanceof PollResult.Motion m) {
                options.add(new OptionLine(Answer.FOR.name(), "Tán thành", m.forVotes(), Percent.of(m.forVotes(), base)));
                options.add(new OptionLine(Answer.AGAINST.name(), "Không tán thành", m.againstVotes(), Percent.of(m.againstVotes(), base)));
                options.add(new OptionLine(Answer.ABSTAIN.name(), "Không biểu quyết", m.abstainVotes(), Percent.of(m.abstainVotes(), base)));
                outcome = m.passed() ? "Thông qua" : "Không thông qua";
            } else if (r instanceof PollResult.Election e) {
                for (var co : e.candidates()) options.add(new OptionLine(co.candidateId(), co.name(), co.votes(), Percent.of(co.votes(), base)));
                var names = e.elected().stream().map(PollResult.CandidateOutcome::name).toList();
                outcome = (names.isEmpty() ? "Không có người trúng cử" : "Trúng cử: " + String.join(", ", names))
                        + (e.tieForLastSeat() ? "; số phiếu bằng nhau ở vị trí cuối, phải bầu lại" : "");
            } else {
                var d = (PollResult.Discipline) r;
                for (var fo : d.forms()) options.add(new OptionLine(fo.form().name(), Labels.form(fo.form()), fo.votes(), Percent.of(fo.votes(), base)));
                options.add(new OptionLine(Choice.Discipline.NONE, "Không kỷ luật", d.noDiscipline(), Percent.of(d.noDiscipline(), base)));
                outcome = d.decided() == null ? "Không đủ số phiếu để thi hành kỷ luật" : "Hình thức kỷ luật: " + Labels.form(d.decided());
            }
            out.add(new VoteLine(number, spec.question(), spec.kind(), spec.mode(), threshold, spec.ruleSetId(), base,
                    r.officialMembers(), r.ballots(), options, r.passed(), outcome, local(c.closedAt(), zone)));
        }
        return out;
    }

    private static LocalDateTime local(Instant at, ZoneId zone) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone);
    }
}
