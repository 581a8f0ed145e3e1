/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import static com.google.common.base.Preconditions.checkState;

import io.adaptive.runtime.Progress;
import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run manager's database: one record per learner, every progress report, and a journal of
 * what happened to each learner. One writer, the run manager; changes are visible to reads at
 * once and become durable together at {@link #commit()}, so the manager groups them.
 *
 * <p><b>Crash safety.</b> After a {@code kill -9} at any moment, {@link #open} finds exactly the
 * state of the last completed {@link #commit()}: never a part of a commit, never a torn record.
 * MapDB 3.1's transactions do not give this (they never replay their write-ahead log, so a kill
 * while a commit copies it into the store leaves the store torn), and they cost 20 to 30 ms per
 * commit of 100 puts here; two such stores taking turns, as {@link LearnerDataFile} does, would
 * cost twice that plus a pointer rename. So the database keeps its state in memory and makes it
 * durable twice over:
 *
 * <ul>
 *   <li>each commit appends one checksummed frame to a log, {@code run.db.log.<n>}, and forces
 *       it to disk: one {@code fdatasync}, 2 to 5 ms here, whatever the batch size; see {@link
 *       ChangeLog};
 *   <li>when the log has grown as large as the snapshot's content (and at least {@value
 *       #COMPACT_BYTES} bytes), so that compacting costs O(1) per logged byte, a background thread
 *       writes the whole state as of the last commit into a new MapDB file and renames it over
 *       {@code run.db}, then deletes the log segments it covers; see {@link StoreSnapshot}.
 *       Closing compacts too, so a store at rest is one MapDB file and an empty log.
 * </ul>
 *
 * <p>Opening reads the snapshot, replays the log segments after it and cuts off a torn last frame.
 * The whole state is held in memory, compactly (a progress report takes 40 bytes, the journal is
 * kept encoded), so reads cost no I/O.
 * {@code run.db.lock} (an OS lock, released when the process dies) keeps a second manager out;
 * {@code run.db.owner} says who holds it.
 *
 * <p>Not thread-safe: the run manager calls it from its own thread.
 */
public final class RunDatabase implements AutoCloseable {

  /** The log size, in bytes, below which it is never compacted. */
  static final long COMPACT_BYTES = 8 << 20;

  /** Journal events are kept in chunks of about this many bytes, in memory and in the snapshot. */
  private static final int JOURNAL_CHUNK_BYTES = 64 << 10;
  private static final int PROGRESS_BYTES = 40;
  private static final int MAX_STRING_BYTES = 64 << 20;

  private static final byte PUT = 1;
  private static final byte APPEND = 2;
  private static final byte JOURNAL = 3;
  private static final byte FORGET = 4;

  private static final Logger log = LoggerFactory.getLogger(RunDatabase.class);

  private final Path file;
  private final StoreLock lock;
  private final long compactBytes;
  private ChangeLog changes;

  private final Map<String, LearnerRecord> learners = new HashMap<>();
  private final Map<String, Bytes> history = new HashMap<>();
  private final List<byte[]> journalChunks = new ArrayList<>();
  private Bytes journalOpen = new Bytes(1024);
  private final DataOutputStream journalOut;

  private final Bytes pending = new Bytes(4096);
  private final DataOutputStream pendingOut = new DataOutputStream(pending);

  private ExecutorService compactor;
  private Future<?> compaction;
  private volatile long snapshotBytes;
  private boolean closed;

  private RunDatabase(Path file, StoreLock lock, long compactBytes, long snapshotBytes) {
    this.file = file;
    this.lock = lock;
    this.compactBytes = compactBytes;
    this.snapshotBytes = snapshotBytes;
    this.journalOut = new DataOutputStream(new JournalSink());
  }

  // Writes go to whichever chunk is open now, so the stream survives sealing a chunk.
  private final class JournalSink extends java.io.OutputStream {
    @Override
    public void write(int b) {
      journalOpen.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      journalOpen.write(b, off, len);
    }
  }

  /**
   * Opens the database at {@code file}, creating it (and its directory, owner-only) if needed, and
   * locks its store for this process until {@link #close()} or the process's end.
   *
   * @param file the database, normally {@link RunDirectory#runDatabase()}; its log, lock and owner
   *     files live next to it as {@code <file>.log.<n>}, {@code <file>.lock} and {@code
   *     <file>.owner}
   * @throws RunStoreLockedException if another run manager holds the store, or this process has
   *     it open already
   * @throws RunStoreException if it was written by an unknown format version, is damaged, or an
   *     I/O error occurs
   */
  public static RunDatabase open(Path file) {
    return open(file, COMPACT_BYTES);
  }

  /** {@link #open(Path)}, compacting once the log reaches {@code compactBytes}: for tests. */
  static RunDatabase open(Path file, long compactBytes) {
    Objects.requireNonNull(file, "file");
    try {
      OwnerOnly.createDirectories(StoreLock.directoryOf(file));
    } catch (IOException e) {
      throw new RunStoreException(file, "cannot create the run store "
          + StoreLock.directoryOf(file) + ": " + e, e);
    }
    StoreLock lock = StoreLock.acquire(file);
    try {
      Files.deleteIfExists(StoreSnapshot.temporary(file)); // a compaction cut short
      if (!Files.exists(file)) {
        if (!ChangeLog.segments(file).isEmpty()) {
          throw new RunStoreException(file, "the run store " + StoreLock.directoryOf(file)
              + " has change logs but lacks its snapshot " + file.getFileName() + "; restore it"
              + " from a backup, or delete " + file.getFileName() + ".log.* to start the store"
              + " afresh (the learners' data in learners/ is kept)");
        }
        StoreSnapshot.empty().write(file);
        log.info("created run store {}", StoreLock.directoryOf(file));
      }
      StoreSnapshot snapshot = StoreSnapshot.read(file);
      RunDatabase database =
          new RunDatabase(file, lock, compactBytes, snapshot.contentBytes());
      database.load(snapshot);
      database.changes = ChangeLog.open(file, snapshot.logSequence(), snapshot.commit(),
          database::replay);
      return database;
    } catch (IOException e) {
      lock.close();
      throw new RunStoreException(file, "cannot open the run store "
          + StoreLock.directoryOf(file) + ": " + e, e);
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  private void load(StoreSnapshot snapshot) {
    learners.putAll(snapshot.learners());
    snapshot.history().forEach((name, reports) -> {
      if (reports.length % PROGRESS_BYTES != 0) {
        throw new RunStoreException(file, "the run store " + StoreLock.directoryOf(file)
            + " is damaged: the history of learner '" + name + "' has " + reports.length
            + " bytes; restore it from a backup, or use another store directory");
      }
      history.put(name, new Bytes(reports));
    });
    journalChunks.addAll(snapshot.journal());
  }

  // ---- reads --------------------------------------------------------------------------------

  /** The record of learner {@code name}, if the database has one. */
  public Optional<LearnerRecord> learner(String name) {
    checkOpen();
    return Optional.ofNullable(learners.get(Objects.requireNonNull(name, "name")));
  }

  /** Every learner record, by name. */
  public List<LearnerRecord> learners() {
    checkOpen();
    List<LearnerRecord> all = new ArrayList<>(learners.values());
    all.sort(Comparator.comparing(LearnerRecord::name));
    return all;
  }

  /** Every progress report of {@code learner}, oldest first; empty if it has none. */
  public List<Progress> history(String learner) {
    checkOpen();
    Bytes reports = history.get(Objects.requireNonNull(learner, "learner"));
    if (reports == null) {
      return List.of();
    }
    ByteBuffer bytes = ByteBuffer.wrap(reports.array(), 0, reports.size());
    List<Progress> all = new ArrayList<>(reports.size() / PROGRESS_BYTES);
    while (bytes.hasRemaining()) {
      all.add(new Progress(bytes.getLong(), bytes.getLong(), bytes.getDouble(), bytes.getLong(),
          bytes.getLong()));
    }
    return all;
  }

  /** The whole journal, oldest first. */
  public List<LearnerEvent> journal() {
    checkOpen();
    List<LearnerEvent> events = new ArrayList<>();
    forEachEvent(events::add);
    return events;
  }

  /** The journal of {@code learner}, oldest first. */
  public List<LearnerEvent> journal(String learner) {
    checkOpen();
    Objects.requireNonNull(learner, "learner");
    List<LearnerEvent> events = new ArrayList<>();
    forEachEvent(event -> {
      if (event.learner().equals(learner)) {
        events.add(event);
      }
    });
    return events;
  }

  private void forEachEvent(java.util.function.Consumer<LearnerEvent> sink) {
    List<byte[]> chunks = new ArrayList<>(journalChunks);
    chunks.add(journalOpen.copy());
    for (byte[] chunk : chunks) {
      try (var in = new DataInputStream(new ByteArrayInputStream(chunk))) {
        while (in.available() > 0) {
          sink.accept(LearnerEvent.read(in));
        }
      } catch (IOException e) {
        throw new RunStoreException(file, "the run store " + StoreLock.directoryOf(file)
            + " holds a journal event that does not decode: " + e + "; restore it from a"
            + " backup, or use another store directory", e);
      }
    }
  }

  // ---- writes -------------------------------------------------------------------------------

  /** Stores {@code record}, replacing the learner's previous one; durable at the next commit. */
  public void put(LearnerRecord record) {
    Objects.requireNonNull(record, "record");
    checkOpen();
    byte[] encoded = record.encode();
    try {
      pendingOut.writeByte(PUT);
      writeString(pendingOut, record.name());
      pendingOut.writeInt(encoded.length);
      pendingOut.write(encoded);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    learners.put(record.name(), record);
  }

  /** Appends a progress report of {@code learner}; durable at the next commit. */
  public void append(String learner, Progress progress) {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(progress, "progress");
    checkOpen();
    try {
      pendingOut.writeByte(APPEND);
      writeString(pendingOut, learner);
      pendingOut.writeLong(progress.epochMillis());
      pendingOut.writeLong(progress.npoints());
      pendingOut.writeDouble(progress.loss());
      pendingOut.writeLong(progress.cpuNanos());
      pendingOut.writeLong(progress.heapBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    addProgress(learner, progress.epochMillis(), progress.npoints(),
        Double.doubleToRawLongBits(progress.loss()), progress.cpuNanos(), progress.heapBytes());
  }

  /** Appends {@code event} to the journal; durable at the next commit. */
  public void journal(LearnerEvent event) {
    Objects.requireNonNull(event, "event");
    checkOpen();
    try {
      pendingOut.writeByte(JOURNAL);
      event.write(pendingOut);
      addEvent(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Forgets learner {@code name}: removes its record and its progress history, and journals that
   * it was forgotten (an event whose state does not change, its reason {@code forgotten: <why>});
   * durable, all together, at the next commit. A run manager then starts the learner afresh, as
   * one it never saw, whatever its stored fingerprint was. Its data directory is not touched.
   *
   * @param epochMillis when, for the journal
   * @param why what the journal says after {@code forgotten: }, e.g. who asked
   * @return the journal event
   * @throws IllegalArgumentException if the database has no learner {@code name}
   */
  public LearnerEvent forget(String name, long epochMillis, String why) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(why, "why");
    checkOpen();
    LearnerRecord record = learners.get(name);
    if (record == null) {
      throw new IllegalArgumentException("the run store " + StoreLock.directoryOf(file)
          + " has no learner '" + name + "' to forget; it has " + learners.size()
          + (learners.size() == 1 ? " learner" : " learners"));
    }
    try {
      pendingOut.writeByte(FORGET);
      writeString(pendingOut, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    learners.remove(name);
    history.remove(name);
    LearnerEvent event = new LearnerEvent(epochMillis, name, "", record.state(), record.state(),
        "forgotten: " + why);
    journal(event);
    return event;
  }

  private void addProgress(String learner, long epochMillis, long npoints, long lossBits,
      long cpuNanos, long heapBytes) {
    Bytes reports = history.computeIfAbsent(learner, name -> new Bytes(PROGRESS_BYTES * 16));
    reports.writeLong(epochMillis);
    reports.writeLong(npoints);
    reports.writeLong(lossBits);
    reports.writeLong(cpuNanos);
    reports.writeLong(heapBytes);
  }

  private void addEvent(LearnerEvent event) throws IOException {
    event.write(journalOut);
    if (journalOpen.size() >= JOURNAL_CHUNK_BYTES) {
      journalChunks.add(journalOpen.copy()); // sealed: never changed again, shared with snapshots
      journalOpen = new Bytes(1024);
    }
  }

  /**
   * Makes every change since the last commit durable, all or nothing: forced to disk when this
   * returns. Does nothing if nothing changed.
   *
   * @throws RunStoreException if writing fails. The changes are still pending and the next
   *     commit tries again, unless the message says to reopen the store.
   */
  public void commit() {
    checkOpen();
    if (pending.size() == 0) {
      return;
    }
    try {
      changes.append(pending.array(), pending.size());
    } catch (IOException e) {
      throw new RunStoreException(file, "cannot commit to the run store "
          + StoreLock.directoryOf(file) + ": " + e + (changes.broken()
              ? "; the store cannot take more commits: close and reopen it, which recovers the"
                  + " last completed commit"
              : "; the changes are kept and the next commit tries again"), e);
    }
    pending.reset();
    compactIfDue();
  }

  // ---- compaction ---------------------------------------------------------------------------

  private void compactIfDue() {
    if (compaction != null) {
      if (!compaction.isDone()) {
        return;
      }
      finishCompaction();
    }
    if (changes.size() >= Math.max(compactBytes, snapshotBytes)) {
      try {
        compaction = compactor().submit(startCompaction()::run);
      } catch (IOException e) {
        log.warn("run store {}: cannot start a new log segment, compacting later: {}",
            StoreLock.directoryOf(file), e.toString());
      }
    }
  }

  /**
   * Captures the state as of the last commit and starts a new log segment; the returned task
   * writes the capture as the snapshot and deletes the segments it covers. The capture copies only
   * what may still change (histories, the open journal chunk); the rest is immutable.
   */
  private Runnable startCompaction() throws IOException {
    List<byte[]> journal = new ArrayList<>(journalChunks);
    if (journalOpen.size() > 0) {
      journal.add(journalOpen.copy());
    }
    Map<String, byte[]> reports = new HashMap<>();
    history.forEach((name, bytes) -> reports.put(name, bytes.copy()));
    long covered = changes.lastCommit();
    long segment = changes.roll();
    StoreSnapshot snapshot =
        new StoreSnapshot(segment + 1, covered, Map.copyOf(learners), reports, journal);
    return () -> {
      try {
        snapshot.write(file);
        snapshotBytes = snapshot.contentBytes();
        for (Path old : ChangeLog.segments(file).headMap(segment + 1).values()) {
          Files.deleteIfExists(old);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** Waits for a compaction in progress to end: for tests that copy the files. */
  void awaitCompaction() {
    checkOpen();
    if (compaction != null) {
      finishCompaction();
    }
  }

  private void finishCompaction() {
    try {
      compaction.get();
    } catch (ExecutionException e) {
      // The log still holds every change: nothing is lost, the log is only longer to replay.
      log.warn("run store {}: compacting the log failed, trying again later: {}",
          StoreLock.directoryOf(file), e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      compaction = null;
    }
  }

  private ExecutorService compactor() {
    if (compactor == null) {
      compactor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "run-store-compaction");
        thread.setDaemon(true); // a compaction cut short by exit loses nothing
        return thread;
      });
    }
    return compactor;
  }

  // ---- replay -------------------------------------------------------------------------------

  private void replay(ByteBuffer payload) {
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      while (in.available() > 0) {
        byte tag = in.readByte();
        switch (tag) {
          case PUT: {
            String name = readString(in);
            byte[] encoded = new byte[in.readInt()];
            in.readFully(encoded);
            learners.put(name, StoreSnapshot.decode(file, name, encoded));
            break;
          }
          case APPEND:
            addProgress(readString(in), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong());
            break;
          case JOURNAL:
            addEvent(LearnerEvent.read(in));
            break;
          case FORGET: {
            String name = readString(in);
            learners.remove(name);
            history.remove(name);
            break;
          }
          default:
            throw new IOException("change type " + tag + " is unknown");
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof RunStoreException) {
        throw (RunStoreException) e;
      }
      // The frame's checksum held, so this is not a torn write: a bug, or a newer writer.
      throw new RunStoreException(file, "the run store " + StoreLock.directoryOf(file)
          + " holds a commit that does not decode: " + e + "; restore it from a backup, or use"
          + " another store directory", e);
    }
  }

  static void writeString(DataOutput out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_STRING_BYTES) {
      throw new IOException("a string of " + length + " bytes");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  /** The database file, the MapDB snapshot; its log, lock and owner files lie next to it. */
  public Path file() {
    return file;
  }

  /**
   * Commits, compacts the log into the snapshot, and releases the store. Closing twice does
   * nothing; other calls after closing fail.
   *
   * @throws RunStoreException if the last commit fails; the store is released all the same
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      commit();
      if (compaction != null) {
        finishCompaction();
      }
      if (changes.size() > ChangeLog.HEADER_BYTES) {
        try {
          startCompaction().run();
        } catch (IOException | UncheckedIOException e) {
          log.warn("run store {}: compacting the log at close failed; the next open replays it:"
              + " {}", StoreLock.directoryOf(file), e.toString());
        }
      }
    } finally {
      closed = true;
      if (compactor != null) {
        compactor.shutdownNow();
      }
      try {
        changes.close();
      } catch (IOException e) {
        log.warn("cannot close the log of run store {}", StoreLock.directoryOf(file), e);
      }
      lock.close();
    }
  }

  @Override
  public String toString() {
    return "RunDatabase[" + StoreLock.directoryOf(file) + (closed ? ", closed]" : "]");
  }

  private void checkOpen() {
    checkState(!closed, "the run database %s is closed", file);
  }
}
