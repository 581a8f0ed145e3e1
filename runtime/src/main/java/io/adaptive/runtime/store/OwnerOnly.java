/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Creates directories and files that only their owner may read: rwx------ and rw-------. */
final class OwnerOnly {

  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /**
   * Creates {@code dir} and any missing parents; each directory created here is rwx------. Existing
   * directories keep their permissions: a user may have shared them on purpose.
   */
  static void createDirectories(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return;
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      if (isPosix(parent)) {
        Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
        // the attribute is filtered through the umask; setting it again is not
        Files.setPosixFilePermissions(absolute, DIRECTORY);
      } else {
        Files.createDirectory(absolute);
        restrictWithoutPosix(absolute);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(absolute)) {
        throw e;
      }
      // another process created it at the same moment: fine
    }
  }

  /**
   * Creates a new, empty file with a unique name in {@code dir} that is rw------- from the first
   * moment, so what is written to it is never readable by others, not even briefly.
   */
  static Path createTempFile(Path dir, String prefix) throws IOException {
    if (isPosix(dir)) {
      FileAttribute<Set<PosixFilePermission>> attribute =
          PosixFilePermissions.asFileAttribute(FILE);
      Path file = Files.createTempFile(dir, prefix, ".tmp", attribute);
      Files.setPosixFilePermissions(file, FILE);
      return file;
    }
    Path file = Files.createTempFile(dir, prefix, ".tmp");
    restrictWithoutPosix(file);
    return file;
  }

  /** Whether the file system holding {@code dir} has POSIX permissions; false if unknown. */
  static boolean isPosix(Path dir) {
    try {
      return dir != null && Files.getFileStore(dir).supportsFileAttributeView("posix");
    } catch (IOException e) {
      return false;
    }
  }

  // On Windows and other non-POSIX file systems java.io.File's owner flags are the best we have;
  // failing to set them is not worth failing the run for.
  private static void restrictWithoutPosix(Path path) {
    var file = path.toFile();
    file.setReadable(false, false);
    file.setReadable(true, true);
    file.setWritable(false, false);
    file.setWritable(true, true);
    if (file.isDirectory()) {
      file.setExecutable(false, false);
      file.setExecutable(true, true);
    }
  }
}
