package vn.phonghop.server.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A separate process for {@link EventStoreCrashTest}: appends to one meeting for ever, printing
 * each seq as soon as its append is acknowledged, until the test kills it.
 */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    public static void main(String[] args) {
        Database db = TestDatabases.h2(Path.of(args[0]));
        EventStore store = new EventStore(db);
        long last = store.lastSeq("crash");
        while (true) {
            AppendResult r = store.append(AppendRequest.of("crash", last,
                    List.of(new NewEvent("Tick", "{}", Instant.now())))).join();
            last = ((AppendResult.Appended) r).lastSeq();
            System.out.println("acked " + last);
            System.out.flush();
        }
    }
}
