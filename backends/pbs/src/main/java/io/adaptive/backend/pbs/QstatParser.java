/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the text of {@code qstat -f}: blocks separated by blank lines, each opened by
 * {@code Job Id:} at column 0 and followed by indented {@code name = value} attributes.
 *
 * <p>Two layouts are read, told apart by each block's header:
 *
 * <ul>
 *   <li>OpenPBS, PBS Pro and Torque: {@code Job Id: 4211.pbs01} (a space after the colon),
 *       attributes indented by spaces, long values wrapped onto continuation lines that start
 *       with a TAB. The TAB and the line break are removed and nothing is added: the wrap may
 *       split a word.
 *   <li>slurm-wlm-torque's Perl wrapper: {@code Job Id:<TAB>5}, attributes indented by a TAB and
 *       never wrapped.
 * </ul>
 *
 * <p>An attribute line is split at its first {@code " = "} only, since values may contain
 * {@code =} and {@code " = "}. Anything else is reported with its line number and text: a parse
 * that guessed would turn garbage into job states.
 */
final class QstatParser {

  private QstatParser() {}

  /**
   * Every job block of {@code text}, in order; empty for empty output.
   *
   * @throws QstatFormatException if a line fits neither layout; the message quotes it
   */
  static List<QstatJob> parse(String text) {
    List<QstatJob> jobs = new ArrayList<>();
    String id = null;
    boolean tabIndented = false;
    Map<String, String> attributes = new LinkedHashMap<>();
    String last = null;
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        if (id != null) {
          jobs.add(new QstatJob(id, attributes));
          id = null;
          attributes = new LinkedHashMap<>();
          last = null;
        }
        continue;
      }
      if (line.startsWith("Job Id:")) {
        if (id != null) {
          jobs.add(new QstatJob(id, attributes)); // no blank line between blocks: still accepted
          attributes = new LinkedHashMap<>();
          last = null;
        }
        String rest = line.substring("Job Id:".length());
        id = rest.strip();
        if (id.isEmpty() || rest.isEmpty() || !Character.isWhitespace(rest.charAt(0))) {
          throw error(i, line, "a 'Job Id:' header without an id after whitespace");
        }
        tabIndented = rest.charAt(0) == '\t';
        continue;
      }
      if (id == null) {
        throw error(i, line, "text outside a job block (blocks open with 'Job Id: <id>')");
      }
      boolean tab = line.charAt(0) == '\t';
      boolean continuation = tab && !tabIndented;
      if (continuation) {
        if (last == null) {
          throw error(i, line, "a continuation line (it starts with a TAB) before any attribute");
        }
        attributes.put(last, attributes.get(last) + line.substring(1));
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        throw error(i, line, "an attribute line that is not indented");
      }
      String attribute = line.strip();
      int equals = attribute.indexOf(" = ");
      String name;
      String value;
      if (equals > 0) {
        name = attribute.substring(0, equals);
        value = attribute.substring(equals + 3);
      } else if (attribute.endsWith(" =")) {
        name = attribute.substring(0, attribute.length() - 2); // an empty value
        value = "";
      } else {
        throw error(i, line, "an attribute line without ' = '");
      }
      if (name.isBlank() || name.contains(" ")) {
        throw error(i, line, "an attribute name with spaces");
      }
      attributes.put(name, value);
      last = name;
    }
    if (id != null) {
      jobs.add(new QstatJob(id, attributes));
    }
    return jobs;
  }

  /** The blocks of {@code text} whose owner's user part is exactly {@code user}. */
  static List<QstatJob> parseOwnedBy(String text, String user) {
    return parse(text).stream().filter(job -> job.owner().equals(user)).toList();
  }

  private static QstatFormatException error(int index, String line, String what) {
    String shown = line.length() > 120 ? line.substring(0, 120) + "…" : line;
    return new QstatFormatException(String.format(Locale.ROOT,
        "cannot read the output of qstat -f: line %d is %s: '%s'; expected the OpenPBS/Torque"
            + " layout ('Job Id: <id>', then indented 'name = value' lines, TAB continuation"
            + " lines); check that 'qstat' on the PATH is PBS's (which qstat)",
        index + 1, what, shown.replace("\t", "\\t")));
  }
}
