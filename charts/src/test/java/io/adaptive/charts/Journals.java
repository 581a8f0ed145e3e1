/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import static io.adaptive.runtime.LearnerState.CANCELLED;
import static io.adaptive.runtime.LearnerState.DONE;
import static io.adaptive.runtime.LearnerState.FAILED;
import static io.adaptive.runtime.LearnerState.PENDING;
import static io.adaptive.runtime.LearnerState.RUNNING;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.store.JournalFile;
import io.adaptive.runtime.store.LearnerEvent;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/** Hand-made and simulated run journals. */
final class Journals {

  private Journals() {}

  static final long T0 = Runs.TIME.toEpochMilli();

  static LearnerEvent event(long secondsAfterT0, String learner, LearnerState from, LearnerState to) {
    return new LearnerEvent(T0 + 1000 * secondsAfterT0, learner, "j1", from, to, "test");
  }

  /** Writes {@code events} as the run manager does, appending to {@code file}. */
  static Path write(Path file, List<LearnerEvent> events) {
    JournalFile journal = new JournalFile(file);
    try {
      events.forEach(journal::append);
      journal.flush();
    } finally {
      journal.close();
    }
    return file;
  }

  /**
   * A seeded simulation of a batch run: {@code learners} learners share {@code slots} job slots;
   * a job runs for 1 to 10 minutes and ends at its walltime (the learner waits for another job),
   * at its goal, or failing (two failures and the learner is FAILED); a few learners are
   * cancelled while waiting. Roughly 10 events per learner.
   */
  static List<LearnerEvent> simulated(int learners, int slots, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<LearnerEvent> events = new ArrayList<>();
    Deque<Integer> queue = new ArrayDeque<>();
    for (int i = 0; i < learners; i++) {
      queue.add(i);
    }
    int[] failures = new int[learners];
    record End(long time, int learner, String job) {}
    PriorityQueue<End> running = new PriorityQueue<>(Comparator.comparingLong(End::time));
    long now = T0;
    int jobs = 0;
    while (!queue.isEmpty() || !running.isEmpty()) {
      while (running.size() < slots && !queue.isEmpty()) {
        int k = queue.poll();
        String name = name(k);
        if (random.nextInt(2_000) == 0) {
          events.add(new LearnerEvent(now, name, "", PENDING, CANCELLED, "cancelled by the user"));
          continue;
        }
        String job = "j" + ++jobs;
        events.add(new LearnerEvent(now, name, job, PENDING, RUNNING, "submitted as " + jobs));
        running.add(new End(now + 60_000 + random.nextLong(540_000), k, job));
      }
      End end = running.poll();
      now = end.time();
      String name = name(end.learner());
      double outcome = random.nextDouble();
      if (outcome < 0.20) {
        events.add(new LearnerEvent(now, name, end.job(), RUNNING, DONE, "reached its goal"));
      } else if (outcome < 0.30 && ++failures[end.learner()] >= 2) {
        events.add(new LearnerEvent(now, name, end.job(), RUNNING, FAILED, "boom"));
      } else if (outcome < 0.30) {
        events.add(new LearnerEvent(now, name, end.job(), RUNNING, PENDING, "job failed"));
        queue.add(end.learner());
      } else {
        events.add(new LearnerEvent(now, name, end.job(), RUNNING, PENDING, "walltime reached"));
        queue.add(end.learner());
      }
    }
    return events;
  }

  static String name(int learner) {
    return String.format(Locale.ROOT, "sweep[i=%d]", learner);
  }
}
