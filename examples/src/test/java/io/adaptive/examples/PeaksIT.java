/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, as a new user runs it: the shaded jar, started with java in an empty
 * working directory, writing runs/peaks/ with MapDB files, logs and PNG charts.
 */
final class PeaksIT {

  private static final Path JAR = Path.of("target", "adaptive-examples.jar").toAbsolutePath();

  @TempDir Path work;

  @Test
  void readmeCommand_runsSixLearnersWritesChartsAndResumes() throws Exception {
    Run first = Run.start(work);
    assertThat(first.awaitExit()).as(first.output()).isZero();
    assertThat(first.output()).contains("6 done, 0 failed of 6 learners")
        .contains("peaks[a=0.01,x0=0.5]").contains("charts in ");

    Path runs = work.resolve("runs/peaks");
    assertThat(runs.resolve("run.db")).exists();
    List<Path> charts = list(runs.resolve("charts"));
    assertThat(charts).extracting(p -> p.getFileName().toString())
        .contains("convergence.png", "status.png", "peaks[a=0.01,x0=0].png",
            "peaks[a=0.1,x0=0.5].png")
        .hasSize(8);
    for (Path png : charts) {
      assertLooksLikeAChart(png);
    }
    int jobs = jobLogs(runs).size();
    assertThat(jobs).isEqualTo(6);

    Run second = Run.start(work);
    assertThat(second.awaitExit()).as(second.output()).isZero();
    assertThat(second.output()).contains("6 of 6 learners already reached their goal")
        .contains("6 done, 0 failed of 6 learners");
    assertThat(jobLogs(runs)).as("no new job").hasSize(jobs);
  }

  @Test
  void readmeCommand_killedMidway_continuesFromTheSavedPoints() throws Exception {
    Run first = Run.start(work);
    Path data = work.resolve("runs/peaks/learners");
    // Learners save every 2 s and need about 7 s: the first save is a learner midway.
    await().atMost(Duration.ofSeconds(90)).until(() -> savedPoints(data) >= 100);
    first.process.descendants().forEach(ProcessHandle::destroyForcibly);
    first.process.destroyForcibly();
    first.process.waitFor(30, TimeUnit.SECONDS);
    long saved = savedPoints(data);

    Run second = Run.start(work);
    assertThat(second.awaitExit()).as(second.output()).isZero();
    assertThat(second.output()).contains("6 done, 0 failed of 6 learners");
    assertThat(resumedPoints()).as("the second run loaded what the first had saved").isGreaterThanOrEqualTo(saved);
  }

  @Test
  void readmeCommand_ctrlCMidway_workersSaveAndTheNextRunContinues() throws Exception {
    Run first = Run.start(work, interruptible());
    Path data = work.resolve("runs/peaks/learners");
    await().atMost(Duration.ofSeconds(90)).until(() -> savedPoints(data) >= 100);
    // Ctrl-C in a terminal sends SIGINT to the whole foreground process group: the driver and
    // every worker it started.
    List<String> kill = new java.util.ArrayList<>(List.of("kill", "-INT",
        Long.toString(first.process.pid())));
    first.process.descendants().forEach(p -> kill.add(Long.toString(p.pid())));
    long beforeCtrlC = savedPoints(data);
    assertThat(new ProcessBuilder(kill).inheritIO().start().waitFor()).isZero();
    assertThat(first.process.waitFor(60, TimeUnit.SECONDS)).as("the driver ends on Ctrl-C")
        .isTrue();
    await().atMost(Duration.ofSeconds(60))
        .until(() -> first.process.descendants().noneMatch(ProcessHandle::isAlive));
    long saved = savedPoints(data);
    assertThat(saved).as("points saved after Ctrl-C").isGreaterThanOrEqualTo(beforeCtrlC);
    assertThat(jobLogs(work.resolve("runs/peaks")).stream().map(PeaksIT::read))
        .as("a worker saves when it gets SIGINT")
        .anyMatch(log -> log.contains("points and stopped: it was asked to stop"));

    Run second = Run.start(work);
    assertThat(second.awaitExit()).as(second.output()).isZero();
    assertThat(second.output()).contains("6 done, 0 failed of 6 learners");
    assertThat(resumedPoints()).as("the second run loaded what the first had saved")
        .isGreaterThanOrEqualTo(saved);
  }

  /**
   * What makes the driver see SIGINT as a program started from a terminal does. A build started in
   * the background by a non-interactive shell (nohup, {@code &}) ignores SIGINT, and so does every
   * process it starts, the driver included: then perl (on every Debian, macOS and most Linux
   * systems) restores the default before it execs the driver.
   */
  private static List<String> interruptible() throws IOException {
    String ignored = Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(line -> line.startsWith("SigIgn:")).findFirst().orElse("SigIgn: 0").substring(7)
        .strip();
    if ((Long.parseUnsignedLong(ignored, 16) & (1L << 1)) == 0) { // bit 1: SIGINT (2)
      return List.of();
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/perl")),
        "SKIPPED: this JVM ignores SIGINT (started in the background) and /usr/bin/perl, which"
            + " would restore it for the driver, is missing; run mvn verify in a foreground shell");
    return List.of("/usr/bin/perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!");
  }

  /** The points the jobs' workers said they resumed from, summed over every job log. */
  private long resumedPoints() throws IOException {
    long resumed = 0;
    for (Path log : jobLogs(work.resolve("runs/peaks"))) {
      java.util.regex.Matcher m = java.util.regex.Pattern
          .compile("resumed from (\\d+) saved points").matcher(read(log));
      while (m.find()) {
        resumed += Long.parseLong(m.group(1));
      }
    }
    return resumed;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long savedPoints(Path learners) throws IOException {
    if (!Files.isDirectory(learners)) {
      return 0;
    }
    long rows = 0;
    for (Path learner : list(learners)) {
      Path csv = learner.resolve("data.csv");
      if (Files.exists(csv)) {
        try (Stream<String> lines = Files.lines(csv)) {
          rows += Math.max(0, lines.count() - 1);
        }
      }
    }
    return rows;
  }

  private static void assertLooksLikeAChart(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as(png.toString()).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1000);
    assertThat(image.getHeight()).isEqualTo(600);
    Set<Integer> colours = new HashSet<>();
    for (int x = 0; x < image.getWidth(); x += 3) {
      for (int y = 0; y < image.getHeight(); y += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours.size()).as("colours in " + png).isGreaterThan(10);
  }

  private static List<Path> jobLogs(Path run) throws IOException {
    return list(run.resolve("logs")).stream().filter(p -> p.toString().endsWith(".log")).toList();
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  private record Run(Process process, Path outputFile) {

    static Run start(Path work) throws IOException {
      return start(work, List.of());
    }

    /** The README's command, after {@code prefix} (a program that execs it). */
    static Run start(Path work, List<String> prefix) throws IOException {
      Path output = Files.createTempFile(work, "run", ".out");
      List<String> command = new java.util.ArrayList<>(prefix);
      command.addAll(List.of(ProcessHandle.current().info().command().orElseThrow(),
          "-cp", JAR.toString(), Peaks.class.getName()));
      Process process = new ProcessBuilder(command)
          .directory(work.toFile()).redirectErrorStream(true).redirectOutput(output.toFile())
          .start();
      return new Run(process, output);
    }

    int awaitExit() throws InterruptedException {
      if (!process.waitFor(4, TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError("the example did not finish in 4 minutes:\n" + output());
      }
      return process.exitValue();
    }

    String output() {
      try {
        return Files.readString(outputFile, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(no output: " + e + ")";
      }
    }
  }
}
