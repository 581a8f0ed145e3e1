/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * One MapDB copy of a learner's data: its metadata, the elapsed run time and the encoded records,
 * keyed by their position in tell order. {@link LearnerDataFile} keeps two and writes only the one
 * that is not current.
 */
final class DataSlot implements AutoCloseable {

  static final String META = "meta";
  static final String RECORDS = "records";
  static final String ELAPSED_NANOS = "elapsedNanos";

  private final Path path;
  private final DB db;
  private final Map<String, String> meta;
  private final BTreeMap<Long, byte[]> records;
  private final Atomic.Long elapsedNanos;

  private DataSlot(Path path, DB db) {
    this.path = path;
    this.db = db;
    this.meta = db.treeMap(META, Serializer.STRING, Serializer.STRING).open();
    this.records = db.treeMap(RECORDS, Serializer.LONG, Serializer.BYTE_ARRAY).open();
    this.elapsedNanos = db.atomicLong(ELAPSED_NANOS).open();
  }

  // No memory-mapped files: a kill -9 loses nothing either way, but mmap can crash the JVM with
  // SIGBUS when the disk fills up and keeps files mapped (and, on Windows, locked) until GC.
  // Each save is a small write dominated by fsync, so mmap would not make it faster.
  // No closeOnJvmShutdown(): closing a transactional store does not commit, so the hook would
  // save nothing, and it would race a save still running in the worker thread.
  static DB make(Path path) {
    return DBMaker.fileDB(path.toFile()).transactionEnable().make();
  }

  /**
   * Opens an existing slot.
   *
   * @param file the learner's data file as the caller named it, for messages
   * @throws DataFileException if the store is not a learner data file or MapDB cannot read it
   */
  static DataSlot open(Path path, Path file) {
    if (!Files.isRegularFile(path)) {
      // MapDB would create an empty store here and hide that the data is gone
      throw new DataFileException(
          file,
          "the data file '"
              + file
              + "' lacks its store '"
              + path.getFileName()
              + "'\n  fix: restore it from a backup, or delete the learner"
              + " directory '"
              + file.toAbsolutePath().getParent()
              + "' to start this learner afresh");
    }
    DB db;
    try {
      db = make(path);
    } catch (DBException.FileLocked e) {
      throw new DataFileLockedException(
          file,
          "the data file '"
              + file
              + "' is open in another process "
              + "(MapDB's lock on '"
              + path.getFileName()
              + "' is held)"
              + "\n  fix: run one worker per learner; wait for the other worker to end",
          e);
    } catch (DBException e) {
      throw unreadable(file, path, e);
    }
    try {
      if (!db.exists(META)) {
        throw unreadable(file, path, null);
      }
      return new DataSlot(path, db);
    } catch (RuntimeException e) {
      db.close();
      throw e instanceof DBException ? unreadable(file, path, e) : e;
    }
  }

  private static DataFileException unreadable(Path file, Path path, Exception cause) {
    return new DataFileException(
        file,
        "the data file '"
            + file
            + "' is not a learner data file "
            + "that adaptive-java can read ('"
            + path.getFileName()
            + "'"
            + (cause == null ? " holds no learner metadata" : ": " + cause.getMessage())
            + ")"
            + "\n  fix: delete the learner directory '"
            + file.toAbsolutePath().getParent()
            + "' to start this learner afresh",
        cause);
  }

  /**
   * Creates a slot holding {@code meta}, no records and no elapsed time. It is built under a
   * temporary name and renamed into place, so {@code path} never holds a half-created store.
   */
  static void create(Path path, Map<String, String> meta) throws IOException {
    Path temporary = path.resolveSibling(path.getFileName() + ".new");
    deleteWithLog(temporary);
    DB db = make(temporary);
    try {
      db.treeMap(META, Serializer.STRING, Serializer.STRING).create().putAll(meta);
      db.treeMap(RECORDS, Serializer.LONG, Serializer.BYTE_ARRAY).create();
      db.atomicLong(ELAPSED_NANOS).create();
      db.commit();
    } finally {
      db.close();
    }
    Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Replaces {@code target} (and its write-ahead log) with a byte copy of the closed {@code
   * source}.
   */
  static void copy(Path source, Path target) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".new");
    deleteWithLog(target);
    deleteWithLog(temporary);
    Files.copy(source, temporary);
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Deletes a store and the write-ahead log files MapDB keeps next to it ({@code <name>.wal.0},
   * {@code .wal.1}, ...). MapDB 3.1 never replays them, so they hold nothing worth keeping.
   */
  static void deleteWithLog(Path store) throws IOException {
    Files.deleteIfExists(store);
    for (int i = 0;
        Files.deleteIfExists(store.resolveSibling(store.getFileName() + ".wal." + i));
        i++) {
      // deleted one more log file
    }
  }

  Path path() {
    return path;
  }

  Map<String, String> meta() {
    return meta;
  }

  /** The number of stored records; they are keyed 0 … size-1. */
  long size() {
    return records.isEmpty() ? 0 : records.lastKey() + 1;
  }

  long elapsedNanos() {
    return elapsedNanos.get();
  }

  /** Calls {@code sink} with each record's position and bytes, in order. */
  void forEachRecord(BiConsumer<Long, byte[]> sink) {
    records.forEach(sink);
  }

  /**
   * Appends {@code encoded} as records {@code size() …} and sets the elapsed time, in one
   * transaction. On failure nothing is kept.
   */
  void append(List<byte[]> encoded, long elapsed) {
    try {
      long next = size();
      for (byte[] record : encoded) {
        records.put(next++, record);
      }
      elapsedNanos.set(elapsed);
      db.commit();
    } catch (RuntimeException | Error e) {
      db.rollback();
      throw e;
    }
  }

  @Override
  public void close() {
    if (!db.isClosed()) {
      db.close();
    }
  }
}
