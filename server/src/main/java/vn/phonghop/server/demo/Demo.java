package vn.phonghop.server.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
    }

    private Demo() {
    }

    public static Future<Seeded> seedIfEmpty(Vertx vertx, Services s) {
        return vertx.executeBlocking(() -> s.accounts().findByUsername("admin").isEmpty()).compose(empty -> {
            if (!empty) return Future.succeededFuture(new Seeded(List.of(), MEETING_ID, null, List.of()));
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
        return out;
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
        })).compose(v -> vertx.executeBlocking(() -> {
            String display = s.pairing().issue(new Principal.RoomDisplay(MEETING_ID), admin.id()).display();
            var seats = new ArrayList<String>();
            for (String m : List.of("m03", "m04", "m05")) {
                seats.add(m + " " + s.pairing().issue(new Principal.Seat(MEETING_ID, m), admin.id()).display());
            }
            LOG.info("demo meeting " + MEETING_ID + " created and published");
            return new Seeded(accounts, MEETING_ID, display, seats);
        }));
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
