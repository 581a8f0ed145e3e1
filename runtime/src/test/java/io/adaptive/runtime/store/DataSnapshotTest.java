/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DataSnapshotTest {

  @TempDir Path dir;

  // ---- read ---------------------------------------------------------------------------------

  @Test
  void read_missingFile_isEmpty() {
    DataSnapshot snapshot = DataSnapshot.read(dir.resolve("data.csv"));

    assertThat(snapshot.isEmpty()).isTrue();
    assertThat(snapshot.columns()).isEmpty();
    assertThat(snapshot.rows()).isEmpty();
  }

  @Test
  void read_specialValues_parseExactly() throws Exception {
    Path csv = dir.resolve("data.csv");
    Files.writeString(csv, "x,y\n-0.0,NaN\n4.9E-324,Infinity\n0.1,-Infinity\n1,2\n");

    DataSnapshot snapshot = DataSnapshot.read(csv);

    assertThat(snapshot.columns()).containsExactly("x", "y");
    assertThat(snapshot.size()).isEqualTo(4);
    assertThat(Double.doubleToRawLongBits(snapshot.rows().get(0)[0]))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(snapshot.column("y"))
        .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.0);
    assertThat(snapshot.column("x")).containsExactly(-0.0, Double.MIN_VALUE, 0.1, 1.0);
  }

  @Test
  void read_rowWithMissingCell_namesFileAndLine() throws Exception {
    Path csv = dir.resolve("data.csv");
    Files.writeString(csv, "x,y\n1,2\n3\n");

    assertThatThrownBy(() -> DataSnapshot.read(csv))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 3 of '" + csv + "' has 1 cells, but the header names 2 columns");
  }

  // ---- column -------------------------------------------------------------------------------

  @Test
  void column_unknownName_listsTheColumns() throws Exception {
    Path csv = dir.resolve("data.csv");
    Files.writeString(csv, "x,y\n1,2\n");

    assertThatThrownBy(() -> DataSnapshot.read(csv).column("z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no column 'z'; available: [x, y]");
  }
}
