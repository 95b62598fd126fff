package vn.phonghop.server.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import vn.phonghop.server.config.Config;

/**
 * The node's Vert.x: a plain one when no cluster is configured, else clustered over Hazelcast with
 * TCP-IP join to {@code CLUSTER_MEMBERS}, no multicast, no auto-detection, no phone-home, bound to
 * {@code CLUSTER_INTERFACE} (127.0.0.1 when unset). Hazelcast holds nothing durable: the event
 * store is the truth and every node can rebuild a meeting from it.
 */
public final class Cluster {
    private static final String NODE_ID = "__vertx.nodeId";

    private final Vertx vertx;
    private final HazelcastInstance hazelcast;

    private Cluster(Vertx vertx, HazelcastInstance hazelcast) {
        this.vertx = vertx;
        this.hazelcast = hazelcast;
    }

    public static Future<Cluster> start(Config config) {
        if (!config.clustered()) return Future.succeededFuture(new Cluster(Vertx.vertx(options()), null));
        if (config.embeddedDatabase()) {
            // each node would write its own H2 file: two histories of one meeting
            return Future.failedFuture(new IllegalArgumentException(
                    "a cluster needs one shared PostgreSQL store: set DB_URL (CLUSTER_MEMBERS is set, DB_URL is not)"));
        }
        // in Kubernetes the pod's own address (CLUSTER_INTERFACE from status.podIP)
        String host;
        try {
            // Hazelcast matches interfaces by address: a host name (a compose service) is resolved first
            host = java.net.InetAddress.getByName(config.clusterInterface().orElse("127.0.0.1")).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return Future.failedFuture(new IllegalArgumentException("CLUSTER_INTERFACE does not resolve: " + e.getMessage()));
        }
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(hazelcast(config, host));
        return Vertx.builder()
                .with(options().setEventBusOptions(new EventBusOptions().setHost(host)))
                .withClusterManager(new HazelcastClusterManager(hz))
                .buildClustered()
                .map(v -> new Cluster(v, hz));
    }

    /**
     * Linux's epoll for the sockets where its native library loads (it is in the jar for x86-64 and
     * ARM64): fewer system calls and copies per frame written than Java NIO, which Vert.x falls back
     * to elsewhere. {@code -Dphonghop.nativeTransport=false} keeps NIO (to compare).
     */
    static VertxOptions options() {
        return new VertxOptions().setPreferNativeTransport(Boolean.parseBoolean(System.getProperty("phonghop.nativeTransport", "true")));
    }

    /** What carries the sockets: "epoll", or "Java NIO" and why the native transport did not load. */
    public String transport() {
        if (vertx.isNativeTransportEnabled()) return "epoll";
        Throwable why = vertx.unavailableNativeTransportCause();
        return why == null ? "Java NIO" : "Java NIO (epoll unavailable: " + why.getMessage() + ")";
    }

    static com.hazelcast.config.Config hazelcast(Config config, String host) {
        var hz = ConfigUtil.loadConfig(); // Vert.x's default, with the __vertx.* maps it needs
        hz.setClusterName(config.clusterName());
        // Vert.x's node id lives in a member attribute, set before the member starts (an instance we make ourselves)
        hz.getMemberAttributeConfig().setAttribute(NODE_ID, java.util.UUID.randomUUID().toString());
        hz.setProperty("hazelcast.phone.home.enabled", "false");
        hz.setProperty("hazelcast.socket.bind.any", "false");
        hz.setProperty("hazelcast.logging.type", "jdk");
        // a dead member is noticed in seconds, not the default minute
        hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        hz.setProperty("hazelcast.max.no.heartbeat.seconds", "6");
        // after a partition heals, the sides look for each other every 5 s (the default waits 5 minutes)
        hz.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        hz.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        var network = hz.getNetworkConfig();
        network.getInterfaces().setEnabled(true).addInterface(host);
        // an explicit port (and members listed with theirs) when several nodes share a host
        config.clusterPort().ifPresent(port -> network.setPort(port).setPortAutoIncrement(false));
        var join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        if (config.clusterKubernetesServiceDns().isPresent()) {
            // Hazelcast's Kubernetes discovery in DNS lookup mode: the members are the pods behind a headless service
            join.getKubernetesConfig().setEnabled(true)
                    .setProperty("service-dns", config.clusterKubernetesServiceDns().get());
        } else {
            join.getTcpIpConfig().setEnabled(true).setMembers(config.clusterMembers());
        }
        return hz;
    }

    /** Stops Vert.x, then leaves the cluster. */
    public Future<Void> close() {
        return vertx.close().andThen(v -> {
            if (hazelcast != null) hazelcast.shutdown();
        });
    }

    public Vertx vertx() {
        return vertx;
    }

    /** How many members this node sees (1 when not clustered). */
    public int members() {
        return hazelcast == null ? 1 : hazelcast.getCluster().getMembers().size();
    }

    public boolean clustered() {
        return hazelcast != null;
    }

    /** The node ids of the members this node sees (its own alone when not clustered). */
    public java.util.Set<String> nodeIds() {
        if (hazelcast == null) return java.util.Set.of(Ownership.SINGLE.self());
        var out = new java.util.HashSet<String>();
        for (Member m : hazelcast.getCluster().getMembers()) out.add(m.getAttribute(NODE_ID));
        return out;
    }

    /** True when no partition is migrating: every member agrees who owns each meeting (always when not clustered). */
    public boolean settled() {
        return hazelcast == null || hazelcast.getPartitionService().isClusterSafe();
    }

    /** True when this node is the cluster's oldest member (always when not clustered). */
    public boolean oldest() {
        return hazelcast == null || hazelcast.getCluster().getMembers().iterator().next().localMember();
    }

    /** Runs {@code action} on a Hazelcast thread whenever a member joins or leaves. */
    public void onMembersChanged(Runnable action) {
        if (hazelcast == null) return;
        hazelcast.getCluster().addMembershipListener(new com.hazelcast.cluster.MembershipListener() {
            @Override
            public void memberAdded(com.hazelcast.cluster.MembershipEvent event) {
                action.run();
            }

            @Override
            public void memberRemoved(com.hazelcast.cluster.MembershipEvent event) {
                action.run();
            }
        });
    }

    /** Who decides which meeting. */
    public Ownership ownership() {
        if (hazelcast == null) return Ownership.SINGLE;
        return new Ownership() {
            @Override
            public boolean local(String meetingId) {
                Member owner = hazelcast.getPartitionService().getPartition(meetingId).getOwner();
                return owner != null && owner.localMember();
            }

            @Override
            public String owner(String meetingId) {
                Member owner = hazelcast.getPartitionService().getPartition(meetingId).getOwner();
                return owner == null ? self() : owner.getAttribute(NODE_ID);
            }

            @Override
            public String self() {
                return hazelcast.getCluster().getLocalMember().getAttribute(NODE_ID);
            }
        };
    }
}
