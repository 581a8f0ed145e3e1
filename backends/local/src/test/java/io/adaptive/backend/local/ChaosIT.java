/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import static io.adaptive.backend.local.RunDirectoryFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.runtime.Progress;
import io.adaptive.runtime.store.HistoryFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaos: while a sweep of 8 learners runs on 2 cores, a random worker JVM is killed with SIGKILL
 * every 1.5 s. Every learner still reaches its goal, no learner ever runs in two JVMs at once,
 * and no kill costs a learner more than one save interval of points.
 */
final class ChaosIT {

  private static final long SAVE_MILLIS = 500;
  /** Each evaluation sleeps 1 ms on 1 core: at most this many points per millisecond. */
  private static final double POINTS_PER_MILLI = 1.0;

  @TempDir Path dir;

  private record Kill(String learner, long atMillis, long savedBefore) {}

  @Test
  void randomKills_everyLearnerFinishes_neverTwiceAtOnce_losingAtMostOneSaveInterval()
      throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "2", "8", "4000", "1", Long.toString(SAVE_MILLIS),
        "maxFailures=50");
    Random random = new Random(2024);
    List<Kill> kills = new ArrayList<>();
    Map<String, Long> overlaps = new ConcurrentHashMap<>();
    long nextKill = System.currentTimeMillis() + 1500;
    while (driver.process().isAlive()) {
      Map<String, Long> running = new HashMap<>();
      for (ProcessHandle worker : driver.workers()) {
        learnerOf(worker).ifPresent(learner -> {
          if (running.put(learner, worker.pid()) != null) {
            overlaps.merge(learner, 1L, Long::sum);
          }
        });
      }
      if (System.currentTimeMillis() >= nextKill && !running.isEmpty()) {
        List<String> learners = new ArrayList<>(running.keySet());
        String victim = learners.get(random.nextInt(learners.size()));
        long saved = rows(store, victim);
        ProcessHandle.of(running.get(victim)).ifPresent(ProcessHandle::destroyForcibly);
        kills.add(new Kill(victim, System.currentTimeMillis(), saved));
        nextKill = System.currentTimeMillis() + 1500;
      }
      Thread.sleep(50);
    }

    assertThat(driver.awaitExit()).as(driver.output()).isZero();
    assertThat(driver.output()).contains("8 done, 0 failed of 8 learners");
    assertThat(kills).as("the chaos really happened").hasSizeGreaterThanOrEqualTo(5);
    assertThat(overlaps).as("learners seen in two worker JVMs at once").isEmpty();

    Map<String, List<Progress>> history = HistoryFile.read(store.resolve("history.tsv"));
    Map<String, List<Long>> resumed = resumedByLearner(store);
    // One save interval of points at the highest possible rate. The last report before a kill
    // is no later than the kill, so "reported" never exceeds what the worker really had.
    long bound = Math.round(SAVE_MILLIS * POINTS_PER_MILLI);
    long worst = 0;
    for (Kill kill : kills) {
      long reported = history.get(kill.learner()).stream()
          .filter(p -> p.epochMillis() <= kill.atMillis())
          .mapToLong(Progress::npoints).max().orElse(0);
      long restart = resumed.get(kill.learner()).stream()
          .filter(n -> n >= kill.savedBefore()).findFirst().orElse(-1L);
      assertThat(restart).as("%s: a later job resumed from at least the %d points saved before"
          + " the kill", kill.learner(), kill.savedBefore()).isGreaterThanOrEqualTo(0);
      assertThat(reported - restart).as("%s: points lost by the kill at %d", kill.learner(),
          kill.atMillis()).isLessThanOrEqualTo(bound);
      worst = Math.max(worst, reported - restart);
    }
    System.out.printf("chaos: %d kills, at most %d points lost by one (bound %d)%n", kills.size(),
        worst, bound);
  }

  private static Optional<String> learnerOf(ProcessHandle worker) {
    try {
      byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(worker.pid()), "environ"));
      for (String variable : new String(environ, StandardCharsets.UTF_8).split("\0")) {
        if (variable.startsWith("ADAPTIVE_LEARNER=")) {
          return Optional.of(variable.substring("ADAPTIVE_LEARNER=".length()));
        }
      }
    } catch (IOException e) {
      // The process ended meanwhile.
    }
    return Optional.empty();
  }

  /** For each learner, the saved points each of its jobs started from, oldest job first. */
  private static Map<String, List<Long>> resumedByLearner(Path store) throws IOException {
    Pattern resumed = Pattern.compile("learner (\\S+) resumed from (\\d+) saved points");
    Map<String, List<Long>> counts = new HashMap<>();
    for (Path log : RunDirectoryFiles.logs(store)) {
      Matcher m = resumed.matcher(Files.readString(log));
      if (m.find()) {
        counts.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Long.parseLong(m.group(2)));
      }
    }
    return counts;
  }
}
