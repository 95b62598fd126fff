package vn.phonghop.server.archive;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.x500.X500Principal;
import vn.phonghop.agenda.meeting.Meeting;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.meeting.MeetingEvent;
import vn.phonghop.agenda.meeting.MeetingState;
import vn.phonghop.agenda.meeting.Phase;
import vn.phonghop.agenda.minutes.Minutes;
import vn.phonghop.agenda.minutes.MinutesRecord;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.server.config.Config;
import vn.phonghop.server.json.RecordJson;
import vn.phonghop.server.live.Meetings;
import vn.phonghop.server.live.Reply;
import vn.phonghop.server.minutes.MinutesJson;
import vn.phonghop.server.minutes.MinutesNumber;
import vn.phonghop.server.minutes.MinutesRenderer;
import vn.phonghop.server.minutes.MinutesSigner;
import vn.phonghop.server.minutes.SigningKey;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.EventStore;

/**
 * Files the minutes of every closed meeting: when {@code MeetingClosed} is durable (and, on start,
 * for every closed meeting without minutes), it makes the record from the meeting's log, numbers
 * it, renders it as PDF/A-3b with the record attached, signs it with the organisation's key and
 * files it in one transaction with its number; then it tells the meeting's writer to archive the
 * meeting. Filing is idempotent: a meeting's version 1 is unique, a second filer finds it there.
 * The work runs on worker threads, never on an event loop.
 */
public final class Archiver {
    private static final Logger LOG = Logger.getLogger(Archiver.class.getName());
    private static final int ATTEMPTS = 20;
    public static final String SERVER = "server";

    /** A correction that cannot be made as asked: it does not correct the newest version. */
    public static final class NotLatest extends RuntimeException {
        NotLatest(String detail) {
            super(detail, null, false, false);
        }
    }

    private final Vertx vertx;
    private final Config config;
    private final Clock clock;
    private final EventStore events;
    private final Meetings meetings;
    private final ArchiveStore store;
    private final Organisations organisations;
    private final MinutesRenderer renderer = new MinutesRenderer();
    private final Map<String, Future<Optional<FiledMinutes>>> inFlight = new ConcurrentHashMap<>();
    private final OrganisationKey key;

    public Archiver(Vertx vertx, Config config, Clock clock, Database database, EventStore events, Meetings meetings) {
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
        this.events = events;
        this.meetings = meetings;
        this.store = new ArchiveStore(database);
        this.organisations = new Organisations(database);
        this.key = new OrganisationKey(config, clock);
    }

    public ArchiveStore store() {
        return store;
    }

    public Organisations organisations() {
        return organisations;
    }

    public Clock clock() {
        return clock;
    }

    /** The meetings' durable-events hook: a closed meeting is archived. Called on the meeting's context. */
    public void onDurable(String meetingId, List<MeetingEvent> durable) {
        for (MeetingEvent e : durable) {
            if (e instanceof MeetingEvent.MeetingClosed) {
                archive(meetingId).onFailure(t -> LOG.log(Level.SEVERE, "could not archive meeting " + meetingId
                        + "; it is tried again on the next start", t));
                return;
            }
        }
    }

    /** Archives every closed meeting whose minutes are not filed yet, and archives those filed but still closed. */
    public Future<Void> archivePending() {
        var all = new ArrayList<Future<?>>();
        for (String id : meetings.ids()) {
            all.add(meetings.get(id).compose(rt -> Future.fromCompletionStage(rt.state(), vertx.getOrCreateContext()))
                    .compose(s -> s.phase() == Phase.CLOSED || s.phase() == Phase.ARCHIVED
                            ? archive(id).otherwise(t -> {
                                LOG.log(Level.SEVERE, "could not archive meeting " + id, t);
                                return Optional.empty();
                            })
                            : Future.succeededFuture()));
        }
        return Future.join(all).mapEmpty();
    }

    /**
     * Files the meeting's minutes unless they are filed, then has the meeting archived. Empty when
     * the meeting is not closed. A call while the same meeting is being archived joins that one.
     */
    public Future<Optional<FiledMinutes>> archive(String meetingId) {
        var promise = Promise.<Optional<FiledMinutes>>promise();
        var running = inFlight.putIfAbsent(meetingId, promise.future());
        if (running != null) return running;
        vertx.executeBlocking(() -> fileIfAbsent(meetingId), false)
                .compose(done -> done.filed().isPresent() && done.phase() == Phase.CLOSED
                        ? markArchived(meetingId, done.convenor()).map(done.filed()) : Future.succeededFuture(done.filed()))
                .onComplete(r -> {
                    inFlight.remove(meetingId, promise.future());
                    promise.handle(r);
                });
        return promise.future();
    }

    /** Completes when no meeting is being archived (for a graceful stop). */
    public Future<Void> idle() {
        return Future.join(new ArrayList<>(inFlight.values())).transform(done -> Future.succeededFuture());
    }

    /**
     * Files a new version of the newest minutes with the correction applied and a note naming the
     * version it corrects; both versions stay. Blocking: call from a worker.
     *
     * @throws NotLatest when {@code archiveId} is not the newest version
     * @throws IllegalArgumentException when the correction names a remark the minutes do not have
     */
    public FiledMinutes correct(String archiveId, Correction correction, String by) {
        java.util.Objects.requireNonNull(by, "by");
        var target = store.find(archiveId).orElseThrow(() -> new java.util.NoSuchElementException(archiveId));
        var latest = store.latest(target.meetingId()).orElseThrow();
        if (!latest.id().equals(target.id())) {
            throw new NotLatest(archiveId + " has been corrected by " + latest.id() + ": correct the newest version");
        }
        var log = readLog(target.meetingId());
        MeetingState state = Meeting.fold(MeetingState.NONE, log);
        var chain = new ArrayList<Correction.Applied>();
        for (var v : store.versions(target.meetingId())) {
            if (v.correctionJson() == null) continue;
            chain.add(new Correction.Applied(Correction.fromJson(new JsonObject(v.correctionJson())), v.version(),
                    v.version() - 1, v.numberText(), v.createdAt().atZone(zone(state)).toLocalDate()));
        }
        MinutesRecord record = Minutes.of(log);
        correction.checkAgainst(Correction.apply(record, chain));
        int version = latest.version() + 1;
        chain.add(new Correction.Applied(correction, version, latest.version(), latest.numberText(),
                clock.instant().atZone(zone(state)).toLocalDate()));
        return file(target.meetingId(), version, latest, Correction.apply(record, chain), state, correction, by)
                .orElseThrow(() -> new NotLatest("another correction of " + archiveId + " was filed first"));
    }

    // ---- filing ---------------------------------------------------------------------------------

    private record Done(Optional<FiledMinutes> filed, Phase phase, String convenor) {
    }

    private Done fileIfAbsent(String meetingId) {
        var log = readLog(meetingId);
        MeetingState state = Meeting.fold(MeetingState.NONE, log);
        if (state.phase() != Phase.CLOSED && state.phase() != Phase.ARCHIVED) {
            return new Done(Optional.empty(), state.phase(), null);
        }
        String convenor = state.roster().convenorId();
        var existing = store.latest(meetingId);
        if (existing.isPresent()) return new Done(existing, state.phase(), convenor);
        var filed = file(meetingId, 1, null, Minutes.of(log), state, null, SERVER);
        // empty: another node filed version 1 first
        return new Done(filed.isPresent() ? filed : store.latest(meetingId), state.phase(), convenor);
    }

    /**
     * Renders, signs and files one version. Version 1 takes the next number of its body in the term;
     * a correction keeps the number of the version it corrects. Empty when the version was filed by
     * someone else meanwhile.
     */
    private Optional<FiledMinutes> file(String meetingId, int version, FiledMinutes corrects, MinutesRecord record,
                                        MeetingState state, Correction correction, String by) {
        var header = state.header();
        Organisation org = header.organisation();
        String term = corrects != null ? corrects.term() : DocumentNumbers.term(record.header().date());
        byte[] json = MinutesJson.of(record);
        SigningKey signingKey = key.get();
        String signer = signingKey.certificate().getSubjectX500Principal().getName(X500Principal.RFC2253);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            int number = corrects != null ? corrects.number() : store.lastNumber(org.id(), term) + 1;
            var minutesNumber = new MinutesNumber(number, symbol(org));
            Instant now = clock.instant();
            byte[] pdf = new MinutesSigner(signingKey).sign(renderer.render(record, minutesNumber, zone(state), json), now);
            var meta = new FiledMinutes(FiledMinutes.idOf(meetingId, version), meetingId, version,
                    corrects == null ? null : corrects.id(), org.id(), org.name(), header.kind().name(),
                    record.header().date(), header.title(), term, number, minutesNumber.text(), sha256(pdf), pdf.length,
                    signer, signingKey.development(), by, now, correction == null ? null : correction.toJson().encode());
            var filing = new ArchiveStore.Filing(meta, pdf, new String(json, java.nio.charset.StandardCharsets.UTF_8),
                    SearchText.of(SearchText.words(record, minutesNumber.text())));
            var outcome = store.file(org, filing, corrects == null);
            if (outcome == ArchiveStore.Outcome.FILED) {
                LOG.info(() -> "filed minutes " + meta.numberText() + " of meeting " + meetingId + " (version " + version
                        + ", " + pdf.length + " bytes, sha256 " + meta.pdfSha256() + ")");
                return Optional.of(meta);
            }
            if (outcome == ArchiveStore.Outcome.ALREADY_FILED) return Optional.empty();
            // NUMBER_TAKEN: another filing of the same body took this number; render with the next
        }
        throw new IllegalStateException("could not number the minutes of " + meetingId + " in " + ATTEMPTS + " attempts");
    }

    private static String symbol(Organisation org) {
        if (!org.symbol().isBlank()) return org.symbol();
        return switch (org.kind()) {
            case CELL -> "CB";
            case COMMITTEE -> "ĐU";
            case EXECUTIVE_COMMITTEE -> "BCH";
            case CONGRESS -> "ĐH";
        };
    }

    private Future<Void> markArchived(String meetingId, String convenor) {
        var command = new MeetingCommand.ArchiveMeeting(convenor, clock.instant());
        return meetings.get(meetingId).compose(rt -> Future.fromCompletionStage(rt.command("archive-" + meetingId, command),
                vertx.getOrCreateContext())).compose(reply -> {
                    if (reply instanceof Reply.Retry) {
                        return Future.fromCompletionStage(meetings.ifRunning(meetingId).orElseThrow()
                                .command("archive-" + meetingId, command), vertx.getOrCreateContext());
                    }
                    return Future.succeededFuture(reply);
                }).map(reply -> {
                    if (reply instanceof Reply.Refused r && !"MEETING_ARCHIVED".equals(r.rejection().reason().name())) {
                        LOG.warning(() -> "meeting " + meetingId + " was not marked archived: " + r.rejection());
                    }
                    return null;
                });
    }

    private List<MeetingEvent> readLog(String meetingId) {
        var stored = events.read(meetingId, 0);
        var out = new ArrayList<MeetingEvent>(stored.size());
        for (var s : stored) out.add(RecordJson.fromJson(new JsonObject(s.payloadJson()), MeetingEvent.class));
        return out;
    }

    private static ZoneId zone(MeetingState s) {
        return ZoneId.of(s.header().zoneId());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
