package vn.phonghop.agenda.items;

import java.util.Objects;
import java.util.regex.Pattern;

/** A document attached to an agenda item, by reference: the bytes live in the server's store. */
public record DocumentRef(String id, String title, String sha256, int pageCount, Classification classification) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public DocumentRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(classification, "classification");
        sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean wellFormed() {
        return !id.isBlank() && !title.isBlank() && SHA256.matcher(sha256).matches() && pageCount > 0;
    }
}
