/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import io.adaptive.runtime.LearnerState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code status.tsv}: the run manager's view of every learner, published atomically at every
 * progress interval and at the end of a run, so that readers (the command-line tool, other
 * programs) never open the live run database.
 *
 * <p>Format: UTF-8, a header line, then one line per learner in plan order; fields separated by
 * tabs, in the order of {@link #HEADER}. In text fields a backslash, tab, newline and carriage
 * return are written {@code \\}, {@code \t}, {@code \n} and {@code \r}. Doubles are written so that
 * {@code Double.parseDouble} gives them back exactly.
 */
public final class StatusFile {

  /** The header line: the column names. */
  public static final String HEADER = String.join("\t", "learner", "fingerprint", "kind", "goal",
      "state", "job", "backend_job", "failures", "npoints", "loss", "elapsed_nanos",
      "updated_millis", "last_error");

  private StatusFile() {}

  /** Writes {@code records} to {@code file} atomically: a reader sees the old or the new file. */
  public static void write(Path file, Collection<LearnerRecord> records) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (LearnerRecord r : records) {
      text.append(escape(r.name())).append('\t').append(r.fingerprint()).append('\t')
          .append(escape(r.kind())).append('\t').append(escape(r.goal())).append('\t')
          .append(r.state().name()).append('\t').append(escape(r.job())).append('\t')
          .append(escape(r.backendJob())).append('\t').append(r.failures()).append('\t')
          .append(r.npoints()).append('\t').append(r.loss()).append('\t')
          .append(r.elapsedNanos()).append('\t').append(r.updatedMillis()).append('\t')
          .append(escape(r.lastError())).append('\n');
    }
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Reads a status file; empty if it does not exist yet.
   *
   * @throws IOException if it cannot be read or is not a status file of this format
   */
  public static List<LearnerRecord> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(file + " is not a status file of this version (its header differs)");
    }
    List<LearnerRecord> records = new ArrayList<>(lines.size() - 1);
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      if (f.length != 13) {
        throw new IOException(file + " line " + (i + 1) + " has " + f.length + " fields, not 13");
      }
      try {
        records.add(new LearnerRecord(unescape(f[0]), f[1], unescape(f[2]), unescape(f[3]),
            LearnerState.valueOf(f[4]), unescape(f[5]), unescape(f[6]), Integer.parseInt(f[7]),
            Long.parseLong(f[8]), Double.parseDouble(f[9]), Long.parseLong(f[10]),
            unescape(f[12]), Long.parseLong(f[11])));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + " line " + (i + 1) + " is malformed: " + e.getMessage(), e);
      }
    }
    return records;
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(switch (next) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> next;
        });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
