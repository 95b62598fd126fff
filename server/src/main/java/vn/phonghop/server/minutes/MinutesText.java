package vn.phonghop.server.minutes;

import static vn.phonghop.server.minutes.Paragraph.bold;
import static vn.phonghop.server.minutes.Paragraph.boldItalic;
import static vn.phonghop.server.minutes.Paragraph.italic;
import static vn.phonghop.server.minutes.Paragraph.regular;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.phonghop.agenda.items.Classification;
import vn.phonghop.agenda.minutes.Labels;
import vn.phonghop.agenda.minutes.MinutesRecord;
import vn.phonghop.agenda.minutes.MinutesRecord.Absentee;
import vn.phonghop.agenda.minutes.MinutesRecord.ItemSection;
import vn.phonghop.agenda.minutes.MinutesRecord.VoteLine;
import vn.phonghop.agenda.roster.BodyKind;
import vn.phonghop.agenda.voting.DecisionKind;
import vn.phonghop.agenda.voting.Threshold;
import vn.phonghop.server.minutes.Paragraph.Run;

/**
 * The words of the minutes, in the order of Guidance 36-HD/VPTW and 16-HD/VPTW. Only what the
 * record holds is written: the minute-taker's record adds no comment.
 */
final class MinutesText {

    static final String PARTY = "Đảng Cộng sản Việt Nam";
    static final String TITLE = "Biên bản";

    private final MinutesRecord r;
    private final MinutesNumber number;

    MinutesText(MinutesRecord record, MinutesNumber number) {
        this.r = record;
        this.number = number;
    }

    String superior() {
        return r.header().superiorBody();
    }

    String issuing() {
        return r.header().issuingBody();
    }

    String number() {
        return "Số " + number.text();
    }

    String placeAndDate() {
        String place = r.header().place().strip();
        String date = date(r.header().date());
        return place.isEmpty() ? capitalise(date) : place + ", " + date;
    }

    String summary() {
        return r.header().summary();
    }

    List<String> minuteTakerTitle() {
        return List.of("Thư ký");
    }

    List<String> chairTitle() {
        return List.of("T/M " + bodyOf(r.header().bodyKind()), "Chủ trì");
    }

    String minuteTaker() {
        return r.minuteTaker();
    }

    String chair() {
        return r.chair();
    }

    // ---- the body ------------------------------------------------------------------------------

    List<Paragraph> body() {
        var out = new ArrayList<Paragraph>();
        out.add(Paragraph.heading("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN"));
        String start = r.startedAt() == null ? "không ghi nhận"
                : "bắt đầu vào hồi " + time(r.startedAt()) + ", " + date(r.startedAt().toLocalDate());
        out.add(labelled("1. Thời gian: ", start + "."));
        out.add(labelled("2. Địa điểm: ", sentence(r.venue().isBlank() ? r.header().place() : r.venue())));
        out.add(labelled("3. Hình thức: ", Labels.meetingKind(r.header().meetingKind()) + "."));
        out.add(labelled("4. Chủ trì: ", "đồng chí " + r.chair() + "."));
        out.add(labelled("5. Thư ký: ", "đồng chí " + r.minuteTaker() + "."));
        documents(out);
        attendance(out);
        out.add(Paragraph.heading("II. NỘI DUNG"));
        for (ItemSection item : r.items()) item(out, item);
        if (!r.votes().isEmpty()) {
            out.add(Paragraph.heading("III. KẾT QUẢ BIỂU QUYẾT"));
            int n = 1;
            for (VoteLine v : r.votes()) vote(out, n++, v);
        }
        return out;
    }

    /** The rule set and the end time, kept on the page of the signatures. */
    List<Paragraph> closing() {
        var out = new ArrayList<Paragraph>();
        out.add(labelled("Quy định áp dụng: ", sentence(r.header().ruleSetTitle())));
        String end = r.startedAt() != null && r.endedAt().toLocalDate().equals(r.startedAt().toLocalDate())
                ? "cùng ngày" : date(r.endedAt().toLocalDate());
        out.add(Paragraph.body(regular(gathering() + " kết thúc vào hồi " + time(r.endedAt()) + " " + end + ".")));
        return out;
    }

    private void documents(List<Paragraph> out) {
        if (r.documents().isEmpty()) {
            out.add(labelled("6. Tài liệu sử dụng: ", "không có."));
            return;
        }
        out.add(labelled("6. Tài liệu sử dụng:", ""));
        for (var d : r.documents()) {
            var details = new ArrayList<String>();
            if (!d.itemNumber().isBlank()) details.add("nội dung " + d.itemNumber());
            if (d.pageCount() > 0) details.add(d.pageCount() + " trang");
            if (d.classification().classified()) details.add(classification(d.classification()));
            out.add(item("- " + d.title() + (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")") + "."));
        }
    }

    private void attendance(List<Paragraph> out) {
        var a = r.attendance();
        out.add(labelled("7. Thành phần tham dự:", ""));
        out.add(item("- Tổng số đảng viên: " + (a.officialMembers() + a.probationaryMembers()) + " đồng chí (chính thức: "
                + a.officialMembers() + ", dự bị: " + a.probationaryMembers() + ")."));
        out.add(item("- Có mặt: " + (a.officialPresent() + a.probationaryPresent()) + " đồng chí (chính thức: "
                + a.officialPresent() + ", dự bị: " + a.probationaryPresent() + ")."));
        out.add(item("- Số đảng viên chính thức được tính để biểu quyết: " + a.majorityBase() + " đồng chí."));
        out.add(item("- Tỷ lệ đảng viên dự họp: " + a.attendance().vi() + "."));
        if (a.absentees().isEmpty()) {
            out.add(item("- Vắng mặt: không có."));
        } else {
            out.add(item("- Vắng mặt: " + a.absentees().size() + " đồng chí."));
            for (Absentee x : a.absentees()) {
                out.add(item("+ Đồng chí " + x.name() + (x.exempt() ? " (miễn công tác và sinh hoạt đảng)" : "") + ": "
                        + sentence(x.excused() ? x.reason() : "không có lý do")));
            }
        }
        if (!a.lateArrivals().isEmpty()) {
            var late = a.lateArrivals().stream().map(l -> "đồng chí " + l.name() + " (" + time(l.at()) + ")").toList();
            out.add(item("- Đến muộn: " + String.join("; ", late) + "."));
        }
        if (!a.guests().isEmpty()) {
            var guests = a.guests().stream()
                    .map(g -> "đồng chí " + g.name() + (g.affiliation().isBlank() ? "" : ", " + g.affiliation())).toList();
            out.add(item("- Khách mời: " + String.join("; ", guests) + "."));
        }
    }

    private void item(List<Paragraph> out, ItemSection item) {
        out.add(Paragraph.subheading(item.number() + ". " + item.title()));
        if (item.skipped()) out.add(Paragraph.body(italic("Nội dung này không được thảo luận.")));
        for (var remark : item.remarks()) {
            var runs = new ArrayList<Run>();
            runs.add(bold("Đồng chí " + remark.speaker() + ":"));
            runs.add(regular(" " + remark.text()));
            if (remark.corrected()) runs.add(italic(" (đã đính chính)"));
            out.add(new Paragraph(runs, Paragraph.Align.JUSTIFY, Typesetter.INDENT, 3, false));
        }
        if (!item.conclusion().isBlank()) out.add(Paragraph.body(boldItalic("Kết luận:"), regular(" " + item.conclusion())));
    }

    private void vote(List<Paragraph> out, int n, VoteLine v) {
        out.add(Paragraph.subheading(n + ". " + Labels.kind(v.kind()) + ": " + v.question()
                + (v.itemNumber().isBlank() ? "" : " (nội dung " + v.itemNumber() + ")")));
        out.add(item("- Hình thức: " + Labels.mode(v.mode()) + "."));
        String rule = thresholdWords(v.threshold(), v.majorityBase(), v.officialMembers());
        if (v.kind() == DecisionKind.ELECTION) {
            out.add(item("- Yêu cầu để trúng cử: mỗi người phải được " + rule + " bầu."));
        } else if (v.kind() == DecisionKind.DISCIPLINE) {
            out.add(item("- Yêu cầu để thi hành kỷ luật: " + rule + " tán thành."));
        } else {
            out.add(item("- Yêu cầu để thông qua: " + rule + " tán thành."));
        }
        boolean secret = v.mode().secret();
        out.add(item(secret ? "- Số phiếu thu về: " + v.ballots() + "."
                : "- Số đảng viên tham gia biểu quyết: " + v.ballots() + " đồng chí."));
        out.add(item("- Kết quả (tỷ lệ so với " + v.majorityBase() + " đảng viên được tính để biểu quyết):"));
        String unit = secret ? " phiếu" : " đồng chí";
        for (var o : v.options()) out.add(item("+ " + o.label() + ": " + o.votes() + unit + " (" + o.ofBase().vi() + ")."));
        if (v.closedAt() != null) out.add(item("- Kết thúc biểu quyết lúc " + time(v.closedAt()) + "."));
        out.add(new Paragraph(List.of(regular("- Kết luận: "), bold(sentence(v.outcome()))), Paragraph.Align.LEFT,
                Typesetter.INDENT, 0, false));
    }

    // ---- words -----------------------------------------------------------------------------------

    /** "trên một nửa số đảng viên chính thức được tính để biểu quyết (13 đồng chí)". */
    static String thresholdWords(Threshold t, int base, int officialMembers) {
        String share = (t.inclusive() ? "ít nhất " : "trên ") + fraction(t.numerator(), t.denominator());
        return t.basis() == Threshold.Basis.MAJORITY_BASE
                ? share + " số đảng viên chính thức được tính để biểu quyết (" + base + " đồng chí)"
                : share + " tổng số đảng viên chính thức (" + officialMembers + " đồng chí)";
    }

    private static String fraction(int numerator, int denominator) {
        if (numerator == denominator) return "toàn bộ";
        if (numerator == 1 && denominator == 2) return "một nửa";
        if (numerator == 2 && denominator == 3) return "hai phần ba";
        if (numerator == 3 && denominator == 4) return "ba phần tư";
        return numerator + "/" + denominator;
    }

    /** "08 giờ 05 phút". */
    static String time(LocalDateTime t) {
        return String.format("%02d giờ %02d phút", t.getHour(), t.getMinute());
    }

    /**
     * "ngày 05 tháng 02 năm 2026", "ngày 20 tháng 11 năm 2026", "ngày 05 tháng 5 năm 2025": a day
     * below 10 and the months 1 and 2 take a leading zero (Guidance 36-HD/VPTW, as Decree 30/2020),
     * so that no digit can be added by hand.
     */
    static String date(LocalDate d) {
        String month = d.getMonthValue() <= 2 ? String.format("%02d", d.getMonthValue()) : Integer.toString(d.getMonthValue());
        return String.format("ngày %02d tháng %s năm %d", d.getDayOfMonth(), month, d.getYear());
    }

    private String gathering() {
        return switch (r.header().meetingKind()) {
            case REGULAR_CELL_MEETING, THEMATIC_MEETING -> "Buổi sinh hoạt";
            case COMMITTEE_CONFERENCE -> "Hội nghị";
            case CONGRESS -> "Đại hội";
        };
    }

    private static String bodyOf(BodyKind kind) {
        return switch (kind) {
            case CELL -> "Chi bộ";
            case COMMITTEE -> "Đảng ủy";
            case EXECUTIVE_COMMITTEE -> "Ban Chấp hành";
            case CONGRESS -> "Đoàn Chủ tịch";
        };
    }

    private static String classification(Classification c) {
        return switch (c) {
            case UNCLASSIFIED -> "";
            case MAT -> "Mật";
            case TOI_MAT -> "Tối mật";
            case TUYET_MAT -> "Tuyệt mật";
        };
    }

    private static Paragraph labelled(String label, String text) {
        return new Paragraph(List.of(bold(label), regular(text)), Paragraph.Align.JUSTIFY, Typesetter.INDENT, 3, false);
    }

    /** A line of a list, its first line indented like a paragraph's. */
    private static Paragraph item(String text) {
        return new Paragraph(List.of(regular(text)), Paragraph.Align.JUSTIFY, Typesetter.INDENT, 0, false);
    }

    /** The text with a full stop, unless it already ends a sentence. */
    private static String sentence(String s) {
        String t = s.strip();
        return t.isEmpty() || ".!?…".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + ".";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
