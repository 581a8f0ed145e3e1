/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file in one step: a reader sees the old content or the new, never a mix, and a crash
 * leaves one of the two plus at most a stray temporary file that the next replacement overwrites.
 */
final class FileReplacement {

  private FileReplacement() {}

  /** The temporary sibling that {@link #commit} moves over {@code target}. */
  static Path temporary(Path target) {
    return target.resolveSibling(target.getFileName() + ".tmp");
  }

  /**
   * Forces {@code temporary} to disk and renames it over {@code target}. The rename is atomic
   * (POSIX rename(2)); on file systems without atomic moves it falls back to a plain replace.
   */
  static void commit(Path temporary, Path target) throws IOException {
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
    forceDirectory(target.toAbsolutePath().getParent());
  }

  // Makes the rename itself durable across a power cut. Linux allows fsync on a directory opened
  // for reading; other systems may refuse, and a process kill does not need it.
  static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // best effort, see above
    }
  }
}
