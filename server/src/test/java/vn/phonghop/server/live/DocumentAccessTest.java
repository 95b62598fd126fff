package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.demo.Demo;

/** Documents reach only those entitled: classified ones only in the meeting, watermarked, never after. */
class DocumentAccessTest {
    @TempDir
    Path data;
    TestServer server;
    String chair;
    String delegate;
    String report;
    String draft;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(data);
        chair = server.login("chutri");
        delegate = server.login("daibieu06");
        var items = server.get("/api/meetings/" + Demo.MEETING_ID, chair).json().getJsonObject("view")
                .getJsonObject("agenda").getJsonArray("items");
        for (int i = 0; i < items.size(); i++) {
            var docs = items.getJsonObject(i).getJsonArray("documents");
            for (int d = 0; d < docs.size(); d++) {
                var doc = docs.getJsonObject(d);
                if ("MAT".equals(doc.getString("classification"))) draft = doc.getString("id");
                else report = doc.getString("id");
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String doc(String id) {
        return "/api/meetings/" + Demo.MEETING_ID + "/documents/" + id;
    }

    private void command(JsonObject c) throws Exception {
        var r = server.post("/api/meetings/" + Demo.MEETING_ID + "/commands", chair,
                new JsonObject().put("id", java.util.UUID.randomUUID().toString()).put("command", c));
        assertEquals(200, r.status(), r.text());
    }

    @Test
    @DisplayName("An unclassified document is served with byte ranges for PDF.js")
    void unclassified_ranges() throws Exception {
        var whole = server.get(doc(report), delegate);
        assertEquals(200, whole.status());
        assertEquals("bytes", whole.headers().get("Accept-Ranges"));
        var part = server.call(HttpMethod.GET, doc(report), delegate, null, null);
        var ranged = rangeGet(doc(report), "bytes=0-99");
        assertEquals(206, ranged.status());
        assertEquals(100, ranged.body().length());
        assertEquals("bytes 0-99/" + whole.body().length(), ranged.headers().get("Content-Range"));
        assertEquals(whole.body().getBuffer(0, 100), ranged.body());
        assertEquals(416, rangeGet(doc(report), "bytes=" + (whole.body().length() + 10) + "-").status());
        assertEquals(part.body(), whole.body());
    }

    private TestServer.Response rangeGet(String path, String range) throws Exception {
        var opts = new io.vertx.core.http.RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(server.port)
                .setURI(path).putHeader("Authorization", "Bearer " + delegate).putHeader("Range", range);
        var client = server.vertx.createHttpClient();
        try {
            return client.request(opts).compose(req -> req.send().compose(res -> res.body()
                    .map(b -> new TestServer.Response(res.statusCode(), res.headers(), b))))
                    .toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }

    @Test
    @DisplayName("A classified document: refused before the meeting, to the absent and after the close; stamped for the present")
    void classified_rules() throws Exception {
        assertEquals("CLASSIFIED_OUTSIDE_MEETING", server.get(doc(draft), delegate).json().getString("code"));
        command(new JsonObject().put("type", "StartMeeting"));
        assertEquals(403, server.get(doc(draft), delegate).status(), "not checked in yet");
        command(new JsonObject().put("type", "CheckIn").put("personId", "m06"));
        var stamped = server.get(doc(draft), delegate);
        assertEquals(200, stamped.status());
        assertEquals("no-store, private", stamped.headers().get("Cache-Control"));
        assertEquals("inline", stamped.headers().get("Content-Disposition"));
        byte[] bytes = stamped.body().getBytes();
        int pages;
        try (var pdf = Loader.loadPDF(bytes)) {
            pages = pdf.getNumberOfPages();
        }
        for (int p = 1; p <= pages; p++) {
            String glyphs = vn.phonghop.server.documents.TestPdfs.pageText(bytes, p);
            assertTrue(glyphs.contains("Vũ Thị Lan"), "page " + p + " carries the viewer's name: " + glyphs);
        }
        assertEquals(403, server.get(doc(draft), server.login("uyban")).status(), "outsiders see nothing");
        command(new JsonObject().put("type", "CloseMeeting"));
        assertEquals("CLASSIFIED_OUTSIDE_MEETING", server.get(doc(draft), delegate).json().getString("code"));
    }

    @Test
    @DisplayName("Uploading a broken or hostile file gets a clear error and stores nothing; a good PDF is attached")
    void upload() throws Exception {
        String path = "/api/meetings/" + Demo.MEETING_ID + "/documents?itemId=i-2.1&title=T%C3%A0i%20li%E1%BB%87u&classification=UNCLASSIFIED";
        var garbage = server.call(HttpMethod.POST, path, chair, "application/pdf", Buffer.buffer("this is not a pdf"));
        assertEquals(400, garbage.status());
        assertEquals("NOT_A_PDF", garbage.json().getString("code"));
        byte[] good = vn.phonghop.server.documents.DemoDocuments.draftResolution();
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        assertEquals(400, server.call(HttpMethod.POST, path, chair, "application/pdf", Buffer.buffer(truncated)).status());
        var before = server.get("/api/meetings/" + Demo.MEETING_ID, chair).json().encode();
        assertTrue(!before.contains("\"Tài liệu\""), "nothing attached by the failed uploads");
        var ok = server.call(HttpMethod.POST, path, chair, "application/pdf", Buffer.buffer(good));
        assertEquals(201, ok.status(), ok.text());
        assertEquals(2, ok.json().getJsonObject("document").getInteger("pageCount"));
        assertEquals(403, server.call(HttpMethod.POST, path, delegate, "application/pdf", Buffer.buffer(good)).status());
    }
}
