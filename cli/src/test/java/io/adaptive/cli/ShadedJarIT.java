/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded {@code target/adaptive-cli.jar} as {@code bin/adaptive} runs it: a JVM of its own. */
final class ShadedJarIT {

  private static final Path JAR = Path.of("target", "adaptive-cli.jar");

  @TempDir Path dir;

  @Test
  void jar_statusAndChartsOfAFinishedRun_workOnItsOwnClassPath() throws Exception {
    Path run = dir.resolve("t");
    Runs.finished(run);

    Result status = java("", "status", run.toString());
    Result charts = java("", "charts", run.toString());

    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(status.out()).contains("t in " + run + ": 2 learners: 2 done");
    assertThat(charts.exit()).as(charts.err()).isZero();
    assertThat(charts.out())
        .isEqualTo("wrote convergence.png, status.png and 2 learner plots into "
            + run.resolve("charts") + "\n");
    assertThat(charts.err()).as("no logging noise").isEmpty();
  }

  @Test
  void jar_serve_answersThroughPipes_andProblemsExitWithTheirCodes() throws Exception {
    Result served = java("ask 2\ntell -1.0 0.5\nnpoints\nquit\n", "serve", "learner1d",
        "--bounds=-1,1");
    Result notARun = java("", "status", dir.toString());
    Result usage = java("", "serve", "learner9d");

    assertThat(served.exit()).as(served.err()).isZero();
    assertThat(served.out()).isEqualTo("2\n-1.0\n1.0\nok\n1\n");
    assertThat(notARun.exit()).isEqualTo(AdaptiveCli.PROBLEM);
    assertThat(notARun.err()).startsWith("adaptive status: '" + dir + "' is not a run directory");
    assertThat(usage.exit()).isEqualTo(AdaptiveCli.USAGE);
  }

  private record Result(int exit, String out, String err) {}

  private static Result java(String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
