package vn.phonghop.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The servers the real one is compared with in the same run: {@code vertx} (BareBroadcast, the
 * ceiling: no application logic) and {@code node} (Node's ws). Both speak the slice of the live
 * protocol the tablets need and send, as the event of a command, the real server's event the
 * command carries ({@link #command}): the same text, so the same bytes on the wire.
 */
final class Baselines {
    private Baselines() {
    }

    /** The names asked for with {@code baselines=} (default both). */
    static List<String> names(Bench.Options o) {
        return java.util.Arrays.stream(o.text("baselines", "vertx,node").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Starts one; null when Node's ws is not installed (the reason goes to {@code skipped}). */
    static ChildProcess start(String name, Bench.Options o, Path work, JsonObject skipped) throws IOException {
        int port = RealServer.freePort();
        List<String> command;
        if (name.equals("vertx")) {
            command = ChildProcess.java(List.of(o.text("baselineJvm", "-Xmx2g"), Bench.transportProperty(o), "-cp",
                    System.getProperty("java.class.path"), "vn.phonghop.bench.BareBroadcast", String.valueOf(port)));
        } else if (name.equals("node")) {
            Path script = Path.of(o.text("nodeDir", "deploy/bench/node")).resolve("broadcast.js").toAbsolutePath();
            if (!Files.isDirectory(script.getParent().resolve("node_modules/ws"))) {
                skipped.put("skipped", "no node_modules/ws in " + script.getParent() + ": run deploy/bench/run.sh");
                return null;
            }
            command = List.of(o.text("node", "node"), script.toString(), String.valueOf(port));
        } else {
            throw new IllegalArgumentException("unknown baseline " + name);
        }
        Bench.log("baseline " + name + " on port " + port);
        return ChildProcess.start(name, command, Map.of(), port, work.resolve(name + ".log"));
    }

    /** jcmd attaches by sending SIGQUIT, which ends a process that is not a JVM: never at Node. */
    static long heapAfterGc(String name, ChildProcess child) {
        return name.equals("vertx") ? child.heapAfterGc() : -1;
    }

    /**
     * What a tablet sends a baseline to make it broadcast: the real server's event of that type as
     * a delegate's tablet received it ({@code event} and {@code patch}). The baseline restamps it
     * and sends the same text to every tablet of the room, so both sides move the same bytes and the
     * tablets parse the same characters (Vietnamese text costs more to encode and decode than
     * ASCII padding).
     */
    static JsonObject command(Map<String, String> samples, String eventType) {
        String realEvent = samples.get(eventType);
        if (realEvent == null) throw new IllegalStateException("no " + eventType + " event reached the sample tablet");
        var real = new JsonObject(realEvent);
        return new JsonObject().put("type", "Broadcast").put("event", real.getJsonObject("event")).put("patch", real.getJsonObject("patch"));
    }

    /** What a scenario reports for a baseline that failed (the run goes on with the next one). */
    static JsonObject failed(String name, Exception e) {
        Bench.log("baseline " + name + " failed: " + e);
        return new JsonObject().put("ok", false).put("error", String.valueOf(e.getMessage()));
    }

    static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
