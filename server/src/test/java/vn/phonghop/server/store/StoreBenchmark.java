package vn.phonghop.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import vn.phonghop.server.config.Config;

/**
 * The durable store alone, without the live fan-out: secret votes as the writer hands them over
 * (one event, one ballot, one command receipt each), pipelined, through group commit. Prints one
 * line per round and the median. Not a test: run it with
 * {@code mvn -B -q -pl server test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=vn.phonghop.server.store.StoreBenchmark [-Dexec.args="h2|postgresql votes rounds"]}.
 */
public final class StoreBenchmark {
    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "h2";
        int votes = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        var rates = new ArrayList<Double>();
        for (int round = 0; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("phonghop-store-bench");
            Config config = kind.equals("postgresql")
                    ? Config.from(Map.of("DATA_DIR", dir.toString(), "DB_URL", PostgresServer.get().newDatabase(), "DB_USER", "phonghop"))
                    : Config.from(Map.of("DATA_DIR", dir.toString()));
            try (Database db = Database.open(config); EventStore store = new EventStore(db)) {
                String meeting = "mt-bench";
                // a realistic log before the poll: a large roster event
                store.append(new AppendRequest(meeting, 0, List.of(new NewEvent("MembersRegistered",
                        "{\"members\":\"" + "x".repeat(150_000) + "\"}", Instant.now())), Optional.empty(), List.of()))
                        .get(30, TimeUnit.SECONDS);
                var stats0 = store.stats();
                long start = System.nanoTime();
                var futures = new ArrayList<CompletableFuture<AppendResult>>(votes);
                for (int i = 0; i < votes; i++) {
                    Instant at = Instant.now();
                    String payload = "{\"type\":\"VoterMarked\",\"pollId\":\"p1\",\"voterId\":\"m" + i + "\",\"by\":\"m" + i
                            + "\",\"at\":\"" + at + "\"}";
                    futures.add(store.append(new AppendRequest(meeting, 1 + i, List.of(new NewEvent("VoterMarked", payload, at)),
                            Optional.of(new AppendRequest.CommandReceipt("v-" + i, "{\"type\":\"ack\",\"id\":\"v-" + i
                                    + "\",\"seq\":" + (2 + i) + "}")),
                            List.of(SecretBallot.cast("p1", "{\"type\":\"Motion\",\"answer\":\"FOR\"}")))));
                }
                for (var f : futures) {
                    if (!(f.get(120, TimeUnit.SECONDS) instanceof AppendResult.Appended)) throw new IllegalStateException(f.get().toString());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                var stats = store.stats();
                long commits = stats.batches() - stats0.batches();
                double rate = votes / seconds;
                System.out.printf("%s round %d: %d votes in %.2f s = %.0f votes/s, %d commits (%.0f votes per commit)%s%n", kind,
                        round, votes, seconds, rate, commits, (double) votes / commits, round == 0 ? " (warm-up, not counted)" : "");
                if (round > 0) rates.add(rate);
            }
        }
        rates.sort(null);
        System.out.printf("%s: median %.0f votes/s over %d rounds of %d votes%n", kind, rates.get(rates.size() / 2), rounds, votes);
        System.exit(0);
    }
}
