/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's secret: 32 random bytes, in hex, in a file only its owner can read. Whoever can read it
 * may act on the run, so it never appears in logs, job scripts or command lines.
 */
public final class RunSecret {

  /** The number of random bytes; the hex text is twice as long. */
  public static final int BYTES = 32;

  private static final Logger log = LoggerFactory.getLogger(RunSecret.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunSecret() {}

  /**
   * Returns the secret stored in {@code file}, creating it first if it does not exist.
   *
   * <p>A new file is rw------- from the moment it exists, and its missing parent directories (the
   * run directory) are created rwx------. Creation is atomic: two processes racing get the same
   * secret, and nobody ever reads a half-written one. On file systems without POSIX permissions the
   * owner-only flags are set as far as the platform allows. An existing file readable by others is
   * used, with a warning.
   *
   * @param file the secret file, normally {@link RunDirectory#secret()}
   * @return {@value #BYTES} bytes as {@code 2 * BYTES} lowercase hex digits
   * @throws IllegalStateException if an existing file does not hold such a secret
   * @throws UncheckedIOException if the file cannot be read or created
   */
  public static String createOrRead(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create or read the run secret '" + file + "'", e);
    }
  }

  // Written in full to a private temporary file, then hard-linked into place: link(2) fails if the
  // target exists, so the first writer wins and a reader never sees a partial secret. Where hard
  // links are not supported, a create-new rename is the fallback.
  private static void create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    OwnerOnly.createDirectories(parent);
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    Path temporary = OwnerOnly.createTempFile(parent, ".secret-");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(
            ByteBuffer.wrap(
                (HexFormat.of().formatHex(bytes) + "\n").getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
      }
      try {
        Files.createLink(file, temporary);
      } catch (FileAlreadyExistsException e) {
        // another process won the race; read its secret
      } catch (UnsupportedOperationException | IOException e) {
        try {
          Files.move(temporary, file); // fails if the file appeared meanwhile: then read that one
        } catch (FileAlreadyExistsException alreadyThere) {
          // as above
        }
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
    FileReplacement.forceDirectory(parent);
  }

  private static String read(Path file) throws IOException {
    if (OwnerOnly.isPosix(file.toAbsolutePath().getParent())) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OwnerOnly.FILE.containsAll(permissions)) {
        log.warn(
            "the run secret '{}' is readable by others ({}); fix: chmod 600 '{}'",
            file,
            PosixFilePermissions.toString(permissions),
            file);
      }
    }
    String secret = Files.readString(file, StandardCharsets.US_ASCII).trim();
    if (secret.length() != 2 * BYTES || !secret.chars().allMatch(RunSecret::isHexDigit)) {
      throw new IllegalStateException(
          "the run secret '"
              + file
              + "' does not hold "
              + 2 * BYTES
              + " hex digits\n  fix: delete it; the next run creates a new one");
    }
    return secret;
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }
}
