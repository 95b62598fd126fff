package vn.phonghop.server.documents;

import vn.phonghop.agenda.items.Classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.config.Config;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.TestDatabases;

class DocumentStoreTest {

    static final Instant NOW = Instant.parse("2026-11-05T01:00:00Z");

    @TempDir
    Path dir;
    Database db;
    DocumentStore documents;

    @BeforeEach
    void open() {
        Config config = TestDatabases.config(dir);
        db = Database.open(config);
        documents = new DocumentStore(db, new PdfInspector(config.maxDocumentBytes()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    long count(String table) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @DisplayName("A valid PDF is stored with its SHA-256, page count and level, and reads back whole")
    void storeAndRead() throws Exception {
        byte[] pdf = DemoDocuments.monthlyReport();
        DocumentInfo info = documents.store(DemoDocuments.REPORT_TITLE, Classification.MAT, pdf);

        assertEquals(DocumentStore.sha256(pdf), info.sha256());
        assertEquals(64, info.sha256().length());
        assertEquals(TestPdfs.pageCount(pdf), info.pageCount());
        assertEquals(pdf.length, info.sizeBytes());
        assertEquals(NOW, info.createdAt());
        assertEquals(Optional.of(info), documents.find(info.id()));
        assertArrayEquals(pdf, documents.read(info.id()).orElseThrow());
    }

    @Test
    @DisplayName("The same bytes uploaded twice are two documents over one blob")
    void contentAddressed() throws Exception {
        byte[] pdf = DemoDocuments.draftResolution();
        DocumentInfo first = documents.store("Dự thảo nghị quyết", Classification.UNCLASSIFIED, pdf);
        DocumentInfo second = documents.store("Dự thảo nghị quyết (bản gửi lại)", Classification.UNCLASSIFIED, pdf);
        assertNotEquals(first.id(), second.id());
        assertEquals(first.sha256(), second.sha256());
        assertEquals(2, count("documents"));
        assertEquals(1, count("blobs"));
    }

    @Test
    @DisplayName("The same new file uploaded from several places at once is stored once, and every upload succeeds")
    void concurrentIdenticalUploads() throws Exception {
        byte[] pdf = TestPdfs.withPages(2);
        ExecutorService uploaders = Executors.newFixedThreadPool(4);
        try {
            CyclicBarrier together = new CyclicBarrier(4);
            List<Future<DocumentInfo>> uploads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                uploads.add(uploaders.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return documents.store("Giấy mời", Classification.UNCLASSIFIED, pdf);
                }));
            }
            for (Future<DocumentInfo> upload : uploads) {
                assertEquals(DocumentStore.sha256(pdf), upload.get(30, TimeUnit.SECONDS).sha256());
            }
        } finally {
            uploaders.shutdown();
        }
        assertEquals(4, count("documents"));
        assertEquals(1, count("blobs"));
    }

    @Test
    @DisplayName("A refused upload stores nothing")
    void refusedStoresNothing() throws Exception {
        byte[] pdf = TestPdfs.withPages(2);
        assertThrows(DocumentRejected.class, () -> documents.store("Hỏng", Classification.UNCLASSIFIED,
                Arrays.copyOf(pdf, pdf.length / 2)));
        assertThrows(DocumentRejected.class, () -> documents.store("Mã hóa", Classification.UNCLASSIFIED,
                TestPdfs.encrypted("")));
        assertEquals(0, count("documents"));
        assertEquals(0, count("blobs"));
    }

    @Test
    @DisplayName("Byte ranges read the requested slice, clipped at the end of the file")
    void ranges() throws Exception {
        byte[] pdf = DemoDocuments.monthlyReport();
        String id = documents.store("Báo cáo", Classification.UNCLASSIFIED, pdf).id();

        assertArrayEquals("%PDF-".getBytes(), documents.readRange(id, 0, 5).orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(pdf, 1000, 5096), documents.readRange(id, 1000, 4096).orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(pdf, pdf.length - 10, pdf.length),
                documents.readRange(id, pdf.length - 10, 65_536).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> documents.readRange(id, pdf.length, 10));
        assertThrows(IllegalArgumentException.class, () -> documents.readRange(id, -1, 10));
        assertEquals(Optional.empty(), documents.readRange("no-such-document", 0, 10));
    }

    @Test
    @DisplayName("Documents survive a restart of the database")
    void survivesRestart() throws Exception {
        byte[] pdf = TestPdfs.withPages(1);
        DocumentInfo info = documents.store("Giấy mời họp", Classification.UNCLASSIFIED, pdf);
        db.close();
        db = TestDatabases.h2(dir);
        DocumentStore reopened = new DocumentStore(db, new PdfInspector(1 << 20), Clock.systemUTC());
        assertEquals(Optional.of(info), reopened.find(info.id()));
        assertArrayEquals(pdf, reopened.read(info.id()).orElseThrow());
    }
}
