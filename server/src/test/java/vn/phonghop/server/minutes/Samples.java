package vn.phonghop.server.minutes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.phonghop.agenda.minutes.Minutes;
import vn.phonghop.agenda.minutes.MinutesRecord;

/** The sample meeting's record and its minutes, rendered once for all the tests that only read them. */
final class Samples {

    static final MinutesNumber NUMBER = new MinutesNumber(7, "CB");
    static final MinutesRecord RECORD = Minutes.of(SampleMeeting.realistic());
    static final byte[] JSON = MinutesJson.of(RECORD);
    private static byte[] pdf;

    private Samples() {
    }

    static synchronized byte[] pdf() {
        if (pdf == null) pdf = new MinutesRenderer().render(RECORD, NUMBER, JSON);
        return pdf.clone();
    }

    /** Writes bytes under target/ so that a failing test leaves the file to look at. */
    static Path write(String name, byte[] bytes) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "minutes"));
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
