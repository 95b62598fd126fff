package vn.phonghop.server.documents;

import vn.phonghop.agenda.items.Classification;

import java.time.Instant;

/** A stored document's metadata; its bytes are the blob with the same SHA-256. */
public record DocumentInfo(
        String id,
        String sha256,
        String title,
        Classification classification,
        int pageCount,
        long sizeBytes,
        Instant createdAt) {
}
