/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.adaptive.runtime.learn.DataCodec;
import io.adaptive.runtime.learn.Learner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mapdb.DBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One learner's data on disk: its points and values in tell order, the run time spent on it across
 * all jobs, and who it belongs to. Only the learner's worker opens it; charts and the CLI read the
 * CSV {@link #snapshotFile() snapshot} published after every save instead.
 *
 * <p><b>Crash safety.</b> A {@code kill -9} at any moment, including in the middle of {@link
 * #save}, leaves the last completed save readable. MapDB 3.1's write-ahead log does not give this
 * on its own: it never replays the log on open, and a kill while a commit copies the log into the
 * store leaves the store torn. So the data is kept in two MapDB stores ({@code <file>.a} and {@code
 * <file>.b}, each {@code transactionEnable()}); a save brings the one that is not current up to
 * date, commits it, and only then renames the pointer {@code <file>.current} to it. On open the
 * current store is copied over the other one. {@code <file>.lock} keeps a second worker out.
 *
 * <p><b>Contents.</b> A format version, the learner's name, kind and plan fingerprint (written on
 * creation and checked on every open), the accumulated run time in nanoseconds, and one record per
 * point, encoded with the learner's {@link DataCodec}. The data is append-only, as a learner's
 * exported data is: a save appends the points told since the last save.
 *
 * <p>Not thread-safe: the worker loop calls it from one thread.
 *
 * @param <P> the learner's point type
 * @param <V> the learner's value type
 */
public final class LearnerDataFile<P, V> implements AutoCloseable {

  /**
   * The format this version writes and the only one it reads. Raise it when the meaning of any
   * stored key changes; every format keeps {@code <file>.current}, so that a newer format is
   * refused instead of mistaken for an unfinished creation.
   */
  public static final int FORMAT_VERSION = 1;

  static final String FORMAT = "format";
  static final String LEARNER = "learner";
  static final String KIND = "kind";
  static final String FINGERPRINT = "fingerprint";
  static final String POINT_COLUMNS = "pointColumns";
  static final String VALUE_COLUMNS = "valueColumns";

  private static final Logger log = LoggerFactory.getLogger(LearnerDataFile.class);

  private final Path file;
  private final String learner;
  private final String fingerprint;
  private final DataCodec<P, V> codec;
  private final Path snapshot;
  private final FileChannel lockChannel;
  private final DataSlot[] slots;
  private int current;
  private boolean closed;

  private LearnerDataFile(
      Path file,
      String learner,
      String fingerprint,
      DataCodec<P, V> codec,
      FileChannel lockChannel,
      DataSlot[] slots,
      int current) {
    this.file = file;
    this.learner = learner;
    this.fingerprint = fingerprint;
    this.codec = codec;
    this.snapshot = snapshotOf(file);
    this.lockChannel = lockChannel;
    this.slots = slots;
    this.current = current;
  }

  /**
   * Opens the data file of {@code learner}, creating it (and missing directories, owner-only) if it
   * does not exist. An existing file must have been written for the same learner and fingerprint.
   *
   * @param file the data file, normally {@link RunDirectory#dataFile(String)}; the stores live next
   *     to it as {@code <file>.a}, {@code <file>.b}, {@code <file>.current} and {@code <file>.lock}
   * @param learner the learner's name
   * @param fingerprint the learner's plan fingerprint, in hex
   * @param codec how the learner's points and values are written
   * @return the open file; close it when the worker ends
   * @throws DataFingerprintException if the file was written for another fingerprint
   * @throws DataFileLockedException if the file is held by another process or already open here
   * @throws DataFileException if the file has an unknown format
   *     version, belongs to another learner or kind, cannot be read, or an I/O error occurs
   * @throws IllegalArgumentException if {@code learner} or {@code fingerprint} is empty
   */
  public static <P, V> LearnerDataFile<P, V> open(
      Path file, String learner, String fingerprint, DataCodec<P, V> codec) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(codec, "codec");
    checkArgument(!learner.isEmpty(), "learner name is empty");
    checkArgument(!fingerprint.isEmpty(), "fingerprint is empty");

    FileChannel lockChannel = lock(file);
    DataSlot[] slots = new DataSlot[2];
    try {
      int current = readOrCreate(file, learner, fingerprint, codec);
      // The other store may be torn by a kill in the middle of a save: replace it by a copy.
      DataSlot.copy(slotPath(file, current), slotPath(file, 1 - current));
      slots[current] = DataSlot.open(slotPath(file, current), file);
      slots[1 - current] = DataSlot.open(slotPath(file, 1 - current), file);
      LearnerDataFile<P, V> opened =
          new LearnerDataFile<>(file, learner, fingerprint, codec, lockChannel, slots, current);
      log.debug("opened data file '{}' of learner '{}': {} points", file, learner, opened.size());
      return opened;
    } catch (IOException e) {
      closeAll(slots, lockChannel);
      throw new DataFileException(file, "cannot open the data file '" + file + "': " + e, e);
    } catch (RuntimeException | Error e) {
      closeAll(slots, lockChannel);
      throw e;
    }
  }

  /**
   * Returns the current slot's index after creating the file if needed and checking its metadata.
   */
  private static int readOrCreate(
      Path file, String learner, String fingerprint, DataCodec<?, ?> codec) throws IOException {
    Path pointer = pointerOf(file);
    if (!Files.exists(pointer)) {
      // Without a pointer no save ever completed: whatever is here is an unfinished creation.
      for (int slot = 0; slot < 2; slot++) {
        DataSlot.deleteWithLog(slotPath(file, slot));
      }
      DataSlot.create(slotPath(file, 0), meta(learner, fingerprint, codec));
      writePointer(file, 0);
      log.info("created data file '{}' for learner '{}'", file, learner);
      return 0;
    }
    int current = readPointer(file, pointer);
    try (DataSlot slot = DataSlot.open(slotPath(file, current), file)) {
      check(file, slot.meta(), learner, fingerprint, codec);
    }
    return current;
  }

  private static Map<String, String> meta(
      String learner, String fingerprint, DataCodec<?, ?> codec) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put(FORMAT, Integer.toString(FORMAT_VERSION));
    meta.put(LEARNER, learner);
    meta.put(KIND, codec.kind());
    meta.put(FINGERPRINT, fingerprint);
    meta.put(POINT_COLUMNS, String.join(",", codec.point().columns()));
    meta.put(VALUE_COLUMNS, String.join(",", codec.value().columns()));
    return meta;
  }

  private static void check(
      Path file,
      Map<String, String> meta,
      String learner,
      String fingerprint,
      DataCodec<?, ?> codec) {
    String directory = "'" + file.toAbsolutePath().getParent() + "'";
    String format = meta.get(FORMAT);
    if (!Integer.toString(FORMAT_VERSION).equals(format)) {
      throw new DataFileException(
          file,
          "the data file '"
              + file
              + "' has format version '"
              + format
              + "', but this adaptive-java reads version "
              + FORMAT_VERSION
              + " only"
              + "\n  fix: resume the run with the adaptive-java version that wrote it, "
              + "or delete the learner directory "
              + directory
              + " to start this learner afresh");
    }
    if (!learner.equals(meta.get(LEARNER))) {
      throw new DataFileException(
          file,
          "the data file '"
              + file
              + "' belongs to learner '"
              + meta.get(LEARNER)
              + "', not to '"
              + learner
              + "'"
              + "\n  fix: give each learner its own directory (RunDirectory.dataFile), "
              + "or delete the learner directory "
              + directory
              + " to start this learner afresh");
    }
    if (!fingerprint.equals(meta.get(FINGERPRINT))) {
      throw new DataFingerprintException(file, learner, fingerprint, meta.get(FINGERPRINT));
    }
    if (!codec.kind().equals(meta.get(KIND))) {
      throw new DataFileException(
          file,
          "the data file '"
              + file
              + "' holds data of a '"
              + meta.get(KIND)
              + "' learner, but learner '"
              + learner
              + "' is a '"
              + codec.kind()
              + "'"
              + "\n  fix: delete the learner directory "
              + directory
              + " to start this learner afresh");
    }
  }

  /** The data file as given to {@link #open}. */
  public Path file() {
    return file;
  }

  /**
   * The CSV snapshot published after every save: {@code data.csv} next to {@code data.db}. Read it
   * with {@link DataSnapshot#read(Path)}.
   */
  public Path snapshotFile() {
    return snapshot;
  }

  /** The learner's name. */
  public String learner() {
    return learner;
  }

  /** The learner's plan fingerprint, in hex. */
  public String fingerprint() {
    return fingerprint;
  }

  /** The number of stored points. */
  public long size() {
    checkOpen();
    return slots[current].size();
  }

  /**
   * The run time spent on this learner, in nanoseconds, summed over every job that saved: the value
   * of the last save, 0 for a new file.
   */
  public long elapsedNanos() {
    checkOpen();
    return slots[current].elapsedNanos();
  }

  /**
   * Reads every stored point and value, in tell order.
   *
   * @throws DataFileException if a record does not decode with this file's codec
   */
  public StoredData<P, V> read() {
    checkOpen();
    List<P> points = new ArrayList<>();
    List<V> values = new ArrayList<>();
    slots[current].forEachRecord(
        (index, bytes) -> {
          try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            points.add(codec.point().read(in));
            values.add(codec.value().read(in));
            if (in.available() != 0) {
              throw new IOException(in.available() + " bytes left over");
            }
          } catch (IOException | RuntimeException e) {
            throw new DataFileException(
                file,
                "the data file '"
                    + file
                    + "' holds record "
                    + index
                    + " that does not decode as a '"
                    + codec.kind()
                    + "' point and value: "
                    + e
                    + "\n  fix: delete the learner directory '"
                    + file.toAbsolutePath().getParent()
                    + "' to start this learner afresh",
                e);
          }
        });
    return new StoredData<>(points, values);
  }

  /**
   * Loads every stored point into {@code learner}, as {@link Learner#load}.
   *
   * @param learner a fresh learner, with no points yet
   * @throws IllegalArgumentException if {@code learner} already has points
   */
  public void loadInto(Learner<P, V> learner) {
    Objects.requireNonNull(learner, "learner");
    checkArgument(
        learner.npoints() == 0,
        "load into a fresh learner: this one already has %s points",
        learner.npoints());
    StoredData<P, V> data = read();
    learner.load(data.points(), data.values());
  }

  /**
   * Stores the points {@code learner} was told since the last save and the run time, in one
   * transaction, then publishes the {@link #snapshotFile() snapshot}. A crash at any moment leaves
   * either this save or the previous one; the snapshot may lag one save behind after a crash.
   *
   * <p>Cost: {@link Learner#forEachData} walks all the learner's data, so a save is O(N) in the
   * number of points, and the snapshot is rewritten in full. Only points the store being written
   * lacks are encoded and written to MapDB: those of this save and of the previous one, since the
   * two stores take turns. Each save costs one MapDB commit (two fsyncs) and two renames.
   *
   * @param learner the learner, holding every stored point in the same order plus newer ones
   * @param elapsedNanos the total run time spent on the learner so far, over all jobs: {@link
   *     #elapsedNanos()} at open plus this job's time. Never less than the stored value.
   * @return the number of stored points after this save
   * @throws IllegalArgumentException if {@code learner} holds less data than is stored or {@code
   *     elapsedNanos} is less than the stored run time
   * @throws DataFileException if writing fails; the previous save is then still intact
   */
  public long save(Learner<P, V> learner, long elapsedNanos) {
    Objects.requireNonNull(learner, "learner");
    checkOpen();
    long stored = size();
    checkArgument(
        elapsedNanos >= elapsedNanos(),
        "elapsed time %s ns is less than the %s ns already stored; pass elapsedNanos() at open "
            + "plus this job's time",
        elapsedNanos,
        elapsedNanos());

    int target = 1 - current;
    long from = slots[target].size(); // the other store lags one save behind
    List<byte[]> encoded = new ArrayList<>();
    Path temporarySnapshot = FileReplacement.temporary(snapshot);
    long[] count = {0};
    try (Writer csv = Files.newBufferedWriter(temporarySnapshot, StandardCharsets.UTF_8)) {
      csv.write(header());
      StringBuilder row = new StringBuilder();
      var bytes = new ByteArrayOutputStream();
      var out = new DataOutputStream(bytes);
      IOException[] failure = {null};
      learner.forEachData(
          (point, value) -> {
            if (failure[0] != null) {
              return;
            }
            try {
              row.setLength(0);
              codec.point().appendCsv(point, row);
              row.append(',');
              codec.value().appendCsv(value, row);
              row.append('\n');
              csv.append(row);
              if (count[0] >= from) {
                bytes.reset();
                codec.point().write(point, out);
                codec.value().write(value, out);
                out.flush();
                encoded.add(bytes.toByteArray());
              }
              count[0]++;
            } catch (IOException e) {
              failure[0] = e;
            }
          });
      if (failure[0] != null) {
        throw failure[0];
      }
    } catch (IOException e) {
      throw new DataFileException(
          file,
          "cannot save learner '"
              + this.learner
              + "' to '"
              + file
              + "': "
              + e
              + "\n  the previous save is intact",
          e);
    }
    // Counted from the data itself: npoints() may count something else (AverageLearner1D counts
    // its x values, while its data holds every sample).
    checkArgument(
        count[0] >= stored,
        "learner '%s' has %s points of data but its data file holds %s; load the file into the"
            + " learner before saving",
        this.learner,
        count[0],
        stored);

    try {
      slots[target].append(encoded, elapsedNanos);
    } catch (DBException e) {
      throw new DataFileException(
          file,
          "cannot save learner '"
              + this.learner
              + "' to '"
              + file
              + "': "
              + e
              + "\n  the previous save is intact",
          e);
    }
    try {
      writePointer(file, target);
      current = target;
      FileReplacement.commit(temporarySnapshot, snapshot);
    } catch (IOException e) {
      throw new DataFileException(
          file,
          "cannot finish saving learner '"
              + this.learner
              + "' to '"
              + file
              + "': "
              + e
              + "\n  the data is stored; the snapshot '"
              + snapshot
              + "' may be one save behind",
          e);
    }
    return size();
  }

  private String header() {
    List<String> columns = new ArrayList<>(codec.point().columns());
    columns.addAll(codec.value().columns());
    return String.join(",", columns) + "\n";
  }

  /** Closes both stores and releases the lock; further calls fail. Closing twice does nothing. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeAll(slots, lockChannel);
    }
  }

  @Override
  public String toString() {
    return "LearnerDataFile[" + learner + " at " + file + (closed ? ", closed]" : "]");
  }

  private void checkOpen() {
    checkState(!closed, "the data file '%s' is closed", file);
  }

  // --- files next to the data file -------------------------------------------------------------

  static Path slotPath(Path file, int slot) {
    return file.resolveSibling(file.getFileName() + (slot == 0 ? ".a" : ".b"));
  }

  static Path pointerOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".current");
  }

  static Path lockOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  static Path snapshotOf(Path file) {
    String name = file.getFileName().toString();
    String stem = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
    return file.resolveSibling(stem + ".csv");
  }

  private static void writePointer(Path file, int slot) throws IOException {
    Path pointer = pointerOf(file);
    Path temporary = FileReplacement.temporary(pointer);
    Files.writeString(temporary, slot == 0 ? "a\n" : "b\n", StandardCharsets.US_ASCII);
    FileReplacement.commit(temporary, pointer);
  }

  private static int readPointer(Path file, Path pointer) throws IOException {
    String content = Files.readString(pointer, StandardCharsets.US_ASCII).trim();
    switch (content) {
      case "a":
        return 0;
      case "b":
        return 1;
      default:
        throw new DataFileException(
            file,
            "the data file '"
                + file
                + "' has a pointer '"
                + pointer.getFileName()
                + "' that names no store: '"
                + content
                + "'"
                + "\n  fix: delete the learner directory '"
                + file.toAbsolutePath().getParent()
                + "' to start this learner afresh");
    }
  }

  // One lock for the whole learner, taken before anything is read, copied or deleted: MapDB's own
  // per-store locks come too late to stop a second worker from replacing a store under the first.
  // FileChannel locks are released by the OS when a process dies, kill -9 included.
  private static FileChannel lock(Path file) {
    Path lockFile = lockOf(file);
    try {
      OwnerOnly.createDirectories(file.toAbsolutePath().getParent());
      FileChannel channel = FileLocks.tryLock(lockFile);
      if (channel != null) {
        return channel;
      }
      throw new DataFileLockedException(
          file,
          "the data file '"
              + file
              + "' is already open, in this "
              + "or another process ('"
              + lockFile.getFileName()
              + "' is locked)\n"
              + "  fix: run one worker per learner, and close a LearnerDataFile before opening it "
              + "again");
    } catch (IOException e) {
      throw new DataFileException(file, "cannot lock the data file '" + file + "': " + e, e);
    }
  }

  private static void closeAll(DataSlot[] slots, FileChannel lockChannel) {
    for (DataSlot slot : slots) {
      if (slot != null) {
        slot.close();
      }
    }
    releaseQuietly(lockChannel);
  }

  private static void releaseQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        FileLocks.release(channel);
      } catch (IOException e) {
        log.warn("cannot close '{}'", channel, e);
      }
    }
  }
}
