/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every SLURM integration test has: its own directory (the run directory, hence its own run
 * tag, lives in it), its own command wrappers, and a clean-up that cancels the jobs it left.
 */
@RequiresSlurm
abstract class SlurmTestRun {

  static final String FIRST = "peak[a=0.01]";
  /** Poll interval of the tests' drivers (batch-systems.md §2.4: 0.2–1 s on the local cluster). */
  static final String POLL_MILLIS = "500";
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

  @TempDir Path dir;
  Path store;
  CommandWrappers wrappers;

  @BeforeEach
  void wrap() throws IOException {
    store = dir.resolve("store");
    wrappers = CommandWrappers.install(dir.resolve("wrappers"));
  }

  @AfterEach
  void cancelLeftovers() throws Exception {
    SlurmQueue.cancelUnder(dir);
    // The jobs' processes write into the directory that JUnit deletes next.
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> SlurmQueue.aliveUnder(dir).isEmpty());
  }

  SlurmDriver start(String... args) throws IOException {
    return SlurmDriver.start(dir, store, wrappers, args);
  }

  /** Fails with the driver's output and the job logs if {@code driver} did not succeed. */
  String awaitSuccess(SlurmDriver driver) throws InterruptedException {
    int status = driver.awaitExit(RUN_TIMEOUT);
    String output = driver.output();
    if (status != 0) {
      throw new AssertionError("the driver exited with " + status + ":\n" + output
          + "\njob logs:\n" + RunFiles.allLogs(store));
    }
    return output;
  }

  /** A row of the summary table: the learner, done, and its failure count. */
  static String doneWithFailures(String learner, int failures) {
    return java.util.regex.Pattern.quote(learner) + "\\s+done\\s+\\d+\\s+\\S+\\s+" + failures
        + "\\n";
  }
}
