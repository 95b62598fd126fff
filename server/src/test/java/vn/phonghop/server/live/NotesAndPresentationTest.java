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
import vn.phonghop.server.demo.Demo;

/** Private notes stay with their author; the chair's presented page reaches every screen. */
class NotesAndPresentationTest {
    @TempDir
    Path data;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(data);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestServer.Response put(String token, String target, String text) throws Exception {
        return server.call(HttpMethod.PUT, "/api/meetings/" + Demo.MEETING_ID + "/notes/" + target, token,
                "application/json", new JsonObject().put("text", text).toBuffer());
    }

    @Test
    @DisplayName("A note is kept for its author only: another member, the chair and the display never see it")
    void notes_are_private() throws Exception {
        String author = server.login("daibieu04");
        assertEquals(200, put(author, "item:i-2.2", "Hỏi lại số liệu số hóa hồ sơ năm 2025").status());
        var mine = server.get("/api/meetings/" + Demo.MEETING_ID + "/notes", author).json().getJsonArray("notes");
        assertEquals(1, mine.size());
        assertEquals("Hỏi lại số liệu số hóa hồ sơ năm 2025", mine.getJsonObject(0).getString("text"));
        for (String other : new String[] {"daibieu05", "chutri"}) {
            var theirs = server.get("/api/meetings/" + Demo.MEETING_ID + "/notes", server.login(other)).json();
            assertTrue(theirs.getJsonArray("notes").isEmpty(), other + " sees no one else's notes");
        }
        assertEquals(200, put(author, "item:i-2.2", "").status());
        assertTrue(server.get("/api/meetings/" + Demo.MEETING_ID + "/notes", author).json().getJsonArray("notes").isEmpty(),
                "an empty note deletes it");
        assertEquals(400, put(author, "anything", "x").status());
        assertEquals(413, put(author, "doc:d1", "x".repeat(20_001)).status());
        assertEquals(403, server.get("/api/meetings/" + Demo.MEETING_ID + "/notes", server.login("uyban")).status());
    }

    @Test
    @DisplayName("The chair presents a page: tablets and the display get it; stopping clears it")
    void presenting_a_page() throws Exception {
        String chairToken = server.login("chutri");
        var doc = server.get("/api/meetings/" + Demo.MEETING_ID, chairToken).json().getJsonObject("view")
                .getJsonObject("agenda").getJsonArray("items").getJsonObject(3).getJsonArray("documents").getJsonObject(0);
        try (var chair = server.live(); var tablet = server.live()) {
            chair.hello(chairToken, Demo.MEETING_ID);
            tablet.hello(server.login("daibieu05"), Demo.MEETING_ID);
            chair.command(new JsonObject().put("type", "StartMeeting"));
            var ack = chair.command(new JsonObject().put("type", "PresentDocument").put("documentId", doc.getString("id"))
                    .put("page", 2));
            assertEquals("ack", ack.getString("type"), ack.encode());
            var shown = tablet.event("DocumentPresented").getJsonObject("patch").getJsonObject("presentation");
            assertEquals(2, shown.getInteger("page"));
            assertEquals(doc.getString("title"), shown.getString("title"));
            assertEquals(doc.getInteger("pageCount"), shown.getInteger("pageCount"));
            var beyond = chair.command(new JsonObject().put("type", "PresentDocument").put("documentId", doc.getString("id"))
                    .put("page", 99));
            assertEquals("INVALID_POSITION", beyond.getString("reason"));
            chair.command(new JsonObject().put("type", "StopPresenting"));
            var stopped = tablet.event("PresentationStopped");
            assertTrue(stopped.getJsonObject("patch").containsKey("presentation"));
            assertEquals(null, stopped.getJsonObject("patch").getValue("presentation"));
        }
    }
}
