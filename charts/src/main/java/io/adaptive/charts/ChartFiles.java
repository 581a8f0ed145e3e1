/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The file names charts get inside a charts directory. */
final class ChartFiles {

  private ChartFiles() {}

  private static final int MAX_STEM = 160;

  /**
   * {@code <learner name>.png}, kept readable: characters other than letters, digits and {@code . _
   * - + = , [ ] ( )} become {@code _}; if that changed anything, the name is too long, or it would
   * clash with the convergence or status chart, 8 hex digits of the name's SHA-256 are appended so
   * that distinct learners keep distinct files.
   */
  static String learnerFile(String learner) {
    StringBuilder stem = new StringBuilder(learner.length());
    learner.codePoints().forEach(c -> stem.appendCodePoint(safe(c) ? c : '_'));
    String safe = stem.toString();
    boolean changed =
        !safe.equals(learner)
            || safe.isEmpty()
            || safe.startsWith(".")
            || safe.length() > MAX_STEM
            || (safe + ".png").equals(ChartListener.CONVERGENCE_FILE)
            || (safe + ".png").equals(ChartListener.STATUS_FILE);
    if (!changed) {
      return safe + ".png";
    }
    String shortened = safe.length() > MAX_STEM ? safe.substring(0, MAX_STEM) : safe;
    if (shortened.startsWith(".")) {
      shortened = "_" + shortened.substring(1);
    }
    return shortened + "-" + hash(learner) + ".png";
  }

  private static boolean safe(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || ".-_+=,[]()".indexOf(c) >= 0;
  }

  private static String hash(String learner) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(learner.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has SHA-256", e);
    }
  }
}
