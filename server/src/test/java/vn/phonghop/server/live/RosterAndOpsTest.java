package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.agenda.meeting.Rejection;
import vn.phonghop.server.demo.Demo;
import vn.phonghop.server.http.Messages;

/** Scheduling from the template, the roster as CSV, and the operational endpoints. */
class RosterAndOpsTest {
    @TempDir
    Path data;
    TestServer server;
    String admin;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(data);
        admin = server.login("admin");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String schedule() throws Exception {
        var r = server.post("/api/meetings", admin, new JsonObject().put("title", "Sinh hoạt chi bộ tháng 12 năm 2026")
                .put("kind", "REGULAR_CELL_MEETING").put("venue", "Hội trường").put("place", "Hà Nội")
                .put("plannedStart", "2026-12-05T01:00:00Z").put("template", true)
                .put("organisation", new JsonObject().put("id", "cb-2").put("name", "Chi bộ Phòng Tổ chức")
                        .put("kind", "CELL").put("superiorName", "Đảng bộ Sở").put("symbol", "CB")));
        assertEquals(201, r.status(), r.text());
        return r.json().getString("meetingId");
    }

    @Test
    @DisplayName("An administrator schedules a meeting from the regular cell meeting template")
    void schedule_from_template() throws Exception {
        String id = schedule();
        var view = server.get("/api/meetings/" + id, admin).json().getJsonObject("view");
        assertEquals("DRAFT", view.getJsonObject("header").getString("phase"));
        assertEquals(9, view.getJsonObject("agenda").getJsonArray("items").size(), "4 items and 5 sub-items");
        assertEquals(403, server.post("/api/meetings", server.login("daibieu05"), new JsonObject()).status(),
                "a delegate does not schedule meetings");
        var list = new io.vertx.core.json.JsonArray(server.get("/api/meetings", admin).text());
        assertEquals(3, list.size(), "the two demo meetings (published, and last month's archived one) and the new one");
    }

    @Test
    @DisplayName("A roster CSV with a bad row is refused by line number and imports nothing; a good one imports all")
    void roster_csv_import() throws Exception {
        String id = schedule();
        String bad = "id,name,membership,standing\r\nd1,Nguyễn Thị Hà,OFFICIAL,ACTIVE\r\nd2,,OFFICIAL,ACTIVE\r\n"
                + "d3,Trần Văn Minh,MEMBER,ACTIVE\r\n";
        var r = server.call(HttpMethod.POST, "/api/meetings/" + id + "/roster.csv", admin, "text/csv", Buffer.buffer(bad));
        assertEquals(400, r.status());
        var rows = r.json().getJsonArray("rows");
        assertEquals(3, rows.getJsonObject(0).getInteger("line"));
        assertEquals(4, rows.getJsonObject(1).getInteger("line"));
        var members = server.get("/api/meetings/" + id, admin).json().getJsonObject("view").getJsonObject("roster")
                .getJsonArray("members");
        assertEquals(0, members.size(), "nothing half-imported");
        String good = "\uFEFFid,name,membership,standing\r\nd1,Nguyễn Thị Hà,OFFICIAL,ACTIVE\r\n"
                + "d2,\"Lê Văn Toàn, con\",PROBATIONARY,ACTIVE\r\nd3,Trần Văn Minh,official,exempt\r\n";
        var ok = server.call(HttpMethod.POST, "/api/meetings/" + id + "/roster.csv", admin, "text/csv", Buffer.buffer(good));
        assertEquals(200, ok.status(), ok.text());
        var exported = server.get("/api/meetings/" + id + "/roster.csv", admin).text();
        assertTrue(exported.startsWith("\uFEFFid,name,membership,standing\r\n"));
        assertTrue(exported.contains("d2,\"Lê Văn Toàn, con\",PROBATIONARY,ACTIVE"));
        assertTrue(exported.contains("d3,Trần Văn Minh,OFFICIAL,EXEMPT"));
        var repeat = server.call(HttpMethod.POST, "/api/meetings/" + id + "/roster.csv", admin, "text/csv", Buffer.buffer(good));
        assertEquals(ok.text(), repeat.text(), "the same file sent again is the same import: applied once, same answer");
        String overlapping = "id,name,membership,standing\r\nd4,Phạm Thu Trang,OFFICIAL,ACTIVE\r\nd1,Nguyễn Thị Hà,OFFICIAL,ACTIVE\r\n";
        var again = server.call(HttpMethod.POST, "/api/meetings/" + id + "/roster.csv", admin, "text/csv",
                Buffer.buffer(overlapping));
        assertEquals(409, again.status(), "a file repeating a member is refused as a whole");
        assertEquals("MEMBER_ALREADY_REGISTERED", again.json().getString("reason"));
        assertEquals(3, server.get("/api/meetings/" + id, admin).json().getJsonObject("view").getJsonObject("roster")
                .getJsonArray("members").size(), "d4 was not imported either");
    }

    @Test
    @DisplayName("The administrator creates accounts; nobody else may; a taken username is a conflict")
    void accounts() throws Exception {
        var body = new JsonObject().put("username", "daibieu16").put("displayName", "Hà Thị Thanh Tâm")
                .put("password", "mat-khau-moi-2026").put("roles", new io.vertx.core.json.JsonArray().add("MEMBER"))
                .put("memberId", "m16");
        var made = server.post("/api/accounts", admin, body);
        assertEquals(201, made.status(), made.text());
        assertEquals("Hà Thị Thanh Tâm", made.json().getString("displayName"));
        assertEquals(409, server.post("/api/accounts", admin, body).status());
        assertEquals(403, server.post("/api/accounts", server.login("chutri"), body).status());
        assertTrue(server.get("/api/accounts", admin).text().contains("daibieu16"));
        var login = server.post("/api/login", null, new JsonObject().put("username", "DaiBieu16 ")
                .put("password", "mat-khau-moi-2026"));
        assertEquals(200, login.status(), "usernames compare without case and spaces");
    }

    @Test
    @DisplayName("Health, metrics, OpenAPI and the message table answer; errors are typed JSON")
    void operations() throws Exception {
        var health = server.get("/health", null);
        assertEquals(200, health.status());
        assertEquals("UP", health.json().getString("status"));
        var metrics = server.get("/metrics", null).text();
        assertTrue(metrics.contains("phonghop_store_commits_total"), metrics);
        assertTrue(metrics.contains("\nphonghop_store_batches_retried_total 0\n"), metrics);
        assertTrue(metrics.contains("phonghop_command_seconds_bucket"), metrics);
        // every event loop is probed for how long it was held, from the start
        Conditions.waitFor(() -> {
            try {
                return !server.get("/metrics", null).text().contains("\nphonghop_event_loop_lag_seconds_count 0\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "the event loops' lag is probed", java.time.Duration.ofSeconds(10));
        assertTrue(server.get("/openapi.yaml", null).text().startsWith("openapi: 3"));
        var table = server.get("/i18n/messages.json", null).json();
        for (var reason : Rejection.Reason.values()) {
            assertTrue(table.getJsonObject("reasons").containsKey(reason.name()), "no message for " + reason);
        }
        var notFound = server.get("/api/nothing-here", admin);
        assertEquals(404, notFound.status());
        assertEquals("NOT_FOUND", notFound.json().getString("code"));
        var malformed = server.call(HttpMethod.POST, "/api/login", null, "application/json", Buffer.buffer("{oops"));
        assertEquals(400, malformed.status());
        assertEquals("Thông điệp không phải JSON hợp lệ.", malformed.json().getJsonObject("message").getString("vi"));
        var wrong = server.post("/api/login", null, new JsonObject().put("username", "admin").put("password", "sai-mat-khau"));
        assertEquals(401, wrong.status());
        assertEquals("BAD_CREDENTIALS", wrong.json().getString("code"));
        assertEquals("Sai tên đăng nhập hoặc mật khẩu.", Messages.error("BAD_CREDENTIALS").getString("vi"));
        assertEquals(Demo.MEETING_ID, new io.vertx.core.json.JsonArray(server.get("/api/meetings", admin).text())
                .getJsonObject(0).getString("meetingId"));
    }
}
