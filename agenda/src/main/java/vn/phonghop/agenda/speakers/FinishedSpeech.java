package vn.phonghop.agenda.speakers;

import java.time.Instant;

/** A speech as the minutes know it: who, on which item, when, and how long they spoke. */
public record FinishedSpeech(String personId, String itemId, Instant startedAt, Instant finishedAt, long durationSeconds) {
}
