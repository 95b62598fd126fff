package vn.phonghop.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStoreCrashTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("Every acknowledged append survives the process being killed")
    void acknowledgedAppendsSurviveKill() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process writer = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                CrashingWriter.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long acked = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acked < 300 && (line = out.readLine()) != null) {
                acked = Long.parseLong(line.substring("acked ".length()));
            }
            writer.destroyForcibly();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(300, acked, "the writer process acknowledged appends before it was killed");

        try (Database db = TestDatabases.h2(dir); EventStore store = new EventStore(db)) {
            long last = store.lastSeq("crash");
            assertTrue(last >= acked, "acknowledged " + acked + " but only " + last + " survived");
            List<Long> seqs = store.read("crash", 0).stream().map(StoredEvent::seq).toList();
            assertEquals(LongStream.rangeClosed(1, last).boxed().toList(), seqs);
        }
    }
}
