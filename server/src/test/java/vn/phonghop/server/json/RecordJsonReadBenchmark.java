package vn.phonghop.server.json;

import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import vn.phonghop.agenda.meeting.MeetingCommand;

/**
 * Reading one command as {@code CommandIntake} does (a request for the floor, stamped with its
 * sender and time): prints, per round of 500,000 reads, the heap allocated and the CPU per read on
 * this thread. Not a test: run it with
 * {@code mvn -B -q -pl server test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test} and
 * {@code java -cp server/target/test-classes:server/target/classes:$(cat server/target/cp.txt)
 * vn.phonghop.server.json.RecordJsonReadBenchmark}.
 */
public final class RecordJsonReadBenchmark {
    private RecordJsonReadBenchmark() {
    }

    public static void main(String[] args) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var json = new JsonObject().put("type", "RequestFloor").put("personId", "m04").put("pointOfOrder", false)
                .put("by", "m04").put("at", "2026-11-24T20:00:00.123456Z");
        long sink = 0;
        int n = 500_000;
        for (int round = 0; round < 6; round++) {
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += RecordJson.fromJson(json, MeetingCommand.class).hashCode();
            }
            allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            System.out.printf("round %d%s: %d bytes and %d ns of CPU per read%n", round,
                    round == 0 ? " (warm-up)" : "", allocated / n, cpu / n);
        }
        if (sink == 42) System.out.println();
    }
}
