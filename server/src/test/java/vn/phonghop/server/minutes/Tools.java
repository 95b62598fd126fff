package vn.phonghop.server.minutes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Poppler's command-line tools, run as a reader of the minutes would run them. */
final class Tools {

    private Tools() {
    }

    /** Skips the calling test, saying why, when poppler-utils is not installed (CI installs it). */
    static void requirePoppler(String tool) {
        assumeTrue(onPath(tool), () -> tool + " (poppler-utils) is not installed: apt-get install -y poppler-utils");
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    /** The text of a PDF as poppler reads it, in UTF-8. */
    static String pdftotext(Path pdf) {
        return run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").output();
    }

    record Result(int exitCode, String output) {
    }

    static Result run(String... command) {
        requirePoppler(command[0]);
        try {
            var p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
