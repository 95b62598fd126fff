package vn.phonghop.bench;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The main process's side of the {@link FleetWorker} processes that hold part of the tablets.
 * Every request goes to all workers first and the answers are read after, so they work at once.
 */
final class Workers implements AutoCloseable {
    private record Worker(Process process, Writer in, BufferedReader out) { }

    private final List<Worker> workers = new ArrayList<>();
    private final Path work;

    /** Summed over the workers by {@link #stats}. */
    record Stats(long messages, long bytes, long gaps, long cpuMicros, Histogram delivery) { }

    /** Worker k takes the source addresses after the main process's and the workers' before it. */
    Workers(int count, Bench.Options o, Path work, int perAddress, int addresses) throws IOException {
        this.work = work;
        for (int k = 1; k <= count; k++) {
            // connecting, a tablet holds a whole snapshot (2 MB at 20,000 members) as bytes and as text
            var args = new ArrayList<String>(List.of(o.text("workerJvm", "-Xmx4g -XX:+UseZGC").split(" ")));
            args.removeIf(String::isBlank);
            args.addAll(List.of(Bench.transportProperty(o), Bench.deflateProperty(o), Bench.clientLoopsProperty(o), "-cp", System.getProperty("java.class.path"), "vn.phonghop.bench.FleetWorker",
                    String.valueOf(perAddress), String.valueOf(2 + k * addresses), String.valueOf(addresses)));
            var command = ChildProcess.java(args);
            var process = new ProcessBuilder(command).redirectError(work.resolve("worker" + k + ".log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-worker" + k));
            workers.add(new Worker(process, new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))));
        }
    }

    int count() {
        return workers.size();
    }

    /** Connects each worker's share of the tablets (one list of tokens per worker); the number connected. */
    int connect(int port, String meetingId, List<List<String>> tokens) throws IOException {
        var lines = new ArrayList<String>();
        for (int k = 0; k < workers.size(); k++) {
            Path file = work.resolve("tokens-" + k + ".txt");
            Files.write(file, tokens.get(k));
            lines.add("connect " + port + " " + meetingId + " " + file);
        }
        int connected = 0;
        for (String answer : ask(lines)) connected += Integer.parseInt(expect(answer, "connected")[1]);
        return connected;
    }

    void window() throws IOException {
        ask("window").forEach(a -> expect(a, "ok"));
    }

    void disconnect() throws IOException {
        ask("disconnect").forEach(a -> expect(a, "ok"));
    }

    /** Waits until every worker's tablets have {@code seq}: {receivers, latest receipt in µs after the event}. */
    long[] await(long seq, long timeoutMillis) throws IOException {
        long receivers = 0;
        long last = 0;
        for (String answer : ask("await " + seq + " " + timeoutMillis)) {
            String[] w = expect(answer, "seen");
            receivers += Long.parseLong(w[2]);
            last = Math.max(last, Long.parseLong(w[3]));
        }
        return new long[] {receivers, last};
    }

    Stats stats() throws IOException {
        long messages = 0, bytes = 0, gaps = 0, cpu = 0;
        var delivery = new Histogram(3);
        for (String answer : ask("stats")) {
            var s = new JsonObject(answer.substring("stats ".length()));
            messages += s.getLong("messages");
            bytes += s.getLong("bytes");
            gaps += s.getLong("gaps");
            cpu += s.getLong("cpuMicros");
            try {
                delivery.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(s.getString("delivery"))), 0));
            } catch (java.util.zip.DataFormatException e) {
                throw new IOException("a worker's histogram did not decode", e);
            }
        }
        return new Stats(messages, bytes, gaps, cpu, delivery);
    }

    private List<String> ask(String line) throws IOException {
        return ask(java.util.Collections.nCopies(workers.size(), line));
    }

    private List<String> ask(List<String> lines) throws IOException {
        for (int k = 0; k < workers.size(); k++) {
            workers.get(k).in().write(lines.get(k) + "\n");
            workers.get(k).in().flush();
        }
        var answers = new ArrayList<String>();
        for (int k = 0; k < workers.size(); k++) {
            String answer = workers.get(k).out().readLine();
            if (answer == null) throw new IOException("worker " + (k + 1) + " ended: " + tail(work.resolve("worker" + (k + 1) + ".log")));
            answers.add(answer);
        }
        return answers;
    }

    /** The end of a worker's log (the bench deletes its work directory when it ends). */
    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String[] expect(String answer, String word) {
        String[] w = answer.split(" ");
        if (!w[0].equals(word)) throw new IllegalStateException("a worker answered '" + answer + "', expected " + word);
        return w;
    }

    @Override
    public void close() {
        for (Worker w : workers) {
            try {
                w.in().close();
            } catch (IOException ignored) {
                // it is being stopped anyway
            }
        }
        for (Worker w : workers) {
            try {
                if (!w.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) w.process().destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                w.process().destroyForcibly();
            }
        }
    }
}
