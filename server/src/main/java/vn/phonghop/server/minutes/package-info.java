/**
 * The minutes (biên bản) of a closed meeting as an archival document: {@link
 * vn.phonghop.server.minutes.MinutesRenderer} lays out a {@code MinutesRecord} in the format of
 * Guidance 36-HD/VPTW and 16-HD/VPTW as PDF/A-3b, set in Liberation Serif (metric-compatible
 * with Times New Roman) with the record's JSON ({@link vn.phonghop.server.minutes.MinutesJson})
 * attached; {@link vn.phonghop.server.minutes.MinutesSigner} signs it (PAdES B-B) with the
 * organisation's key or, when none is configured, a {@link vn.phonghop.server.minutes.DevelopmentKeys
 * development key}; {@link vn.phonghop.server.minutes.MinutesVerifier} tells VALID, TAMPERED or
 * UNSIGNED. Everything here is deterministic and reads no clock: the same record, key and time
 * give the same bytes. Timing: {@code MinutesBenchmark} in the test sources.
 */
package vn.phonghop.server.minutes;
