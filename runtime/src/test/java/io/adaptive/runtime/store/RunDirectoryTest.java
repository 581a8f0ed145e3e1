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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RunDirectoryTest {

  @TempDir Path dir;

  @Test
  void layout_underRoot_isAsDocumented() {
    Path root = Path.of("runs", "resonance");
    RunDirectory run = new RunDirectory(root);
    String learner = "peak[a=0.01,x0=0.2]";

    assertThat(run.root()).isEqualTo(root);
    assertThat(run.learnerDirectory(learner)).isEqualTo(root.resolve("learners/" + learner));
    assertThat(run.dataFile(learner)).isEqualTo(root.resolve("learners/" + learner + "/data.db"));
    assertThat(run.snapshot(learner)).isEqualTo(root.resolve("learners/" + learner + "/data.csv"));
    assertThat(run.logs()).isEqualTo(root.resolve("logs"));
    assertThat(run.charts()).isEqualTo(root.resolve("charts"));
    assertThat(run.runDatabase()).isEqualTo(root.resolve("run.db"));
    assertThat(run.secret()).isEqualTo(root.resolve("secret"));
    assertThat(run).isEqualTo(new RunDirectory(Path.of("runs/resonance")));
  }

  @Test
  void layout_isOnlyComputed_nothingIsCreated() {
    RunDirectory run = new RunDirectory(dir.resolve("run"));

    run.dataFile("a");
    run.secret();

    assertThat(dir.resolve("run")).doesNotExist();
    assertThat(Files.exists(run.learnerDirectory("a"))).isFalse();
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", ".", "..", "a/b", "a\\b", "a\0b"})
  void learnerDirectory_nameThatIsNotOneDirectory_isRefused(String name) {
    RunDirectory run = new RunDirectory(dir);

    assertThatThrownBy(() -> run.learnerDirectory(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "learner name '"
                + name
                + "' does not name one directory; names must not be"
                + " empty, '.' or '..', nor hold '/', '\\' or NUL");
  }
}
