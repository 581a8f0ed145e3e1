/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import io.adaptive.runtime.LearnerState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code journal.tsv}: the run database's journal as readers can follow it during a run, one line
 * per {@link LearnerEvent}, appended by the run manager as events happen.
 *
 * <p>Format: UTF-8 lines {@code <epoch millis>\t<learner>\t<job>\t<from>\t<to>\t<reason>}, oldest
 * first; the reason is escaped like the text fields of {@link StatusFile}. A reader ignores a last
 * line without its newline.
 */
public final class JournalFile implements AutoCloseable {

  private final AppendedLines lines;

  /** Opens {@code file} for appending; nothing is written until the first event. */
  public JournalFile(Path file) {
    this.lines = new AppendedLines(file);
  }

  /** Appends one event; visible to readers after the next {@link #flush()}. */
  public void append(LearnerEvent event) {
    lines.append(event.epochMillis() + "\t" + event.learner() + "\t" + event.job() + "\t"
        + event.from().name() + "\t" + event.to().name() + "\t" + StatusFile.escape(event.reason()));
  }

  /** Hands what was appended to the operating system, so that readers see it. */
  public void flush() {
    lines.flush();
  }

  @Override
  public void close() {
    lines.close();
  }

  /** Every complete event of a journal file, oldest first; empty if it does not exist. */
  public static List<LearnerEvent> read(Path file) throws IOException {
    List<LearnerEvent> events = new ArrayList<>();
    for (String line : AppendedLines.read(file)) {
      String[] f = line.split("\t", -1);
      if (f.length != 6) {
        throw new IOException(file + " has a malformed line: '" + line + "'");
      }
      try {
        events.add(new LearnerEvent(Long.parseLong(f[0]), f[1], f[2], LearnerState.valueOf(f[3]),
            LearnerState.valueOf(f[4]), StatusFile.unescape(f[5])));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + " has a malformed line: '" + line + "'", e);
      }
    }
    return events;
  }
}
