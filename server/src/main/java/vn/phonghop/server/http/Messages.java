package vn.phonghop.server.http;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one table of what users read when something is refused, in Vietnamese and English:
 * protocol and HTTP error codes, and every reason the domain refuses a command. The same file
 * is served to the front-ends at {@code /i18n/messages.json}.
 */
public final class Messages {
    public static final String RESOURCE = "i18n/messages.json";
    private static final JsonObject TABLE = load();

    private Messages() {
    }

    /** {"vi": …, "en": …} for an error code. */
    public static JsonObject error(String code) {
        return TABLE.getJsonObject("errors").getJsonObject(code, TABLE.getJsonObject("errors").getJsonObject("INTERNAL"));
    }

    /** {"vi": …, "en": …} for a domain refusal. */
    public static JsonObject reason(String reason) {
        return TABLE.getJsonObject("reasons").getJsonObject(reason, error("REJECTED"));
    }

    public static JsonObject table() {
        return TABLE.copy();
    }

    private static JsonObject load() {
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + RESOURCE);
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
