package vn.phonghop.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A server the bench measures, run as its own process (the real fat jar, the bare Vert.x
 * baseline or Node's ws), so that its CPU time and heap are its own. Output goes to a log file.
 */
final class ChildProcess implements AutoCloseable {
    private static final Pattern HEAP_USED = Pattern.compile("\\bused (\\d+)([KMG])\\b");

    final String name;
    final int port;
    private final Process process;
    final Path log;

    private ChildProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, int port, Path log)
            throws IOException {
        var pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        var child = new ChildProcess(name, port, pb.start(), log);
        // a bench stopped by a signal takes its servers with it
        Runtime.getRuntime().addShutdownHook(new Thread(child.process::destroy, "stop-" + name));
        child.awaitPort(120_000);
        return child;
    }

    /** A JVM child with the bench's own java. */
    static List<String> java(List<String> args) {
        var cmd = new java.util.ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(args);
        return cmd;
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the port accepts connections, or the process dies, or the time is up. */
    private void awaitPort(long timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) throw new IOException(name + " exited: " + tail());
            try (var s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Bench.pause(100);
            }
        }
        throw new IOException(name + " did not listen on " + port + " within " + timeoutMillis + " ms: " + tail());
    }

    /** User + system CPU time of the process so far, in microseconds (from /proc/<pid>/stat). */
    long cpuMicros() {
        return Cpu.micros(process.pid());
    }

    /** Heap in use after a full GC, in bytes (via jcmd), or -1 when it cannot be read (e.g. Node). */
    long heapAfterGc() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) return -1;
        try {
            run(jcmd.toString(), String.valueOf(pid()), "GC.run");
            String info = run(jcmd.toString(), String.valueOf(pid()), "GC.heap_info");
            return heapUsed(info);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The heap in use from {@code jcmd GC.heap_info}: G1 and ZGC print one line for the heap, the
     * Parallel and Serial collectors one per generation (summed here); Metaspace is not heap.
     * -1 when no heap line is found.
     */
    static long heapUsed(String heapInfo) {
        long sum = -1;
        for (String line : heapInfo.split("\n")) {
            String l = line.strip();
            if (l.startsWith("Metaspace") || l.startsWith("class space")) continue;
            var m = HEAP_USED.matcher(l);
            if (!m.find()) continue;
            long unit = switch (m.group(2)) {
                case "K" -> 1L << 10;
                case "M" -> 1L << 20;
                default -> 1L << 30;
            };
            sum = Math.max(sum, 0) + Long.parseLong(m.group(1)) * unit;
        }
        return sum;
    }

    private static String run(String... cmd) throws IOException {
        var p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", cmd));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    String tail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
