package vn.phonghop.server;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import vn.phonghop.server.accounts.Accounts;
import vn.phonghop.server.accounts.PairingCodes;
import vn.phonghop.server.accounts.Sessions;
import vn.phonghop.server.archive.Archiver;
import vn.phonghop.server.config.Config;
import vn.phonghop.server.demo.Demo;
import vn.phonghop.server.documents.DocumentStore;
import vn.phonghop.server.documents.PdfInspector;
import vn.phonghop.server.documents.Watermarker;
import vn.phonghop.server.http.HttpVerticle;
import vn.phonghop.server.live.Addresses;
import vn.phonghop.server.live.Connections;
import vn.phonghop.server.live.LiveBatch;
import vn.phonghop.server.live.LiveBatchCodec;
import vn.phonghop.server.live.Meetings;
import vn.phonghop.server.ops.Metrics;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.EventStore;

/**
 * One node: opens the store, rebuilds every meeting from its log, seeds the demo on an empty
 * store, and serves HTTP and the live channel. {@code Main} and the tests start it the same way.
 */
public final class Server {
    private static final Logger LOG = Logger.getLogger(Server.class.getName());
    /** How often, in a cluster, each replica compares its seq with the store. */
    private static final long REPLICA_CHECK_MS = 3_000;

    private final Vertx vertx;
    private final Services services;
    private final List<String> deployments;
    private final Demo.Seeded demo;

    private final long replicaTimer;

    private Server(Vertx vertx, Services services, List<String> deployments, Demo.Seeded demo, long replicaTimer) {
        this.replicaTimer = replicaTimer;
        this.vertx = vertx;
        this.services = services;
        this.deployments = deployments;
        this.demo = demo;
    }

    public static Future<Server> start(Vertx vertx, Config config) {
        return start(vertx, null, config, Clock.systemUTC());
    }

    /** On the node's Vert.x, clustered or not. */
    public static Future<Server> start(vn.phonghop.server.cluster.Cluster cluster, Config config) {
        return start(cluster.vertx(), cluster, config, Clock.systemUTC());
    }

    public static Future<Server> start(Vertx vertx, Config config, Clock clock) {
        return start(vertx, null, config, clock);
    }

    private static Future<Server> start(Vertx vertx, vn.phonghop.server.cluster.Cluster cluster, Config config, Clock clock) {
        var contexts = new ArrayList<Context>();
        int loops = Math.max(2, Runtime.getRuntime().availableProcessors());
        var deployments = new ArrayList<String>();
        var servicesRef = new AtomicReference<Services>();
        var replicaTimer = new java.util.concurrent.atomic.AtomicLong(-1);
        return vertx.executeBlocking(() -> {
            Database db = Database.open(config);
            // the store recovers its journal when it opens (H2): a blocking read and commit
            return new Opened(db, new EventStore(db));
        }).compose(opened -> vertx.deployVerticle(() -> new HostVerticle(contexts), new DeploymentOptions().setInstances(loops))
                .compose(id -> {
                    deployments.add(id);
                    var db = opened.db();
                    var store = opened.store();
                    var connections = new Connections();
                    var metrics = new Metrics(connections::count, () -> store.stats().batches(), () -> store.stats().appends(),
                            () -> store.stats().retried());
                    // the meeting writers' loops (the sockets' are probed by their HttpVerticle)
                    contexts.forEach(c -> c.runOnContext(v -> vn.phonghop.server.ops.LoopLag.probe(vertx, metrics.eventLoopLag)));
                    vertx.eventBus().registerDefaultCodec(LiveBatch.class, new LiveBatchCodec());
                    var publishOptions = new DeliveryOptions().setLocalOnly(true);
                    // the archive files a meeting's minutes once its MeetingClosed is durable
                    var archiverRef = new AtomicReference<Archiver>();
                    var meetings = new Meetings(store, contexts, messages -> {
                        if (!messages.isEmpty()) {
                            vertx.eventBus().publish(Addresses.live(messages.get(0).meetingId()), new LiveBatch(messages),
                                    publishOptions);
                        }
                    }, metrics.storeLatency::record, (meetingId, events) -> archiverRef.get().onDurable(meetingId, events));
                    if (cluster != null && cluster.clustered()) {
                        // every node keeps a replica of each meeting; the owner decides, the others forward
                        var routing = new vn.phonghop.server.cluster.ClusterRouting(vertx, cluster.ownership(), cluster::nodeIds,
                                config.clusterQuorum());
                        cluster.onMembersChanged(routing::membersChanged);
                        // a replica never stays behind for long, whatever the event bus lost
                        cluster.onMembersChanged(meetings::catchUpReplicas);
                        replicaTimer.set(vertx.setPeriodic(REPLICA_CHECK_MS, tick -> meetings.catchUpReplicas()));
                        meetings.routing(routing);
                        vn.phonghop.server.cluster.ClusterRouting.serve(vertx, cluster.ownership(), meetings);
                    }
                    archiverRef.set(new Archiver(vertx, config, clock, db, store, meetings));
                    var services = new Services(config, clock, db, store, new Accounts(db, clock),
                            new Sessions(db, clock, config.sessionTtl()), new PairingCodes(db, clock),
                            new DocumentStore(db, new PdfInspector(config.maxDocumentBytes()), clock),
                            new Watermarker(256L * 1024 * 1024), meetings, connections, metrics,
                            new vn.phonghop.server.notes.Notes(db, clock), archiverRef.get());
                    servicesRef.set(services);
                    return meetings.loadAll(vertx).onSuccess(v -> meetings.trimQuietMeetings(vertx));
                }))
                .compose(v -> seedDemo(vertx, cluster, config, servicesRef.get()))
                // minutes of meetings closed before a crash or stop, and not filed yet
                .compose(demo -> servicesRef.get().archiver().archivePending().map(demo))
                .compose(demo -> vertx.deployVerticle(() -> new HttpVerticle(servicesRef.get()),
                                new DeploymentOptions().setInstances(loops))
                        .map(id -> {
                            deployments.add(id);
                            return new Server(vertx, servicesRef.get(), deployments, demo, replicaTimer.get());
                        }));
    }

    /**
     * The demo on an empty store. One node seeds it: alone, the node itself; in a cluster, the
     * oldest member once it sees its quorum (before that it could decide nothing). A clustered
     * node that cannot seed at start leaves it to whichever member is oldest when the quorum forms,
     * so three nodes started together on a fresh PostgreSQL seed it once.
     */
    private static Future<Demo.Seeded> seedDemo(Vertx vertx, vn.phonghop.server.cluster.Cluster cluster, Config config,
            Services services) {
        if (cluster == null || !cluster.clustered()) return Demo.seedIfEmpty(vertx, services);
        if (cluster.oldest() && cluster.members() >= config.clusterQuorum()) return Demo.seedIfEmpty(vertx, services);
        var tried = new java.util.concurrent.atomic.AtomicBoolean();
        var context = vertx.getOrCreateContext();
        cluster.onMembersChanged(() -> context.runOnContext(v -> {
            if (tried.get() || !cluster.oldest() || cluster.members() < config.clusterQuorum()) return;
            tried.set(true);
            Demo.seedIfEmpty(vertx, services).onComplete(r -> {
                if (r.failed()) LOG.log(java.util.logging.Level.WARNING, "demo not seeded", r.cause());
                else if (r.result().happened()) LOG.info(r.result().describe());
            });
        }));
        return Future.succeededFuture(Demo.none());
    }

    public Services services() {
        return services;
    }

    private record Opened(Database db, EventStore store) {
    }

    /** What the demo seeding did on this start (nothing when the store already held data). */
    public Demo.Seeded demo() {
        return demo;
    }

    public int port() {
        return services.config().port();
    }

    /** Graceful stop: no new connections, sockets told to go, every acknowledged append committed, store closed. */
    public Future<Void> close() {
        // minutes being filed are finished first: they need the meetings' writers and the store
        if (replicaTimer >= 0) vertx.cancelTimer(replicaTimer);
        services.meetings().stopTrimming(vertx);
        Future<Void> undeploy = services.archiver().idle();
        for (int i = deployments.size() - 1; i >= 0; i--) {
            String id = deployments.get(i);
            undeploy = undeploy.compose(v -> vertx.undeploy(id));
        }
        return undeploy.compose(v -> vertx.executeBlocking(() -> {
            services.store().close();
            services.database().close();
            LOG.info("store closed");
            return null;
        }));
    }
}
