package vn.phonghop.agenda.meeting;

import static vn.phonghop.agenda.meeting.Guards.first;
import static vn.phonghop.agenda.meeting.Guards.item;
import static vn.phonghop.agenda.meeting.Guards.person;
import static vn.phonghop.agenda.meeting.Guards.phase;
import static vn.phonghop.agenda.meeting.Guards.text;

import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.meeting.Rejection.Reason;

/** Deciding what the minute-taker writes down: remarks of speakers and conclusions of items. */
final class Recording {

    private Recording() {
    }

    static Decision remark(MeetingState s, RecordRemark c) {
        var bad = first(phase(s, Guards.RUNNING), text(c.remarkId(), 200, "remark id"), item(s, c.itemId()),
                person(s, c.speakerId()), text(c.text(), Guards.MAX_TEXT, "remark"));
        if (bad != null) return bad;
        if (s.remarks().containsKey(c.remarkId())) return Decision.reject(Reason.REMARK_ALREADY_EXISTS, c.remarkId());
        return Decision.accept(new RemarkRecorded(c.remarkId(), c.itemId(), c.speakerId(), c.text().strip(), c.by(), c.at()));
    }

    static Decision correct(MeetingState s, CorrectRemark c) {
        var bad = first(phase(s, Guards.RUNNING), text(c.text(), Guards.MAX_TEXT, "remark"));
        if (bad != null) return bad;
        if (c.remarkId() == null || !s.remarks().containsKey(c.remarkId())) {
            return Decision.reject(Reason.UNKNOWN_REMARK, c.remarkId());
        }
        String why = c.reason() == null ? "" : c.reason().strip();
        return Decision.accept(new RemarkCorrected(c.remarkId(), c.text().strip(), why, c.by(), c.at()));
    }

    static Decision conclusion(MeetingState s, RecordConclusion c) {
        var bad = first(phase(s, Guards.RUNNING), item(s, c.itemId()), text(c.text(), Guards.MAX_TEXT, "conclusion"));
        return bad != null ? bad : Decision.accept(new ConclusionRecorded(c.itemId(), c.text().strip(), c.by(), c.at()));
    }
}
