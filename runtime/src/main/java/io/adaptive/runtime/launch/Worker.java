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
 *
 * <p>In a job of several tasks ({@link JobTasks}) the worker evaluates with {@code cores / tasks}
 * threads of its own and hands the other points to the job's {@link Evaluator}s, which connect to
 * it through the rendezvous file: each takes as many points at once as it has threads. A point
 * whose evaluator goes away is evaluated again, here or on another evaluator, without counting
 * as a failed attempt.
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
  private final JobTasks tasks;
  private final StopRequest stopRequest;
  /** The job's evaluators; null in a job of one task. */
  private EvaluatorHub hub;

  private Worker(ExecutionPlan plan, WorkerAssignment assignment, JobTasks tasks,
      StopRequest stopRequest) {
    this.plan = plan;
    this.assignment = assignment;
    this.tasks = tasks;
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
    return run(plan, assignment, JobTasks.single(), stopRequest);
  }

  /**
   * Runs the assigned learners to their goals as the first task of a job of {@code tasks}, and
   * returns the exit status ({@link ExitStatus}). With one task this is
   * {@link #run(ExecutionPlan, WorkerAssignment, StopRequest)}; with more, the worker listens on
   * every interface (an ephemeral port), publishes {@code <host>:<port>} in the rendezvous file
   * for the evaluators, evaluates with {@code cores / tasks} threads itself, and at the end tells
   * the evaluators to exit and writes {@code ended} to the rendezvous file.
   *
   * @param tasks the job's tasks, from {@link JobTasks#fromEnvironment}
   * @param stopRequest as {@link #run(ExecutionPlan, WorkerAssignment, StopRequest)}
   */
  public static int run(ExecutionPlan plan, WorkerAssignment assignment, JobTasks tasks,
      StopRequest stopRequest) {
    Worker worker = new Worker(plan, assignment, tasks, stopRequest);
    if (!tasks.isMultiTask()) {
      return worker.run();
    }
    try {
      worker.hub = EvaluatorHub.open(new java.net.InetSocketAddress(0).getAddress(),
          assignment.secret(), worker.fingerprints());
      String host = tasks.evaluatorHost().isEmpty()
          ? java.net.InetAddress.getLocalHost().getCanonicalHostName() : tasks.evaluatorHost();
      Rendezvous.publish(tasks.rendezvous(), host + ":" + worker.hub.port());
      log.info("waiting for {} evaluators at {}:{} (rendezvous file {}); evaluating with {}"
          + " threads here meanwhile", tasks.tasks() - 1, host, worker.hub.port(),
          tasks.rendezvous(), tasks.threadsPerTask(worker.cores()));
    } catch (IOException e) {
      log.error("this worker cannot open its port for the evaluators of its job, or write the"
          + " rendezvous file {} ({}): {}; the run directory must be writable on every node",
          tasks.rendezvous(), Role.RENDEZVOUS, e.toString());
      if (worker.hub != null) {
        worker.hub.close();
      }
      return ExitStatus.REFUSED;
    }
    try {
      return worker.run();
    } finally {
      worker.hub.close();
      try {
        Rendezvous.publish(tasks.rendezvous(), Rendezvous.ENDED);
      } catch (IOException e) {
        log.warn("cannot mark the rendezvous file {} ended: {}", tasks.rendezvous(), e.toString());
      }
    }
  }

  /** The fingerprints of the job's learners, in its order; evaluators must have the same. */
  private List<String> fingerprints() {
    List<String> fingerprints = new ArrayList<>();
    for (String learner : assignment.learners()) {
      try {
        fingerprints.add(plan.learner(learner).fingerprint());
      } catch (IllegalArgumentException e) {
        fingerprints.add("unknown"); // the learner's own run refuses it, with the reason
      }
    }
    return fingerprints;
  }

  /** The cores of the whole job: its learners' added up. */
  private int cores() {
    int cores = 0;
    for (String learner : assignment.learners()) {
      try {
        cores += plan.learner(learner).resources().cores();
      } catch (IllegalArgumentException e) {
        // refused later, see above
      }
    }
    return cores;
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
    String fingerprint = task.fingerprint();
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
      log.info("learner {} resumed from {} saved points ({} s run so far), {} cores{}",
          task.name(), learner.npoints(), data.elapsedNanos() / 1_000_000_000L,
          task.resources().cores(), tasks.isMultiTask() ? " in " + tasks.tasks() + " tasks" : "");
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
    /** Evaluations this JVM runs at once; more go to evaluators while they have threads free. */
    private final int cores;
    private final int learnerIndex;
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
    /** Of {@link #inFlight}, those on evaluators. */
    private int remoteInFlight;
    private long reportedPoints;

    Loop(LearnerTask task, BoundLearner<P, V> bound, LearnerDataFile<P, V> data,
        ManagerLink link) {
      this.task = task;
      this.learner = bound.learner();
      this.function = bound.function();
      this.data = data;
      this.link = link;
      this.cores = tasks.isMultiTask() ? tasks.threadsPerTask(task.resources().cores())
          : task.resources().cores();
      this.learnerIndex = assignment.learners().indexOf(task.name());
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
            Started<P> started = running.remove(done);
            if (started != null) {
              ended(started);
              Evaluation<P, V> evaluation = done.get();
              if (evaluation.lost()) {
                retries.add(evaluation.point()); // its evaluator went away: not a failed attempt
              } else if (evaluation.error() == null) {
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

    private void ended(Started<P> started) {
      inFlight--;
      if (started.remote()) {
        remoteInFlight--;
      }
    }

    /** Evaluations that could start now: free threads here and on the evaluators. */
    private int free() {
      int local = Math.max(0, cores - (inFlight - remoteInFlight));
      return local + (hub == null ? 0 : hub.free());
    }

    private void fill() {
      while (free() > 0 && !retries.isEmpty()) {
        submit(retries.poll());
      }
      int wanted = free();
      if (wanted > 0) {
        Asked<P> asked = learner.ask(wanted, true);
        for (P point : asked.points()) {
          submit(point);
        }
      }
    }

    private void submit(P point) {
      inFlight++;
      // Here first; when this JVM's threads are busy, on an evaluator. If every evaluator filled
      // up meanwhile (or left), here after all: briefly one more than its threads.
      EvaluatorHub.Slot slot = inFlight - remoteInFlight <= cores || hub == null ? null
          : hub.reserve();
      Future<Evaluation<P, V>> future;
      if (slot == null) {
        future = completions.submit(() -> {
          PointEvaluation<V> result = PointEvaluation.of(function, point);
          return new Evaluation<>(point, result.value(), result.error(), result.nonFinite(),
              false);
        });
      } else {
        remoteInFlight++;
        future = completions.submit(() -> remote(slot, point));
      }
      running.put(future, new Started<>(point, System.nanoTime(), slot != null));
    }

    private Evaluation<P, V> remote(EvaluatorHub.Slot slot, P point) throws InterruptedException {
      EvaluatorHub.Reply reply = slot.evaluate(learnerIndex,
          EvaluatorWire.encode(learner.codec().point(), point));
      switch (reply.kind()) {
        case VALUE -> {
          try {
            return new Evaluation<>(point, EvaluatorWire.decode(learner.codec().value(),
                reply.value()), null, false, false);
          } catch (EvaluatorWire.MalformedException e) {
            return new Evaluation<>(point, null, new RemoteEvaluationException(
                "evaluator " + reply.evaluator() + " sent a value this worker cannot read: "
                + e.getMessage()), false, false);
          }
        }
        case ERROR -> {
          return new Evaluation<>(point, null, new RemoteEvaluationException(reply.error().strip()
              + "\n  (on evaluator " + reply.evaluator() + ")"), reply.nonFinite(), false);
        }
        default -> {
          log.info("learner {}: evaluator {} left with the point {}; it is evaluated again",
              task.name(), reply.evaluator(), PointEvaluation.describe(point));
          return new Evaluation<>(point, null, null, false, true);
        }
      }
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
          ended(entry.getValue());
          late.add(new Evaluation<>(entry.getValue().point(), null, new TimeoutException(
              "the evaluation took longer than " + assignment.evaluationTimeout()), false, false));
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

  /**
   * What came of one point: a value, an error, or lost (its evaluator went away before answering).
   */
  private record Evaluation<P, V>(P point, V value, Throwable error, boolean nonFinite,
      boolean lost) {}

  private record Started<P>(P point, long nanos, boolean remote) {}
}
