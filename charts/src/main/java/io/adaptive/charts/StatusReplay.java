/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.store.LearnerEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's journal replayed: how many learners were in each state at any time. The count at time t
 * is the state after every event at or before t (a right-continuous step function); before its
 * first event a learner is in that event's {@code from} state (PENDING in a fresh run, whatever the
 * store held after a restart), and a learner with no event at all is PENDING throughout.
 */
final class StatusReplay {

  private static final LearnerState[] STATES = LearnerState.values();

  private final long[] times; // event times, sorted
  private final int[] learner; // per event: the learner's index
  private final byte[] to; // per event: the state after it
  private final byte[] start; // per learner: its state before its first event
  private final int[] initial; // per state: learners in it before the first event
  private final int total;

  private StatusReplay(long[] times, int[] learner, byte[] to, byte[] start, int total) {
    this.times = times;
    this.learner = learner;
    this.to = to;
    this.start = start;
    this.total = total;
    this.initial = new int[STATES.length];
    for (byte state : start) {
      initial[state]++;
    }
  }

  /**
   * Replays {@code events} of a run of {@code learners} learners; if the events name more learners
   * than that, the run has as many as they name.
   */
  static StatusReplay of(List<LearnerEvent> events, int learners) {
    // A journal is appended in time order, but a run manager restarted on a host whose clock is
    // behind appends older times after newer ones; a stable sort keeps equal times in file order.
    List<LearnerEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(LearnerEvent::epochMillis));
    Map<String, Integer> index = new HashMap<>();
    List<LearnerState> first = new ArrayList<>();
    int n = sorted.size();
    long[] times = new long[n];
    int[] learner = new int[n];
    byte[] to = new byte[n];
    for (int i = 0; i < n; i++) {
      LearnerEvent event = sorted.get(i);
      Integer k = index.get(event.learner());
      if (k == null) {
        k = index.size();
        index.put(event.learner(), k);
        first.add(event.from());
      }
      times[i] = event.epochMillis();
      learner[i] = k;
      to[i] = (byte) event.to().ordinal();
    }
    int total = Math.max(learners, index.size());
    // learners without an event are PENDING throughout; they take the indices after the others
    byte[] start = new byte[total];
    Arrays.fill(start, (byte) LearnerState.PENDING.ordinal());
    for (int k = 0; k < first.size(); k++) {
      start[k] = (byte) first.get(k).ordinal();
    }
    return new StatusReplay(times, learner, to, start, total);
  }

  /** How many learners the run has: the most that can be in one state. */
  int total() {
    return total;
  }

  int events() {
    return times.length;
  }

  boolean isEmpty() {
    return times.length == 0;
  }

  /** The first event's time in epoch millis; only if not {@link #isEmpty()}. */
  long start() {
    return times[0];
  }

  /** The last event's time in epoch millis; only if not {@link #isEmpty()}. */
  long end() {
    return times[times.length - 1];
  }

  /** Learners per state (indexed by ordinal) after every event at or before {@code epochMillis}. */
  int[] countsAt(long epochMillis) {
    return sample(new double[] {epochMillis})[0];
  }

  /** Learners per state after the last event. */
  int[] finalCounts() {
    return sample(new double[] {Double.POSITIVE_INFINITY})[0];
  }

  /**
   * Learners per state at each of {@code at} (epoch millis, ascending), in one pass over the
   * events: {@code result[i][state.ordinal()]}.
   */
  int[][] sample(double[] at) {
    int[] counts = initial.clone();
    byte[] current = start.clone();
    int[][] result = new int[at.length][];
    int e = 0;
    for (int i = 0; i < at.length; i++) {
      while (e < times.length && times[e] <= at[i]) {
        int k = learner[e];
        // the state a learner is in, not the event's from: after a sort by time, or in a journal
        // that lost lines, the two can differ, and counts must still add up to the total
        counts[current[k]]--;
        counts[to[e]]++;
        current[k] = to[e];
        e++;
      }
      result[i] = counts.clone();
    }
    return result;
  }
}
