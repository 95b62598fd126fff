package vn.phonghop.server.store;

import java.time.Instant;
import java.util.Objects;

/** An event to append: its type name, its JSON payload and the time the command carried. */
public record NewEvent(String type, String payloadJson, Instant recordedAt) {

    public NewEvent {
        Checks.text("type", type, 100);
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
