/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Exclusive OS locks on lock files, held by this JVM. The OS releases a lock when its process
 * dies, {@code kill -9} included.
 *
 * <p>Why not just {@code FileChannel.tryLock()}: on Linux these are POSIX record locks, which
 * belong to the process, and closing <em>any</em> descriptor of the file drops them all. A second
 * open in the same JVM that opened the lock file, saw {@link OverlappingFileLockException} and
 * closed its channel would silently release the first holder's lock, and another process could
 * then take it. So this JVM's holders are remembered here, and a file held here is never opened
 * a second time.
 */
final class FileLocks {

  private static final Map<Path, FileChannel> HELD = new HashMap<>();

  private FileLocks() {}

  /**
   * Locks {@code lockFile}, creating it if needed; its directory must exist.
   *
   * @return the channel holding the lock, to pass to {@link #release}; null if this or another
   *     process holds it
   */
  static synchronized FileChannel tryLock(Path lockFile) throws IOException {
    Path key = key(lockFile);
    if (HELD.containsKey(key)) {
      return null;
    }
    FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // Locked in this JVM by code that bypassed this class: closing the channel would release
      // that lock (see above), so the descriptor is left open.
      return null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close(); // another process holds it; this process held nothing to lose
      return null;
    }
    HELD.put(key, channel);
    return channel;
  }

  /** Releases the lock held through {@code channel}; does nothing if it is null or closed. */
  static synchronized void release(FileChannel channel) throws IOException {
    if (channel == null) {
      return;
    }
    HELD.values().remove(channel);
    channel.close();
  }

  // The real directory: two spellings of one file (a symbolic link, "a/../b") are one lock.
  private static Path key(Path lockFile) throws IOException {
    Path absolute = lockFile.toAbsolutePath();
    return absolute.getParent().toRealPath().resolve(absolute.getFileName());
  }
}
