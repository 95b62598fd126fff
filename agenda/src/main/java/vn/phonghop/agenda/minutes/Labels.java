package vn.phonghop.agenda.minutes;

import vn.phonghop.agenda.meeting.MeetingKind;
import vn.phonghop.agenda.voting.BallotMode;
import vn.phonghop.agenda.voting.DecisionKind;
import vn.phonghop.agenda.voting.DisciplineForm;

/** The Vietnamese words the minutes use for the domain's values. */
public final class Labels {

    private Labels() {
    }

    public static String form(DisciplineForm f) {
        return switch (f) {
            case REPRIMAND -> "Khiển trách";
            case WARNING -> "Cảnh cáo";
            case REMOVAL_FROM_POST -> "Cách chức";
            case EXPULSION -> "Khai trừ";
        };
    }

    public static String mode(BallotMode m) {
        return switch (m) {
            case SHOW_OF_HANDS -> "Biểu quyết giơ tay";
            case PARTY_CARD -> "Biểu quyết giơ thẻ đảng viên";
            case SECRET -> "Bỏ phiếu kín";
        };
    }

    public static String kind(DecisionKind k) {
        return switch (k) {
            case ORDINARY_RESOLUTION -> "Nghị quyết";
            case CONCLUSION -> "Kết luận";
            case ADMISSION -> "Kết nạp đảng viên";
            case PROBATION_CONFIRMATION -> "Công nhận đảng viên chính thức";
            case DISCIPLINE -> "Thi hành kỷ luật";
            case EXPULSION -> "Khai trừ ra khỏi Đảng";
            case ELECTION -> "Bầu cử";
            case PROCEDURAL -> "Bầu đoàn chủ tịch, thư ký, ban thẩm tra tư cách";
        };
    }

    public static String meetingKind(MeetingKind k) {
        return switch (k) {
            case REGULAR_CELL_MEETING -> "Sinh hoạt chi bộ thường kỳ";
            case THEMATIC_MEETING -> "Sinh hoạt chuyên đề";
            case COMMITTEE_CONFERENCE -> "Hội nghị Ban Chấp hành";
            case CONGRESS -> "Đại hội";
        };
    }
}
