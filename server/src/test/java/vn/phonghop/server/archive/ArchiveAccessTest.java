package vn.phonghop.server.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.server.archive.ArchiveFixture.items;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.accounts.Role;
import vn.phonghop.server.demo.Demo;
import vn.phonghop.server.live.TestServer;

/**
 * Who reads which minutes, over the demo's three-level tree: Đảng bộ Sở Tư pháp → (Chi bộ Phòng
 * Hành chính – Tổng hợp; Đảng bộ bộ phận Trung tâm Trợ giúp pháp lý → Chi bộ Phòng Trợ giúp pháp lý số 1).
 */
class ArchiveAccessTest {
    @TempDir
    Path data;
    TestServer server;
    String otherCellMinutes;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(data);
        var services = server.server.services();
        SmallMeeting.run(services, SmallMeeting.commands("mt-tgpl-10", Demo.OTHER_CELL, "Sinh hoạt chi bộ tháng 10 năm 2026",
                Instant.parse("2026-10-15T01:00:00Z"), "Đề nghị tăng cường trợ giúp pháp lý lưu động.", true));
        otherCellMinutes = services.archiver().archive("mt-tgpl-10").toCompletionStage().toCompletableFuture()
                .get(60, TimeUnit.SECONDS).orElseThrow().id();
        account("tgpl", Role.COMMITTEE, Demo.SUB_COMMITTEE.id());
        account("nobody", Role.COMMITTEE, null);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private void account(String user, Role role, String orgId) {
        var services = server.server.services();
        var a = services.accounts().create(user, "Tài khoản " + user, Demo.PASSWORD.toCharArray(), EnumSet.of(role),
                Optional.empty()).orElseThrow();
        if (orgId != null) services.archiver().organisations().link(a.id(), orgId);
    }

    private Set<String> orgsSeenBy(String token) throws Exception {
        var out = new TreeSet<String>();
        for (Object o : items(server, token, "")) out.add(((JsonObject) o).getJsonObject("organisation").getString("id"));
        return out;
    }

    @Test
    @DisplayName("The committee at the top reads both cells; a sub-committee its own cell; a member their own cell; others nothing")
    void reach_follows_the_tree() throws Exception {
        String demoMinutes = Demo.ARCHIVED_MEETING_ID + "-v1";
        String top = server.login("uyban");
        assertEquals(Set.of("cb-hcth", "cb-tgpl-1"), orgsSeenBy(top));
        assertEquals(Set.of("cb-tgpl-1"), orgsOf(items(server, top, "?org=dbbp-tgpl")), "org= filters to a subtree");
        assertEquals(200, server.get("/api/archive/" + otherCellMinutes + "/pdf", top).status());

        String sub = server.login("tgpl");
        assertEquals(Set.of("cb-tgpl-1"), orgsSeenBy(sub));
        assertEquals(403, server.get("/api/archive/" + demoMinutes, sub).status(), "not a sister branch's minutes");
        assertEquals(403, server.get("/api/archive?org=cb-hcth", sub).status());

        String member = server.login("daibieu05");
        assertEquals(Set.of("cb-hcth"), orgsSeenBy(member), "a member reads their own cell's minutes");
        assertEquals(403, server.get("/api/archive/" + otherCellMinutes + "/pdf", member).status());

        String nobody = server.login("nobody");
        assertEquals(403, server.get("/api/archive", nobody).status(), "an account of no body reads nothing");
        assertEquals(403, server.get("/api/archive/" + demoMinutes + "/verify", nobody).status());
        assertEquals("FORBIDDEN", server.get("/api/archive/" + demoMinutes, nobody).json().getString("code"));
        assertEquals(401, server.get("/api/archive", null).status());
        assertEquals(404, server.get("/api/archive/no-such-minutes-v1", server.login("admin")).status());
        assertEquals(Set.of("cb-hcth", "cb-tgpl-1"), orgsSeenBy(server.login("admin")), "the administrator reads all");
    }

    @Test
    @DisplayName("The administrator arranges the tree and says which bodies an account belongs to; nobody else may")
    void administrator_arranges_the_tree() throws Exception {
        String admin = server.login("admin");
        var body = new JsonObject().put("name", "Chi bộ Phòng Trợ giúp pháp lý số 2").put("kind", "CELL")
                .put("superiorName", Demo.SUB_COMMITTEE.name()).put("symbol", "CB").put("parentId", Demo.SUB_COMMITTEE.id());
        var put = server.call(io.vertx.core.http.HttpMethod.PUT, "/api/archive/organisations/cb-tgpl-2", admin,
                "application/json", body.toBuffer());
        assertEquals(200, put.status(), put.text());
        assertEquals(Demo.SUB_COMMITTEE.id(), put.json().getString("parentId"));
        assertEquals(403, server.call(io.vertx.core.http.HttpMethod.PUT, "/api/archive/organisations/cb-tgpl-2",
                server.login("uyban"), "application/json", body.toBuffer()).status());
        var cycle = new JsonObject().put("name", Demo.COMMITTEE.name()).put("kind", "COMMITTEE").put("parentId", "cb-tgpl-2");
        assertEquals(400, server.call(io.vertx.core.http.HttpMethod.PUT, "/api/archive/organisations/db-stp", admin,
                "application/json", cycle.toBuffer()).status(), "a body cannot go under its own subtree");

        String nobody = server.login("nobody");
        assertEquals(403, server.get("/api/archive", nobody).status());
        var link = server.call(io.vertx.core.http.HttpMethod.PUT, "/api/archive/accounts/nobody/organisations", admin,
                "application/json", new JsonObject().put("orgIds", new io.vertx.core.json.JsonArray().add("dbbp-tgpl")).toBuffer());
        assertEquals(200, link.status(), link.text());
        assertEquals(Set.of("cb-tgpl-1"), orgsSeenBy(nobody), "now a committee account of the sub-committee");
        var tree = server.get("/api/archive/organisations", nobody).json().getJsonArray("organisations");
        assertEquals(Set.of("dbbp-tgpl", "cb-tgpl-1", "cb-tgpl-2"), orgsOfTree(tree));
    }

    private static Set<String> orgsOfTree(io.vertx.core.json.JsonArray tree) {
        var out = new TreeSet<String>();
        for (Object o : tree) out.add(((JsonObject) o).getString("id"));
        return out;
    }

    private static Set<String> orgsOf(io.vertx.core.json.JsonArray items) {
        var out = new TreeSet<String>();
        for (Object o : items) out.add(((JsonObject) o).getJsonObject("organisation").getString("id"));
        return out;
    }

    @Test
    @DisplayName("Every access is audited: list, search, view, download, verify, allowed or denied")
    void every_access_is_audited() throws Exception {
        String id = Demo.ARCHIVED_MEETING_ID + "-v1";
        String top = server.login("uyban");
        String nobody = server.login("nobody");
        server.get("/api/archive", top);
        server.get("/api/archive?q=bien+ban", top);
        server.get("/api/archive/" + id, top);
        server.get("/api/archive/" + id + "/pdf", top);
        server.get("/api/archive/" + id + "/record", top);
        server.get("/api/archive/" + id + "/results.csv", top);
        server.get("/api/archive/" + id + "/verify", top);
        server.get("/api/archive", nobody);
        server.get("/api/archive/" + id + "/pdf", nobody);
        server.get("/api/archive/" + id + "/pdf", null);

        var uyban = server.server.services().accounts().findByUsername("uyban").orElseThrow().id();
        var none = server.server.services().accounts().findByUsername("nobody").orElseThrow().id();
        Map<String, Integer> counts = new HashMap<>();
        try (var c = server.server.services().database().connection();
             var q = c.prepareStatement("SELECT account_id, action, archive_id, outcome FROM archive_audit")) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String who = uyban.equals(rs.getString(1)) ? "uyban" : none.equals(rs.getString(1)) ? "nobody"
                            : String.valueOf(rs.getString(1));
                    counts.merge(who + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4), 1, Integer::sum);
                }
            }
        }
        assertEquals(1, counts.get("uyban LIST null ALLOWED"));
        assertEquals(1, counts.get("uyban SEARCH null ALLOWED"));
        assertEquals(1, counts.get("uyban VIEW " + id + " ALLOWED"));
        assertEquals(3, counts.get("uyban DOWNLOAD " + id + " ALLOWED"), "pdf, record, results.csv");
        assertEquals(1, counts.get("uyban VERIFY " + id + " ALLOWED"));
        assertEquals(1, counts.get("nobody LIST null DENIED"));
        assertEquals(1, counts.get("nobody DOWNLOAD " + id + " DENIED"));
        assertEquals(1, counts.get("null DOWNLOAD " + id + " UNAUTHENTICATED"));
        assertTrue(counts.keySet().stream().noneMatch(k -> k.startsWith("nobody") && k.endsWith("ALLOWED")), counts.toString());
    }
}
