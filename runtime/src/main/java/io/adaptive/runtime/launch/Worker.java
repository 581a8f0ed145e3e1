/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.LearnerTask;
import io.adaptive.runtime.learn.Asked;
import io.adaptive.runtime.learn.BoundLearner;
import io.adaptive.runtime.learn.Learner;
import io.adaptive.runtime.learn.Learners;
import io.adaptive.runtime.protocol.ClaimRefusedException;
import io.adaptive.runtime.protocol.Hello;
import io.adaptive.runtime.protocol.Report;
import io.adaptive.runtime.store.LearnerDataFile;
import io.adaptive.runtime.store.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one learner of a plan in this JVM: proves its plan to the run manager, loads the learner's
 * saved data, keeps {@code cores} evaluations in flight until the goal is met, saves at every save
 * interval and at the end, and reports progress.
 */
public final class Worker {

  /** How many times one point is evaluated before its error fails the learner. */
  public static final int MAX_ATTEMPTS = 3;

  private static final Logger log = LoggerFactory.getLogger(Worker.class);
  /** How long a worker tries to hand its final report to a run manager before it exits. */
  private static final java.time.Duration FINAL_REPORT_PATIENCE = java.time.Duration.ofMinutes(2);
  /** The longest the loop waits before it looks at stop requests again. */
  private static final long STOP_CHECK_NANOS = 100_000_000L;

  private final ExecutionPlan plan;
  private final WorkerAssignment assignment;
  private final StopRequest stopRequest;

  private Worker(ExecutionPlan plan, WorkerAssignment assignment, StopRequest stopRequest) {
    this.plan = plan;
    this.assignment = assignment;
    this.stopRequest = stopRequest;
  }

  /**
   * Runs the assigned learner to its goal and returns the exit status ({@link ExitStatus}).
   *
   * <p>The worker also stops by itself shortly before its walltime ends (the last tenth of it, at
   * most a minute), so that it saves in time on every backend.
   *
   * @param stopRequest checked between completions; once it has a reason, the worker saves and
   *     stops with {@link ExitStatus#WALLTIME} or {@link ExitStatus#STOPPED}
   */
  public static int run(ExecutionPlan plan, WorkerAssignment assignment, StopRequest stopRequest) {
    return new Worker(plan, assignment, stopRequest).run();
  }

  private int run() {
    List<String> learners = assignment.learners();
    if (learners.size() == 1) {
      return run(learners.get(0));
    }
    // A packed job: each learner on its own thread, with its own connection and cores.
    ExecutorService threads = Executors.newFixedThreadPool(learners.size(), runnable -> {
      Thread thread = new Thread(runnable, "adaptive-learner");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (String learner : learners) {
        statuses.add(threads.submit(() -> run(learner)));
      }
      List<Integer> ended = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        ended.add(awaitStatus(status));
      }
      return combined(ended);
    } finally {
      threads.shutdownNow();
    }
  }

  private int awaitStatus(Future<Integer> status) {
    while (true) {
      try {
        return status.get();
      } catch (InterruptedException e) {
        stopRequest.request(StopRequest.Reason.CANCEL); // and wait for the learner to save
      } catch (java.util.concurrent.ExecutionException e) {
        log.error("a learner of this job crashed", e.getCause());
        return 1;
      }
    }
  }

  /** The job's exit status: done if every learner is; else why the first that was not ended. */
  private static int combined(List<Integer> statuses) {
    for (int status : statuses) {
      if (status != ExitStatus.DONE) {
        return status;
      }
    }
    return ExitStatus.DONE;
  }

  private int run(String learner) {
    LearnerTask task;
    try {
      task = plan.learner(learner);
    } catch (IllegalArgumentException e) {
      log.error("this worker cannot run its learner: {}", e.getMessage());
      return ExitStatus.REFUSED;
    }
    String fingerprint = PlanFingerprint.of(task);
    Hello hello = new Hello(task.name(), assignment.job(), fingerprint);
    try (ManagerLink link = ManagerLink.connect(assignment, hello)) {
      return runClaimed(task, fingerprint, link, Learners.bind(task.spec()));
    } catch (ClaimRefusedException e) {
      log.error("the run manager refused this worker: {}", e.getMessage());
      return ExitStatus.REFUSED;
    } catch (IOException e) {
      log.error("cannot reach the run manager at {}: {}", assignment.manager(), e.toString());
      return ExitStatus.LOST_MANAGER;
    }
  }

  private <P, V> int runClaimed(
      LearnerTask task, String fingerprint, ManagerLink link, BoundLearner<P, V> bound) {
    RunDirectory directory = new RunDirectory(assignment.store());
    Learner<P, V> learner = bound.learner();
    try (LearnerDataFile<P, V> data = DataFiles.open(
        directory.dataFile(task.name()), task.name(), fingerprint, learner.codec())) {
      data.loadInto(learner);
      log.info("learner {} resumed from {} saved points ({} s run so far), {} cores",
          task.name(), learner.npoints(), data.elapsedNanos() / 1_000_000_000L,
          task.resources().cores());
      return new Loop<>(task, bound, data, link).run();
    }
  }

  /** The evaluation loop of one learner; single-threaded apart from the function calls. */
  private final class Loop<P, V> {
    private final LearnerTask task;
    private final Learner<P, V> learner;
    private final BoundLearner.PointFunction<P, V> function;
    private final LearnerDataFile<P, V> data;
    private final ManagerLink link;
    private final int cores;
    private final long startNanos = System.nanoTime();
    private final long walltimeEnd;
    private final long elapsedBefore;
    private final ExecutorService pool;
    private final ExecutorCompletionService<Evaluation<P, V>> completions;
    private final Deque<P> retries = new ArrayDeque<>();
    private final Map<P, Integer> attempts = new HashMap<>();
    /** Evaluations in flight and when they started; a timed-out one leaves at once. */
    private final Map<Future<Evaluation<P, V>>, Started<P>> running = new HashMap<>();
    private final long timeoutNanos;
    private long skipped;
    private int inFlight;
    private long reportedPoints;

    Loop(LearnerTask task, BoundLearner<P, V> bound, LearnerDataFile<P, V> data,
        ManagerLink link) {
      this.task = task;
      this.learner = bound.learner();
      this.function = bound.function();
      this.data = data;
      this.link = link;
      this.cores = task.resources().cores();
      this.elapsedBefore = data.elapsedNanos();
      long walltime = task.resources().walltime().toNanos();
      this.walltimeEnd = startNanos + walltime - Math.min(walltime / 10, 60_000_000_000L);
      this.timeoutNanos = assignment.evaluationTimeout().toNanos();
      AtomicInteger threads = new AtomicInteger();
      // Cached, not fixed: a thread stuck in a timed-out evaluation must not take a core's place.
      this.pool = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(io.adaptive.runtime.Upstream.bound(assignment.store(), plan,
            task.name(), runnable), "adaptive-eval-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
      this.completions = new ExecutorCompletionService<>(pool);
    }

    int run() {
      long saveEvery = assignment.saveInterval().toNanos();
      long reportEvery = assignment.progressInterval().toNanos();
      long nextSave = System.nanoTime() + saveEvery;
      long nextReport = System.nanoTime();
      try {
        while (!GoalCheck.isMet(task.goal(), learner, elapsed())) {
          if (Thread.currentThread().isInterrupted()) {
            stopRequest.request(StopRequest.Reason.CANCEL);
          }
          if (System.nanoTime() >= walltimeEnd) {
            stopRequest.request(StopRequest.Reason.WALLTIME);
          }
          StopRequest.Reason why = stopRequest.reason();
          if (why == StopRequest.Reason.WALLTIME) {
            return stop(ExitStatus.WALLTIME, "its walltime is nearly over");
          } else if (why == StopRequest.Reason.CANCEL) {
            return stop(ExitStatus.STOPPED, "it was asked to stop");
          }
          fill();
          if (inFlight == 0) {
            log.info("learner {} has no more points to evaluate", task.name());
            break;
          }
          long now = System.nanoTime();
          long wait = Math.max(0, Math.min(Math.min(nextSave, nextReport), walltimeEnd) - now);
          wait = Math.min(wait, STOP_CHECK_NANOS);
          Future<Evaluation<P, V>> done = completions.poll(wait, TimeUnit.NANOSECONDS);
          while (done != null) {
            if (running.remove(done) != null) {
              inFlight--;
              Evaluation<P, V> evaluation = done.get();
              if (evaluation.error() == null) {
                learner.tell(evaluation.point(), evaluation.value());
                attempts.remove(evaluation.point());
              } else if (!survives(evaluation)) {
                return fail(evaluation);
              }
            }
            done = completions.poll();
          }
          for (Evaluation<P, V> late : timedOut()) {
            if (!survives(late)) {
              return fail(late);
            }
          }
          now = System.nanoTime();
          if (now >= nextSave) {
            data.save(learner, elapsed());
            nextSave = now + saveEvery;
          }
          // Also report whenever the points grew by a quarter, so that the history (and the
          // convergence chart) has the early part of the curve even for short runs.
          if (now >= nextReport || learner.npoints() >= reportedPoints * 5 / 4 + 8) {
            Report report = report();
            link.send(client -> client.progress(report));
            reportedPoints = learner.npoints();
            nextReport = now + reportEvery;
          }
        }
        finish();
        Report report = report();
        if (!link.deliver(client -> client.done(report), FINAL_REPORT_PATIENCE)) {
          log.warn("no run manager took the final report of learner {}; its data is saved and a"
              + " new run manager will see it done", task.name());
        }
        log.info("learner {} reached its goal {} with {} points, loss {}",
            task.name(), task.goal().describe(), learner.npoints(), learner.loss());
        return ExitStatus.DONE;
      } catch (ClaimRefusedException e) {
        return stop(ExitStatus.REFUSED, "a new run manager refused it: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return stop(ExitStatus.STOPPED, "it was interrupted");
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("an evaluation task failed outside the function", e);
      } finally {
        pool.shutdownNow();
      }
    }

    private void fill() {
      while (inFlight < cores && !retries.isEmpty()) {
        submit(retries.poll());
      }
      int wanted = cores - inFlight;
      if (wanted > 0) {
        Asked<P> asked = learner.ask(wanted, true);
        for (P point : asked.points()) {
          submit(point);
        }
      }
    }

    private void submit(P point) {
      inFlight++;
      Future<Evaluation<P, V>> future = completions.submit(() -> {
        try {
          V value = function.apply(point);
          if (value == null) {
            return new Evaluation<>(point, null,
                new NullPointerException("the function returned null at " + point), false);
          }
          if (!isFinite(value)) {
            return new Evaluation<>(point, null, new ArithmeticException(
                "the function returned a non-finite value at " + point + ": " + describe(value)),
                true);
          }
          return new Evaluation<>(point, value, null, false);
        } catch (Exception | LinkageError | AssertionError e) {
          return new Evaluation<>(point, null, e, false);
        }
      });
      running.put(future, new Started<>(point, System.nanoTime()));
    }

    /** Evaluations past the evaluation timeout: abandoned, their threads interrupted. */
    private List<Evaluation<P, V>> timedOut() {
      if (timeoutNanos <= 0 || running.isEmpty()) {
        return List.of();
      }
      long now = System.nanoTime();
      List<Evaluation<P, V>> late = new ArrayList<>();
      for (var entry : List.copyOf(running.entrySet())) {
        if (now - entry.getValue().nanos() > timeoutNanos) {
          running.remove(entry.getKey());
          entry.getKey().cancel(true);
          inFlight--;
          late.add(new Evaluation<>(entry.getValue().point(), null, new TimeoutException(
              "the evaluation took longer than " + assignment.evaluationTimeout()), false));
        }
      }
      return late;
    }

    /**
     * Applies the point policy to a failed evaluation.
     *
     * @return false if the learner must fail
     */
    private boolean survives(Evaluation<P, V> evaluation) {
      PointPolicy policy = evaluation.nonFinite() ? assignment.onNonFinite() : assignment.onError();
      switch (policy) {
        case FAIL -> {
          return false;
        }
        case SKIP -> {
          skipped++;
          log.warn("learner {}: skipped the point {} ({} skipped so far): {}", task.name(),
              evaluation.point(), skipped, evaluation.error().getMessage());
          return true;
        }
        default -> {
          int count = attempts.merge(evaluation.point(), 1, Integer::sum);
          log.warn("learner {}: the function failed at {} (attempt {} of {}): {}", task.name(),
              evaluation.point(), count, MAX_ATTEMPTS, evaluation.error().toString());
          if (count >= MAX_ATTEMPTS) {
            return false;
          }
          retries.add(evaluation.point());
          return true;
        }
      }
    }

    private int fail(Evaluation<P, V> evaluation) {
      finish();
      StringWriter trace = new StringWriter();
      evaluation.error().printStackTrace(new PrintWriter(trace));
      int attempted = attempts.getOrDefault(evaluation.point(), 1);
      String error = "the function failed " + (attempted == 1 ? "once" : attempted + " times")
          + " at " + evaluation.point() + ": " + evaluation.error() + "\n" + trace;
      Report report = report();
      link.deliver(client -> client.failed(report, error), FINAL_REPORT_PATIENCE);
      log.error("learner {} failed: {}", task.name(), error);
      return ExitStatus.LEARNER_FAILED;
    }

    private int stop(int status, String why) {
      finish();
      log.info("learner {} saved at {} points and stopped: {}", task.name(), learner.npoints(), why);
      return status;
    }

    private void finish() {
      pool.shutdownNow();
      learner.removeUnfinished();
      data.save(learner, elapsed());
    }

    private Report report() {
      return new Report(learner.npoints(), learner.loss(), elapsed(), processCpuNanos(),
          MEMORY.getHeapMemoryUsage().getUsed());
    }

    private long elapsed() {
      return elapsedBefore + (System.nanoTime() - startNanos);
    }
  }

  private static final java.lang.management.MemoryMXBean MEMORY =
      java.lang.management.ManagementFactory.getMemoryMXBean();

  /** CPU time of this whole process (all its threads), or 0 where the JVM does not say. */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
      return Math.max(0, hotspot.getProcessCpuTime());
    }
    return 0;
  }

  private static boolean isFinite(Object value) {
    if (value instanceof Double d) {
      return Double.isFinite(d);
    }
    if (value instanceof double[] values) {
      for (double v : values) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  private static String describe(Object value) {
    return value instanceof double[] values ? java.util.Arrays.toString(values) : value.toString();
  }

  private record Evaluation<P, V>(P point, V value, Throwable error, boolean nonFinite) {}

  private record Started<P>(P point, long nanos) {}
}
