/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link RunDatabaseKillIT}: a stand-in run manager that opens a run database,
 * checks that it holds exactly some batch {@code K} (see {@link #check}), prints {@code opened K},
 * then commits batches {@code K+1, K+2, …} until it is killed, printing each batch's number once
 * its commit returned.
 *
 * <p>Batch {@code b} of size {@code n}: {@code n} learner puts ({@code learner-((b+i) % 50)} with
 * {@code npoints = b}), the marker record {@code batch} ({@code npoints = b}, {@code failures =
 * n}), one progress report of {@code learner-(b % 7)} with {@code npoints = b}, and one journal
 * event with reason {@code batch b}.
 *
 * <p>Arguments: database file, batch size, log bytes before compaction.
 */
public final class CommittingManagerMain {

  static final int LEARNERS = 50;
  static final int HISTORIES = 7;
  static final String MARKER = "batch";

  private CommittingManagerMain() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int size = Integer.parseInt(args[1]);
    long compactBytes = Long.parseLong(args[2]);
    try (RunDatabase database = RunDatabase.open(file, compactBytes)) {
      long batch = check(database);
      System.out.println("opened " + batch);
      System.out.flush();
      while (true) {
        batch++;
        write(database, batch, size);
        database.commit();
        System.out.println(batch);
        System.out.flush();
      }
    }
  }

  static void write(RunDatabase database, long batch, int size) {
    for (int i = 0; i < size; i++) {
      database.put(record(learner((batch + i) % LEARNERS), batch, 0, "put " + i + " of " + size));
    }
    database.put(record(MARKER, batch, size, ""));
    String learner = learner(batch % HISTORIES);
    database.append(learner, new Progress(batch, batch, 1.0 / batch));
    database.journal(new LearnerEvent(batch, learner, "j" + batch, LearnerState.PENDING,
        LearnerState.RUNNING, "batch " + batch));
  }

  static String learner(long index) {
    return "learner-" + index;
  }

  static LearnerRecord record(String name, long batch, int failures, String error) {
    return new LearnerRecord(name, "4be1c0ffee9a07", "learner1D", "lossBelow(0.01)",
        LearnerState.RUNNING, "j" + batch, "backend-" + batch, failures, batch, 1.0 / batch,
        batch * 1_000, error, batch);
  }

  /**
   * Checks that {@code database} holds exactly the batches 1 … K, nothing torn and nothing of a
   * later batch, and returns K (0 for an empty database).
   *
   * @throws IllegalStateException naming the first difference
   */
  static long check(RunDatabase database) {
    long last = database.learner(MARKER).map(LearnerRecord::npoints).orElse(0L);
    int size = database.learner(MARKER).map(LearnerRecord::failures).orElse(0);
    List<String> problems = new ArrayList<>();
    for (LearnerRecord record : database.learners()) {
      if (record.npoints() > last) {
        problems.add(record.name() + " is from batch " + record.npoints() + " > " + last);
      }
      if (!record.equals(record(record.name(), record.npoints(), record.failures(),
          record.lastError()))) {
        problems.add(record.name() + " differs from what batch " + record.npoints() + " wrote");
      }
    }
    for (int i = 0; i < Math.min(size, LEARNERS); i++) {
      String name = learner((last + i) % LEARNERS);
      long found = database.learner(name).map(LearnerRecord::npoints).orElse(-1L);
      if (found != last) {
        problems.add(name + " is from batch " + found + ", not " + last);
      }
    }
    for (int h = 0; h < HISTORIES; h++) {
      List<Progress> expected = new ArrayList<>();
      for (long b = h == 0 ? HISTORIES : h; b <= last; b += HISTORIES) {
        expected.add(new Progress(b, b, 1.0 / b));
      }
      List<Progress> found = database.history(learner(h));
      if (!found.equals(expected)) {
        problems.add("history of " + learner(h) + " has " + found.size() + " reports, "
            + expected.size() + " expected");
      }
    }
    List<LearnerEvent> journal = database.journal();
    if (journal.size() != last) {
      problems.add("the journal has " + journal.size() + " events, " + last + " expected");
    }
    for (int i = 0; i < Math.min(journal.size(), last); i++) {
      long b = i + 1;
      LearnerEvent expected = new LearnerEvent(b, learner(b % HISTORIES), "j" + b,
          LearnerState.PENDING, LearnerState.RUNNING, "batch " + b);
      if (!journal.get(i).equals(expected)) {
        problems.add("journal event " + i + " is " + journal.get(i));
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the run database does not hold batch " + last + ": "
          + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
    }
    return last;
  }
}
