package vn.phonghop.server;

import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import vn.phonghop.server.config.Config;
import vn.phonghop.server.demo.Demo;

/** Starts one node from the environment (see README, Configuration) and says which URLs to open. */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.config.file") == null) {
            try (var in = Main.class.getClassLoader().getResourceAsStream("logging.properties")) {
                java.util.logging.LogManager.getLogManager().readConfiguration(in);
            }
        }
        Config config = Config.fromEnvironment();
        var cluster = vn.phonghop.server.cluster.Cluster.start(config).toCompletionStage().toCompletableFuture()
                .get(120, TimeUnit.SECONDS);
        Vertx vertx = cluster.vertx();
        Server server = Server.start(cluster, config).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        String base = (config.tls() ? "https" : "http") + "://localhost:" + config.port();
        var out = new StringBuilder("\n\nPhòng họp không giấy đang chạy: " + base + "/\n")
                .append("  Máy tính bảng (đại biểu):     ").append(base).append("/tablet/\n")
                .append("  Bàn điều hành (chủ trì, thư ký): ").append(base).append("/console/\n")
                .append("  Màn hình phòng họp:           ").append(base).append("/display/\n")
                .append("  Lưu trữ biên bản:             ").append(base).append("/archive/\n")
                .append("  Store: ").append(config.embeddedDatabase() ? "H2 in " + config.dataDir().toAbsolutePath() : "PostgreSQL")
                .append(cluster.clustered() ? "; cluster " + config.clusterName() + ", node " + cluster.ownership().self() : "")
                .append("; sockets: ").append(cluster.transport())
                .append('\n');
        Demo.Seeded demo = server.demo();
        if (demo.happened()) out.append(demo.describe());
        LOG.info(out.toString());
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // java.util.logging is already reset while shutdown hooks run: say it on stderr
            System.err.println(java.time.Instant.now() + " level=INFO logger=" + Main.class.getName()
                    + " msg=\"shutting down: sockets told to reconnect, store committed and closed\"");
            try {
                server.close().compose(v -> cluster.close()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println(java.time.Instant.now() + " level=WARNING msg=\"shutdown: " + e + "\"");
            }
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
