package vn.phonghop.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's whole configuration, read once from environment variables with defaults.
 *
 * <p>This is the only place where a default port, path or host is written down; everything
 * else receives a {@code Config}. {@link #toString()} hides the secrets so that logging the
 * configuration at start-up is safe.
 */
public record Config(
        int port,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        List<String> clusterMembers,
        String clusterName,
        Optional<String> clusterInterface,
        int clusterQuorum,
        Optional<Integer> clusterPort,
        Optional<String> clusterKubernetesServiceDns,
        Optional<Path> tlsCert,
        Optional<Path> tlsKey,
        Optional<Path> signingKeystore,
        String signingPassword,
        long maxDocumentBytes,
        Duration sessionTtl) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_DATA_DIR = "./data";
    public static final String DEFAULT_CLUSTER_NAME = "phonghop";
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 50L * 1024 * 1024;
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(12);

    /** The embedded database's file name inside {@code DATA_DIR}. */
    static final String EMBEDDED_DB_NAME = "phonghop";

    public Config {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("PORT must be 0..65535, was " + port);
        }
        if (maxDocumentBytes <= 0) {
            throw new IllegalArgumentException("MAX_DOCUMENT_BYTES must be positive");
        }
        if (sessionTtl.isNegative() || sessionTtl.isZero()) {
            throw new IllegalArgumentException("SESSION_TTL must be positive");
        }
        clusterMembers = List.copyOf(clusterMembers);
    }

    /** Reads the process environment. */
    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads the given variables (tests pass a map); unknown variables are ignored. */
    public static Config from(Map<String, String> env) {
        Path dataDir = Path.of(text(env, "DATA_DIR").orElse(DEFAULT_DATA_DIR)).toAbsolutePath().normalize();
        return new Config(
                text(env, "PORT").map(v -> parseInt("PORT", v)).orElse(DEFAULT_PORT),
                dataDir,
                text(env, "DB_URL").orElseGet(() -> embeddedH2Url(dataDir)),
                text(env, "DB_USER").orElse(""),
                text(env, "DB_PASSWORD").orElse(""),
                text(env, "CLUSTER_MEMBERS").map(Config::commaList).orElse(List.of()),
                text(env, "CLUSTER_NAME").orElse(DEFAULT_CLUSTER_NAME),
                text(env, "CLUSTER_INTERFACE"),
                text(env, "CLUSTER_QUORUM").map(v -> parseInt("CLUSTER_QUORUM", v)).orElse(1),
                text(env, "CLUSTER_PORT").map(v -> parseInt("CLUSTER_PORT", v)),
                text(env, "CLUSTER_KUBERNETES_SERVICE_DNS"),
                text(env, "TLS_CERT").map(Path::of),
                text(env, "TLS_KEY").map(Path::of),
                text(env, "SIGNING_KEYSTORE").map(Path::of),
                text(env, "SIGNING_PASSWORD").orElse(""),
                text(env, "MAX_DOCUMENT_BYTES").map(v -> parseBytes("MAX_DOCUMENT_BYTES", v))
                        .orElse(DEFAULT_MAX_DOCUMENT_BYTES),
                text(env, "SESSION_TTL").map(v -> parseDuration("SESSION_TTL", v)).orElse(DEFAULT_SESSION_TTL));
    }

    /** True when the server runs with an embedded H2 database rather than an external one. */
    public boolean embeddedDatabase() {
        return dbUrl.startsWith("jdbc:h2:");
    }

    /** True when cluster members or Kubernetes discovery are configured (otherwise the server runs as one node). */
    public boolean clustered() {
        return !clusterMembers.isEmpty() || clusterKubernetesServiceDns.isPresent();
    }

    /** True when both a certificate and its key are configured. */
    public boolean tls() {
        return tlsCert.isPresent() && tlsKey.isPresent();
    }

    // DB_CLOSE_ON_EXIT=FALSE: the server closes the pool itself on shutdown, after the last
    // commit, instead of H2's shutdown hook closing the database under a running writer.
    static String embeddedH2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve(EMBEDDED_DB_NAME) + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Override
    public String toString() {
        return "Config[port=" + port + ", dataDir=" + dataDir + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser
                + ", dbPassword=" + hidden(dbPassword) + ", clusterMembers=" + clusterMembers
                + ", clusterName=" + clusterName + ", clusterInterface=" + clusterInterface + ", clusterQuorum=" + clusterQuorum + ", clusterPort=" + clusterPort + ", clusterKubernetesServiceDns=" + clusterKubernetesServiceDns
                + ", tlsCert=" + tlsCert + ", tlsKey=" + tlsKey + ", signingKeystore=" + signingKeystore
                + ", signingPassword=" + hidden(signingPassword) + ", maxDocumentBytes=" + maxDocumentBytes
                + ", sessionTtl=" + sessionTtl + "]";
    }

    private static String hidden(String secret) {
        return secret.isEmpty() ? "" : "****";
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static List<String> commaList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
        }
    }

    /** Bytes as a plain number or with a binary suffix: {@code 52428800}, {@code 50M}, {@code 50MiB}, {@code 1G}. */
    static long parseBytes(String name, String value) {
        String v = value.toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        long unit = 1;
        char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        if (last == 'K' || last == 'M' || last == 'G') {
            unit = last == 'K' ? 1L << 10 : last == 'M' ? 1L << 20 : 1L << 30;
            v = v.substring(0, v.length() - 1).trim();
        }
        try {
            return Math.multiplyExact(Long.parseLong(v), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " must be a size like 52428800 or 50MiB, was '" + value + "'");
        }
    }

    /** A duration as ISO-8601 ({@code PT12H}) or a number with a unit: {@code 90s}, {@code 30m}, {@code 12h}, {@code 2d}. */
    static Duration parseDuration(String name, String value) {
        try {
            if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
                return Duration.parse(value);
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1).trim());
            switch (Character.toLowerCase(value.charAt(value.length() - 1))) {
                case 's': return Duration.ofSeconds(amount);
                case 'm': return Duration.ofMinutes(amount);
                case 'h': return Duration.ofHours(amount);
                case 'd': return Duration.ofDays(amount);
                default: throw new NumberFormatException(value);
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(name + " must be a duration like 12h or PT12H, was '" + value + "'");
        }
    }
}
