package vn.phonghop.server.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import vn.phonghop.agenda.items.AgendaTemplate;
import vn.phonghop.agenda.items.Classification;
import vn.phonghop.agenda.items.DocumentRef;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingKind;
import vn.phonghop.agenda.roster.BodyKind;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.agenda.voting.BallotMode;
import vn.phonghop.agenda.voting.Choice;
import vn.phonghop.agenda.voting.Answer;
import vn.phonghop.agenda.voting.DecisionKind;
import vn.phonghop.server.Services;
import vn.phonghop.server.accounts.Account;
import vn.phonghop.server.accounts.Principal;
import vn.phonghop.server.accounts.Role;
import vn.phonghop.server.documents.DemoDocuments;
import vn.phonghop.server.live.MeetingRuntime;
import vn.phonghop.server.live.Reply;

/**
 * The demo a newcomer finds on first start with an empty store: a party cell of fifteen members
 * (two probationary, one exempt), its accounts, and a regular monthly meeting built from the
 * template, published, with two documents generated as Vietnamese PDFs. Everything goes through
 * the same commands and rules as real use.
 */
public final class Demo {
    private static final Logger LOG = Logger.getLogger(Demo.class.getName());
    public static final String MEETING_ID = "mt-demo";
    public static final String PASSWORD = "phonghop-demo";
    public static final Organisation CELL = new Organisation("cb-hcth", "Chi bộ Phòng Hành chính – Tổng hợp",
            BodyKind.CELL, "Đảng bộ Sở Tư pháp thành phố Hà Nội", "CB");
    /** The last month's meeting of the demo cell, closed, its minutes filed in the archive. */
    public static final String ARCHIVED_MEETING_ID = "mt-thang-10";
    /** The archive's organisation tree: the committee above the demo cell, a sub-committee and its cell. */
    public static final Organisation COMMITTEE = new Organisation("db-stp", "Đảng bộ Sở Tư pháp thành phố Hà Nội",
            BodyKind.COMMITTEE, "Đảng bộ Khối các cơ quan thành phố Hà Nội", "ĐU");
    public static final Organisation SUB_COMMITTEE = new Organisation("dbbp-tgpl",
            "Đảng bộ bộ phận Trung tâm Trợ giúp pháp lý nhà nước", BodyKind.COMMITTEE, COMMITTEE.name(), "ĐBBP");
    public static final Organisation OTHER_CELL = new Organisation("cb-tgpl-1", "Chi bộ Phòng Trợ giúp pháp lý số 1",
            BodyKind.CELL, SUB_COMMITTEE.name(), "CB");

    /** Who is in the demo cell: id, name, membership, standing. */
    static final List<Member> MEMBERS = List.of(
            new Member("m01", "Nguyễn Văn Hùng", Membership.OFFICIAL, Standing.ACTIVE),
            new Member("m02", "Trần Thị Thu Hương", Membership.OFFICIAL, Standing.ACTIVE),
            new Member("m03", "Lê Quang Dũng", Membership.OFFICIAL, Standing.ACTIVE),
            new Member("m04", "Phạm Thị Ngọc Ánh", Membership.OFFICIAL, Standing.ACTIVE),
            new Member("m05", "Hoàng Đức Thắng", Membership.OFFICIAL, Standing.ACTIVE),
            new Member("m06", "Vũ Thị Lan", Membership.OFFICIAL, Standing.ACTIVE),
            new Member("m07", "Đặng Minh Tuấn", Membership.OFFICIAL, Standing.ACTIVE),
            new Member("m08", "Bùi Thị Hồng Nhung", Membership.OFFICIAL, Standing.ACTIVE),
            new Member("m09", "Đỗ Văn Khánh", Membership.OFFICIAL, Standing.ACTIVE),
            new Member("m10", "Ngô Thị Phương Thảo", Membership.OFFICIAL, Standing.ACTIVE),
            new Member("m11", "Dương Quốc Việt", Membership.OFFICIAL, Standing.ACTIVE),
            new Member("m12", "Lý Thị Mai", Membership.OFFICIAL, Standing.ACTIVE),
            new Member("m13", "Trịnh Văn Bảo", Membership.OFFICIAL, Standing.EXEMPT),
            new Member("m14", "Phan Thị Yến", Membership.PROBATIONARY, Standing.ACTIVE),
            new Member("m15", "Mai Xuân Trường", Membership.PROBATIONARY, Standing.ACTIVE));

    /** A demo account as printed for the newcomer. */
    public record DemoAccount(String username, String displayName, String what) {
    }

    /** What seeding did: the accounts, the meeting and fresh pairing codes (empty when nothing was seeded). */
    public record Seeded(List<DemoAccount> accounts, String meetingId, String displayCode, List<String> seatCodes) {
        public boolean happened() {
            return !accounts.isEmpty();
        }

        /** The accounts and pairing codes as the newcomer reads them in the log. */
        public String describe() {
            var out = new StringBuilder("\nDemo (mật khẩu chung / shared password: ").append(PASSWORD).append("):\n");
            accounts.forEach(a -> out.append(String.format("  %-10s %-28s %s%n", a.username(), a.displayName(), a.what())));
            out.append("  Mã ghép nối màn hình phòng họp (15 phút): ").append(displayCode).append('\n');
            seatCodes.forEach(c -> out.append("  Mã ghép nối máy tính bảng ").append(c).append('\n'));
            return out.toString();
        }
    }

    private Demo() {
    }

    /** Nothing seeded. */
    public static Seeded none() {
        return new Seeded(List.of(), MEETING_ID, null, List.of());
    }

    public static Future<Seeded> seedIfEmpty(Vertx vertx, Services s) {
        return vertx.executeBlocking(() -> s.accounts().findByUsername("admin").isEmpty()).compose(empty -> {
            if (!empty) return Future.succeededFuture(none());
            return vertx.executeBlocking(() -> accounts(s)).compose(accounts -> seedMeeting(vertx, s, accounts));
        });
    }

    private static List<DemoAccount> accounts(Services s) {
        var out = new ArrayList<DemoAccount>();
        create(s, out, "admin", "Quản trị hệ thống", EnumSet.of(Role.ADMIN), null, "quản trị, lên lịch cuộc họp");
        create(s, out, "chutri", MEMBERS.get(0).name(), EnumSet.of(Role.MEMBER), "m01", "Bí thư chi bộ, chủ trì");
        create(s, out, "thuky", MEMBERS.get(1).name(), EnumSet.of(Role.MEMBER, Role.SECRETARY), "m02", "thư ký hội nghị");
        for (int i = 3; i <= MEMBERS.size(); i++) {
            var m = MEMBERS.get(i - 1);
            String what = m.membership() == Membership.PROBATIONARY ? "đảng viên dự bị"
                    : m.standing() == Standing.EXEMPT ? "đảng viên miễn sinh hoạt" : "đảng viên";
            create(s, out, String.format("daibieu%02d", i), m.name(), EnumSet.of(Role.MEMBER), m.id(), what);
        }
        create(s, out, "uyban", "Văn phòng Đảng ủy Sở", EnumSet.of(Role.COMMITTEE), null, "cấp ủy xem biên bản lưu trữ");
        archiveTree(s);
        return out;
    }

    /**
     * The bodies the archive knows from the start: the committee, the demo cell under it, and a
     * sub-committee with a cell of its own. The committee's account reads all their minutes; the
     * demo cell's members read their own cell's.
     */
    private static void archiveTree(Services s) {
        var orgs = s.archiver().organisations();
        orgs.register(COMMITTEE, null);
        orgs.register(CELL, COMMITTEE.id());
        orgs.register(SUB_COMMITTEE, COMMITTEE.id());
        orgs.register(OTHER_CELL, SUB_COMMITTEE.id());
        orgs.link(s.accounts().findByUsername("uyban").orElseThrow().id(), COMMITTEE.id());
        for (String user : List.of("chutri", "thuky")) orgs.link(s.accounts().findByUsername(user).orElseThrow().id(), CELL.id());
        for (int i = 3; i <= MEMBERS.size(); i++) {
            orgs.link(s.accounts().findByUsername(String.format("daibieu%02d", i)).orElseThrow().id(), CELL.id());
        }
    }

    private static void create(Services s, List<DemoAccount> out, String user, String name, Set<Role> roles,
                               String memberId, String what) {
        s.accounts().create(user, name, PASSWORD.toCharArray(), roles, Optional.ofNullable(memberId));
        out.add(new DemoAccount(user, name, what));
    }

    private static Future<Seeded> seedMeeting(Vertx vertx, Services s, List<DemoAccount> accounts) {
        Account admin = s.accounts().findByUsername("admin").orElseThrow();
        String convenor = "account:" + admin.id();
        Instant now = s.clock().instant();
        ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
        Instant planned = now.atZone(zone).toLocalDate().plusDays(1).atTime(LocalTime.of(8, 0)).atZone(zone).toInstant();
        return s.meetings().create(MEETING_ID).compose(rt -> vertx.executeBlocking(() -> documents(s)).compose(docs -> {
            var commands = new ArrayList<MeetingCommand>();
            commands.add(new ScheduleMeeting(MEETING_ID, CELL, MeetingKind.REGULAR_CELL_MEETING,
                    "Sinh hoạt chi bộ thường kỳ tháng " + planned.atZone(zone).getMonthValue() + " năm "
                            + planned.atZone(zone).getYear(), "Phòng họp tầng 2, trụ sở Sở Tư pháp", "Hà Nội", zone.getId(),
                    planned, null, convenor, now));
            commands.add(new RegisterMembers(MEMBERS, convenor, now));
            commands.add(new AssignRole("m01", MeetingRole.CHAIR, convenor, now));
            commands.add(new AssignRole("m02", MeetingRole.MINUTE_TAKER, convenor, now));
            commands.add(new ApplyTemplate(AgendaTemplate.REGULAR_CELL_MEETING, "i", convenor, now));
            commands.add(new AttachDocument("i-2.2", docs.get(0), convenor, now));
            commands.add(new AttachDocument("i-3", docs.get(1), convenor, now));
            commands.add(new PublishMeeting(convenor, now));
            Future<Void> chain = Future.succeededFuture();
            for (int i = 0; i < commands.size(); i++) {
                var c = commands.get(i);
                String id = "demo-" + i;
                chain = chain.compose(v -> send(vertx, rt, id, c));
            }
            return chain;
        })).compose(v -> lastMonth(vertx, s, convenor, zone))
                .compose(v -> vertx.executeBlocking(() -> {
            String display = s.pairing().issue(new Principal.RoomDisplay(MEETING_ID), admin.id()).display();
            var seats = new ArrayList<String>();
            for (String m : List.of("m03", "m04", "m05")) {
                seats.add(m + " " + s.pairing().issue(new Principal.Seat(MEETING_ID, m), admin.id()).display());
            }
            LOG.info("demo meeting " + MEETING_ID + " created and published");
            return new Seeded(accounts, MEETING_ID, display, seats);
        }));
    }

    /**
     * Last month's regular meeting of the demo cell, run through the same commands as a real one
     * (check-ins, the order of business, remarks, an open and a secret vote, conclusions) and
     * closed, so that the archive holds signed minutes on the first start.
     */
    private static Future<Void> lastMonth(Vertx vertx, Services s, String convenor, ZoneId zone) {
        var month = s.clock().instant().atZone(zone).toLocalDate().withDayOfMonth(1).minusMonths(1);
        return vertx.executeBlocking(() -> monthReport(s, month.minusMonths(1)))
                .compose(report -> lastMonth(vertx, s, convenor, zone, month, report));
    }

    /** The cell's one-page report on the month before the meeting, stored like any uploaded document. */
    private static DocumentRef monthReport(Services s, java.time.LocalDate month) throws Exception {
        String title = "Báo cáo tình hình thực hiện nhiệm vụ tháng " + month.getMonthValue() + "/" + month.getYear();
        var lines = List.of(CELL.superiorName().toUpperCase(java.util.Locale.ROOT), CELL.name().toUpperCase(java.util.Locale.ROOT),
                "", "BÁO CÁO", title, "", "1. Tiếp nhận và xử lý đúng hạn 1.248 văn bản đến, 326 văn bản đi.",
                "2. Hoàn thành báo cáo sơ kết 9 tháng; số hóa 62% hồ sơ lưu trữ năm 2025.",
                "3. Tồn tại: chậm cập nhật hồ sơ lưu trữ điện tử.", "", "T/M CHI BỘ", "BÍ THƯ", "", "Nguyễn Văn Hùng");
        var out = new java.io.ByteArrayOutputStream();
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
            doc.addPage(page);
            var font = vn.phonghop.server.documents.Fonts.serif(doc);
            try (var text = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(font, 13);
                text.setLeading(20);
                text.newLineAtOffset(70, 770);
                for (String line : lines) {
                    text.showText(java.text.Normalizer.normalize(line, java.text.Normalizer.Form.NFC));
                    text.newLine();
                }
                text.endText();
            }
            doc.getDocumentInformation().setTitle(title);
            doc.setDocumentId((long) title.hashCode());
            doc.save(out);
        }
        var info = s.documents().store(title, Classification.UNCLASSIFIED, out.toByteArray());
        return new DocumentRef(info.id(), info.title(), info.sha256(), info.pageCount(), info.classification());
    }

    private static Future<Void> lastMonth(Vertx vertx, Services s, String convenor, ZoneId zone,
                                          java.time.LocalDate month, DocumentRef report) {
        Instant t = month.withDayOfMonth(20).atTime(LocalTime.of(14, 0)).atZone(zone).toInstant();
        String title = "Sinh hoạt chi bộ thường kỳ tháng " + month.getMonthValue() + " năm " + month.getYear();
        var script = new ArrayList<MeetingCommand>();
        Instant planned = t.minus(Duration.ofDays(7));
        script.add(new ScheduleMeeting(ARCHIVED_MEETING_ID, CELL, MeetingKind.REGULAR_CELL_MEETING, title,
                "Phòng họp tầng 2, trụ sở Sở Tư pháp", "Hà Nội", zone.getId(), t, null, convenor, planned));
        script.add(new RegisterMembers(MEMBERS, convenor, planned));
        script.add(new AssignRole("m01", MeetingRole.CHAIR, convenor, planned));
        script.add(new AssignRole("m02", MeetingRole.MINUTE_TAKER, convenor, planned));
        script.add(new ApplyTemplate(AgendaTemplate.REGULAR_CELL_MEETING, "i", convenor, planned));
        script.add(new AttachDocument("i-2.2", report, convenor, planned));
        script.add(new PublishMeeting(convenor, t.minus(Duration.ofDays(5))));
        Instant doors = t.minus(Duration.ofMinutes(10));
        for (String m : List.of("m01", "m02", "m03", "m04", "m05", "m06", "m08", "m10", "m11", "m12", "m14", "m15")) {
            script.add(new CheckIn(m, "m01", doors));
        }
        script.add(new MarkAbsent("m07", "Đi công tác tại tỉnh Lào Cai theo quyết định của Sở", "m01", doors));
        script.add(new MarkAbsent("m13", "Nghỉ ốm, đã báo cáo chi ủy", "m01", doors));
        script.add(new StartMeeting("m01", t));
        script.add(new CheckIn("m09", "m01", t.plus(Duration.ofMinutes(12))));
        var clock = new Instant[] {t.plus(Duration.ofMinutes(1))};
        java.util.function.Function<Integer, Instant> after = minutes -> clock[0] = clock[0].plus(Duration.ofMinutes(minutes));
        String[][] items = {
                {"i-1", "m01", "Đồng chí Bí thư báo cáo: chi bộ có 15 đảng viên (13 chính thức, 2 dự bị), có mặt 12 đồng chí (đồng chí Đỗ Văn Khánh báo đến muộn);"
                        + " đã thu đảng phí tháng " + month.getMonthValue() + " đủ 15/15 đồng chí. Chi bộ nhất trí chương trình"
                        + " sinh hoạt và cử đồng chí Trần Thị Thu Hương làm thư ký."},
                {"i-2.1", "m05", "Thông tin về Nghị quyết của Đảng ủy Sở về chuyển đổi số trong công tác hành chính tư pháp;"
                        + " đề nghị mỗi đảng viên nghiên cứu kỹ và vận dụng vào công việc được giao."},
                {"i-2.2", "m03", "Trong tháng, phòng đã tiếp nhận và xử lý đúng hạn 1.248 văn bản đến; hoàn thành báo cáo"
                        + " sơ kết 9 tháng. Còn chậm cập nhật hồ sơ lưu trữ điện tử; đề nghị phân công người theo dõi."},
                {"i-2.3", "m04", "Đồng chí liên hệ việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về"
                        + " tác phong gần dân, giải quyết thủ tục cho người dân nhanh chóng, không gây phiền hà."},
                {"i-2.4", "m14", "Đảng viên dự bị báo cáo quá trình rèn luyện, phấn đấu trong thời gian dự bị và mong được"
                        + " chi bộ xem xét, đề nghị công nhận đảng viên chính thức."},
                {"i-2.5", "m06", "Tháng tới tập trung hoàn thành số hóa hồ sơ năm 2025; chuẩn bị tổng kết công tác năm;"
                        + " đề nghị đồng chí Hoàng Đức Thắng phụ trách tổ số hóa."},
        };
        var conclusions = new java.util.HashMap<String, String>();
        conclusions.put("i-2.2", "Chi bộ đánh giá tháng qua hoàn thành tốt nhiệm vụ; giao đồng chí Lê Quang Dũng theo dõi"
                + " việc cập nhật hồ sơ lưu trữ điện tử, báo cáo tại kỳ sinh hoạt tới.");
        conclusions.put("i-2.5", "Thống nhất phương hướng nhiệm vụ tháng tới; đồng chí Hoàng Đức Thắng phụ trách tổ số hóa"
                + " hồ sơ, hoàn thành trước ngày 15 tháng sau.");
        int remark = 1;
        for (String[] item : items) {
            script.add(new StartItem(item[0], "m01", after.apply(4)));
            script.add(new RequestFloor(item[1], false, "m01", after.apply(1)));
            script.add(new GrantFloor(item[1], "m01", after.apply(1)));
            script.add(new FinishSpeech("m01", after.apply(6)));
            script.add(new RecordRemark("r" + remark++, item[0], item[1], item[2], "m02", after.apply(1)));
            if (conclusions.containsKey(item[0])) {
                script.add(new RecordConclusion(item[0], conclusions.get(item[0]), "m02", after.apply(2)));
            }
        }
        script.add(new StartItem("i-3", "m01", after.apply(5)));
        script.add(new CreatePoll("p1", "i-3", "Thông qua Nghị quyết chi bộ tháng " + month.getMonthValue() + " năm "
                + month.getYear(), DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS, List.of(), 0, List.of(),
                false, "m01", after.apply(1)));
        script.add(new OpenPoll("p1", "m01", after.apply(1)));
        var voters = List.of("m01", "m02", "m03", "m04", "m05", "m06", "m08", "m09", "m10", "m11", "m12");
        for (String m : voters) {
            script.add(new CastVote("p1", m, new Choice.Motion(m.equals("m12") ? Answer.ABSTAIN : Answer.FOR), "", m,
                    clock[0]));
        }
        script.add(new ClosePoll("p1", "m01", after.apply(2)));
        script.add(new ShowResult("p1", "m01", after.apply(1)));
        script.add(new CreatePoll("p2", "i-3", "Đề nghị công nhận đảng viên chính thức đối với đồng chí Phan Thị Yến",
                DecisionKind.PROBATION_CONFIRMATION, BallotMode.SECRET, List.of(), 0, List.of(), false, "m01", after.apply(2)));
        script.add(new OpenPoll("p2", "m01", after.apply(1)));
        for (String m : voters) {
            script.add(new CastVote("p2", m, new Choice.Motion(m.equals("m08") ? Answer.AGAINST : Answer.FOR), "", m,
                    after.apply(0)));
        }
        script.add(new ClosePoll("p2", "m01", after.apply(5)));
        script.add(new ShowResult("p2", "m01", after.apply(1)));
        script.add(new RecordConclusion("i-3", "Chi bộ thông qua Nghị quyết tháng với 10/12 đồng chí tán thành; đề nghị"
                + " Đảng ủy Sở công nhận đồng chí Phan Thị Yến là đảng viên chính thức. Buổi sinh hoạt được đánh giá"
                + " đạt chất lượng tốt.", "m02", after.apply(2)));
        script.add(new StartItem("i-4", "m01", after.apply(3)));
        script.add(new RecordRemark("r" + remark, "i-4", "m02", "Thư ký đọc dự thảo biên bản; chi bộ nhất trí thông qua"
                + " biên bản với 100% đảng viên có mặt tán thành.", "m02", after.apply(5)));
        script.add(new CloseMeeting("m01", t.plus(Duration.ofMinutes(115))));
        return s.meetings().create(ARCHIVED_MEETING_ID).compose(rt -> {
            Future<Void> chain = Future.succeededFuture();
            for (int i = 0; i < script.size(); i++) {
                var c = script.get(i);
                String id = "demo-archive-" + i;
                chain = chain.compose(v -> send(vertx, rt, id, c));
            }
            return chain;
        }).compose(v -> s.archiver().archive(ARCHIVED_MEETING_ID)).map(filed -> {
            LOG.info("demo meeting " + ARCHIVED_MEETING_ID + " closed; minutes "
                    + filed.map(f -> f.numberText() + " filed in the archive").orElse("not filed"));
            return null;
        });
    }

    private static List<DocumentRef> documents(Services s) throws Exception {
        var report = s.documents().store(DemoDocuments.REPORT_TITLE, Classification.UNCLASSIFIED, DemoDocuments.monthlyReport());
        var draft = s.documents().store(DemoDocuments.RESOLUTION_TITLE, Classification.MAT, DemoDocuments.draftResolution());
        return List.of(new DocumentRef(report.id(), report.title(), report.sha256(), report.pageCount(), report.classification()),
                new DocumentRef(draft.id(), draft.title(), draft.sha256(), draft.pageCount(), draft.classification()));
    }

    private static Future<Void> send(Vertx vertx, MeetingRuntime rt, String id, MeetingCommand c) {
        CompletableFuture<Reply> r = rt.command(id, c);
        return Future.fromCompletionStage(r, vertx.getOrCreateContext()).compose(reply -> reply instanceof Reply.Ack
                ? Future.succeededFuture()
                : Future.failedFuture(new IllegalStateException("demo command " + c.getClass().getSimpleName() + ": " + reply)));
    }
}
