/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every learner kind of the DSL runs to its goal as child JVMs of a real driver program. */
final class LearnerFamilyIT {

  @TempDir Path dir;

  @Test
  void everyLearnerKind_runsInWorkerJvms() throws IOException, InterruptedException {
    Path output = dir.resolve("driver.out");
    Process driver = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), FamilyProgram.class.getName(),
        dir.resolve("store").toString())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    assertThat(driver.waitFor(3, TimeUnit.MINUTES)).as("finished in time").isTrue();
    String text = Files.readString(output, StandardCharsets.UTF_8);

    assertThat(driver.exitValue()).as(text).isZero();
    assertThat(text).contains("9 done, 0 failed of 9 learners");
    List<Path> logs;
    try (var files = Files.list(dir.resolve("store").resolve("logs"))) {
      logs = files.filter(p -> p.toString().endsWith(".log")).toList();
    }
    assertThat(logs).as("one worker JVM per learner").hasSize(9);
  }
}
