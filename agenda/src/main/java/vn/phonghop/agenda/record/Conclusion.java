package vn.phonghop.agenda.record;

import java.util.ArrayList;
import java.util.List;

/** The conclusion of one agenda item, with every earlier wording kept. */
public record Conclusion(String itemId, List<Remark.Version> versions) {
    public Conclusion {
        versions = List.copyOf(versions);
    }

    public String text() {
        return versions.get(versions.size() - 1).text();
    }

    public Conclusion revisedTo(Remark.Version v) {
        var list = new ArrayList<>(versions);
        list.add(v);
        return new Conclusion(itemId, list);
    }
}
