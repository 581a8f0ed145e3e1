/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The one-writer lock of a run store: an OS file lock on {@code <file>.lock}, with who holds it in
 * {@code <file>.owner}. The OS releases the lock when the holder dies, {@code kill -9} included,
 * so a dead manager's store is taken over by simply locking it again; the owner file it left is
 * then overwritten.
 */
final class StoreLock implements AutoCloseable {

  private final FileChannel channel;

  private StoreLock(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * Locks the store of run database {@code file}; its directory must exist.
   *
   * @throws RunStoreLockedException if another process holds it, or this one has it open
   * @throws RunStoreException if the lock file cannot be created
   */
  static StoreLock acquire(Path file) {
    Path lockFile = lockOf(file);
    FileChannel channel = null;
    try {
      channel = FileLocks.tryLock(lockFile);
      if (channel == null) {
        throw locked(file);
      }
      StoreOwner.current().write(ownerOf(file));
      return new StoreLock(channel);
    } catch (IOException e) {
      releaseQuietly(channel);
      throw new RunStoreException(file, "cannot lock the run store " + directoryOf(file)
          + " (" + lockFile.getFileName() + "): " + e, e);
    }
  }

  private static RunStoreLockedException locked(Path file) {
    Optional<StoreOwner> owner = StoreOwner.read(ownerOf(file));
    String who = owner.map(o -> o.describe(ZoneId.systemDefault()))
        .orElse("its owner left no record in " + ownerOf(file).getFileName());
    return new RunStoreLockedException(file, "the run store " + directoryOf(file)
        + " is in use by another run manager (" + who + "); wait for that run to end, stop it,"
        + " or use another store directory", owner.orElse(null));
  }

  static Path directoryOf(Path file) {
    return file.toAbsolutePath().getParent();
  }

  static Path lockOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  static Path ownerOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".owner");
  }

  /** Releases the lock. The owner file stays: the next holder overwrites it. */
  @Override
  public void close() {
    releaseQuietly(channel);
  }

  private static void releaseQuietly(FileChannel channel) {
    try {
      FileLocks.release(channel);
    } catch (IOException e) {
      // closing releases the lock even when it reports an error, and the process's end would too
    }
  }
}
