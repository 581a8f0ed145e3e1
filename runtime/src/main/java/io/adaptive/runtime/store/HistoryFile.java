/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import io.adaptive.runtime.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code history.tsv}: every progress report of a run, appended by the run manager as reports
 * arrive, so that readers can follow a live run without the run database.
 *
 * <p>Format: UTF-8 lines {@code <epoch millis>\t<learner>\t<npoints>\t<loss>}, oldest first. The
 * file only grows; a reader ignores a last line without its newline (a write in progress). Learner
 * names never contain tabs or newlines (they are escaped in names).
 */
public final class HistoryFile implements AutoCloseable {

  private final AppendedLines lines;

  /** Opens {@code file} for appending; nothing is written until the first report. */
  public HistoryFile(Path file) {
    this.lines = new AppendedLines(file);
  }

  /** Appends one report; visible to readers after the next {@link #flush()}. */
  public void append(String learner, Progress progress) {
    lines.append(progress.epochMillis() + "\t" + learner + "\t" + progress.npoints() + "\t"
        + progress.loss() + "\t" + progress.cpuNanos() + "\t" + progress.heapBytes());
  }

  /** Hands what was appended to the operating system, so that readers see it. */
  public void flush() {
    lines.flush();
  }

  @Override
  public void close() {
    lines.close();
  }

  /**
   * Reads every complete line of a history file, grouped by learner in order of first appearance;
   * empty if the file does not exist.
   */
  public static Map<String, List<Progress>> read(Path file) throws IOException {
    Map<String, List<Progress>> history = new LinkedHashMap<>();
    for (String line : AppendedLines.read(file)) {
      String[] f = line.split("\t", -1);
      if (f.length != 6) {
        throw new IOException(file + " has a malformed line: '" + line + "'");
      }
      try {
        history.computeIfAbsent(f[1], name -> new ArrayList<>()).add(new Progress(
            Long.parseLong(f[0]), Long.parseLong(f[2]), Double.parseDouble(f[3]),
            Long.parseLong(f[4]), Long.parseLong(f[5])));
      } catch (NumberFormatException e) {
        throw new IOException(file + " has a malformed line: '" + line + "'", e);
      }
    }
    return history;
  }
}
