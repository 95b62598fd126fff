package vn.phonghop.agenda.minutes;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import vn.phonghop.agenda.items.Classification;
import vn.phonghop.agenda.meeting.MeetingKind;
import vn.phonghop.agenda.roster.BodyKind;
import vn.phonghop.agenda.voting.BallotMode;
import vn.phonghop.agenda.voting.DecisionKind;
import vn.phonghop.agenda.voting.Threshold;

/**
 * The structured content of the minutes (biên bản), in the order of Guidance 36-HD/VPTW and
 * 16-HD/VPTW, ready for a renderer to lay out. Times are local to the meeting's zone. Nothing here
 * is a comment of the minute-taker's: only what the log recorded.
 */
public record MinutesRecord(Header header, LocalDateTime startedAt, LocalDateTime endedAt, String venue,
                            String chair, String minuteTaker, List<DocumentLine> documents,
                            AttendanceSection attendance, List<ItemSection> items, List<VoteLine> votes) {

    public MinutesRecord {
        documents = List.copyOf(documents);
        items = List.copyOf(items);
        votes = List.copyOf(votes);
    }

    /** The block at the top: bodies, number, place and date, title and summary line, rules. */
    public record Header(String superiorBody, String issuingBody, BodyKind bodyKind, String symbol,
                         MeetingKind meetingKind, String summary, String place, LocalDate date, String ruleSetId,
                         String ruleSetTitle, String meetingId) {
    }

    public record DocumentLine(String itemNumber, String title, Classification classification, int pageCount,
                               String sha256) {
    }

    public record Absentee(String name, String reason, boolean exempt) {
        public boolean excused() {
            return reason != null;
        }
    }

    public record LateArrival(String name, LocalDateTime at) {
    }

    public record GuestLine(String name, String affiliation) {
    }

    public record AttendanceSection(int officialMembers, int probationaryMembers, int officialPresent,
                                    int probationaryPresent, int majorityBase, Percent attendance,
                                    List<Absentee> absentees, List<LateArrival> lateArrivals, List<GuestLine> guests) {
        public AttendanceSection {
            absentees = List.copyOf(absentees);
            lateArrivals = List.copyOf(lateArrivals);
            guests = List.copyOf(guests);
        }
    }

    /** One remark as it stands after any corrections; {@code corrected} says there were some. */
    public record RemarkLine(String speaker, String text, LocalDateTime at, boolean corrected) {
    }

    public record SpeechLine(String speaker, long durationSeconds) {
    }

    public record ItemSection(String number, String title, int plannedMinutes, long spentMinutes, boolean skipped,
                              List<RemarkLine> remarks, List<SpeechLine> speeches, String conclusion) {
        public ItemSection {
            remarks = List.copyOf(remarks);
            speeches = List.copyOf(speeches);
        }
    }

    /** A count on a ballot option with its share of the majority base. */
    public record OptionLine(String key, String label, int votes, Percent ofBase) {
    }

    /** A vote: what, how, under which threshold, the counts, and the outcome. */
    public record VoteLine(String itemNumber, String question, DecisionKind kind, BallotMode mode, Threshold threshold,
                           String ruleSetId, int majorityBase, int officialMembers, int ballots,
                           List<OptionLine> options, boolean passed, String outcome, LocalDateTime closedAt) {
        public VoteLine {
            options = List.copyOf(options);
        }
    }
}
