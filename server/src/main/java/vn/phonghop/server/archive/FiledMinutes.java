package vn.phonghop.server.archive;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One filed version of a meeting's minutes, as the archive lists it (the PDF and the record are
 * read separately). Immutable once filed: a correction is a new version naming the one it corrects.
 */
public record FiledMinutes(String id, String meetingId, int version, String correctsId, String orgId, String orgName,
                           String meetingKind, LocalDate meetingDate, String title, String term, int number,
                           String numberText, String pdfSha256, long pdfBytes, String signerSubject,
                           boolean developmentKey, String filedBy, Instant createdAt, String correctionJson) {

    /** The archive id of a meeting's minutes in a version: "mt-thang-10-v1". */
    public static String idOf(String meetingId, int version) {
        return meetingId + "-v" + version;
    }

    /** The summary the list and the metadata share. */
    public JsonObject summary() {
        return new JsonObject().put("id", id).put("meetingId", meetingId).put("version", version)
                .put("correctsId", correctsId)
                .put("organisation", new JsonObject().put("id", orgId).put("name", orgName))
                .put("meetingKind", meetingKind).put("meetingDate", meetingDate.toString()).put("title", title)
                .put("number", numberText).put("term", term).put("signer", signerSubject)
                .put("developmentKey", developmentKey).put("createdAt", createdAt.toString());
    }
}
