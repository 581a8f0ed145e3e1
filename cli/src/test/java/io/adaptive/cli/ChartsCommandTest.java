/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ChartsCommandTest {

  @TempDir Path dir;

  @Test
  void charts_finishedRun_drawsConvergenceStatusAndOnePlotPerLearnerIntoItsChartsDirectory()
      throws Exception {
    Path run = dir.resolve("t");
    Runs.finished(run);
    Path charts = run.resolve("charts");

    Cli.Result result = Cli.run("charts", run.toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.outLines())
        .containsExactly("wrote convergence.png, status.png and 2 learner plots into " + charts);
    assertThat(charts.resolve("convergence.png")).isNotEmptyFile();
    BufferedImage status = ImageIO.read(charts.resolve("status.png").toFile());
    assertThat(status.getWidth()).isEqualTo(1000);
    assertThat(status.getHeight()).isEqualTo(600);
    BufferedImage square = ImageIO.read(charts.resolve(Runs.SQUARE + ".png").toFile());
    assertThat(square.getWidth()).isEqualTo(1000);
    assertThat(square.getHeight()).isEqualTo(600);
    assertThat(charts.resolve(Runs.SINE + ".png")).isNotEmptyFile();
  }

  @Test
  void charts_outAndSize_drawIntoThatDirectoryAtThatSize() throws Exception {
    Path run = dir.resolve("t");
    Runs.finished(run);
    Path out = dir.resolve("elsewhere");

    Cli.Result result = Cli.run("charts", "--store", run.toString(), "--out", out.toString(),
        "--width", "400", "--height", "300");

    assertThat(result.exit()).as(result.toString()).isZero();
    BufferedImage convergence = ImageIO.read(out.resolve("convergence.png").toFile());
    assertThat(convergence.getWidth()).isEqualTo(400);
    assertThat(convergence.getHeight()).isEqualTo(300);
    BufferedImage status = ImageIO.read(out.resolve("status.png").toFile());
    assertThat(status.getWidth()).isEqualTo(400);
    assertThat(status.getHeight()).isEqualTo(300);
  }

  @Test
  void charts_runWithoutJournal_drawsTheOtherCharts() throws Exception {
    Path run = dir.resolve("t");
    Runs.finished(run);
    Files.delete(run.resolve("journal.tsv"));
    Path charts = run.resolve("charts");

    Cli.Result result = Cli.run("charts", run.toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.outLines())
        .containsExactly("wrote convergence.png and 2 learner plots into " + charts);
    assertThat(charts.resolve("status.png")).doesNotExist();
  }

  @Test
  void charts_nonPositiveSize_isAUsageError() {
    Cli.Result result = Cli.run("charts", "--width", "0", dir.toString());

    assertThat(result.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(result.errLines().get(0)).isEqualTo("adaptive charts: --width 0 --height 600: give"
        + " a positive size in pixels, e.g. --width 1000 --height 600");
  }
}
