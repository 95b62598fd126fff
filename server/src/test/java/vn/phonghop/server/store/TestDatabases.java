package vn.phonghop.server.store;

import java.nio.file.Path;
import java.util.Map;
import vn.phonghop.server.config.Config;

/** Opens the embedded H2 database exactly as the server does, in a test's own directory. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** The server's default configuration with its data directory moved to {@code dir}. */
    public static Config config(Path dir) {
        return Config.from(Map.of("DATA_DIR", dir.toString()));
    }

    /** An embedded H2 database under {@code dir}; opening it again later finds the same data. */
    public static Database h2(Path dir) {
        return Database.open(config(dir));
    }
}
