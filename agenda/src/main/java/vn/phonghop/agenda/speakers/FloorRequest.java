package vn.phonghop.agenda.speakers;

import java.time.Instant;

/** Someone waiting for the floor; a point of order goes ahead of ordinary requests. */
public record FloorRequest(String personId, boolean pointOfOrder, Instant requestedAt) {
}
