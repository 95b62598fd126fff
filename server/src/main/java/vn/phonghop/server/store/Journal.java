package vn.phonghop.server.store;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32C;

/**
 * The embedded H2 store's write-ahead journal: what makes an append durable there.
 *
 * <p>H2 makes its committed data durable by writing a new chunk of its file, which holds every page
 * the commit touched and H2's own map of its chunks (~26 KB and ~650 µs of CPU for one event and its
 * receipt, measured in docs/performance.md). Forcing that at every group commit cost a node of many
 * small rooms most of its store's time and the tail of its deliveries. So the writer commits each
 * batch in H2 without forcing it, appends the batch's rows here as one record and forces this file
 * (a sequential write of the rows alone, ~1 KB for an event and its receipt) before it acknowledges
 * anything. H2 writes its chunks in the background as before; every {@link #CHECKPOINT_BYTES} or
 * {@link #CHECKPOINT_NANOS} the writer forces H2 to disk ({@code CHECKPOINT SYNC}) and starts the
 * journal again. When the store opens, the journal's records are written into H2 again, each row
 * only if H2 lacks it (H2's file always holds a prefix of the commits, never a gap), then H2 is
 * forced and the journal started again.
 *
 * <p>A record is its length, its CRC-32C and its body, which begins with the journal's generation.
 * Starting again writes a new random generation into the header and keeps the file: the next records
 * overwrite the old ones in place, and reading stops at the first record that is torn, corrupt or of
 * another generation. A record is written after its rows were committed in H2, so the journal never
 * holds what H2 refused.
 *
 * <p>Secret ballots: a record holds a batch's ballots next to its {@code VoterMarked} events, as H2's
 * chunk of the same commit does (the residue {@link EventStore} documents), until later records
 * overwrite it; the ballots within a record are in the order of their random ids.
 *
 * <p>Only the store's writer thread uses a journal; {@link #open} holds a lock on the file, so that
 * a second store on the same database fails to open rather than interleave its records.
 */
final class Journal implements AutoCloseable {

    /** Past this many bytes of records the writer forces H2 and starts the journal again. */
    static final long CHECKPOINT_BYTES = 16L << 20;
    /** ...or past this long since the journal started, when it holds any record. */
    static final long CHECKPOINT_NANOS = 60_000_000_000L;

    private static final int MAGIC = 0x50484a31; // "PHJ1"
    private static final int HEADER_BYTES = 16;
    /** A length beyond this is not a record (the largest batch is far smaller). */
    private static final int MAX_RECORD_BYTES = 512 << 20;

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final long checkpointBytes;
    private final long checkpointNanos;
    private long generation;
    private long position;
    private long startedNanos;
    private long checkpoints;
    private boolean broken;

    private Journal(Path path, FileChannel channel, FileLock lock, long checkpointBytes, long checkpointNanos) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.checkpointBytes = checkpointBytes;
        this.checkpointNanos = checkpointNanos;
    }

    /** One appended request as the journal keeps it: the request and the seq of its first event. */
    record Entry(AppendRequest request, long firstSeq) {
    }

    /**
     * Opens the journal at {@code path} (created when missing), writes what it holds into the
     * database, forces the database to disk and starts the journal again.
     */
    static Journal open(Path path, Database database) {
        return open(path, database, CHECKPOINT_BYTES, CHECKPOINT_NANOS);
    }

    static Journal open(Path path, Database database, long checkpointBytes, long checkpointNanos) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("the event journal " + path + " is in use by another store");
            }
            Journal journal = new Journal(path, channel, lock, checkpointBytes, checkpointNanos);
            List<Entry> entries = journal.read();
            if (!entries.isEmpty()) {
                try (Connection c = database.connection()) {
                    replay(c, entries);
                }
            }
            try (Connection c = database.connection()) {
                journal.checkpoint(c);
            }
            return journal;
        } catch (IOException | SQLException | RuntimeException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof RuntimeException r) throw r;
            throw new EventStoreException("could not recover the event journal " + path, e);
        }
    }

    /** The records of the current generation, up to the first that is torn, corrupt or of another. */
    List<Entry> read() throws IOException {
        List<Entry> entries = new ArrayList<>();
        InputStream stream = new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16);
        DataInputStream in = new DataInputStream(stream);
        long size = channel.size();
        if (size < HEADER_BYTES) return entries;
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
                entries.add(readEntry(record));
            }
            at += 8 + length;
        }
        return entries;
    }

    /** Appends one committed batch's rows as a record and forces it to disk. */
    void append(List<Entry> entries) throws IOException {
        if (broken) throw new IOException("the journal's header could not be written");
        if (entries.isEmpty()) return;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 * entries.size());
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0); // length
        out.writeInt(0); // crc
        out.writeLong(generation);
        out.writeInt(entries.size());
        for (Entry e : entries) {
            writeEntry(out, e);
        }
        out.flush();
        ByteBuffer record = ByteBuffer.wrap(bytes.toByteArray());
        int length = record.remaining() - 8;
        CRC32C crc = new CRC32C();
        crc.update(record.array(), 8, length);
        record.putInt(0, length).putInt(4, (int) crc.getValue());
        writeFully(record, position);
        channel.force(false);
        position += record.capacity();
    }

    /**
     * Whether the last start failed while writing the header (H2 was forced before it): records
     * must wait for a start that succeeds.
     */
    boolean broken() {
        return broken;
    }

    /** Whether the writer should force H2 and start again: the journal is large or old enough. */
    boolean due() {
        return broken || position - HEADER_BYTES >= checkpointBytes
                || (position > HEADER_BYTES && System.nanoTime() - startedNanos >= checkpointNanos);
    }

    /**
     * Forces everything H2 committed to its file, then starts the journal again under a new
     * generation: after this the records before are H2's, and none of them is read again.
     */
    void checkpoint(Connection c) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
        long next;
        do {
            next = ThreadLocalRandom.current().nextLong();
        } while (next == generation);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(1).putLong(next).flip();
        // until the new header is on disk, the one there may be torn: no record may follow it
        broken = true;
        writeFully(header, 0);
        channel.force(true);
        broken = false;
        generation = next;
        position = HEADER_BYTES;
        startedNanos = System.nanoTime();
        checkpoints++;
    }

    /** How many times the journal started again since it opened (the first is at open). */
    long checkpoints() {
        return checkpoints;
    }

    /** The bytes of records in the current generation. */
    long recordBytes() {
        return position - HEADER_BYTES;
    }

    Path path() {
        return path;
    }

    /** Releases the file; what it holds is read again when the store next opens. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close below releases it too
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the event journal " + path, e);
        }
    }

    private void writeFully(ByteBuffer buffer, long at) throws IOException {
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /** Writes the rows into the database, each only when it is not there yet, and commits. */
    private static void replay(Connection c, List<Entry> entries) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement event = c.prepareStatement("MERGE INTO meeting_events"
                + " (meeting_id, seq, type, payload, recorded_at) KEY (meeting_id, seq) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement ballot = c.prepareStatement("MERGE INTO ballot_box"
                        + " (ballot_id, meeting_id, poll_id, choice) KEY (ballot_id) VALUES (?, ?, ?, ?)");
                PreparedStatement command = c.prepareStatement("MERGE INTO processed_commands"
                        + " (meeting_id, command_id, response) KEY (meeting_id, command_id) VALUES (?, ?, ?)")) {
            for (Entry entry : entries) {
                AppendRequest r = entry.request();
                long seq = entry.firstSeq();
                for (NewEvent e : r.events()) {
                    event.setString(1, r.meetingId());
                    event.setLong(2, seq++);
                    event.setString(3, e.type());
                    event.setString(4, e.payloadJson());
                    event.setObject(5, Sql.timestamp(e.recordedAt()));
                    event.executeUpdate();
                }
                for (SecretBallot b : r.ballots()) {
                    ballot.setLong(1, b.ballotId());
                    ballot.setString(2, r.meetingId());
                    ballot.setString(3, b.pollId());
                    ballot.setString(4, b.choiceJson());
                    ballot.executeUpdate();
                }
                if (r.command().isPresent()) {
                    command.setString(1, r.meetingId());
                    command.setString(2, r.command().get().commandId());
                    command.setString(3, r.command().get().responseJson());
                    command.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void writeEntry(DataOutputStream out, Entry e) throws IOException {
        AppendRequest r = e.request();
        text(out, r.meetingId());
        out.writeLong(e.firstSeq());
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

    private static Entry readEntry(DataInputStream in) throws IOException {
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
        return new Entry(new AppendRequest(meetingId, firstSeq - 1, events, command, ballots), firstSeq);
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
