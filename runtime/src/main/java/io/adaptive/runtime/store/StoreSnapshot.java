/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mapdb.BTreeMap;
import org.mapdb.CC;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import org.mapdb.volume.ByteArrayVol;
import org.mapdb.volume.SingleByteArrayVol;
import org.mapdb.volume.Volume;

/**
 * The run database as of one commit, in one MapDB file ({@code run.db}): what {@link ChangeLog}
 * segments are compacted into. It is written whole under a temporary name, forced and renamed
 * over the previous one, so the file is always a complete snapshot and never written in place;
 * MapDB's transactions (and their unreplayed log) are not needed.
 *
 * <p>Maps: {@code meta} (format, first uncovered log segment, last commit), {@code learners}
 * (name → {@link LearnerRecord} bytes), {@code history} (name → 40-byte progress reports, oldest
 * first) and {@code journal} (chunk number → encoded {@link LearnerEvent}s, in order). Histories
 * and the journal are stored as blobs, not one entry per report: MapDB writes a few large values
 * far faster than many small ones.
 *
 * @param logSequence the first log segment this snapshot does not hold
 * @param commit the last commit it holds; 0 for a new store
 */
record StoreSnapshot(
    long logSequence,
    long commit,
    Map<String, LearnerRecord> learners,
    Map<String, byte[]> history,
    List<byte[]> journal) {

  static final String FORMAT = "adaptive-run/3";

  private static final String META = "meta";
  private static final String FORMAT_KEY = "format";
  private static final String LOG_SEQUENCE = "logSequence";
  private static final String COMMIT = "commit";
  private static final long MAX_READ_WHOLE = 1L << 30;

  static StoreSnapshot empty() {
    return new StoreSnapshot(0, 0, Map.of(), Map.of(), List.of());
  }

  /**
   * The bytes of content: encoded learner records, histories and journal. The MapDB file is larger
   * (at least 2 MiB, allocated in steps), so the file size would compact a small store too rarely.
   */
  long contentBytes() {
    long bytes = 0;
    for (LearnerRecord record : learners.values()) {
      bytes += record.name().length() + 64L + record.lastError().length();
    }
    for (byte[] reports : history.values()) {
      bytes += reports.length;
    }
    for (byte[] chunk : journal) {
      bytes += chunk.length;
    }
    return bytes;
  }

  static Path temporary(Path file) {
    return file.resolveSibling(file.getFileName() + ".new");
  }

  // Built in memory and written in large pieces: MapDB's file volumes make a system call for every
  // int they read or write (some 200,000 for an empty store, a quarter of a second of CPU). Not
  // transactional: the file is complete once written, and only then renamed into place.
  void write(Path file) throws IOException {
    Path temporary = temporary(file);
    Files.deleteIfExists(temporary);
    Volume volume = new ByteArrayVol(CC.PAGE_SHIFT, 0);
    DB db = DBMaker.volumeDB(volume, false).make();
    try {
      HTreeMap<String, String> meta =
          db.hashMap(META, Serializer.STRING, Serializer.STRING).create();
      HTreeMap<String, byte[]> learnerMap =
          db.hashMap("learners", Serializer.STRING, Serializer.BYTE_ARRAY).create();
      learners.forEach((name, record) -> learnerMap.put(name, record.encode()));
      db.hashMap("history", Serializer.STRING, Serializer.BYTE_ARRAY).create().putAll(history);
      BTreeMap<Long, byte[]> chunks =
          db.treeMap("journal", Serializer.LONG, Serializer.BYTE_ARRAY).create();
      for (int i = 0; i < journal.size(); i++) {
        chunks.put((long) i, journal.get(i));
      }
      meta.put(LOG_SEQUENCE, Long.toString(logSequence));
      meta.put(COMMIT, Long.toString(commit));
      meta.put(FORMAT_KEY, FORMAT);
      db.commit(); // writes the header checksum
      writeVolume(volume, temporary);
    } catch (DBException e) {
      throw new IOException("MapDB cannot write " + temporary + ": " + e, e);
    } finally {
      db.close();
    }
    FileReplacement.commit(temporary, file);
  }

  // In 64 KiB pieces, which never cross one of MapDB's 1 MiB slices. Not Volume.copyTo: it writes
  // 1 KiB at a time and turns an IOException (a full disk) into an IOError.
  private static void writeVolume(Volume volume, Path target) throws IOException {
    byte[] piece = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      long length = volume.length();
      for (long at = 0; at < length; at += piece.length) {
        int size = (int) Math.min(piece.length, length - at);
        volume.getData(at, piece, 0, size);
        out.write(piece, 0, size);
      }
    }
  }

  /**
   * Reads the snapshot in {@code file}.
   *
   * @throws RunStoreException if it is not a run store, has another format or does not decode
   */
  static StoreSnapshot read(Path file) {
    DB db;
    try {
      // Read whole, for the reason given at write, unless it is too large for one array.
      db = Files.size(file) <= MAX_READ_WHOLE
          ? DBMaker.volumeDB(new SingleByteArrayVol(Files.readAllBytes(file)), true).readOnly()
              .make()
          : DBMaker.fileDB(file.toFile()).readOnly().fileLockDisable().make();
    } catch (IOException e) {
      throw unreadable(file, e.toString(), e);
    } catch (DBException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw unreadable(file, e.toString(), e); // a truncated file reads past the array's end
    }
    try {
      if (!db.exists(META)) {
        throw unreadable(file, "it holds no run store metadata", null);
      }
      Map<String, String> meta = db.hashMap(META, Serializer.STRING, Serializer.STRING).open();
      String format = meta.get(FORMAT_KEY);
      if (!FORMAT.equals(format)) {
        throw new RunStoreException(file, "the run store " + StoreLock.directoryOf(file)
            + " has format '" + format + "' in " + file.getFileName() + ", but this adaptive-java"
            + " reads '" + FORMAT + "' only; resume the run with the adaptive-java version that"
            + " wrote it, or use another store directory");
      }
      Map<String, LearnerRecord> learners = new HashMap<>();
      db.hashMap("learners", Serializer.STRING, Serializer.BYTE_ARRAY).open()
          .forEach((name, bytes) -> learners.put(name, decode(file, name, bytes)));
      Map<String, byte[]> history = new HashMap<>(
          db.hashMap("history", Serializer.STRING, Serializer.BYTE_ARRAY).open());
      List<byte[]> journal = new ArrayList<>(
          db.treeMap("journal", Serializer.LONG, Serializer.BYTE_ARRAY).open().values());
      return new StoreSnapshot(Long.parseLong(meta.get(LOG_SEQUENCE)),
          Long.parseLong(meta.get(COMMIT)), learners, history, journal);
    } catch (DBException | NumberFormatException | IndexOutOfBoundsException e) {
      throw unreadable(file, e.toString(), e);
    } finally {
      db.close();
    }
  }

  static LearnerRecord decode(Path file, String name, byte[] bytes) {
    try {
      return LearnerRecord.decode(name, bytes);
    } catch (RuntimeException e) {
      throw unreadable(file, "the record of learner '" + name + "' does not decode: " + e, e);
    }
  }

  private static RunStoreException unreadable(Path file, String why, Exception cause) {
    return new RunStoreException(file, "the run store " + StoreLock.directoryOf(file)
        + " cannot be read: " + file.getFileName() + " is not a run database that this"
        + " adaptive-java reads (" + why + "); restore it from a backup, or use another store"
        + " directory", cause);
  }
}
