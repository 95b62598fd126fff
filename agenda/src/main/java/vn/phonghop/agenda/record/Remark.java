package vn.phonghop.agenda.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The minute-taker's summary of one speech. A correction adds a version; the earlier ones stay,
 * so the history of the record is never lost.
 */
public record Remark(String id, String itemId, String speakerId, List<Version> versions) {

    /** One wording of the remark, with when and by whom it was written. */
    public record Version(String text, Instant at, String by, String reason) {
    }

    public Remark {
        versions = List.copyOf(versions);
    }

    public String text() {
        return versions.get(versions.size() - 1).text();
    }

    public boolean corrected() {
        return versions.size() > 1;
    }

    public Remark correctedTo(Version v) {
        var list = new ArrayList<>(versions);
        list.add(v);
        return new Remark(id, itemId, speakerId, list);
    }
}
