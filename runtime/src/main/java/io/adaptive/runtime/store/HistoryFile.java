/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import io.adaptive.runtime.Progress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code history.tsv}: every progress report of a run, appended by the run manager as reports
 * arrive, so that readers can follow a live run without the run database.
 *
 * <p>Format: UTF-8 lines {@code <epoch millis>\t<learner>\t<npoints>\t<loss>}, oldest first. The
 * file only grows; a reader ignores a last line without its newline (a write in progress). Learner
 * names never contain tabs or newlines (they are escaped in names).
 */
public final class HistoryFile implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HistoryFile.class);

  private final Path file;
  private BufferedWriter out;

  /** Opens {@code file} for appending; nothing is written until the first report. */
  public HistoryFile(Path file) {
    this.file = file;
  }

  /** Appends one report; durable for readers at the next {@link #flush()}. */
  public void append(String learner, Progress progress) {
    try {
      if (out == null) {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      out.write(progress.epochMillis() + "\t" + learner + "\t" + progress.npoints() + "\t"
          + progress.loss() + "\n");
    } catch (IOException e) {
      log.warn("appending to {} failed: {}", file, e.toString());
    }
  }

  /** Hands what was appended to the operating system, so that readers see it. */
  public void flush() {
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

  /**
   * Reads every complete line of a history file, grouped by learner in order of first appearance;
   * empty if the file does not exist.
   */
  public static Map<String, List<Progress>> read(Path file) throws IOException {
    Map<String, List<Progress>> history = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return history;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n');
    if (end < 0) {
      return history;
    }
    for (String line : text.substring(0, end).split("\n")) {
      String[] f = line.split("\t", -1);
      if (f.length != 4) {
        throw new IOException(file + " has a malformed line: '" + line + "'");
      }
      try {
        history.computeIfAbsent(f[1], name -> new ArrayList<>()).add(new Progress(
            Long.parseLong(f[0]), Long.parseLong(f[2]), Double.parseDouble(f[3])));
      } catch (NumberFormatException e) {
        throw new IOException(file + " has a malformed line: '" + line + "'", e);
      }
    }
    return history;
  }
}
