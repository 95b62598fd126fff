package vn.phonghop.server.store;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32C;

/**
 * The embedded H2 store's write-ahead journal: what makes an append durable there.
 *
 * <p>H2 makes its committed data durable by writing a new chunk of its file, which holds every page
 * the commit touched and H2's own map of its chunks (~26 KB and ~650 µs of CPU for one event and its
 * receipt, measured in docs/performance.md). Forcing that at every group commit cost a node of many
 * small rooms most of its store's time and the tail of its deliveries. So the writer commits each
 * batch in H2 without forcing it, appends the batch's rows here as one record and forces this file
 * (the rows alone, ~1 KB for an event and its receipt) before it acknowledges anything. H2 writes its
 * chunks in the background as before.
 *
 * <p>The journal is two files, {@code PATH.0} and {@code PATH.1}, one of them taking the records.
 * When it holds {@link #CHECKPOINT_BYTES} of them, or any for {@link #CHECKPOINT_NANOS}, the writer
 * goes on in the other file, and a thread of the journal's own forces H2 to disk ({@code CHECKPOINT
 * SYNC}: every commit so far, so every record of the first file) and then starts the first file
 * again. The writer never waits for H2's file to be forced (hundreds of ms when it holds seconds of
 * chunks); should the other file not be started again yet, it goes on past the bound. When the store
 * opens, the records of both files are written into H2 again, each row only if H2 lacks it (a row is
 * a fact that never changes: an event at its seq, a ballot under its random id, a command's
 * receipt), then H2 is forced and both files started again.
 *
 * <p>A record is its length, its CRC-32C and its body, which begins with its file's generation.
 * Starting a file again writes a new random generation into its header and keeps the file: the next
 * records overwrite the old ones in place, and reading stops at the first record that is torn,
 * corrupt or of another generation. Each file is made as long as a generation's records when it is
 * first started, so that a record overwrites blocks the file has (see {@link Segment#preallocate}).
 * A record is written after its rows were committed in H2, so the journal never holds what H2 refused.
 *
 * <p>Secret ballots: a record holds a batch's ballots next to its {@code VoterMarked} events, as H2's
 * chunk of the same commit does (the residue {@link EventStore} documents), until later records
 * overwrite it; the ballots within a record are in the order of their random ids.
 *
 * <p>Only the store's writer thread appends; {@link #open} holds a lock on both files, so that a
 * second store on the same database fails to open rather than interleave its records.
 */
final class Journal implements AutoCloseable {

    /** Past this many bytes of records in one file the writer goes on in the other (and H2 is forced). */
    static final long CHECKPOINT_BYTES = 16L << 20;
    /** ...or past this long since the file was started, when it holds any record. */
    static final long CHECKPOINT_NANOS = 60_000_000_000L;

    /** Beyond a generation's bytes, room for the batch that crosses them (a flood's is under 1 MB). */
    private static final long PREALLOCATE_SLACK = 1L << 20;
    private static final int MAGIC = 0x50484a31; // "PHJ1"
    private static final int HEADER_BYTES = 16;
    /** A length beyond this is not a record (the largest batch is far smaller). */
    private static final int MAX_RECORD_BYTES = 512 << 20;
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());

    private final Database database;
    private final Segment[] segments;
    private final long checkpointBytes;
    private final long checkpointNanos;
    private final ExecutorService checkpointer;
    /** The segment taking the records; the writer's alone. */
    private int active;
    /** The other segment's checkpoint, while it runs on {@link #checkpointer}. */
    private Future<?> pending;
    private final AtomicLong checkpoints = new AtomicLong();
    /** The record being built, reused from batch to batch (only the writer appends). */
    private final RecordBuffer record = new RecordBuffer();

    private Journal(Database database, Segment[] segments, long checkpointBytes, long checkpointNanos) {
        this.database = database;
        this.segments = segments;
        this.checkpointBytes = checkpointBytes;
        this.checkpointNanos = checkpointNanos;
        this.checkpointer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "event-store-checkpoint");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the journal {@code path} ({@code PATH.0}, {@code PATH.1}, created when missing), writes
     * what it holds into the database, forces the database to disk and starts both files again.
     */
    static Journal open(Path path, Database database) {
        return open(path, database, CHECKPOINT_BYTES, CHECKPOINT_NANOS);
    }

    static Journal open(Path path, Database database, long checkpointBytes, long checkpointNanos) {
        Segment[] segments = new Segment[2];
        try {
            for (int i = 0; i < 2; i++) {
                segments[i] = Segment.open(Path.of(path + "." + i));
            }
            List<AppendRequest> entries = new ArrayList<>();
            for (Segment segment : segments) {
                entries.addAll(segment.read());
            }
            try (Connection c = database.connection()) {
                if (!entries.isEmpty()) {
                    replay(c, entries);
                }
                forceH2(c);
            }
            for (Segment segment : segments) {
                segment.start(checkpointBytes);
            }
            segments[0].started = false;
            segments[0].startedNanos = System.nanoTime();
            Journal journal = new Journal(database, segments, checkpointBytes, checkpointNanos);
            journal.checkpoints.incrementAndGet();
            return journal;
        } catch (IOException | SQLException | RuntimeException e) {
            for (Segment segment : segments) {
                if (segment != null) segment.close();
            }
            if (e instanceof RuntimeException r) throw r;
            throw new EventStoreException("could not recover the event journal " + path, e);
        }
    }

    /**
     * Appends one committed batch's rows as a record, forces it to disk, and goes on in the other
     * file when this one is due and the other has been started again.
     */
    void append(List<AppendRequest> entries) throws IOException {
        if (entries.isEmpty()) return;
        Segment segment = segments[active];
        segment.append(entries, record);
        if (segment.due(checkpointBytes, checkpointNanos)) {
            Segment other = segments[1 - active];
            if (other.started) {
                other.started = false;
                other.startedNanos = System.nanoTime();
                active = 1 - active;
                pending = checkpointer.submit(() -> checkpoint(segment));
            } else if (pending == null || pending.isDone()) {
                // its checkpoint failed (logged): try it again
                pending = checkpointer.submit(() -> checkpoint(other));
            }
        }
    }

    /**
     * Forces H2, so that every record of {@code segment} is H2's on disk (each was committed before
     * the writer left the file), then starts the file again. On the journal's own thread.
     */
    private void checkpoint(Segment segment) {
        try (Connection c = database.connection()) {
            forceH2(c);
            segment.start(checkpointBytes);
            checkpoints.incrementAndGet();
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not checkpoint the event store; its journal keeps the records", e);
        }
    }

    /** How many times a journal file was started again after H2 was forced (opening counts once). */
    long checkpoints() {
        return checkpoints.get();
    }

    /** The bytes of records in the file taking them. */
    long recordBytes() {
        return segments[active].position - HEADER_BYTES;
    }

    /** The file taking the records. */
    Path activePath() {
        return segments[active].path;
    }

    /**
     * A clean stop, after the writer's last batch: H2 forced and both files started again, so that
     * nothing is read again at the next open. Then the files are released.
     */
    void stop() {
        try {
            if (pending != null) pending.get();
            try (Connection c = database.connection()) {
                forceH2(c);
                for (Segment segment : segments) {
                    segment.start(checkpointBytes);
                }
            }
        } catch (SQLException | IOException | RuntimeException | ExecutionException e) {
            LOG.log(Level.WARNING, "could not checkpoint the event store at its stop; the journal is read again at the next start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /**
     * Releases the files as they are (what they hold is read again at the next open). A checkpoint
     * under way is waited for, never interrupted: an interrupt in H2's file I/O closes H2's file.
     */
    @Override
    public void close() {
        checkpointer.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (checkpointer.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) break;
                LOG.warning("still waiting for the event store's checkpoint to end");
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        for (Segment segment : segments) {
            segment.close();
        }
    }

    private static void forceH2(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    /** One of the journal's two files. */
    private static final class Segment {
        final Path path;
        final FileChannel channel;
        final FileLock lock;
        long generation;
        long position;
        long startedNanos;
        /** Started again (a new generation, forced) and holding no record since: it may take the records. */
        volatile boolean started;

        private Segment(Path path, FileChannel channel, FileLock lock) {
            this.path = path;
            this.channel = channel;
            this.lock = lock;
        }

        static Segment open(Path path) throws IOException {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException | IOException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("the event journal " + path + " is in use by another store");
            }
            return new Segment(path, channel, lock);
        }

        /** The records of the file's generation, up to the first that is torn, corrupt or of another. */
        List<AppendRequest> read() throws IOException {
            List<AppendRequest> entries = new ArrayList<>();
            long size = channel.size();
            if (size < HEADER_BYTES) return entries;
            DataInputStream in = new DataInputStream(
                    new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16));
            if (in.readInt() != MAGIC) return entries;
            in.readInt(); // version
            long current = in.readLong();
            long at = HEADER_BYTES;
            while (at + 8 <= size) {
                int length = in.readInt();
                int crc = in.readInt();
                if (length < 8 || length > MAX_RECORD_BYTES || at + 8 + length > size) break;
                byte[] body = new byte[length];
                try {
                    in.readFully(body);
                } catch (EOFException e) {
                    break;
                }
                CRC32C check = new CRC32C();
                check.update(body);
                if ((int) check.getValue() != crc) break;
                DataInputStream record = new DataInputStream(new ByteArrayInputStream(body));
                if (record.readLong() != current) break;
                int count = record.readInt();
                for (int i = 0; i < count; i++) {
                    entries.add(readRequest(record));
                }
                at += 8 + length;
            }
            return entries;
        }

        void append(List<AppendRequest> entries, RecordBuffer bytes) throws IOException {
            bytes.start();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0); // length
            out.writeInt(0); // crc
            out.writeLong(generation);
            out.writeInt(entries.size());
            for (AppendRequest r : entries) {
                writeRequest(out, r);
            }
            out.flush();
            ByteBuffer record = bytes.written();
            int length = record.remaining() - 8;
            CRC32C crc = new CRC32C();
            crc.update(record.array(), 8, length);
            record.putInt(0, length).putInt(4, (int) crc.getValue());
            writeFully(record, position);
            channel.force(false);
            position += 8 + length;
        }

        boolean due(long checkpointBytes, long checkpointNanos) {
            return position - HEADER_BYTES >= checkpointBytes
                    || (position > HEADER_BYTES && System.nanoTime() - startedNanos >= checkpointNanos);
        }

        /** A new generation in the header, forced: the records before it are not read again. */
        void start(long checkpointBytes) throws IOException {
            long next;
            do {
                next = ThreadLocalRandom.current().nextLong();
            } while (next == generation);
            writeFully(ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(1).putLong(next).flip(), 0);
            preallocate(HEADER_BYTES + checkpointBytes + PREALLOCATE_SLACK);
            channel.force(true);
            generation = next;
            position = HEADER_BYTES;
            started = true;
        }

        /**
         * Makes the file as long as a generation's records once, with zeros (a length of 0 ends the
         * reading): then a record overwrites blocks the file already has, and forcing it writes the
         * record alone. (Appending to the file would also change its size, and ext4 in its default
         * ordered mode then commits its metadata journal, which first writes out every other file's
         * newly allocated blocks: H2's chunks written since.)
         */
        private void preallocate(long wanted) throws IOException {
            long size = channel.size();
            if (size >= wanted) return;
            ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
            for (long at = size; at < wanted; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), wanted - at));
                at += channel.write(zeros, at);
            }
        }

        private void writeFully(ByteBuffer buffer, long at) throws IOException {
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
        }

        void close() {
            try {
                lock.release();
            } catch (IOException e) {
                // closing the channel releases it too
            }
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not close the event journal " + path, e);
            }
        }
    }

    /** A record's bytes as they are built, handed to the file without a copy. */
    private static final class RecordBuffer extends ByteArrayOutputStream {
        private static final int INITIAL = 64 << 10;

        RecordBuffer() {
            super(INITIAL);
        }

        /** Starts a record; a buffer a flood's batch grew past 1 MB is let go. */
        void start() {
            if (buf.length > 1 << 20) buf = new byte[INITIAL];
            reset();
        }

        /** What was written since {@link #start}, over the buffer itself. */
        ByteBuffer written() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }

    /** Writes the rows into the database, each only when it is not there yet, and commits. */
    private static void replay(Connection c, List<AppendRequest> entries) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement event = c.prepareStatement("MERGE INTO meeting_events"
                + " (meeting_id, seq, type, payload, recorded_at) KEY (meeting_id, seq) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement ballot = c.prepareStatement("MERGE INTO ballot_box"
                        + " (ballot_id, meeting_id, poll_id, choice) KEY (ballot_id) VALUES (?, ?, ?, ?)");
                PreparedStatement command = c.prepareStatement("MERGE INTO processed_commands"
                        + " (meeting_id, command_id, response) KEY (meeting_id, command_id) VALUES (?, ?, ?)")) {
            for (AppendRequest r : entries) {
                LogStatements.writeRows(event, ballot, command, r);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void writeRequest(DataOutputStream out, AppendRequest r) throws IOException {
        text(out, r.meetingId());
        out.writeLong(r.expectedLastSeq() + 1);
        out.writeInt(r.events().size());
        for (NewEvent event : r.events()) {
            text(out, event.type());
            text(out, event.payloadJson());
            out.writeLong(event.recordedAt().getEpochSecond());
            out.writeInt(event.recordedAt().getNano());
        }
        List<SecretBallot> ballots = new ArrayList<>(r.ballots());
        ballots.sort(java.util.Comparator.comparingLong(SecretBallot::ballotId));
        out.writeInt(ballots.size());
        for (SecretBallot b : ballots) {
            out.writeLong(b.ballotId());
            text(out, b.pollId());
            text(out, b.choiceJson());
        }
        out.writeBoolean(r.command().isPresent());
        if (r.command().isPresent()) {
            text(out, r.command().get().commandId());
            text(out, r.command().get().responseJson());
        }
    }

    private static AppendRequest readRequest(DataInputStream in) throws IOException {
        String meetingId = text(in);
        long firstSeq = in.readLong();
        int eventCount = in.readInt();
        List<NewEvent> events = new ArrayList<>(eventCount);
        for (int i = 0; i < eventCount; i++) {
            String type = text(in);
            String payload = text(in);
            events.add(new NewEvent(type, payload, Instant.ofEpochSecond(in.readLong(), in.readInt())));
        }
        int ballotCount = in.readInt();
        List<SecretBallot> ballots = new ArrayList<>(ballotCount);
        for (int i = 0; i < ballotCount; i++) {
            long id = in.readLong();
            ballots.add(new SecretBallot(text(in), id, text(in)));
        }
        Optional<AppendRequest.CommandReceipt> command = in.readBoolean()
                ? Optional.of(new AppendRequest.CommandReceipt(text(in), text(in))) : Optional.empty();
        return new AppendRequest(meetingId, firstSeq - 1, events, command, ballots);
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
