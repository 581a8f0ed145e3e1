/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text file that only grows by whole lines, for readers that follow a live run: the writer
 * appends and flushes; a reader ignores a last line without its newline (a write in progress).
 * Writing problems are logged, never thrown: these files are views, the run database is the truth.
 */
final class AppendedLines implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AppendedLines.class);

  private final Path file;
  private BufferedWriter out;

  AppendedLines(Path file) {
    this.file = file;
  }

  void append(String line) {
    try {
      if (out == null) {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      out.write(line);
      out.write('\n');
    } catch (IOException e) {
      log.warn("appending to {} failed: {}", file, e.toString());
    }
  }

  void flush() {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        log.warn("writing {} failed: {}", file, e.toString());
      }
    }
  }

  @Override
  public void close() {
    flush();
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        log.warn("closing {} failed: {}", file, e.toString());
      }
      out = null;
    }
  }

  /** Every complete line of {@code file}; empty if it does not exist. */
  static List<String> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
  }
}
