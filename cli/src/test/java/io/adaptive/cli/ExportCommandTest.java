/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import static io.adaptive.cli.Runs.UPDATED;
import static io.adaptive.cli.Runs.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ExportCommandTest {

  @TempDir Path dir;

  @Test
  void export_learnerOfARealRun_allItsRowsSortedByX() {
    Path run = dir.resolve("t");
    Runs.finished(run);
    double[] told = RunState.read(run).data(Runs.SQUARE).column("x");

    Cli.Result result = Cli.run("export", run.toString(), Runs.SQUARE);

    assertThat(result.exit()).as(result.toString()).isZero();
    List<String> lines = result.outLines();
    assertThat(lines.get(0)).isEqualTo("x,y");
    double[] exported = lines.subList(1, lines.size()).stream()
        .mapToDouble(line -> Double.parseDouble(line.split(",")[0])).toArray();
    double[] sorted = told.clone();
    Arrays.sort(sorted);
    assertThat(told).as("told out of order, or the sort is not tested").isNotEqualTo(sorted);
    assertThat(exported).containsExactly(sorted);
    for (String line : lines.subList(1, lines.size())) {
      double x = Double.parseDouble(line.split(",")[0]);
      assertThat(Double.parseDouble(line.split(",")[1])).isEqualTo(x * x);
    }
  }

  @Test
  void export_severalInputColumns_sortedByEachInTurn_cellsAsWritten() {
    Runs.publish(dir, record("avg", LearnerState.DONE, "", 4, 0.5, 0, UPDATED));
    Runs.data(dir, "avg", "seed,x,y\n1,0.5,3.0\n0,0.5,1.0E-5\n1,-0.5,2.0\n0,-0.5,NaN\n");

    Cli.Result result = Cli.run("export", dir.toString(), "avg");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out())
        .isEqualTo("seed,x,y\n0,-0.5,NaN\n0,0.5,1.0E-5\n1,-0.5,2.0\n1,0.5,3.0\n");
  }

  @Test
  void export_everyLearnerToStandardOutput_oneCsvWithALearnerColumn() {
    Runs.publish(dir, record("t[a=1,b=2]", LearnerState.DONE, "", 2, 0.5, 0, UPDATED),
        record("t[a=2,b=2]", LearnerState.DONE, "", 1, 0.5, 0, UPDATED),
        record("new", LearnerState.PENDING, "", 0, Double.POSITIVE_INFINITY, 0, 0));
    Runs.data(dir, "t[a=1,b=2]", "x,y\n1.0,1.0\n-1.0,2.0\n");
    Runs.data(dir, "t[a=2,b=2]", "x,y\n0.0,3.0\n");

    Cli.Result result = Cli.run("export", dir.toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("learner,x,y\n\"t[a=1,b=2]\",-1.0,2.0\n"
        + "\"t[a=1,b=2]\",1.0,1.0\n\"t[a=2,b=2]\",0.0,3.0\n");
    assertThat(result.errLines()).containsExactly("export: learner 'new' has no data yet; skipped");
  }

  @Test
  void export_learnersWithDifferentColumnsToStandardOutput_exitsOneSuggestingOut() {
    Runs.publish(dir, record("a", LearnerState.DONE, "", 1, 0.5, 0, UPDATED),
        record("b", LearnerState.DONE, "", 1, 0.5, 0, UPDATED));
    Runs.data(dir, "a", "x,y\n0.0,1.0\n");
    Runs.data(dir, "b", "seed,y\n0,1.0\n");

    Cli.Result result = Cli.run("export", dir.toString(), "a", "b");

    assertThat(result.exit()).isEqualTo(AdaptiveCli.PROBLEM);
    assertThat(result.errLines()).containsExactly("adaptive export: learners 'a' and 'b' have"
        + " different columns (x,y and seed,y), so they do not fit in one CSV; export them one at"
        + " a time, or into files with --out DIR");
  }

  @Test
  void export_out_oneFilePerLearner() throws Exception {
    Runs.publish(dir, record("a", LearnerState.DONE, "", 2, 0.5, 0, UPDATED),
        record("b", LearnerState.DONE, "", 1, 0.5, 0, UPDATED));
    Runs.data(dir, "a", "x,y\n0.5,1.0\n0.25,2.0\n");
    Runs.data(dir, "b", "seed,y\n3,1.0\n");
    Path out = dir.resolve("export");

    Cli.Result result = Cli.run("export", "--out", out.toString(), dir.toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.outLines()).containsExactly("exported 2 learners (3 rows) into " + out);
    assertThat(Files.readString(out.resolve("a.csv"))).isEqualTo("x,y\n0.25,2.0\n0.5,1.0\n");
    assertThat(Files.readString(out.resolve("b.csv"))).isEqualTo("seed,y\n3,1.0\n");
    try (var files = Files.list(out)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void export_malformedSnapshot_exitsOneNamingFileAndLine() {
    Runs.publish(dir, record("a", LearnerState.DONE, "", 2, 0.5, 0, UPDATED));
    Runs.data(dir, "a", "x,y\n0.5,1.0\n0.25\n");

    Cli.Result result = Cli.run("export", dir.toString(), "a");

    assertThat(result.exit()).isEqualTo(AdaptiveCli.PROBLEM);
    assertThat(result.errLines()).containsExactly("adaptive export: line 3 of '"
        + dir.resolve("learners/a/data.csv") + "' has 1 cells, but the header names 2 columns");
  }

  @Test
  void inputColumns_areThoseBeforeTheFirstValueColumn() {
    assertThat(SortedCsv.inputColumns("x,y".split(","))).isEqualTo(1);
    assertThat(SortedCsv.inputColumns("seed,x,y".split(","))).isEqualTo(2);
    assertThat(SortedCsv.inputColumns("x,y0,y1".split(","))).isEqualTo(1);
    assertThat(SortedCsv.inputColumns("learner_index,x,y,extra_data".split(","))).isEqualTo(2);
    assertThat(SortedCsv.inputColumns("i,x0,x1,y".split(","))).isEqualTo(3);
    assertThat(SortedCsv.inputColumns("a,b".split(","))).as("no y column").isEqualTo(1);
  }
}
