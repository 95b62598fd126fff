package vn.phonghop.server.store;

import java.time.Instant;

/** An event as the log holds it, with its gapless sequence number in its meeting. */
public record StoredEvent(String meetingId, long seq, String type, String payloadJson, Instant recordedAt) {
}
