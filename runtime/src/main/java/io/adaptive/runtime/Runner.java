/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import io.adaptive.AdaptiveException;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.LearnerNames;
import io.adaptive.runtime.launch.Evaluator;
import io.adaptive.runtime.launch.JobTasks;
import io.adaptive.runtime.launch.LaunchCommandException;
import io.adaptive.runtime.launch.PointPolicy;
import io.adaptive.runtime.launch.RelaunchCommand;
import io.adaptive.runtime.launch.Role;
import io.adaptive.runtime.launch.StopRequest;
import io.adaptive.runtime.launch.Worker;
import io.adaptive.runtime.launch.WorkerAssignment;
import io.adaptive.runtime.protocol.ProtocolServer;
import io.adaptive.runtime.spi.Backend;
import io.adaptive.runtime.spi.BackendProvider;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.ManagerEndpoint;
import io.adaptive.runtime.spi.WorkerLaunch;
import io.adaptive.runtime.store.RunDatabase;
import io.adaptive.runtime.store.RunDirectory;
import io.adaptive.runtime.store.RunSecret;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link ExecutionPlan} on a backend: where it runs and how, set beside the plan.
 *
 * <pre>{@code
 * RunResult result = Runner.on(Local.processes(4)).store(Path.of("runs/peak")).run(plan);
 * }</pre>
 *
 * <p>Immutable: every setting returns a copy. Defaults: store {@code runs/<experiment>}, save
 * interval {@value #DEFAULT_SAVE_SECONDS} s, progress interval 1 s, poll interval 0.5 s, 3 failed
 * jobs per learner before it is given up, heartbeat timeout 2 minutes, no kill pattern, at most
 * 100 jobs at once submitted at most 5 per second, no evaluation timeout, errors retried and
 * non-finite values skipped, a console progress bar.
 */
public final class Runner {

  /** Default seconds between two saves of a learner's data by its worker. */
  public static final int DEFAULT_SAVE_SECONDS = 10;

  private static final Logger log = LoggerFactory.getLogger(Runner.class);

  private final Backend backend;
  private final Path store;
  private final RunSettings settings;
  private final List<RunListener> listeners;
  private final boolean quiet;

  private Runner(Backend backend, Path store, RunSettings settings, List<RunListener> listeners,
      boolean quiet) {
    this.backend = backend;
    this.store = store;
    this.settings = settings;
    this.listeners = List.copyOf(listeners);
    this.quiet = quiet;
  }

  /** A runner on {@code backend} with the default settings. */
  public static Runner on(Backend backend) {
    Objects.requireNonNull(backend, "backend");
    return new Runner(backend, null, RunSettings.defaults(), List.of(), false);
  }

  /**
   * A runner on the default backend with the default settings: the local backend, each job a child
   * JVM on this machine, at most as many cores busy as it has processors (the backend named
   * {@code local}, {@code Local.processes()} of the {@code adaptive-backend-local} module).
   *
   * @throws IllegalStateException if that module is not on the class path; the message names the
   *     dependency to add
   */
  public static Runner onDefaultBackend() {
    Backend backend;
    try {
      backend = BackendProvider.backend("local");
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the default backend, local child processes, is not on the"
          + " class path: add the dependency io.adaptive:adaptive-backend-local, or choose a"
          + " backend with Runner.on(..)", e);
    }
    return on(backend);
  }

  /**
   * Keeps the run's state in {@code directory}; default {@code runs/<experiment>}. Running a plan
   * again on the same directory resumes it.
   */
  public Runner store(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return new Runner(backend, directory, settings, listeners, quiet);
  }

  /**
   * How often each worker saves its learner's data; at most this much work is lost when a job dies.
   *
   * @throws IllegalArgumentException if {@code interval} is zero or negative
   */
  public Runner saveInterval(Duration interval) {
    positive(interval, "saveInterval", "Duration.ofSeconds(10)");
    return new Runner(backend, store, settings.with(s -> s.saveInterval = interval), listeners, quiet);
  }

  /**
   * How often workers report progress and listeners (progress bar, charts) are called.
   *
   * @throws IllegalArgumentException if {@code interval} is zero or negative
   */
  public Runner progressInterval(Duration interval) {
    positive(interval, "progressInterval", "Duration.ofSeconds(1)");
    return new Runner(backend, store, settings.with(s -> s.progressInterval = interval), listeners, quiet);
  }

  /**
   * How often the backend is asked for the state of every job (one query for all of them).
   *
   * @throws IllegalArgumentException if {@code interval} is zero or negative
   */
  public Runner pollInterval(Duration interval) {
    positive(interval, "pollInterval", "Duration.ofMillis(500)");
    return new Runner(backend, store, settings.with(s -> s.pollInterval = interval), listeners, quiet);
  }

  /**
   * How many jobs of one learner may fail (crash, be killed, exit early) before the learner is
   * marked failed; the run goes on with the others. Default 3.
   *
   * @throws IllegalArgumentException if {@code count} is below 1
   */
  public Runner maxFailures(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("maxFailures(" + count + "): a learner needs at least one"
          + " job, so allow at least 1 failure, e.g. maxFailures(3)");
    }
    return new Runner(backend, store, settings.with(s -> s.maxFailures = count), listeners, quiet);
  }

  /**
   * How long a running job's worker may stay silent (no progress report, which it sends at every
   * progress interval) before the job is killed and its learner resubmitted; counted as a failure
   * of the learner. Default 2 minutes.
   *
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public Runner heartbeatTimeout(Duration timeout) {
    positive(timeout, "heartbeatTimeout", "Duration.ofMinutes(2)");
    return new Runner(backend, store, settings.with(s -> s.heartbeatTimeout = timeout), listeners, quiet);
  }

  /**
   * Cancels and resubmits a job as soon as a line of its output matches {@code pattern} anywhere
   * (for example a known MPI error); counted as a failure of its learner. Replaces an earlier
   * {@code killOn}.
   */
  public Runner killOn(Pattern pattern) {
    Objects.requireNonNull(pattern, "pattern");
    return killOn(line -> pattern.matcher(line).find());
  }

  /**
   * Cancels and resubmits a job as soon as {@code predicate} accepts a line of its output; counted
   * as a failure of its learner. Called in the driver, on the run manager's thread.
   */
  public Runner killOn(Predicate<String> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    return new Runner(backend, store, settings.with(s -> s.killOn = predicate), listeners, quiet);
  }

  /**
   * How many jobs of this run may exist at once, queued and running together; the other learners
   * wait in the run manager. Sites often cap jobs per user near 100. Default 100.
   *
   * @throws IllegalArgumentException if {@code count} is below 1
   */
  public Runner maxJobs(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("maxJobs(" + count + "): at least one job must be"
          + " allowed, e.g. maxJobs(100)");
    }
    return new Runner(backend, store, settings.with(s -> s.maxJobs = count), listeners, quiet);
  }

  /**
   * How fast jobs are submitted. Default {@code SubmissionPacer.perSecond(5)}: bursts of up to 5,
   * then 5 per second, within what sites ask of batch users. A backend that submits many jobs in
   * one call (SLURM job arrays) is paced by those calls instead.
   */
  public Runner submissionPacer(SubmissionPacer pacer) {
    Objects.requireNonNull(pacer, "pacer");
    return new Runner(backend, store, settings.with(s -> s.pacer = pacer), listeners, quiet);
  }

  /**
   * How many walltime stops and jobs that vanished unwatched one learner may have; they are not
   * failures, but a broken node pool must not loop forever. Default 100.
   *
   * @throws IllegalArgumentException if {@code count} is below 1
   */
  public Runner maxInterruptions(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("maxInterruptions(" + count + "): allow at least 1,"
          + " e.g. maxInterruptions(100)");
    }
    return new Runner(backend, store, settings.with(s -> s.maxInterruptions = count), listeners,
        quiet);
  }

  /**
   * The longest one evaluation of the user's function may take; past it the evaluation is
   * abandoned (its thread interrupted) and treated as an error of that point ({@link #onError}).
   * Default: no limit.
   *
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public Runner evaluationTimeout(Duration timeout) {
    positive(timeout, "evaluationTimeout", "Duration.ofMinutes(10)");
    return new Runner(backend, store, settings.with(s -> s.evaluationTimeout = timeout),
        listeners, quiet);
  }

  /**
   * What a worker does when the user's function throws (or times out) at a point: retry it (up to
   * 3 attempts, then fail the learner), skip it, or fail the learner at once. A failed learner is
   * not resubmitted, since a new job would fail the same way. Default {@link PointPolicy#RETRY}.
   */
  public Runner onError(PointPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    return new Runner(backend, store, settings.with(s -> s.onError = policy), listeners, quiet);
  }

  /**
   * What a worker does when the user's function returns NaN or an infinity: retry the point, skip
   * it (it is logged, and stays out of the learner's data), or fail the learner. Default
   * {@link PointPolicy#SKIP}.
   */
  public Runner onNonFinite(PointPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    return new Runner(backend, store, settings.with(s -> s.onNonFinite = policy), listeners,
        quiet);
  }

  /**
   * Packs up to {@code count} learners with the same resources into one job, each on its own
   * cores (the job asks for their sum, within what one job of the backend may have). Sites cap
   * jobs per user and submissions per second; with thousands of learners this is how a sweep
   * fits. Default 1.
   *
   * @throws IllegalArgumentException if {@code count} is below 1
   */
  public Runner learnersPerJob(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("learnersPerJob(" + count + "): a job runs at least one"
          + " learner, e.g. learnersPerJob(8)");
    }
    return new Runner(backend, store, settings.with(s -> s.learnersPerJob = count), listeners,
        quiet);
  }

  /** Adds a listener called at every progress interval and at the end (in the driver only). */
  public Runner listener(RunListener listener) {
    Objects.requireNonNull(listener, "listener");
    List<RunListener> more = new ArrayList<>(listeners);
    more.add(listener);
    return new Runner(backend, store, settings, more, quiet);
  }

  /** Shows no progress bar (for scripts); listeners still run. */
  public Runner quiet() {
    return new Runner(backend, store, settings, listeners, true);
  }

  /**
   * In a worker, runs this JVM's learner and ends the JVM with its exit status: this method never
   * returns there, so code below it runs in the driver only. In an evaluator (a task of a
   * multi-task job other than the first, {@link Role#EVALUATOR}) it evaluates points for its job's
   * worker and ends the JVM likewise. In the driver, runs every learner of
   * {@code plan} to its goal and returns the result; learners already done in the store are not
   * run again. Interrupting the calling thread cancels the run (workers save first).
   *
   * @throws RunEnvironmentException if the run cannot start here (all problems at once)
   * @throws AdaptiveException if the store is in use by another run manager, or the run fails
   */
  public RunResult run(ExecutionPlan plan) {
    RunHandle handle = start(plan);
    try {
      return handle.await();
    } catch (InterruptedException e) {
      handle.cancel();
      Thread.currentThread().interrupt();
      throw new AdaptiveException("the run of '" + plan.experiment() + "' was interrupted; its"
          + " learners were cancelled after saving", e);
    }
  }

  /**
   * The dry run: what running {@code plan} here would start, without starting, writing or
   * submitting anything. For a batch backend, every job script it would submit (for this store
   * and this program's command line); for the local backends, the plan's own
   * {@link ExecutionPlan#explain()}.
   */
  public String explain(ExecutionPlan plan) {
    Objects.requireNonNull(plan, "plan");
    List<String> command = List.of();
    if (backend.capabilities().relaunchesProgram()) {
      try {
        command = RelaunchCommand.current();
      } catch (LaunchCommandException e) {
        command = List.of("<this JVM cannot be relaunched: start the program with java -cp ...>");
      }
    }
    return backend.explain(plan, root(plan), command);
  }

  private Path root(ExecutionPlan plan) {
    return (store != null ? store
        : Path.of("runs", LearnerNames.experiment(plan.experiment()))).toAbsolutePath();
  }

  /**
   * Like {@link #run}, but returns at once with a handle to watch, await or cancel the run, which
   * goes on in a thread of its own. In a worker or an evaluator it never returns, as {@link #run}.
   *
   * @throws RunEnvironmentException if the run cannot start here (all problems at once)
   * @throws AdaptiveException if the store is in use by another run manager
   */
  public RunHandle start(ExecutionPlan plan) {
    Objects.requireNonNull(plan, "plan");
    if (Role.isWorker()) {
      runWorkerAndExit(plan);
    }
    if (Role.isEvaluator()) {
      runEvaluatorAndExit(plan);
    }
    Path root = root(plan);
    RunDirectory directory = new RunDirectory(root);
    List<String> problems = new ArrayList<>();
    checkWritable(directory, problems);
    problems.addAll(backend.check(plan));
    List<String> command = List.of();
    if (backend.capabilities().relaunchesProgram()) {
      try {
        command = RelaunchCommand.current();
      } catch (LaunchCommandException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new RunEnvironmentException(plan.experiment(), problems);
    }
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      RunDatabase database = RunDatabase.open(directory.runDatabase());
      opened.add(database);
      List<String> stale = RunManager.checkStore(plan, database);
      if (!stale.isEmpty()) {
        throw new RunEnvironmentException(plan.experiment(), stale);
      }
      String secret = RunSecret.createOrRead(directory.secret());
      Files.writeString(root.resolve("plan.txt"), plan.explain());
      List<RunListener> all = new ArrayList<>(listeners);
      if (!quiet) {
        all.add(new ConsoleProgress(System.out, System.console() != null));
      }
      List<String> relaunch = command;
      BackendSession session = backend.open();
      opened.add(0, session);
      RunManager manager = new RunManager(plan, settings, directory, database, session,
          assignment -> new ProgramLaunch(plan, assignment, relaunch), secret,
          backend.capabilities().cores(), Clock.systemUTC());
      ManagerEndpoint endpoint = backend.managerEndpoint();
      ProtocolServer server = ProtocolServer.start(InetAddress.getByName(endpoint.bindHost()),
          secret, manager);
      opened.add(0, server);
      manager.listenAt(endpoint.advertisedHost() + ":" + server.port());
      return RunHandle.start(plan.experiment(), manager, all, opened);
    } catch (IOException | RuntimeException e) {
      closeAll(opened);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AdaptiveException("the run of '" + plan.experiment() + "' in " + root
          + " could not start: " + e, e);
    }
  }

  static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("closing {} failed: {}", resource, e.toString());
      }
    }
  }

  private static void runWorkerAndExit(ExecutionPlan plan) {
    int status;
    try {
      status = Worker.run(plan, WorkerAssignment.fromEnvironment(System.getenv()),
          JobTasks.fromEnvironment(System.getenv()), StopRequest.onSignals());
    } catch (RuntimeException | Error e) {
      log.error("the worker crashed", e);
      status = 1;
    }
    System.exit(status);
  }

  // An evaluator holds no data: SIGTERM may end it at once, its points are the worker's to redo.
  private static void runEvaluatorAndExit(ExecutionPlan plan) {
    int status;
    try {
      status = Evaluator.run(plan, System.getenv());
    } catch (RuntimeException | Error e) {
      log.error("the evaluator crashed", e);
      status = 1;
    }
    System.exit(status);
  }

  private static void checkWritable(RunDirectory directory, List<String> problems) {
    Path root = directory.root();
    try {
      directory.create();
      Path probe = Files.createTempFile(root, ".probe", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      problems.add("store directory '" + root + "' cannot be created or written (" + e
          + "); choose a writable directory with Runner.store(Path)");
    }
  }

  private static void positive(Duration interval, String name, String example) {
    Objects.requireNonNull(interval, name);
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException(name + "(" + interval + "): the interval must be"
          + " positive, e.g. " + name + "(" + example + ")");
    }
  }

  /** Starts a worker as the user's program again, or on a thread of this JVM. */
  private record ProgramLaunch(ExecutionPlan plan, WorkerAssignment assignment,
      List<String> relaunch) implements WorkerLaunch {

    @Override
    public List<String> command() {
      if (relaunch.isEmpty()) {
        return RelaunchCommand.current();
      }
      return relaunch;
    }

    @Override
    public Map<String, String> environment() {
      return assignment.environment();
    }

    @Override
    public int runInThisJvm() {
      return Worker.run(plan, assignment, new StopRequest());
    }

    @Override
    public int runInThisJvm(BooleanSupplier cancelled) {
      return Worker.run(plan, assignment, StopRequest.cancelledWhen(cancelled));
    }
  }
}
