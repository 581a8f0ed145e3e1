/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A learner's data as published in its CSV snapshot ({@code data.csv}): column names and one row of
 * doubles per point, in tell order. This is how charts and the CLI read a learner's data; they
 * never open its live MapDB file. A text cell (in double quotes, such as a data saver's extra
 * data) reads as NaN.
 *
 * <p>The snapshot is replaced atomically after every save, so a reader sees one whole save. It may
 * lag the data file by one save after a crash.
 */
public final class DataSnapshot {

  private static final DataSnapshot EMPTY = new DataSnapshot(List.of(), List.of());

  private final List<String> columns;
  private final List<double[]> rows;

  private DataSnapshot(List<String> columns, List<double[]> rows) {
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * Reads a snapshot. A missing file reads as an empty snapshot: the learner has not saved yet.
   *
   * @param csv the snapshot, normally {@link RunDirectory#snapshot(String)}
   * @throws IllegalArgumentException if a row has the wrong number of cells or a cell is not a
   *     number; the message names the file and line
   * @throws UncheckedIOException if the file exists but cannot be read
   */
  public static DataSnapshot read(Path csv) {
    Objects.requireNonNull(csv, "csv");
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null || header.isEmpty()) {
        return EMPTY;
      }
      List<String> columns = List.of(header.split(",", -1));
      List<double[]> rows = new ArrayList<>();
      int lineNumber = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        rows.add(parse(csv, lineNumber, line, columns.size()));
      }
      return new DataSnapshot(columns, List.copyOf(rows));
    } catch (NoSuchFileException e) {
      return EMPTY;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the snapshot '" + csv + "'", e);
    }
  }

  private static double[] parse(Path csv, int lineNumber, String line, int width) {
    String[] cells = line.split(",", -1);
    if (cells.length != width) {
      throw new IllegalArgumentException(
          "line "
              + lineNumber
              + " of '"
              + csv
              + "' has "
              + cells.length
              + " cells, but the header names "
              + width
              + " columns");
    }
    double[] row = new double[width];
    for (int i = 0; i < width; i++) {
      if (cells[i].startsWith("\"")) {
        row[i] = Double.NaN; // a text cell, such as a data saver's extra data: not a number
        continue;
      }
      try {
        row[i] = Double.parseDouble(cells[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "line "
                + lineNumber
                + " of '"
                + csv
                + "' has '"
                + cells[i]
                + "' in column "
                + (i + 1)
                + ", which is not a number",
            e);
      }
    }
    return row;
  }

  /** The column names: the point's columns, then the value's; empty if there is no snapshot. */
  public List<String> columns() {
    return columns;
  }

  /**
   * One array per point, in tell order, each with one double per {@link #columns() column}. The
   * arrays are shared: do not modify them.
   */
  public List<double[]> rows() {
    return rows;
  }

  /** The number of points. */
  public int size() {
    return rows.size();
  }

  /** Whether there are no points, for example because the learner has not saved yet. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /**
   * One column as an array, in tell order: what a chart plots.
   *
   * @throws IllegalArgumentException if there is no such column; the message lists the columns
   */
  public double[] column(String name) {
    int index = columns.indexOf(Objects.requireNonNull(name, "name"));
    if (index < 0) {
      throw new IllegalArgumentException("no column '" + name + "'; available: " + columns);
    }
    double[] column = new double[rows.size()];
    for (int i = 0; i < column.length; i++) {
      column[i] = rows.get(i)[index];
    }
    return column;
  }

  @Override
  public String toString() {
    return "DataSnapshot"
        + columns
        + " with "
        + rows.size()
        + " rows"
        + (rows.isEmpty() ? "" : ", last " + Arrays.toString(rows.get(rows.size() - 1)));
  }
}
