/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import static io.adaptive.backend.local.RunDirectoryFiles.logs;
import static io.adaptive.backend.local.RunDirectoryFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-task jobs on the local process backend: {@link SweepProgram} with {@code tasks(n)} runs as
 * a worker JVM and {@code n - 1} evaluator JVMs per job, which meet through the rendezvous file.
 */
final class MultiTaskIT {

  private static final String LEARNER = "peak[a=0.01]";
  private static final Pattern JOINED = Pattern.compile("evaluator (pid (\\d+)@\\S+) joined the"
      + " worker at \\S+ with (\\d+) threads");
  /**
   * The worker's count of the results an evaluator sent back. (The evaluator's own last line can
   * be cut off: it is stopped with the job once its worker has ended.)
   */
  private static final Pattern EVALUATED = Pattern.compile("evaluator (pid \\d+@\\S+) sent back"
      + " (\\d+) results");
  private static final Pattern LOST = Pattern.compile("evaluator (pid \\d+@\\S+) left with the"
      + " point (\\S+); it is evaluated again");

  @TempDir Path dir;

  @Test
  void twoTasks_theEvaluatorJvmEvaluatesPoints_andTheLearnerReachesItsGoal() throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "4", "1", "1500", "10", "200", "cores=4", "tasks=2");
    assertThat(driver.awaitExit()).as(driver.output()).isZero();
    assertThat(driver.output()).contains("1 done, 0 failed of 1 learners");
    assertThat(rows(store, LEARNER)).isGreaterThanOrEqualTo(1500);

    String log = jobLog(store);
    List<Matcher> joined = all(JOINED, log);
    assertThat(joined).as("one evaluator JVM joined, with cores / tasks threads:\n%s", log)
        .hasSize(1);
    assertThat(joined.get(0).group(3)).isEqualTo("2");
    assertThat(log).contains("learner " + LEARNER + " resumed from 0 saved points (0 s run so"
        + " far), 4 cores in 2 tasks").contains("evaluating with 2 threads here meanwhile");
    List<Matcher> evaluated = all(EVALUATED, log);
    assertThat(evaluated).as(log).hasSize(1);
    assertThat(evaluated.get(0).group(1)).isEqualTo(joined.get(0).group(1));
    assertThat(Long.parseLong(evaluated.get(0).group(2))).as("points the evaluator evaluated")
        .isPositive().isLessThan(rows(store, LEARNER));
    assertThat(store.resolve("jobs")).isDirectoryContaining(p -> p.toString().endsWith(
        ".evaluators"));
    assertThat(Files.readString(onlyRendezvousFile(store)).trim()).isEqualTo("ended");
  }

  @Test
  void killedEvaluator_itsPointsAreEvaluatedAgain_andTheLearnerReachesItsGoal() throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "3", "1", "4000", "5", "200", "cores=3", "tasks=3");
    await().atMost(Duration.ofSeconds(90)).until(
        () -> Files.isDirectory(store.resolve("logs")) && !logs(store).isEmpty()
            && all(JOINED, jobLog(store)).size() == 2 && rows(store, LEARNER) >= 300);
    Matcher victim = all(JOINED, jobLog(store)).get(0);
    ProcessHandle evaluator = ProcessHandle.of(Long.parseLong(victim.group(2))).orElseThrow();
    // Its next point stays in flight until it is killed: the one it works on now ends in 5 ms.
    Files.createFile(store.resolveSibling("hang-" + evaluator.pid()));
    Thread.sleep(500);
    evaluator.destroyForcibly();
    evaluator.onExit().get();

    assertThat(driver.awaitExit()).as(driver.output()).isZero();
    assertThat(driver.output()).contains("1 done, 0 failed of 1 learners");
    assertThat(rows(store, LEARNER)).isGreaterThanOrEqualTo(4000);
    String log = jobLog(store);
    assertThat(log).contains("evaluator " + victim.group(1) + " left (");
    List<Matcher> lost = all(LOST, log);
    assertThat(lost).as("the killed evaluator had points in flight:\n%s", log).isNotEmpty();
    Set<Double> saved = savedXs(store);
    for (Matcher point : lost) {
      assertThat(point.group(1)).isEqualTo(victim.group(1));
      assertThat(saved).as("the point %s, lost with its evaluator, is in the learner's data",
          point.group(2)).contains(Double.parseDouble(point.group(2)));
    }
    List<Matcher> evaluated = all(EVALUATED, log);
    assertThat(evaluated).as("the surviving evaluator reported its points:\n%s", log).hasSize(1);
    assertThat(evaluated.get(0).group(1)).isNotEqualTo(victim.group(1));
    assertThat(Long.parseLong(evaluated.get(0).group(2))).isPositive();
  }

  private static String jobLog(Path store) throws IOException {
    List<Path> logs = logs(store);
    assertThat(logs).as("one job").hasSize(1);
    return Files.readString(logs.get(0));
  }

  private static Path onlyRendezvousFile(Path store) throws IOException {
    try (Stream<Path> files = Files.list(store.resolve("jobs"))) {
      List<Path> found = files.filter(p -> p.toString().endsWith(".evaluators")).toList();
      assertThat(found).hasSize(1);
      return found.get(0);
    }
  }

  private static List<Matcher> all(Pattern pattern, String text) {
    List<Matcher> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(pattern.matcher(text.substring(m.start(), m.end())));
      found.get(found.size() - 1).find();
    }
    return found;
  }

  private static Set<Double> savedXs(Path store) throws IOException {
    List<String> lines = Files.readAllLines(
        store.resolve("learners").resolve(LEARNER).resolve("data.csv"));
    assertThat(lines.get(0)).startsWith("x,");
    Set<Double> xs = new HashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      xs.add(Double.parseDouble(line.substring(0, line.indexOf(','))));
    }
    return xs;
  }
}
