/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.ResourceShape;
import io.adaptive.runtime.spi.Backend;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.Capabilities;
import io.adaptive.runtime.spi.JobRequest;
import io.adaptive.runtime.spi.ManagerEndpoint;
import io.adaptive.runtime.spi.WorkerLaunch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backend that runs each job as a batch job of {@code scheduler}: one job script per attempt in
 * {@code <runDirectory>/jobs/}, one status query per poll for the whole run, cancels in batches.
 * An immutable value; {@link #open()} starts the session that does the work.
 *
 * <p>Scheduler modules wrap it in their own typed entry (e.g. {@code Slurm.backend()}); a new
 * scheduler only implements {@link Scheduler}.
 */
public final class BatchBackend implements Backend {

  /** The tag shown in dry runs of a run directory that has none yet (it is made at submission). */
  static final String DRY_RUN_TAG = "dry0";

  private static final Logger log = LoggerFactory.getLogger(BatchBackend.class);

  private final String name;
  private final Scheduler scheduler;
  private final BatchSettings settings;

  private BatchBackend(String name, Scheduler scheduler, BatchSettings settings) {
    this.name = Objects.requireNonNull(name, "name");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * A batch backend.
   *
   * @param name its short name, as {@code --backend} takes it, e.g. {@code slurm}
   * @param scheduler the batch system's dialect
   * @param settings how to reach the scheduler and the workers
   * @throws NullPointerException if an argument is null
   */
  public static BatchBackend of(String name, Scheduler scheduler, BatchSettings settings) {
    return new BatchBackend(name, scheduler, settings);
  }

  @Override
  public String name() {
    return name;
  }

  /** The batch system's dialect. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** How the backend reaches the scheduler and the workers. */
  public BatchSettings settings() {
    return settings;
  }

  /** Jobs relaunch the user's program; a job has as many cores as the scheduler grants. */
  @Override
  public Capabilities capabilities() {
    return new Capabilities(true, Integer.MAX_VALUE);
  }

  /**
   * Every problem of the plan's resource shapes for this scheduler, each shape checked once and
   * reported with its first learner (and how many more share it). Where the scheduler describes
   * its queues ({@link Scheduler#queuesCommand()}), it is asked once and the shapes are checked
   * against them too; if it cannot answer, that check is left to the submission.
   */
  @Override
  public List<String> check(ExecutionPlan plan) {
    Map<ResourceShape, List<String>> byShape = new LinkedHashMap<>();
    for (LearnerTask task : plan.learners()) {
      byShape.computeIfAbsent(task.resources(), shape -> new ArrayList<>()).add(task.name());
    }
    CommandResult queues = queues();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<ResourceShape, List<String>> entry : byShape.entrySet()) {
      List<String> learners = entry.getValue();
      String more = learners.size() == 1 ? ""
          : String.format(Locale.ROOT, " (the same for %d more learners with these resources)",
              learners.size() - 1);
      List<String> found = checkShape(learners.get(0), entry.getKey());
      if (queues != null) {
        try {
          found.addAll(scheduler.checkQueues(queues, learners.get(0), entry.getKey()));
        } catch (SchedulerOutputException e) {
          log.warn("the {} queues were not checked: {}", scheduler.name(), e.getMessage());
          queues = null; // unreadable for every shape alike: said once
        }
      }
      for (String problem : found) {
        problems.add(problem + more);
      }
    }
    return problems;
  }

  // Once, without retries: a scheduler that cannot answer now leaves the check to submission.
  private CommandResult queues() {
    List<String> command = scheduler.queuesCommand();
    if (command.isEmpty()) {
      return null;
    }
    CommandResult result =
        new CommandRunner(settings.executables(), settings.commandTimeout()).run(command);
    if (!result.succeeded()) {
      log.warn("the {} queues were not checked before the run (see the failure above); a job"
          + " that asks for one that cannot take it fails at submission", scheduler.name());
      return null;
    }
    return result;
  }

  private List<String> checkShape(String learner, ResourceShape shape) {
    List<String> problems = new ArrayList<>();
    if (shape.tasks() < shape.nodes()) {
      problems.add(String.format(Locale.ROOT, "learner '%s' asks for nodes(%d) but tasks(%d): each"
          + " node runs at least one task; ask for tasks(%d) or nodes(%d)", learner, shape.nodes(),
          shape.tasks(), shape.nodes(), shape.tasks()));
    }
    shape.environment().keySet().stream().filter(key -> !Shell.isVariableName(key))
        .forEach(key -> problems.add(String.format(Locale.ROOT, "learner '%s' sets environment"
            + " variable '%s', which is not a valid shell name; use letters, digits and '_', not"
            + " starting with a digit", learner, key)));
    problems.addAll(scheduler.check(learner, shape));
    return problems;
  }

  @Override
  public ManagerEndpoint managerEndpoint() {
    return new ManagerEndpoint(settings.bindHost(), settings.advertisedHost());
  }

  @Override
  public BackendSession open() {
    return open(new CommandRunner(settings.executables(), settings.commandTimeout()),
        new Backoff(Backoff.Sleeper.real(), () -> ThreadLocalRandom.current().nextDouble()));
  }

  BackendSession open(CommandRunner runner, Backoff backoff) {
    return new BatchSession(scheduler, settings, runner, backoff, System::currentTimeMillis);
  }

  /**
   * The dry run: the job script of every learner of {@code plan}, as the run would submit them to
   * {@code runs/<experiment>}, started by this JVM's command line. Nothing is written or
   * submitted.
   *
   * @return for each job script (a learner's, or a job array's) a line
   *     {@code ==> <script path> <==}, then the script
   */
  public String explain(ExecutionPlan plan) {
    List<String> command = ProcessHandle.current().info().command()
        .map(java -> {
          List<String> words = new ArrayList<>(List.of(java));
          words.addAll(Arrays.asList(ProcessHandle.current().info().arguments()
              .orElse(new String[0])));
          return words;
        })
        .orElse(List.of("java", "<your program>"));
    return explain(plan, Path.of("runs", plan.experiment()), command);
  }

  /**
   * The dry run: the job script of every learner of {@code plan}, as a run in
   * {@code runDirectory} would submit them, each job starting {@code command}. If the scheduler
   * makes job arrays ({@link Scheduler#jobArrays()}), learners of the same resources share one
   * array script (up to {@link JobArrays#maxTasks()} each), as when a run submits them together;
   * a learner whose shape no other has gets its own script. Nothing is written
   * or submitted. The worker variables shown are the role, store, learner and job; the run
   * manager adds its address and settings when it submits. Job ids are {@code j1-dryrun},
   * {@code j2-dryrun}, ...; the run tag is the directory's, or {@value #DRY_RUN_TAG} before the
   * first submission.
   *
   * @param command the user's program as started: java, JVM options, main class, arguments
   * @throws IllegalArgumentException if a learner's resources cannot be rendered
   */
  @Override
  public String explain(ExecutionPlan plan, Path runDirectory, List<String> command) {
    Path root = runDirectory.toAbsolutePath();
    Path tagFile = root.resolve("jobs").resolve(RunTag.FILE);
    String tag = Files.exists(tagFile) ? RunTag.of(root) : DRY_RUN_TAG;
    List<JobRequest> requests = new ArrayList<>();
    int sequence = 0;
    for (LearnerTask task : plan.learners()) {
      String job = "j" + ++sequence + "-dryrun";
      Map<String, String> environment = new LinkedHashMap<>();
      environment.put("ADAPTIVE_ROLE", "worker");
      environment.put("ADAPTIVE_STORE", root.toString());
      environment.put("ADAPTIVE_LEARNER", task.name());
      environment.put("ADAPTIVE_JOB", job);
      requests.add(new JobRequest(task.name(), job, task.resources(), root,
          new DryRunLaunch(command, environment),
          root.resolve("logs").resolve(task.name() + "." + job + ".log")));
    }
    // With job arrays, learners of one shape share a script, as a run that submits them together.
    // Without them, each learner is a group of its own, in the plan's order.
    Optional<JobArrays> arrays = scheduler.jobArrays();
    List<Object> shapes = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      shapes.add(arrays.isPresent() ? requests.get(i).resources() : i);
    }
    StringBuilder text = new StringBuilder();
    for (List<Integer> chunk : PreparedArray.chunks(shapes,
        arrays.map(JobArrays::maxTasks).orElse(1))) {
      if (chunk.size() == 1) {
        int i = chunk.get(0);
        PreparedJob prepared = PreparedJob.of(scheduler, settings, requests.get(i), tag, i + 1,
            command);
        text.append("==> ").append(prepared.files().script()).append(" <==\n")
            .append(prepared.script()).append('\n');
      } else {
        PreparedArray array = PreparedArray.of(scheduler, arrays.get(), settings,
            chunk.stream().map(requests::get).toList(), tag, chunk.get(0) + 1, command);
        text.append("==> ").append(array.script()).append(" <==\n").append(array.text())
            .append('\n');
      }
    }
    return text.toString();
  }

  private record DryRunLaunch(List<String> command, Map<String, String> environment)
      implements WorkerLaunch {
    @Override
    public int runInThisJvm() {
      throw new IllegalStateException("a dry run starts nothing");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BatchBackend that && name.equals(that.name)
        && scheduler.equals(that.scheduler) && settings.equals(that.settings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, scheduler, settings);
  }

  @Override
  public String toString() {
    return "BatchBackend(" + name + ", " + scheduler + ", " + settings + ")";
  }
}
