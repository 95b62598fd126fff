package vn.phonghop.server.store;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;

/** Makes a writer thread that waits for {@link #open()} before it starts, so a test can queue work first. */
final class GatedThreadFactory implements ThreadFactory {

    private final CountDownLatch gate = new CountDownLatch(1);

    @Override
    public Thread newThread(Runnable work) {
        Thread t = new Thread(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            work.run();
        }, "gated-event-store-writer");
        t.setDaemon(true);
        return t;
    }

    void open() {
        gate.countDown();
    }
}
