/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One learner's data snapshot with its rows sorted by the input columns (learners.md section 2),
 * the cells kept as the worker wrote them: {@code DataSnapshot} holds doubles only, and would turn
 * a seed {@code 7} into {@code 7.0}.
 *
 * @param learner the learner's name
 * @param header the header line
 * @param rows the data lines, sorted
 */
record SortedCsv(String learner, String header, List<String> rows) {

  // Every learner writes its value columns as y, or y0, y1, … for vector values (then perhaps
  // extra columns): the input columns are those before the first of them. The snapshot itself
  // does not say where the point ends.
  private static final Pattern VALUE_COLUMN = Pattern.compile("y[0-9]*");

  /**
   * Reads and sorts a snapshot; null if it does not exist or has no header yet.
   *
   * @throws IllegalArgumentException if a row has the wrong number of cells or an input cell is
   *     not a number; the message names the file and line
   * @throws UncheckedIOException if the file exists but cannot be read
   */
  static SortedCsv read(String learner, Path csv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the data of learner '" + learner + "'", e);
    }
    if (lines.isEmpty() || lines.get(0).isEmpty()) {
      return null;
    }
    String header = lines.get(0);
    String[] columns = header.split(",", -1);
    int inputs = inputColumns(columns);
    List<Row> rows = new ArrayList<>(lines.size() - 1);
    for (int i = 1; i < lines.size(); i++) {
      rows.add(Row.parse(lines.get(i), columns.length, inputs, csv, i + 1));
    }
    rows.sort(Row.ORDER); // stable: equal inputs keep tell order
    return new SortedCsv(learner, header, rows.stream().map(Row::line).toList());
  }

  /** How many leading columns are the point's. */
  static int inputColumns(String[] columns) {
    for (int i = 0; i < columns.length; i++) {
      if (VALUE_COLUMN.matcher(columns[i]).matches()) {
        return Math.max(i, 1);
      }
    }
    return Math.max(1, columns.length - 1);
  }

  /** The whole CSV: header and rows, each line ending in a newline. */
  String text() {
    StringBuilder text = new StringBuilder(header).append('\n');
    rows.forEach(row -> text.append(row).append('\n'));
    return text.toString();
  }

  /** A CSV field: quoted if it holds a comma, quote or line break. */
  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  private record Row(String line, double[] key) {

    static final Comparator<Row> ORDER = (a, b) -> {
      for (int i = 0; i < a.key.length; i++) {
        int c = Double.compare(a.key[i], b.key[i]);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };

    static Row parse(String line, int width, int inputs, Path csv, int lineNumber) {
      String[] cells = line.split(",", -1);
      if (cells.length != width) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "line %d of '%s' has %d cells, but the header names %d columns", lineNumber, csv,
            cells.length, width));
      }
      double[] key = new double[inputs];
      for (int i = 0; i < inputs; i++) {
        try {
          key[i] = Double.parseDouble(cells[i]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "line %d of '%s' has '%s' in column %d, which is not a number", lineNumber, csv,
              cells[i], i + 1), e);
        }
      }
      return new Row(line, key);
    }
  }
}
