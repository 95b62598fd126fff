package vn.phonghop.server.minutes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.phonghop.agenda.items.Classification;
import vn.phonghop.agenda.items.DocumentRef;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent;
import vn.phonghop.agenda.meeting.MeetingKind;
import vn.phonghop.agenda.roster.BodyKind;
import vn.phonghop.agenda.roster.Guest;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.agenda.voting.Answer;
import vn.phonghop.agenda.voting.BallotMode;
import vn.phonghop.agenda.voting.Candidate;
import vn.phonghop.agenda.voting.Choice;
import vn.phonghop.agenda.voting.DecisionKind;
import vn.phonghop.agenda.voting.DisciplineForm;

/**
 * A regular meeting of a party cell as the system would record it: 15 official and 2 probationary
 * members (one exempt and absent, one absent with a reason, one without, one late), a guest, six
 * agenda items, remarks with every Vietnamese diacritic (some long enough to cross pages) and
 * polls of every shape: an open motion, a secret motion, an election and a discipline vote.
 */
final class SampleMeeting {

    static final Instant START = Instant.parse("2026-11-20T01:00:00Z"); // 08:00 in Hà Nội
    static final String CHAIR = "m01";
    static final String MINUTE_TAKER = "m02";
    static final Organisation CELL = new Organisation("cb-cntt", "Chi bộ Khoa Công nghệ thông tin", BodyKind.CELL,
            "Đảng bộ Trường Đại học Bách khoa Hà Nội", "CB");
    static final String SUMMARY = "Sinh hoạt chi bộ thường kỳ tháng 11 năm 2026";
    static final String KEY_REMARK = "Đồng chí đề nghị tăng cường kiểm tra, giám sát việc thực hiện nghị quyết; "
            + "chú ý ưu tiên người lao động ở khu vực khó khăn";

    static final String[] NAMES = {
        "Nguyễn Thị Hương", "Trần Văn Đức", "Lê Hoàng Yến", "Phạm Quốc Việt", "Hoàng Thị Thu Trang",
        "Vũ Đình Khải", "Đặng Ngọc Ánh", "Bùi Thế Dũng", "Đỗ Thị Mỹ Hạnh", "Ngô Quang Huy",
        "Dương Văn Lượng", "Lý Thị Ngọc Diệp", "Phan Thanh Sơn", "Trịnh Xuân Thủy", "Hồ Sỹ Quyết",
        "Mai Thị Ổn", "Lại Văn Ước"};

    static final String[] ITEMS = {
        "Báo cáo tình hình tư tưởng, đảng viên và thu đảng phí",
        "Thông tin thời sự, chủ trương mới của Đảng",
        "Đánh giá kết quả thực hiện nhiệm vụ tháng 11",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Phương hướng, nhiệm vụ tháng 12 và biểu quyết nghị quyết",
        "Công tác phát triển đảng viên, kiểm tra và kỷ luật đảng"};

    private static final String[] SENTENCES = {
        KEY_REMARK + ".",
        "Tập thể chi bộ đã hoàn thành tốt nhiệm vụ giảng dạy, nghiên cứu khoa học và phục vụ cộng đồng.",
        "Cần khắc phục ngay tình trạng một số đảng viên chưa gương mẫu trong việc đóng đảng phí đúng hạn.",
        "Ủy ban Kiểm tra Đảng ủy đề nghị chi bộ rà soát kỹ hồ sơ, lý lịch của quần chúng ưu tú trước khi xét kết nạp.",
        "Đồng chí nhấn mạnh phải giữ vững nguyên tắc tập trung dân chủ, tự phê bình và phê bình thẳng thắn, chân thành.",
        "Việc ứng dụng chuyển đổi số trong quản lý đào tạo cần được đẩy mạnh hơn nữa, bảo đảm an toàn thông tin.",
        "Sinh viên ở vùng sâu, vùng xa, hải đảo cần được hỗ trợ học bổng và chỗ ở ký túc xá kịp thời.",
        "Ở khu vực Tây Nguyên và đồng bằng sông Cửu Long, nhiều hộ gia đình vẫn gặp khó khăn sau bão lũ.",
        "Những ý kiến đóng góp đã được tổng hợp đầy đủ, trung thực và sẽ được gửi lên Đảng ủy cấp trên.",
        "Đề nghị bổ sung chỉ tiêu về số bài báo quốc tế, đồng thời nâng cao chất lượng hướng dẫn nghiên cứu sinh.",
        "Chúng ta phải kiên quyết đấu tranh, ngăn chặn sự suy thoái về tư tưởng chính trị, đạo đức, lối sống.",
        "Thủ trưởng đơn vị cần chỉ đạo quyết liệt, rõ người, rõ việc, rõ thời hạn, rõ trách nhiệm và rõ kết quả.",
        "Kỷ luật phải nghiêm minh nhưng cũng cần có lý, có tình, giúp đồng chí nhận rõ khuyết điểm để sửa chữa.",
        "Phong trào thi đua \"Dạy tốt, học tốt\" được hưởng ứng sôi nổi; nhiều tấm gương tiêu biểu đã được khen thưởng.",
        "Đề nghị Ban Chủ nhiệm Khoa sớm hoàn thiện quy chế chi tiêu nội bộ, công khai minh bạch với toàn thể viên chức.",
        "Tư tưởng của đảng viên, viên chức và người lao động nhìn chung ổn định, tin tưởng vào sự lãnh đạo của Đảng.",
        "Bác Hồ dạy: \"Cần, kiệm, liêm, chính, chí công vô tư\"; mỗi đảng viên phải tự soi, tự sửa hằng ngày.",
        "Quỹ hỗ trợ đồng bào miền Trung đã tiếp nhận được 45,5 triệu đồng, đạt 113,75% kế hoạch đề ra.",
        "ĐỀ NGHỊ ĐƯA NỘI DUNG NÀY VÀO NGHỊ QUYẾT: ỦY QUYỀN CHO ĐỒNG CHÍ BÍ THƯ KÝ VĂN BẢN GỬI ĐẢNG ỦY.",
        "Về công tác phát triển đảng, quần chúng Nguyễn Văn An đã qua lớp bồi dưỡng nhận thức về Đảng, đủ điều kiện."};

    private SampleMeeting() {
    }

    /** The meeting of the tests: 60 remarks, four polls, 08:00 to 10:15. */
    static List<MeetingEvent> realistic() {
        return build(60, 4, Duration.ofMinutes(135));
    }

    /**
     * A meeting of the given length with {@code remarks} remarks spread over the six items (every
     * fifth one long, about 1,500 characters; every fifteenth very long, about 4,000) and
     * {@code polls} polls cycling through the four shapes.
     */
    static List<MeetingEvent> build(int remarks, int polls, Duration length) {
        var s = new MeetingScript(START.minus(Duration.ofDays(3)));
        s.ok(new ScheduleMeeting("mt-2026-11", CELL, MeetingKind.REGULAR_CELL_MEETING, SUMMARY,
                "Phòng họp tầng 3, nhà A1", "Hà Nội", null, START, null, "office", s.now()));
        for (int i = 0; i < NAMES.length; i++) {
            Membership m = i < 15 ? Membership.OFFICIAL : Membership.PROBATIONARY;
            Standing st = i == 13 ? Standing.EXEMPT : Standing.ACTIVE;
            s.ok(new RegisterMember(new Member(id(i + 1), NAMES[i], m, st), "office", s.now()));
        }
        s.ok(new InviteGuest(new Guest("g1", "Đỗ Minh Quang", "Phó Bí thư Đảng ủy Trường"), "office", s.now()));
        s.ok(new AssignRole(CHAIR, MeetingRole.CHAIR, "office", s.now()));
        s.ok(new AssignRole(MINUTE_TAKER, MeetingRole.MINUTE_TAKER, "office", s.now()));
        for (int i = 0; i < ITEMS.length; i++) s.ok(new AddAgendaItem(item(i), null, ITEMS[i], 20, "office", s.now()));
        s.ok(new AttachDocument(item(2), new DocumentRef("d1", "Báo cáo kết quả thực hiện nhiệm vụ tháng 11 năm 2026",
                "a".repeat(64), 12, Classification.UNCLASSIFIED), "office", s.now()));
        s.ok(new AttachDocument(item(4), new DocumentRef("d2", "Dự thảo Nghị quyết chi bộ tháng 12 năm 2026",
                "b".repeat(64), 4, Classification.UNCLASSIFIED), "office", s.now()));
        s.ok(new AttachDocument(item(5), new DocumentRef("d3", "Hồ sơ đề nghị kết nạp đảng viên",
                "c".repeat(64), 23, Classification.MAT), "office", s.now()));
        s.ok(new PublishMeeting("office", s.now()));

        s.at(START.minus(Duration.ofMinutes(10)));
        for (int i = 1; i <= NAMES.length; i++) {
            if (i == 12 || i == 13 || i == 14 || i == 15) continue;
            s.ok(new CheckIn(id(i), id(i), s.now()));
        }
        s.ok(new CheckIn("g1", "g1", s.now()));
        s.at(START).ok(new StartMeeting(CHAIR, s.now()));
        s.ok(new MarkAbsent(id(14), "Nghỉ ốm", CHAIR, s.now()));
        s.ok(new MarkAbsent(id(15), "Đi công tác tại Đà Nẵng", CHAIR, s.now()));
        s.ok(new MarkAbsent(id(13), "", CHAIR, s.now()));

        Instant end = START.plus(length);
        long step = length.minusMinutes(30).toSeconds() / (remarks + 2L * polls + 2L * ITEMS.length);
        int speaker = 0;
        int remark = 0;
        int poll = 0;
        for (int i = 0; i < ITEMS.length; i++) {
            s.after(Duration.ofSeconds(step)).ok(new StartItem(item(i), CHAIR, s.now()));
            if (i == 0) s.after(Duration.ofMinutes(20)).ok(new CheckIn(id(12), id(12), s.now()));
            int until = remarks * (i + 1) / ITEMS.length;
            for (; remark < until; remark++) {
                speaker = nextSpeaker(speaker);
                s.after(Duration.ofSeconds(step)).ok(new RecordRemark("r" + remark, item(i), id(speaker),
                        remarkText(remark), MINUTE_TAKER, s.now()));
            }
            int pollsUntil = i < 4 ? 0 : polls * (i - 3) / 2;
            for (; poll < pollsUntil; poll++) poll(s, poll, item(i), step);
            s.after(Duration.ofSeconds(step)).ok(new RecordConclusion(item(i), conclusion(i), CHAIR, s.now()));
        }
        s.at(end).ok(new CloseMeeting(CHAIR, s.now()));
        return s.log();
    }

    /** The remark texts, one per remark, as recorded (all distinct). */
    static String remarkText(int n) {
        var b = new StringBuilder();
        int sentences = n % 15 == 7 ? 30 : n % 5 == 3 ? 11 : 1 + n % 3;
        for (int k = 0; k < sentences; k++) {
            if (k > 0) b.append(' ');
            b.append(SENTENCES[(n * 7 + k * 3) % SENTENCES.length]);
        }
        return b.append(" (ý kiến thứ ").append(n + 1).append(')').toString();
    }

    static String conclusion(int item) {
        return "Chi bộ thống nhất với các ý kiến phát biểu đối với nội dung " + (item + 1)
                + "; giao đồng chí Bí thư chỉ đạo triển khai, báo cáo kết quả tại kỳ sinh hoạt tháng 12 năm 2026.";
    }

    private static void poll(MeetingScript s, int n, String itemId, long step) {
        String id = "p" + n;
        List<String> voters = new ArrayList<>();
        for (int i = 1; i <= 15; i++) if (i != 13 && i != 14 && i != 15) voters.add(id(i));
        switch (n % 4) {
            case 0 -> s.after(Duration.ofSeconds(step)).ok(new CreatePoll(id, itemId,
                    "Thông qua Nghị quyết Chi bộ tháng 11 năm 2026" + suffix(n), DecisionKind.ORDINARY_RESOLUTION,
                    BallotMode.SHOW_OF_HANDS, List.of(), 0, List.of(), false, CHAIR, s.now()));
            case 1 -> s.after(Duration.ofSeconds(step)).ok(new CreatePoll(id, itemId,
                    "Đề nghị kết nạp quần chúng Nguyễn Văn An vào Đảng" + suffix(n), DecisionKind.ADMISSION,
                    BallotMode.SECRET, List.of(), 0, List.of(), false, CHAIR, s.now()));
            case 2 -> s.after(Duration.ofSeconds(step)).ok(new CreatePoll(id, itemId,
                    "Bầu đại biểu dự Đại hội Đảng bộ Trường nhiệm kỳ 2027–2032" + suffix(n), DecisionKind.ELECTION,
                    BallotMode.SECRET, List.of(new Candidate(id(3), NAMES[2]), new Candidate(id(4), NAMES[3]),
                            new Candidate(id(5), NAMES[4]), new Candidate(id(6), NAMES[5]), new Candidate(id(7), NAMES[6])),
                    4, List.of(), false, CHAIR, s.now()));
            default -> s.after(Duration.ofSeconds(step)).ok(new CreatePoll(id, itemId,
                    "Thi hành kỷ luật đối với đảng viên Bùi Thế Dũng" + suffix(n), DecisionKind.DISCIPLINE,
                    BallotMode.SECRET, List.of(), 0, List.of(DisciplineForm.REPRIMAND, DisciplineForm.WARNING), false,
                    CHAIR, s.now()));
        }
        s.after(Duration.ofSeconds(30)).ok(new OpenPoll(id, CHAIR, s.now()));
        for (int v = 0; v < voters.size(); v++) {
            s.ok(new CastVote(id, voters.get(v), choice(n % 4, v), "ballot-" + id + "-" + v, voters.get(v), s.now()));
        }
        s.after(Duration.ofSeconds(step)).ok(new ClosePoll(id, CHAIR, s.now()));
    }

    /** Twelve voters: 11 for and one abstention; 10 for and 2 against; an election; 6+2 for discipline. */
    private static Choice choice(int shape, int voter) {
        return switch (shape) {
            case 0 -> new Choice.Motion(voter == 11 ? Answer.ABSTAIN : Answer.FOR);
            case 1 -> new Choice.Motion(voter < 10 ? Answer.FOR : Answer.AGAINST);
            case 2 -> {
                Set<String> approved = new LinkedHashSet<>();
                approved.add(id(3));
                approved.add(id(4));
                if (voter < 9) approved.add(id(5));
                if (voter % 2 == 0) approved.add(id(6));
                else if (voter < 5) approved.add(id(7));
                yield new Choice.Election(approved);
            }
            default -> new Choice.Discipline(voter < 6 ? DisciplineForm.REPRIMAND
                    : voter < 8 ? DisciplineForm.WARNING : null);
        };
    }

    private static String suffix(int n) {
        return n < 4 ? "" : " (lần " + (n / 4 + 1) + ")";
    }

    private static int nextSpeaker(int previous) {
        int next = previous % NAMES.length + 1;
        while (next == 13 || next == 14 || next == 15) next = next % NAMES.length + 1;
        return next;
    }

    static String id(int n) {
        return String.format("m%02d", n);
    }

    static String item(int i) {
        return "i" + (i + 1);
    }
}
