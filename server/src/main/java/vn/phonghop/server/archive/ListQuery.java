package vn.phonghop.server.archive;

import io.vertx.core.MultiMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import vn.phonghop.agenda.meeting.MeetingKind;
import vn.phonghop.server.http.ApiError;

/**
 * The query of {@code GET /api/archive}: {@code org} (a body and its subtree, within the caller's
 * reach), {@code from}/{@code to} (meeting dates), {@code kind} (a meeting kind), {@code q}
 * (search words), {@code limit} and {@code offset}.
 */
final class ListQuery {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private ListQuery() {
    }

    /** The filter of a list request within the caller's reach; a body outside it is 403, a malformed value 400. */
    static ArchiveStore.Filter filter(MultiMap p, Reach reach, Organisations organisations) {
        var orgIds = reach.all() ? null : new LinkedHashSet<>(reach.orgIds());
        String org = p.get("org");
        if (org != null && !org.isBlank()) {
            if (!reach.covers(org)) throw ApiError.forbidden("the minutes of " + org + " are not within reach");
            var sub = organisations.subtree(Set.of(org));
            if (orgIds == null) orgIds = new LinkedHashSet<>(sub);
            else orgIds.retainAll(sub);
        }
        String kind = p.get("kind");
        if (kind != null && !kind.isBlank()) {
            if (Arrays.stream(MeetingKind.values()).noneMatch(k -> k.name().equals(kind))) {
                throw ApiError.badRequest("kind must be one of " + Arrays.toString(MeetingKind.values()));
            }
        }
        return new ArchiveStore.Filter(orgIds, date(p.get("from"), "from"), date(p.get("to"), "to"),
                kind == null || kind.isBlank() ? null : kind, SearchText.terms(p.get("q")),
                number(p.get("limit"), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
                number(p.get("offset"), "offset", 0, 0, Integer.MAX_VALUE));
    }

    private static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name + " must be a date like 2026-10-01");
        }
    }

    private static int number(String value, String name, int otherwise, int min, int max) {
        if (value == null || value.isBlank()) return otherwise;
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number from " + min + " to " + max);
        }
    }

}
