/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run database's write-ahead log: one frame per commit, appended to {@code <file>.log.<n>}
 * and forced to disk before the commit returns. Segments are numbered; {@link RunDatabase} starts
 * a new one when it compacts the older ones into its MapDB snapshot.
 *
 * <pre>
 * segment: "ADRUNLOG" | int format | long segment number        (20 bytes)
 *          frame*
 * frame:   int payload length | int CRC-32C of (commit, payload) | long commit | payload
 * </pre>
 *
 * <p>Commits are numbered 1, 2, 3… across segments, so a lost, repeated or reordered frame is
 * seen on replay. A {@code kill -9} can leave only the last frame of the last segment torn (each
 * commit is forced before the next begins, and a new segment only after the previous one is
 * complete): replay drops it and cuts the file there. Damage anywhere else is refused.
 */
final class ChangeLog implements AutoCloseable {

  static final int FORMAT = 2;
  static final int HEADER_BYTES = 20;
  static final int FRAME_HEADER_BYTES = 16;
  /** Far above any real commit; a larger length can only be garbage. */
  static final int MAX_PAYLOAD_BYTES = 256 << 20;

  private static final byte[] MAGIC = "ADRUNLOG".getBytes(StandardCharsets.US_ASCII);
  private static final Logger log = LoggerFactory.getLogger(ChangeLog.class);

  private final Path file;
  private FileChannel channel;
  private boolean broken;
  private long segment;
  private long size;
  private long lastCommit;

  private ChangeLog(Path file, FileChannel channel, long segment, long size, long lastCommit) {
    this.file = file;
    this.channel = channel;
    this.segment = segment;
    this.size = size;
    this.lastCommit = lastCommit;
  }

  static Path segmentPath(Path file, long segment) {
    return file.resolveSibling(
        file.getFileName() + ".log." + String.format(Locale.ROOT, "%010d", segment));
  }

  /** The segments next to {@code file}, by number. */
  static TreeMap<Long, Path> segments(Path file) throws IOException {
    String prefix = file.getFileName() + ".log.";
    TreeMap<Long, Path> segments = new TreeMap<>();
    try (Stream<Path> siblings = Files.list(file.toAbsolutePath().getParent())) {
      siblings.forEach(path -> {
        String name = path.getFileName().toString();
        if (name.startsWith(prefix) && name.length() > prefix.length()
            && name.substring(prefix.length()).chars().allMatch(c -> c >= '0' && c <= '9')) {
          segments.put(Long.parseLong(name.substring(prefix.length())), path);
        }
      });
    }
    return segments;
  }

  /**
   * Replays the log that follows a snapshot and opens it for appending.
   *
   * @param first the first segment the snapshot does not cover; older ones are deleted
   * @param snapshotCommit the last commit the snapshot holds; replay starts at the next
   * @param apply called with each commit's payload, in order
   */
  static ChangeLog open(Path file, long first, long snapshotCommit, Consumer<ByteBuffer> apply)
      throws IOException {
    TreeMap<Long, Path> segments = segments(file);
    for (Path stale : segments.headMap(first).values()) {
      Files.delete(stale); // compacted before a crash cut the clean-up short
    }
    List<Path> live = new ArrayList<>(segments.tailMap(first).values());
    if (live.isEmpty()) {
      return new ChangeLog(file, create(file, first), first, HEADER_BYTES, snapshotCommit);
    }
    long number = first;
    for (long n : segments.tailMap(first).keySet()) {
      if (n != number) {
        throw damaged(file, "segment " + segmentPath(file, number).getFileName() + " is missing");
      }
      number++;
    }
    long commit = snapshotCommit;
    long end = HEADER_BYTES;
    for (int i = 0; i < live.size(); i++) {
      boolean last = i == live.size() - 1;
      long n = first + i;
      Replay replay = replay(file, live.get(i), n, commit, apply);
      if (replay.torn && !last) {
        throw damaged(file, live.get(i).getFileName() + " is cut short at byte " + replay.end
            + ", though later segments follow");
      }
      commit = replay.commit;
      end = replay.end;
    }
    long n = first + live.size() - 1;
    Path path = live.get(live.size() - 1);
    FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE);
    try {
      long length = channel.size();
      if (end < HEADER_BYTES) {
        channel.truncate(0);
        channel.write(header(n), 0);
        end = HEADER_BYTES;
        channel.force(true);
      } else if (length > end) {
        log.warn("run store {}: dropping {} bytes of an unfinished commit at the end of {}",
            StoreLock.directoryOf(file), length - end, path.getFileName());
        channel.truncate(end);
        channel.force(true);
      }
      channel.position(end);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new ChangeLog(file, channel, n, end, commit);
  }

  private record Replay(long commit, long end, boolean torn) {}

  private static Replay replay(Path file, Path path, long number, long commit,
      Consumer<ByteBuffer> apply) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    if (bytes.length < HEADER_BYTES) {
      return new Replay(commit, 0, true); // created, header not yet written
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    byte[] magic = new byte[MAGIC.length];
    buffer.get(magic);
    int format = buffer.getInt();
    long segment = buffer.getLong();
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw damaged(file, path.getFileName() + " is not a run store log");
    }
    if (format != FORMAT) {
      throw new RunStoreException(file, "the run store " + StoreLock.directoryOf(file)
          + " has a log " + path.getFileName() + " of format version " + format
          + ", but this adaptive-java reads version " + FORMAT + " only; resume the run with the"
          + " adaptive-java version that wrote it, or use another store directory");
    }
    if (segment != number) {
      throw damaged(file, path.getFileName() + " says it is segment " + segment);
    }
    CRC32C crc = new CRC32C();
    while (true) {
      int start = buffer.position();
      if (buffer.remaining() == 0) {
        return new Replay(commit, start, false);
      }
      if (buffer.remaining() < FRAME_HEADER_BYTES) {
        return new Replay(commit, start, true);
      }
      int length = buffer.getInt();
      int checksum = buffer.getInt();
      if (length < 0 || length > MAX_PAYLOAD_BYTES || length > buffer.remaining() - 8) {
        return new Replay(commit, start, true);
      }
      crc.reset();
      crc.update(bytes, start + 8, 8 + length);
      if ((int) crc.getValue() != checksum) {
        return new Replay(commit, start, true);
      }
      long frameCommit = buffer.getLong();
      if (frameCommit != commit + 1) {
        throw damaged(file, path.getFileName() + " holds commit " + frameCommit + " at byte "
            + start + " where commit " + (commit + 1) + " belongs");
      }
      ByteBuffer payload = buffer.slice(buffer.position(), length).asReadOnlyBuffer();
      buffer.position(buffer.position() + length);
      apply.accept(payload);
      commit = frameCommit;
    }
  }

  /**
   * Appends {@code payload} as the next commit and forces it to disk. On failure the log is cut
   * back to where it was, so a retry or the next open sees no partial frame.
   */
  void append(byte[] payload, int length) throws IOException {
    if (broken) {
      throw new IOException("an earlier write failed and could not be undone; reopen the store");
    }
    long commit = lastCommit + 1;
    ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER_BYTES + length);
    frame.putInt(length).putInt(0).putLong(commit).put(payload, 0, length);
    CRC32C crc = new CRC32C();
    crc.update(frame.array(), 8, 8 + length);
    frame.putInt(4, (int) crc.getValue());
    frame.flip();
    try {
      while (frame.hasRemaining()) {
        channel.write(frame);
      }
      // Data only: the size change that fdatasync also writes is what makes the frame readable.
      channel.force(false);
    } catch (IOException | RuntimeException e) {
      try {
        channel.truncate(size);
        channel.position(size);
      } catch (IOException | RuntimeException suppressed) {
        // A partial frame may stay; appending after it would hide every later commit on replay.
        broken = true;
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    size += frame.limit();
    lastCommit = commit;
  }

  /** Closes this segment and continues in a new, empty one; returns the closed one's number. */
  long roll() throws IOException {
    FileChannel next = create(file, segment + 1);
    channel.close();
    channel = next;
    size = HEADER_BYTES;
    return segment++;
  }

  private static FileChannel create(Path file, long segment) throws IOException {
    Path path = segmentPath(file, segment);
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    try {
      channel.write(header(segment));
      channel.force(true);
      FileReplacement.forceDirectory(path.toAbsolutePath().getParent());
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static ByteBuffer header(long segment) {
    return ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(FORMAT).putLong(segment).flip();
  }

  private static RunStoreException damaged(Path file, String what) {
    return new RunStoreException(file, "the run store " + StoreLock.directoryOf(file)
        + " is damaged: " + what + "; restore it from a backup, or use another store directory");
  }

  /** Whether a failed append left the log unusable until it is reopened. */
  boolean broken() {
    return broken;
  }

  /** The segment being appended to. */
  long segment() {
    return segment;
  }

  /** Bytes in the segment being appended to, its header included. */
  long size() {
    return size;
  }

  /** The number of the last commit in the log, or of the snapshot if the log is empty. */
  long lastCommit() {
    return lastCommit;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
