package vn.phonghop.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;

/**
 * More tablets in another process: one process holds at most ~20,000 sockets here, so a scenario
 * that needs more spreads its tablets over workers ({@code processes=N}). A worker connects the
 * tablets it is given and reports what they saw; the main process drives the scenario and merges.
 * It answers one line per line read on stdin (progress goes to stderr):
 * <pre>
 * connect PORT MEETING TOKENS_FILE   → connected COUNT
 * window                             → ok            (a new measuring window)
 * await SEQ TIMEOUT_MS               → seen SEQ RECEIVERS LAST_MICROS   (waits until every tablet has SEQ)
 * stats                              → stats {messages, bytes, gaps, cpuMicros, delivery: compressed histogram}
 * disconnect                         → ok
 * </pre>
 * {@code java -cp phonghop-bench.jar vn.phonghop.bench.FleetWorker PER_ADDRESS FIRST_ADDRESS ADDRESSES}
 */
public final class FleetWorker {
    private FleetWorker() {
    }

    public static void main(String[] args) throws Exception {
        int perAddress = Integer.parseInt(args[0]);
        int firstAddress = Integer.parseInt(args[1]);
        int addresses = Integer.parseInt(args[2]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setBlockedThreadCheckInterval(10_000)
                .setPreferNativeTransport(Boolean.parseBoolean(System.getProperty("phonghop.nativeTransport", "true"))));
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (var fleet = new Fleet(vertx, perAddress, firstAddress, addresses)) {
            int connected = 0;
            long cpu0 = Cpu.self();
            String line;
            while ((line = in.readLine()) != null) {
                String[] w = line.trim().split(" ");
                String answer = switch (w[0]) {
                    case "connect" -> {
                        var tokens = Files.readAllLines(Path.of(w[3]));
                        var members = new ArrayList<String>();
                        for (int i = 0; i < tokens.size(); i++) members.add("w" + firstAddress + "-" + i);
                        connected = fleet.connect(Integer.parseInt(w[1]), w[2], members, tokens, 900).size();
                        yield "connected " + connected;
                    }
                    case "window" -> {
                        fleet.newWindow();
                        cpu0 = Cpu.self();
                        yield "ok";
                    }
                    case "await" -> {
                        long seq = Long.parseLong(w[1]);
                        Window win = fleet.window();
                        Congress.everyone(win, seq, connected, Long.parseLong(w[2]));
                        yield "seen " + seq + " " + win.receivers(seq) + " " + win.timeToLastMicros(seq);
                    }
                    case "stats" -> {
                        Window win = fleet.window();
                        var h = win.deliveryHistogram();
                        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
                        int size = h.encodeIntoCompressedByteBuffer(buf);
                        yield "stats " + new JsonObject().put("messages", win.messages.get()).put("bytes", win.messageBytes.get())
                                .put("gaps", win.gaps.get()).put("cpuMicros", Cpu.self() - cpu0)
                                .put("delivery", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), size))).encode();
                    }
                    case "disconnect" -> {
                        fleet.disconnectAll();
                        connected = 0;
                        yield "ok";
                    }
                    default -> "error unknown " + w[0];
                };
                System.out.println(answer);
                System.out.flush();
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }
}
