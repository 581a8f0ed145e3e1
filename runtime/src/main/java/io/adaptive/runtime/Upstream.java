/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.runtime.launch.Role;
import io.adaptive.runtime.store.DataSnapshot;
import io.adaptive.runtime.store.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a learner's function reads of the learners it runs after: their data, from the current
 * run's directory, while the function evaluates a point in a worker.
 *
 * <pre>{@code
 * Experiment refine = experiment("refine").sweep(DAMPING)
 *     .learn(point -> learner1D(interval(0.0, 3.0), w -> {
 *       DataSnapshot coarse = Upstream.data(point.after().get(0));   // e.g. scan[damping=0.05]
 *       return response(w) - interpolate(coarse.column("x"), coarse.column("y"), w);
 *     }))
 *     .until(points(200))
 *     .after(scan, sameAxisValues());
 * }</pre>
 *
 * <p><b>When to call it:</b> inside the function, while it evaluates a point; never in
 * {@code main()} or in the learn function, which run before the upstream learners are done (and
 * which must build the same plan in every JVM). The run manager starts a learner only once every
 * learner it runs {@linkplain io.adaptive.dsl.Experiment#after(io.adaptive.dsl.Experiment...)
 * after} is done, so their data is final by then.
 *
 * <p><b>Which run:</b> the worker tells the threads that evaluate points which run directory and
 * learner they work for; that works in child processes, batch jobs and in-process runs alike.
 * Threads the function starts itself are not told. In a worker process they fall back to the
 * run directory in the environment ({@link Role#STORE}), without the check below; in an in-process
 * run they cannot call this method: read the data first, then hand it to them.
 *
 * <p><b>Which learners:</b> in the evaluating threads, only the learners this learner waits for,
 * directly or through others ({@link ExecutionPlan#upstreamOf(String)}): any other learner may
 * still be running, so its data could change under the function.
 *
 * <p><b>Cost:</b> each learner's CSV snapshot is parsed once and kept (softly, so the memory can
 * be reclaimed); a later call only checks that the file is unchanged, a few microseconds. The
 * returned snapshot is shared: do not modify its rows.
 */
public final class Upstream {

  private static final ThreadLocal<Binding> BOUND = new ThreadLocal<>();
  private static final Cache<Path, Parsed> PARSED = CacheBuilder.newBuilder().softValues().build();
  private static final int SHOWN = 5;

  /** Who is evaluating in this thread; {@code readable} is null when unknown (no check). */
  private record Binding(Path runDirectory, String learner, Set<String> readable) {}

  /** A parsed snapshot and the file's identity when it was read. */
  private record Parsed(Stamp stamp, DataSnapshot snapshot) {}

  /** Replacing the snapshot (it is renamed into place) changes the file key or the time. */
  private record Stamp(Object fileKey, FileTime modified, long size) {}

  private Upstream() {}

  /**
   * The data of {@code learner} in the current run, as its last save published it
   * ({@code <run>/learners/<learner>/data.csv}): column names, then one row per point in tell
   * order. For a learner that is done, that is all of its data.
   *
   * @param learner the learner's name in the plan, e.g. {@code scan[damping=0.05]}; the learn
   *     function finds the names its learner waits for in {@code point.after()}
   * @return the snapshot; shared and cached, so do not modify its rows
   * @throws UpstreamDataException if that learner has no data in the run directory (it has not
   *     saved yet, or the run has no such learner); the message names both
   * @throws IllegalArgumentException if the evaluating learner does not wait for {@code learner},
   *     or the name cannot be a learner's
   * @throws IllegalStateException if called outside a worker's evaluation, e.g. in {@code main()}
   * @throws UncheckedIOException if the snapshot exists but cannot be read
   * @throws NullPointerException if {@code learner} is null
   */
  public static DataSnapshot data(String learner) {
    Objects.requireNonNull(learner, "learner");
    Binding binding = binding(learner);
    if (binding.readable() != null && !binding.readable().contains(learner)) {
      throw new IllegalArgumentException("learner '" + binding.learner() + "' does not run after '"
          + learner + "', so that learner may still be running and its data may change; "
          + readable(binding) + "; to read it, wait for its stage with after(..)");
    }
    return read(binding.runDirectory(), learner);
  }

  /**
   * Wraps {@code task} so that the thread running it evaluates points for {@code learner} of
   * {@code plan} in the run directory {@code runDirectory}; for the worker, which wraps each
   * thread of its evaluation pool in this, once.
   *
   * @param runDirectory the run directory, as the worker got it
   * @param plan the plan the worker runs
   * @param learner the learner whose points the thread evaluates
   * @param task what the thread runs
   * @return the wrapped task; while it runs, {@link #data(String)} works in its thread
   * @throws IllegalArgumentException if the plan has no such learner
   * @throws NullPointerException if an argument is null
   */
  public static Runnable bound(Path runDirectory, ExecutionPlan plan, String learner,
      Runnable task) {
    Objects.requireNonNull(runDirectory, "runDirectory");
    Objects.requireNonNull(task, "task");
    Binding binding = new Binding(runDirectory, learner, Set.copyOf(plan.upstreamOf(learner)));
    return () -> {
      Binding before = BOUND.get();
      BOUND.set(binding);
      try {
        task.run();
      } finally {
        if (before == null) {
          BOUND.remove();
        } else {
          BOUND.set(before);
        }
      }
    };
  }

  private static Binding binding(String learner) {
    Binding bound = BOUND.get();
    if (bound != null) {
      return bound;
    }
    Map<String, String> environment = System.getenv();
    String store = environment.get(Role.STORE);
    if (Role.isWorker() && store != null && !store.isEmpty()) {
      return new Binding(Path.of(store), environment.getOrDefault(Role.LEARNER, "?"), null);
    }
    throw new IllegalStateException("Upstream.data('" + learner + "') was called outside the"
        + " evaluation of a point, so there is no run to read from; call it inside the learner's"
        + " function, in the thread that evaluates the point (not in main(), the learn function,"
        + " or a thread the function starts in an in-process run)");
  }

  private static String readable(Binding binding) {
    if (binding.readable().isEmpty()) {
      return "it waits for no learner";
    }
    List<String> sorted = binding.readable().stream().sorted().collect(Collectors.toList());
    String shown = sorted.stream().limit(SHOWN).map(n -> "'" + n + "'")
        .collect(Collectors.joining(", "));
    return "it may read " + shown
        + (sorted.size() > SHOWN ? " and " + (sorted.size() - SHOWN) + " more" : "");
  }

  /** The snapshot of {@code learner} under {@code runDirectory}, parsed once per version. */
  static DataSnapshot read(Path runDirectory, String learner) {
    Path csv = new RunDirectory(runDirectory).snapshot(learner);
    Stamp stamp;
    try {
      BasicFileAttributes attributes = Files.readAttributes(csv, BasicFileAttributes.class);
      stamp = new Stamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
    } catch (NoSuchFileException e) {
      throw new UpstreamDataException(learner, runDirectory, "learner '" + learner + "' has no"
          + " data in the run directory '" + runDirectory + "' (no " + runDirectory.relativize(csv)
          + "): it has not saved yet, or the run has no such learner; read only learners this"
          + " one runs after, which are done before it starts");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the data of learner '" + learner + "' in '"
          + csv + "'", e);
    }
    Parsed parsed = PARSED.getIfPresent(csv);
    if (parsed != null && parsed.stamp().equals(stamp)) {
      return parsed.snapshot();
    }
    // Stamped before reading: if the file is replaced meanwhile, the next call sees a new stamp.
    DataSnapshot snapshot = DataSnapshot.read(csv);
    PARSED.put(csv, new Parsed(stamp, snapshot));
    return snapshot;
  }
}
