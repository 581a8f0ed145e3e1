/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/** Reads what a job wrote to its log since the last look, and finds the first line to kill on. */
final class KillPatterns {

  /** At most this much new output is read per job and poll. */
  private static final int MAX_READ = 1 << 20;

  /** The default: kill on nothing, and read no log for it. */
  static final Predicate<String> NONE = line -> false;

  private KillPatterns() {}

  /**
   * The first complete line after {@code offset} that {@code killOn} accepts, or null; reports
   * the offset after the last complete line read to {@code advance}.
   */
  static String firstMatch(Path log, long offset, Predicate<String> killOn, LongConsumer advance) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      if (length <= offset) {
        return null;
      }
      byte[] bytes = new byte[(int) Math.min(MAX_READ, length - offset)];
      file.seek(offset);
      file.readFully(bytes);
      int start = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
          start = i + 1;
          if (killOn.test(line)) {
            advance.accept(offset + start);
            return line;
          }
        }
      }
      // A line longer than what was read at once is judged in pieces rather than never.
      advance.accept(offset + (start == 0 && bytes.length == MAX_READ ? bytes.length : start));
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
