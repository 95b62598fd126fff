package vn.phonghop.agenda.roster;

import java.util.Objects;

/**
 * The body holding a meeting: its name, its superior body (printed above it on the minutes)
 * and the document symbol used in numbers such as "Số 07-BB/CB".
 */
public record Organisation(String id, String name, BodyKind kind, String superiorName, String symbol) {
    public Organisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        superiorName = superiorName == null ? "" : superiorName;
        symbol = symbol == null ? "" : symbol;
    }
}
