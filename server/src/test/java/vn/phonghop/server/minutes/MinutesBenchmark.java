package vn.phonghop.server.minutes;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import vn.phonghop.agenda.minutes.Minutes;
import vn.phonghop.agenda.minutes.MinutesRecord;

/**
 * How long the minutes of a long meeting take: a 3-hour cell meeting with 60 remarks and 10
 * polls, from the event log to signed PDF/A bytes, after warming up. The target is under 2 s.
 * Run with:
 * <pre>
 * mvn -B -q -pl server test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=vn.phonghop.server.minutes.MinutesBenchmark
 * </pre>
 */
public final class MinutesBenchmark {

    private static final int WARM_UP = 5;
    private static final int RUNS = 20;

    private MinutesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var log = SampleMeeting.build(60, 10, Duration.ofHours(3));
        var number = new MinutesNumber(7, "CB");
        var renderer = new MinutesRenderer();
        var key = DevelopmentKeys.create(Files.createTempDirectory("bench").resolve("dev.p12"),
                "benchmark".toCharArray(), SampleMeeting.START);
        var signer = new MinutesSigner(key);

        long cold = System.nanoTime();
        byte[] first = renderer.render(Minutes.of(log), number, MinutesJson.of(Minutes.of(log)));
        double coldMs = (System.nanoTime() - cold) / 1e6;
        for (int i = 0; i < WARM_UP; i++) renderer.render(Minutes.of(log), number, MinutesJson.of(Minutes.of(log)));

        long[] record = new long[RUNS];
        long[] render = new long[RUNS];
        long[] sign = new long[RUNS];
        byte[] pdf = first;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            MinutesRecord r = Minutes.of(log);
            byte[] json = MinutesJson.of(r);
            long t1 = System.nanoTime();
            pdf = renderer.render(r, number, json);
            long t2 = System.nanoTime();
            signer.sign(pdf, SampleMeeting.START.plus(Duration.ofHours(3)));
            long t3 = System.nanoTime();
            record[i] = t1 - t0;
            render[i] = t2 - t1;
            sign[i] = t3 - t2;
        }
        System.out.printf("minutes of a 3-hour meeting: %d events, 60 remarks, 10 polls → %d bytes, %d pages%n",
                log.size(), pdf.length, pages(pdf));
        System.out.printf("first render (cold JVM): %.0f ms%n", coldMs);
        report("record + JSON from the log", record);
        report("render PDF/A-3b", render);
        report("sign (PAdES, RSA-3072)", sign);
        long[] total = new long[RUNS];
        for (int i = 0; i < RUNS; i++) total[i] = record[i] + render[i] + sign[i];
        report("total, log to signed PDF", total);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-28s warm, %d runs: median %6.1f ms, min %6.1f ms, max %6.1f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static int pages(byte[] pdf) throws java.io.IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }
}
