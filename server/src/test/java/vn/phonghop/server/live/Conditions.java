package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests for what another thread or process changes, when there is no event to wait on. */
final class Conditions {
    private Conditions() {
    }

    /** Re-checks {@code condition} every 50 ms until it holds; fails the test, naming {@code what}, after {@code limit}. */
    static void waitFor(BooleanSupplier condition, String what, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        var lock = new Object();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            synchronized (lock) {
                lock.wait(50); // no event to wait on: the condition is re-read
            }
        }
    }
}
