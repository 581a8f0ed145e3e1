/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class ChartFilesTest {

  // ---- learnerFile -------------------------------------------------------------------------

  @Test
  void learnerFile_planName_isKeptAsIs() {
    assertThat(ChartFiles.learnerFile("peak[a=0.01,x0=-0.2]"))
        .isEqualTo("peak[a=0.01,x0=-0.2].png");
  }

  @Test
  void learnerFile_unsafeCharacters_replacedAndHashed() {
    String file = ChartFiles.learnerFile("a b/c");

    assertThat(file).matches("a_b_c-[0-9a-f]{8}\\.png");
    assertThat(file)
        .isNotEqualTo(ChartFiles.learnerFile("a_b_c"))
        .isNotEqualTo(ChartFiles.learnerFile("a b c"));
  }

  @Test
  void learnerFile_convergence_doesNotClashWithConvergenceChart() {
    assertThat(ChartFiles.learnerFile("convergence")).matches("convergence-[0-9a-f]{8}\\.png");
  }

  @Test
  void learnerFile_status_doesNotClashWithStatusChart() {
    assertThat(ChartFiles.learnerFile("status")).matches("status-[0-9a-f]{8}\\.png");
  }

  @Test
  void learnerFile_hiddenOrLong_isShortenedAndVisible() {
    assertThat(ChartFiles.learnerFile("..")).matches("_\\.-[0-9a-f]{8}\\.png");
    assertThat(ChartFiles.learnerFile("x".repeat(300))).hasSize(160 + 1 + 8 + 4);
  }
}
