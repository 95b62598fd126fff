package vn.phonghop.server;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;

/** Lends its event-loop context to the meeting writers hashed to it; one instance per event loop. */
final class HostVerticle extends VerticleBase {
    private final List<Context> contexts;

    HostVerticle(List<Context> contexts) {
        this.contexts = contexts;
    }

    @Override
    public Future<?> start() {
        synchronized (contexts) {
            contexts.add(context);
        }
        return Future.succeededFuture();
    }
}
