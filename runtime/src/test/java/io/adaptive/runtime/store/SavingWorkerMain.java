/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.nio.file.Path;

/**
 * The child JVM of {@link LearnerDataFileKillIT}: opens a data file, checks and loads what is
 * there, then saves a growing learner until it is killed. After each completed save it prints the
 * stored size on a line of its own; before the first, it prints {@code opened <size>}.
 *
 * <p>Arguments: data file, learner name, fingerprint, points per save.
 */
public final class SavingWorkerMain {

  private SavingWorkerMain() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int batch = Integer.parseInt(args[3]);
    long start = System.nanoTime();
    try (var data = LearnerDataFile.open(file, args[1], args[2], ListLearner.CODEC)) {
      ListLearner learner = new ListLearner();
      data.loadInto(learner);
      for (int i = 0; i < learner.npoints(); i++) {
        if (!learner.points().get(i).equals(ListLearner.point(i))
            || !learner.values().get(i).equals(ListLearner.value(i))) {
          throw new IllegalStateException("record " + i + " holds the wrong point or value");
        }
      }
      long atOpen = data.elapsedNanos();
      System.out.println("opened " + data.size());
      System.out.flush();
      while (true) {
        learner.tellNext(batch);
        long saved = data.save(learner, atOpen + System.nanoTime() - start);
        System.out.println(saved);
        System.out.flush();
      }
    }
  }
}
