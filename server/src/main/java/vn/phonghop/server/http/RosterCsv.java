package vn.phonghop.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.server.Services;
import vn.phonghop.server.live.Audience;

/**
 * The roster as CSV (UTF-8, Vietnamese names; a byte-order mark so spreadsheet programs read it
 * as UTF-8), for exchange with the member database. An import is all rows or none: every bad row
 * is reported by its line number and nothing is registered.
 */
final class RosterCsv {
    static final String HEADER = "id,name,membership,standing";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private final Services services;

    RosterCsv(Services services) {
        this.services = services;
    }

    void routes(Router router) {
        router.get("/api/meetings/:id/roster.csv").handler(this::export);
        router.post("/api/meetings/:id/roster.csv").handler(this::importCsv);
    }

    private void export(RoutingContext ctx) {
        Caller.of(ctx).see(services, ctx.pathParam("id")).onSuccess(seen -> {
            if (seen.viewer().audience() != Audience.CONSOLE) {
                ctx.fail(ApiError.forbidden("console only"));
                return;
            }
            var out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
            for (Member m : seen.state().roster().memberList()) {
                out.append(field(m.id())).append(',').append(field(m.name())).append(',').append(m.membership().name())
                        .append(',').append(m.standing().name()).append("\r\n");
            }
            ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"roster-" + ctx.pathParam("id") + ".csv\"")
                    .end(out.toString());
        }).onFailure(ctx::fail);
    }

    private void importCsv(RoutingContext ctx) {
        String text = ctx.body().asString("UTF-8");
        var errors = new JsonArray();
        List<Member> members = parse(text == null ? "" : text, errors);
        if (!errors.isEmpty()) {
            Failures.send(ctx, 400, new JsonObject().put("code", "CSV_INVALID").put("message", Messages.error("CSV_INVALID"))
                    .put("rows", errors));
            return;
        }
        Caller.of(ctx).see(services, ctx.pathParam("id")).compose(seen -> {
            if (seen.viewer().audience() != Audience.CONSOLE) return Future.failedFuture(ApiError.forbidden("console only"));
            var cmd = new MeetingCommand.RegisterMembers(members, seen.viewer().personId(), services.clock().instant());
            String id = "roster-import-" + Integer.toHexString(text.hashCode()) + "-" + members.size();
            return Future.fromCompletionStage(seen.runtime().command(id, cmd), ctx.vertx().getOrCreateContext())
                    .map(r -> MeetingsApi.respond(ctx, id, r));
        }).onFailure(ctx::fail);
    }

    /** Parses the rows, collecting an error per bad line (1-based, the header is line 1). */
    static List<Member> parse(String text, JsonArray errors) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\r?\n", -1);
        var members = new ArrayList<Member>();
        if (lines.length == 0 || !lines[0].trim().equalsIgnoreCase(HEADER)) {
            errors.add(row(1, "the first line must be: " + HEADER));
            return members;
        }
        var ids = new HashSet<String>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            int line = i + 1;
            List<String> f = fields(lines[i]);
            if (f == null || f.size() != 4) {
                errors.add(row(line, "expected 4 fields: " + HEADER));
                continue;
            }
            String id = f.get(0).trim();
            String name = java.text.Normalizer.normalize(f.get(1).trim(), java.text.Normalizer.Form.NFC);
            Membership membership = enumOf(Membership.class, f.get(2).trim());
            Standing standing = enumOf(Standing.class, f.get(3).trim());
            if (!ID.matcher(id).matches()) errors.add(row(line, "id must be 1–64 letters, digits, . _ -"));
            else if (!ids.add(id)) errors.add(row(line, "id " + id + " appears twice"));
            else if (name.isEmpty()) errors.add(row(line, "name is empty"));
            else if (membership == null) errors.add(row(line, "membership must be OFFICIAL or PROBATIONARY"));
            else if (standing == null) errors.add(row(line, "standing must be ACTIVE, EXEMPT, ATTACHED_ELSEWHERE or SUSPENDED"));
            else members.add(new Member(id, name, membership, standing));
        }
        if (members.isEmpty() && errors.isEmpty()) errors.add(row(2, "no members"));
        return members;
    }

    /** RFC 4180 fields of one line: commas, and double quotes around fields that hold them. */
    static List<String> fields(String line) {
        var out = new ArrayList<String>();
        var cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) return null;
        out.add(cur.toString());
        return out;
    }

    private static String field(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static JsonObject row(int line, String message) {
        return new JsonObject().put("line", line).put("message", message);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(name)) return e;
        return null;
    }
}
