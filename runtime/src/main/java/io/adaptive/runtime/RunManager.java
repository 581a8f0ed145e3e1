/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.Memory;
import io.adaptive.plan.ResourceShape;
import io.adaptive.runtime.launch.ExitStatus;
import io.adaptive.runtime.launch.WorkerAssignment;
import io.adaptive.runtime.protocol.Hello;
import io.adaptive.runtime.protocol.Report;
import io.adaptive.runtime.protocol.WorkerHandler;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.JobRequest;
import io.adaptive.runtime.spi.JobState;
import io.adaptive.runtime.spi.JobStatus;
import io.adaptive.runtime.spi.PartialSubmissionException;
import io.adaptive.runtime.spi.WorkerLaunch;
import io.adaptive.runtime.store.LearnerEvent;
import io.adaptive.runtime.store.LearnerRecord;
import io.adaptive.runtime.store.RunDatabase;
import io.adaptive.runtime.store.RunDirectory;
import io.adaptive.runtime.store.HistoryFile;
import io.adaptive.runtime.store.JournalFile;
import io.adaptive.runtime.store.StatusFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits, tracks, resubmits and records the jobs of one run, and does nothing else. Every state
 * change happens on the manager's own thread ({@link #run}); worker connections hand their
 * messages to it through a queue. Changes are committed to the run database once per loop turn.
 */
final class RunManager implements WorkerHandler {

  private static final Logger log = LoggerFactory.getLogger(RunManager.class);
  /** How long an exited job's connection may stay open before its exit is judged without it. */
  private static final long EXIT_GRACE_MILLIS = 5_000;
  private static final int LOG_TAIL_LINES = 20;
  /** Why a job stops when the user cancelled a learner of it, as recorded in its record. */
  private static final String USER_CANCELLED = "the user cancelled it";

  private final ExecutionPlan plan;
  private final RunSettings settings;
  private final RunDirectory directory;
  private final RunDatabase database;
  private final BackendSession backend;
  private final Function<WorkerAssignment, WorkerLaunch> launches;
  private final String secret;
  private final Clock clock;
  private String address = "";

  private final Map<String, LearnerTask> tasks = new LinkedHashMap<>();
  private final Map<String, LearnerRecord> records = new LinkedHashMap<>();
  /** Learners in the store but not in the plan: kept, not run, reported. */
  private final List<LearnerRecord> removed = new ArrayList<>();
  /**
   * How many records are PENDING, and how many PENDING, QUEUED or RUNNING: kept with every change
   * of {@link #records}, so that a turn of the loop with nothing to submit costs O(1), not a pass
   * over every learner (it runs for every batch of worker reports).
   */
  private int pending;
  private int unsettled;
  private final boolean hasDependencies;
  private final Map<String, List<Progress>> history = new HashMap<>();
  private final Map<String, Job> jobs = new HashMap<>();
  /** The most cores one job may have on this backend; packs stay within it. */
  private final int jobCores;
  private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
  /** Answers to workers, sent once the changes they acknowledge are committed. */
  private final List<Runnable> acknowledgements = new ArrayList<>();
  private final HistoryFile historyFile;
  private final JournalFile journalFile;
  private long jobSequence;
  private boolean dirty;
  private volatile RunSnapshot latest;

  /** A job the manager started, as far as the manager knows it. */
  private static final class Job {
    final String id;
    /** The learners it runs: one, or several packed into it ({@code learnersPerJob}). */
    final List<String> learners;
    final String backendId;
    final Path log;
    /** Learners whose worker connection is open now. */
    final Set<String> open = new HashSet<>();
    final Map<String, String> refusals = new HashMap<>();
    final Map<String, String> failures = new HashMap<>();
    /** Learners the user cancelled; the job stops for them. */
    final Set<String> cancelled = new HashSet<>();
    long exitedAtMillis = -1;
    int exitStatus = -1;
    /** How the backend saw the job end, e.g. {@code NODE_FAIL}; empty if it said nothing. */
    String exitDetail = "";
    /** Whether it ended through no fault of its learners (node failure, preemption). */
    boolean infrastructure;
    /** When the worker was last heard from (or the job first seen running); -1 while queued. */
    long heardAtMillis = -1;
    /** How far the kill patterns have read its log. */
    long logOffset;
    /** Why the manager ended this job; empty if it did not. */
    String endedBecause = "";

    Job(String id, List<String> learners, String backendId, Path log) {
      this.id = id;
      this.learners = new ArrayList<>(learners);
      this.backendId = backendId;
      this.log = log;
    }

    /** True once no message of its workers can still be on its way. */
    boolean quiet() {
      return open.isEmpty();
    }

    String names() {
      return learners.size() == 1 ? learners.get(0) : learners.toString();
    }
  }

  RunManager(ExecutionPlan plan, RunSettings settings, RunDirectory directory,
      RunDatabase database, BackendSession backend,
      Function<WorkerAssignment, WorkerLaunch> launches, String secret, int jobCores,
      Clock clock) {
    this.plan = plan;
    this.hasDependencies = plan.hasDependencies();
    this.settings = settings;
    this.directory = directory;
    this.database = database;
    this.backend = backend;
    this.launches = launches;
    this.secret = secret;
    this.clock = clock;
    for (LearnerTask task : plan.learners()) {
      tasks.put(task.name(), task);
    }
    this.jobCores = jobCores;
    this.historyFile = new HistoryFile(directory.history());
    this.journalFile = new JournalFile(directory.journal());
  }

  /**
   * Checks the stored learners against the plan. Learners whose data-defining part changed are
   * refused: their old data would be mixed with the new definition.
   *
   * @return every problem, empty if none
   */
  static List<String> checkStore(ExecutionPlan plan, RunDatabase database) {
    List<String> problems = new ArrayList<>();
    for (LearnerTask task : plan.learners()) {
      database.learner(task.name()).ifPresent(stored -> {
        String fingerprint = task.fingerprint();
        if (!stored.fingerprint().equals(fingerprint)) {
          problems.add(String.format(java.util.Locale.ROOT,
              "learner '%s': its definition changed since its data was stored in %s"
                  + " (fingerprint %s, now %s); to start it afresh run `bin/adaptive forget %s"
                  + " '%s'` (its record is in run.db, so deleting its data directory is not"
                  + " enough), to keep the old data restore the old definition or use another"
                  + " store directory",
              task.name(), database.file(), abbreviate(stored.fingerprint()),
              abbreviate(fingerprint), database.file().getParent(), task.name()));
        }
      });
    }
    return problems;
  }

  /** Sets where workers reach this manager, {@code host:port}; before {@link #run}. */
  void listenAt(String address) throws IOException {
    this.address = address;
    // Workers that lost an earlier manager of this run look here for the new one.
    Path file = directory.managerAddress();
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temporary, address + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Runs until every learner is done or failed, then returns the final snapshot. */
  RunSnapshot run(List<RunListener> listeners) throws InterruptedException {
    prepare();
    long pollEvery = settings.pollInterval().toMillis();
    long progressEvery = settings.progressInterval().toMillis();
    long nextPoll = 0;
    long nextProgress = 0;
    try {
      while (!settled()) {
        submitPending();
        long now = millis();
        handleEvents(events.poll(Math.max(0, Math.min(nextPoll, nextProgress) - now),
            TimeUnit.MILLISECONDS));
        now = millis();
        if (now >= nextPoll) {
          readCancelRequests();
          reconcile(backend.poll());
          nextPoll = now + pollEvery;
        }
        commitIfDirty();
        if (now >= nextProgress) {
          publishStatus();
          latest = snapshot();
          notify(listeners, latest, false);
          nextProgress = now + progressEvery;
        }
      }
    } finally {
      commitIfDirty();
      historyFile.close();
      journalFile.close();
      publishStatus();
    }
    RunSnapshot last = snapshot();
    latest = last;
    notify(listeners, last, true);
    return last;
  }

  void prepare() {
    long now = millis();
    for (LearnerTask task : plan.learners()) {
      String goal = task.goal().describe();
      Optional<LearnerRecord> stored = database.learner(task.name());
      history.put(task.name(), new ArrayList<>(database.history(task.name())));
      if (stored.isPresent()) {
        put(stored.get());
        update(resumed(stored.get(), task, goal, now), "the program was run again");
      } else {
        LearnerRecord fresh = LearnerRecord.fresh(task.name(), task.fingerprint(),
            task.spec().type(), goal);
        put(fresh);
        database.put(fresh);
      }
    }
    for (LearnerRecord stored : database.learners()) {
      if (!tasks.containsKey(stored.name())) {
        log.info("learner {} is in the store but not in the plan; its data is kept", stored.name());
        removed.add(stored);
        history.put(stored.name(), database.history(stored.name()));
      }
    }
    database.commit();
    try {
      StatusFile.write(directory.removed(), removed); // fixed for the run: written once
    } catch (IOException e) {
      log.warn("publishing {} failed: {}", directory.removed(), e.toString());
    }
    long done = records.values().stream().filter(r -> r.state() == LearnerState.DONE).count();
    if (done > 0) {
      log.info("{} of {} learners already reached their goal; they are not run again", done,
          records.size());
    }
  }

  private LearnerRecord resumed(LearnerRecord stored, LearnerTask task, String goal, long now) {
    if (stored.state() == LearnerState.DONE && stored.goal().equals(goal)) {
      return stored;
    }
    boolean held = stored.state() == LearnerState.RUNNING || stored.state() == LearnerState.QUEUED;
    if (held && adopt(stored, task, now)) {
      return stored;
    }
    if (held && stored.stopping().equals(USER_CANCELLED)) {
      // The user cancelled it and its job is gone: it ended cancelled, and running the program
      // again resumes it like any cancelled learner.
      stored = stored.released(LearnerState.CANCELLED, now);
      update(stored, "cancelled by the user (its job ended while no run manager watched it)");
    }
    return stored.restarted(goal, LearnerState.PENDING, now);
  }

  /** Takes over the job of a learner that a previous run manager started, if it still runs. */
  private boolean adopt(LearnerRecord stored, LearnerTask task, long now) {
    if (stored.job().isEmpty() || stored.backendJob().isEmpty()) {
      return false;
    }
    Job known = jobs.get(stored.job());
    if (known != null) {
      known.learners.add(task.name()); // another learner packed into a job adopted already
      stopAgain(known, stored);
      return true;
    }
    Path logFile = logFile(task.name(), stored.job());
    try {
      if (Files.isSymbolicLink(logFile)) {
        logFile = logFile.resolveSibling(Files.readSymbolicLink(logFile)); // the pack's own log
      }
    } catch (IOException e) {
      return false;
    }
    JobRequest request = new JobRequest(task.name(), stored.job(), task.resources(),
        directory.root(), NOT_RELAUNCHED, logFile);
    if (!backend.adopt(stored.backendJob(), request)) {
      return false;
    }
    Job job = new Job(stored.job(), List.of(task.name()), stored.backendJob(), logFile);
    job.heardAtMillis = now;
    jobs.put(job.id, job);
    stopAgain(job, stored);
    log.info("adopted job {} ({}) of learner {}: it still runs; waiting for its worker to"
        + " reconnect", job.id, job.backendId, task.name());
    return true;
  }

  /**
   * Takes up the stop that a previous manager recorded for an adopted job's learner: its end is
   * judged as that manager would have (a user's cancel ends the learner cancelled), and the
   * backend is asked again, since the previous manager may have died before it asked.
   */
  private void stopAgain(Job job, LearnerRecord stored) {
    String why = stored.stopping();
    if (why.isEmpty()) {
      return;
    }
    if (why.equals(USER_CANCELLED)) {
      job.cancelled.add(stored.name());
    }
    if (job.endedBecause.isEmpty()) {
      job.endedBecause = why;
      log.info("job {} of learner {} was being stopped by the previous run manager ({});"
          + " stopping it again", job.id, stored.name(), why);
      backend.cancel(job.backendId);
    }
  }

  /** An adopted job is never started again by this manager. */
  private static final WorkerLaunch NOT_RELAUNCHED = new WorkerLaunch() {
    @Override
    public List<String> command() {
      throw new IllegalStateException("an adopted job is not launched again");
    }

    @Override
    public Map<String, String> environment() {
      return Map.of();
    }

    @Override
    public int runInThisJvm() {
      throw new IllegalStateException("an adopted job is not launched again");
    }
  };

  private Path logFile(String learner, String jobId) {
    return directory.logs().resolve(learner + "." + jobId + ".log");
  }

  /** Whether no learner is pending, queued or running any more: the run is over. */
  boolean settled() {
    return unsettled == 0;
  }

  void submitPending() {
    if (pending == 0) {
      return;
    }
    if (hasDependencies) {
      settleDependents();
    }
    if (jobs.size() >= settings.maxJobs()) {
      return; // every slot is taken: the pending learners wait for a job to end
    }
    List<List<LearnerTask>> packs = packs();
    // A backend that submits a turn in a few calls (job arrays) is paced by turns, others by jobs.
    boolean grouped = backend.submitsInGroups();
    if (packs.isEmpty() || grouped && !settings.pacer().tryAcquire()) {
      return;
    }
    List<List<LearnerTask>> turn = new ArrayList<>();
    for (List<LearnerTask> pack : packs) {
      if (jobs.size() + turn.size() >= settings.maxJobs()
          || !grouped && !settings.pacer().tryAcquire()) {
        break; // the rest wait for a later turn
      }
      turn.add(pack);
    }
    if (!turn.isEmpty()) {
      submit(turn);
    }
  }

  /**
   * The pending learners, grouped into jobs: up to {@code learnersPerJob} learners with the same
   * resources share one job, as long as their cores fit in one job of the backend.
   */
  private List<List<LearnerTask>> packs() {
    List<List<LearnerTask>> packs = new ArrayList<>();
    Map<io.adaptive.plan.ResourceShape, List<LearnerTask>> open = new LinkedHashMap<>();
    for (LearnerRecord record : records.values()) {
      if (record.state() != LearnerState.PENDING) {
        continue;
      }
      LearnerTask task = tasks.get(record.name());
      if (!upstreamDone(task)) {
        continue; // a later stage: it waits until every learner it depends on is done
      }
      List<LearnerTask> pack = open.computeIfAbsent(task.resources(), shape -> {
        List<LearnerTask> fresh = new ArrayList<>();
        packs.add(fresh);
        return fresh;
      });
      pack.add(task);
      int cores = task.resources().cores();
      if (pack.size() >= settings.learnersPerJob() || (pack.size() + 1) * cores > jobCores) {
        open.remove(task.resources());
      }
    }
    return packs;
  }

  private boolean upstreamDone(LearnerTask task) {
    for (String upstream : task.dependsOn()) {
      if (records.get(upstream).state() != LearnerState.DONE) {
        return false;
      }
    }
    return true;
  }

  /** A learner whose upstream learner failed or was cancelled ends the same way, unrun. */
  private void settleDependents() {
    for (LearnerTask task : plan.learners()) {
      LearnerRecord record = records.get(task.name());
      if (record.state() != LearnerState.PENDING) {
        continue;
      }
      for (String upstream : task.dependsOn()) {
        LearnerState state = records.get(upstream).state();
        if (state == LearnerState.FAILED || state == LearnerState.CANCELLED) {
          String why = "its upstream learner '" + upstream + "' "
              + (state == LearnerState.FAILED ? "failed" : "was cancelled");
          LearnerRecord ended = state == LearnerState.FAILED
              ? record.failedOnce(why, millis()).released(LearnerState.FAILED, millis())
              : record.released(LearnerState.CANCELLED, millis());
          update(ended, why);
          log.warn("learner {} will not run: {}", task.name(), why);
          break;
        }
      }
    }
  }

  /** One job about to be submitted: its id, learners, log and request. */
  private record Submission(String jobId, List<String> names, Path log, JobRequest request) {}

  /**
   * Submits one job per pack, all with one {@link BackendSession#submitAll} call, so that the
   * backend may submit them together (job arrays). Every learner is recorded as submitting before
   * the call, durably; a job that was not submitted fails only its own learners.
   */
  private void submit(List<List<LearnerTask>> packs) {
    List<Submission> submissions = new ArrayList<>();
    for (List<LearnerTask> pack : packs) {
      String jobId = "j" + (++jobSequence) + "-" + Long.toString(millis(), 36);
      List<String> names = pack.stream().map(LearnerTask::name).toList();
      // Durable before acted on: a manager that dies during the submission finds the job's id,
      // and the worker of a job it never heard of is refused when it claims its learner.
      for (String name : names) {
        update(records.get(name).queuedIn(jobId, "", millis()), "submitting");
      }
      submissions.add(new Submission(jobId, names, logFile(names.get(0), jobId), null));
    }
    commitIfDirty();
    List<Submission> ready = new ArrayList<>();
    for (int i = 0; i < submissions.size(); i++) {
      Submission submission = submissions.get(i);
      List<LearnerTask> pack = packs.get(i);
      try {
        Files.createDirectories(submission.log().getParent());
        WorkerAssignment assignment = new WorkerAssignment(directory.root(), submission.names(),
            submission.jobId(), address, secret, settings.saveInterval(),
            settings.progressInterval(), settings.evaluationTimeout(), settings.onError(),
            settings.onNonFinite());
        ready.add(new Submission(submission.jobId(), submission.names(), submission.log(),
            new JobRequest(String.join(" ", submission.names()), submission.jobId(),
                packShape(pack), directory.root(), launches.apply(assignment),
                submission.log())));
      } catch (IOException | RuntimeException e) {
        failSubmission(submission, e);
      }
    }
    if (ready.isEmpty()) {
      return;
    }
    List<String> ids;
    Map<Integer, RuntimeException> failures = Map.of();
    try {
      ids = backend.submitAll(ready.stream().map(Submission::request).toList());
      if (ids.size() != ready.size()) {
        throw new IllegalStateException("the backend returned " + ids.size() + " job ids for "
            + ready.size() + " jobs");
      }
    } catch (PartialSubmissionException e) {
      ids = e.jobIds();
      failures = e.failures();
    } catch (RuntimeException e) {
      ids = java.util.Collections.nCopies(ready.size(), "");
      Map<Integer, RuntimeException> all = new HashMap<>();
      for (int i = 0; i < ready.size(); i++) {
        all.put(i, e);
      }
      failures = all;
    }
    for (int i = 0; i < ready.size(); i++) {
      Submission submission = ready.get(i);
      String backendId = i < ids.size() ? ids.get(i) : "";
      if (backendId.isEmpty()) {
        failSubmission(submission, failures.getOrDefault(i,
            new IllegalStateException("the backend returned no job id for it")));
      } else {
        submitted(submission, backendId);
      }
    }
  }

  private void failSubmission(Submission submission, Exception e) {
    log.error("submitting a job for {} failed: {}", submission.names(), e.toString());
    for (String name : submission.names()) {
      update(records.get(name).failedOnce("submitting its job failed: " + e, millis()),
          "submission failed");
      judge(records.get(name));
    }
  }

  private void submitted(Submission submission, String backendId) {
    String jobId = submission.jobId();
    List<String> names = submission.names();
    jobs.put(jobId, new Job(jobId, names, backendId, submission.log()));
    for (String name : names) {
      update(records.get(name).queuedIn(jobId, backendId, millis()), "submitted");
    }
    // A packed job has one log; each of its learners finds it under its own name.
    for (String name : names.subList(1, names.size())) {
      Path link = logFile(name, jobId);
      try {
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, submission.log().getFileName());
      } catch (IOException e) {
        log.warn("job {} runs, but learner {} has no link to its log {}: {}", jobId, name,
            submission.log(), e.toString());
      }
    }
    log.debug("{} submitted as job {} ({})", names, jobId, backendId);
  }

  /** What a pack asks for: its learners' cores and memory added up, the longest walltime. */
  private static ResourceShape packShape(List<LearnerTask> pack) {
    ResourceShape first = pack.get(0).resources();
    if (pack.size() == 1) {
      return first;
    }
    int cores = 0;
    long memory = 0;
    Duration walltime = Duration.ZERO;
    for (LearnerTask task : pack) {
      cores += task.resources().cores();
      memory += task.resources().memory().bytes();
      walltime = walltime.compareTo(task.resources().walltime()) >= 0 ? walltime
          : task.resources().walltime();
    }
    return first.withCores(cores).withMemory(new Memory(memory)).withWalltime(walltime);
  }

  void reconcile(Map<String, JobStatus> statuses) {
    long now = millis();
    for (Job job : List.copyOf(jobs.values())) {
      JobStatus status = statuses.get(job.backendId);
      if (status == null) {
        continue;
      }
      if (status.state() == JobState.RUNNING) {
        started(job);
        watch(job, now);
        continue;
      }
      if (status.state() != JobState.EXITED && status.state() != JobState.UNKNOWN) {
        continue;
      }
      if (job.exitedAtMillis < 0) {
        job.exitedAtMillis = now;
        job.exitStatus = status.exitStatus();
        job.exitDetail = status.detail();
        job.infrastructure = status.infrastructure();
      }
      // The worker's last messages may still be on their way: wait for its connection to close.
      if (job.quiet() || now - job.exitedAtMillis >= EXIT_GRACE_MILLIS) {
        exited(job);
      }
    }
  }

  /** Marks the queued learners of a job that the backend reports running. */
  private void started(Job job) {
    for (String learner : job.learners) {
      LearnerRecord record = records.get(learner);
      if (record.state() == LearnerState.QUEUED && record.job().equals(job.id)) {
        update(record.heldBy(job.id, job.backendId, millis()), "its job started");
      }
    }
  }

  /** Ends a running job whose worker went silent, or whose output matches a kill pattern. */
  private void watch(Job job, long now) {
    if (!job.endedBecause.isEmpty()) {
      return;
    }
    if (job.heardAtMillis < 0) {
      job.heardAtMillis = now;
    }
    long silent = now - job.heardAtMillis;
    if (silent > settings.heartbeatTimeout().toMillis()) {
      job.endedBecause = String.format(java.util.Locale.ROOT, "its worker sent no heartbeat for"
          + " %d s (heartbeat timeout %s), so it was killed", silent / 1000,
          settings.heartbeatTimeout());
      log.warn("job {} of {}: {}", job.id, job.names(), job.endedBecause);
      stopping(job, job.endedBecause);
      backend.kill(job.backendId);
      return;
    }
    if (settings.killOn() == KillPatterns.NONE) {
      return;
    }
    String line = KillPatterns.firstMatch(job.log, job.logOffset, settings.killOn(),
        offset -> job.logOffset = offset);
    if (line != null) {
      job.endedBecause = "its output matched a kill pattern: '" + line + "'";
      log.warn("job {} of {}: {}; cancelling it", job.id, job.names(), job.endedBecause);
      stopping(job, job.endedBecause);
      backend.cancel(job.backendId);
    }
  }

  /** Cancels every learner; safe from any thread. */
  void cancelAll() {
    events.add(() -> List.copyOf(records.keySet()).forEach(this::cancel));
  }

  /** The snapshot of the last progress interval; before the first, an empty one. */
  RunSnapshot latest() {
    RunSnapshot snapshot = latest;
    return snapshot != null ? snapshot
        : new RunSnapshot(plan.experiment(), directory.root(), Instant.ofEpochMilli(millis()),
            List.of());
  }

  /** Acts on the cancel requests that {@code bin/adaptive cancel} leaves in the run directory. */
  private void readCancelRequests() {
    for (String name : CancelRequests.take(directory.requests())) {
      List<String> learners = name.equals("*") ? List.copyOf(records.keySet()) : List.of(name);
      for (String learner : learners) {
        cancel(learner);
      }
    }
  }

  private void cancel(String learner) {
    LearnerRecord record = records.get(learner);
    if (record == null) {
      log.warn("cannot cancel learner '{}': this run has no such learner", learner);
      return;
    }
    long now = millis();
    if (record.state() == LearnerState.PENDING) {
      update(record.released(LearnerState.CANCELLED, now), "cancelled before it started");
      log.info("learner {} cancelled before it started", learner);
    } else if (record.state() == LearnerState.QUEUED || record.state() == LearnerState.RUNNING) {
      Job job = jobs.get(record.job());
      if (job != null && job.cancelled.add(learner)) {
        job.endedBecause = USER_CANCELLED;
        update(record.stopping(USER_CANCELLED, now), "the user cancelled it");
        commitIfDirty(); // durable before acted on: a restarted manager knows it was cancelled
        backend.cancel(job.backendId);
        log.info("learner {} cancelled: stopping job {}", learner, job.id);
      }
    }
  }

  /**
   * Records in the learners of {@code job} why the manager stops it, and commits, before the
   * backend is asked: a manager that dies meanwhile leaves the reason to its successor.
   */
  private void stopping(Job job, String why) {
    for (String learner : job.learners) {
      LearnerRecord record = records.get(learner);
      if (record != null && record.job().equals(job.id) && record.stopping().isEmpty()) {
        update(record.stopping(why, millis()), "its job is being stopped: " + why);
      }
    }
    commitIfDirty();
  }

  private void exited(Job job) {
    jobs.remove(job.id);
    for (String learner : job.learners) {
      exited(job, learner);
    }
  }

  private void exited(Job job, String learner) {
    LearnerRecord record = records.get(learner);
    if (record == null || !record.job().equals(job.id)) {
      return;
    }
    long now = millis();
    int status = job.exitStatus;
    if (record.state() == LearnerState.DONE) {
      return;
    }
    if (job.cancelled.contains(learner)) {
      update(record.released(LearnerState.CANCELLED, now), "cancelled by the user");
      return;
    }
    String refusal = job.refusals.getOrDefault(learner, "");
    if (!refusal.isEmpty()) {
      // A refused worker would be refused again: its plan differs from ours.
      update(record.failedOnce(refusal, now).released(LearnerState.FAILED, now),
          "refused: its worker built a different plan");
      log.error("learner {} failed: {}", learner, refusal);
      return;
    }
    String failure = job.failures.getOrDefault(learner, "");
    if (!failure.isEmpty()) {
      // Its function kept failing; a new job would fail the same way.
      update(record.failedOnce(failure + tail(job.log), now)
          .released(LearnerState.FAILED, now), "its function kept failing");
      return;
    }
    if (status == ExitStatus.LEARNER_FAILED && job.learners.size() == 1) {
      // Its worker's FAILED report was lost, but its exit status says the same: its function
      // kept failing, and a new job would fail the same way. (In a pack the status does not say
      // which learner failed, so a pack's learners are charged one failure each, below.)
      update(record.failedOnce(String.format(java.util.Locale.ROOT, "its function kept failing:"
          + " job %s (%s) exited with status %d (%s), its worker's report of the error did not"
          + " reach the run manager%n%s", job.id, job.backendId, status,
          ExitStatus.describe(status), tail(job.log)), now)
          .released(LearnerState.FAILED, now), "its function kept failing (exit status)");
      log.error("learner {} failed: its job {} exited with status {} ({})", learner, job.id,
          status, ExitStatus.describe(status));
      return;
    }
    if (status < 0) {
      // An adopted job whose end nobody saw: not charged, since the worker may well have saved.
      log.info("job {} of learner {} ended while no run manager watched it; resubmitting",
          job.id, learner);
      interrupted(record, "its job ended unwatched", now);
      return;
    }
    if (status == ExitStatus.WALLTIME) {
      // A walltime stop is normal: the learner saved and goes on in a new job, no failure charged.
      log.info("job {} of learner {} reached its walltime; resubmitting", job.id, learner);
      interrupted(record, "walltime", now);
      return;
    }
    if (job.infrastructure) {
      // The node failed or the job was preempted: resubmit without charging the learner.
      log.warn("job {} of learner {} ended by the cluster ({}); resubmitting", job.id, learner,
          job.exitDetail);
      interrupted(record, job.exitDetail, now);
      return;
    }
    if (!job.cancelled.isEmpty()) {
      // Another learner of its job was cancelled, which stopped the job: no fault of this one.
      interrupted(record, "a learner sharing its job was cancelled", now);
      return;
    }
    String why = !job.endedBecause.isEmpty() ? job.endedBecause
        : status == ExitStatus.STOPPED || status == 143 ? "something outside this run stopped it"
        : ExitStatus.describe(status);
    if (!job.exitDetail.isEmpty()) {
      why += " (" + job.exitDetail + ")";
    }
    String error = String.format(java.util.Locale.ROOT, "job %s (%s) of learner %s ended before"
        + " its goal: exit status %d, %s%n%s", job.id, job.backendId, learner, status, why,
        tail(job.log));
    log.warn("job {} of learner {} ended before its goal: exit status {} ({})", job.id, learner,
        status, why);
    update(record.failedOnce(error, now).released(LearnerState.PENDING, now), why);
    judge(records.get(learner));
  }

  /** A stop that is no failure; still, a learner interrupted too often is given up. */
  private void interrupted(LearnerRecord record, String reason, long now) {
    // Counted in its record, so that a restarted run manager does not start the count afresh.
    LearnerRecord counted = record.interrupted(now);
    int count = counted.interruptions();
    if (count > settings.maxInterruptions()) {
      String error = "interrupted " + count + " times (walltime, node failures, preemption or"
          + " unwatched ends; the last: " + reason + "), more than"
          + " maxInterruptions(" + settings.maxInterruptions() + "); raise the walltime or"
          + " Runner.maxInterruptions, or check the nodes its jobs ran on";
      update(counted.failedOnce(error, now).released(LearnerState.FAILED, now), error);
      log.error("learner {} failed: {}", record.name(), error);
    } else {
      update(counted.released(LearnerState.PENDING, now), reason);
    }
  }

  /** Fails a learner whose failures used up its budget; otherwise it waits for a new job. */
  private void judge(LearnerRecord record) {
    if (record.failures() >= settings.maxFailures()) {
      update(record.released(LearnerState.FAILED, millis()), "failure budget spent");
      log.error("learner {} failed {} times; giving up on it: {}", record.name(),
          record.failures(), record.lastError().lines().findFirst().orElse(""));
    } else if (record.state() != LearnerState.PENDING) {
      update(record.released(LearnerState.PENDING, millis()), "waiting for a new job");
    }
  }

  private static String tail(Path logFile) {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      List<String> last = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
      return last.isEmpty() ? "(its log " + logFile + " is empty)"
          : "last lines of " + logFile + ":\n  " + String.join("\n  ", last);
    } catch (IOException | RuntimeException e) {
      return "(its log " + logFile + " cannot be read: " + e + ")";
    }
  }

  /**
   * Runs {@code first} and every queued worker message after it, then commits their changes and
   * only then answers the workers that wait for an answer (claims): durable before acknowledged,
   * one commit for the whole batch.
   */
  void handleEvents(Runnable first) {
    Runnable event = first;
    while (event != null) {
      event.run();
      event = events.poll();
    }
    if (!acknowledgements.isEmpty()) {
      commitIfDirty(); // if it throws, no worker is told OK; their claims time out
      acknowledgements.forEach(Runnable::run);
      acknowledgements.clear();
    }
  }

  // ---- worker messages, each handed to the manager's thread ----

  @Override
  public String claim(Hello hello) {
    CompletableFuture<String> answer = new CompletableFuture<>();
    events.add(() -> {
      String decision = decideClaim(hello);
      acknowledgements.add(() -> answer.complete(decision)); // after the commit: durable first
    });
    try {
      return answer.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "the run manager is shutting down";
    } catch (ExecutionException | TimeoutException e) {
      return "the run manager did not answer in time";
    }
  }

  private String decideClaim(Hello hello) {
    LearnerRecord record = records.get(hello.learner());
    Job job = jobs.get(hello.jobId());
    if (record == null) {
      return "this run has no learner '" + hello.learner() + "'";
    }
    if (job == null || !record.job().equals(hello.jobId())) {
      return "learner '" + hello.learner() + "' is not assigned to job " + hello.jobId()
          + (record.job().isEmpty() ? "" : "; job " + record.job() + " holds it");
    }
    String expected = record.fingerprint();
    if (!expected.equals(hello.fingerprint())) {
      String refusal = String.format(java.util.Locale.ROOT,
          "the worker for learner '%s' built a different plan%n"
              + "  run manager %s, this worker %s (job %s)%n"
              + "  fix: main() must build the same plan on every launch; derive it from args and"
              + " input files only, not from the clock, the host, environment variables or an"
              + " unseeded Random",
          hello.learner(), abbreviate(expected), abbreviate(hello.fingerprint()), hello.jobId());
      job.refusals.put(hello.learner(), refusal);
      return refusal;
    }
    job.open.add(hello.learner());
    if (record.state() == LearnerState.QUEUED) {
      update(record.heldBy(job.id, job.backendId, millis()), "its worker connected");
    }
    job.heardAtMillis = millis();
    return "";
  }

  @Override
  public void progress(Hello worker, Report report) {
    events.add(() -> reported(worker, report, null));
  }

  @Override
  public void done(Hello worker, Report report) {
    events.add(() -> reported(worker, report, LearnerState.DONE));
  }

  @Override
  public void failed(Hello worker, Report report, String error) {
    events.add(() -> {
      Job job = jobs.get(worker.jobId());
      if (job != null) {
        job.failures.put(worker.learner(), error);
      }
      reported(worker, report, null);
    });
  }

  @Override
  public void disconnected(Hello worker) {
    events.add(() -> {
      Job job = jobs.get(worker.jobId());
      if (job != null) {
        job.open.remove(worker.learner());
      }
    });
  }

  private void reported(Hello worker, Report report, LearnerState newState) {
    Job job = jobs.get(worker.jobId());
    if (job != null) {
      job.heardAtMillis = millis();
    }
    LearnerRecord record = records.get(worker.learner());
    if (record == null || !record.job().equals(worker.jobId())) {
      return;
    }
    long now = millis();
    LearnerRecord updated = record.reported(report.npoints(), report.loss(),
        report.elapsedNanos(), now);
    if (newState != null) {
      updated = updated.released(newState, now);
    }
    update(updated, newState == null ? "progress" : "reached its goal");
    Progress progress = new Progress(now, report.npoints(), report.loss(), report.cpuNanos(),
        report.heapBytes());
    history.get(worker.learner()).add(progress);
    database.append(worker.learner(), progress);
    historyFile.append(worker.learner(), progress);
  }

  // ---- state ----

  /** Records a change of a learner; a change of state or job also goes into the journal. */
  private void update(LearnerRecord record, String reason) {
    LearnerRecord old = put(record);
    database.put(record);
    if (old != null && (old.state() != record.state() || !old.job().equals(record.job()))) {
      LearnerEvent event = new LearnerEvent(record.updatedMillis(), record.name(),
          record.job().isEmpty() ? old.job() : record.job(), old.state(), record.state(), reason);
      database.journal(event);
      journalFile.append(event);
    }
    dirty = true;
  }

  /** Puts {@code record} in {@link #records}, keeping the counts; returns the one it replaced. */
  private LearnerRecord put(LearnerRecord record) {
    LearnerRecord old = records.put(record.name(), record);
    if (old != null) {
      count(old.state(), -1);
    }
    count(record.state(), 1);
    return old;
  }

  private void count(LearnerState state, int delta) {
    if (state == LearnerState.PENDING) {
      pending += delta;
    }
    if (state == LearnerState.PENDING || state == LearnerState.QUEUED
        || state == LearnerState.RUNNING) {
      unsettled += delta;
    }
  }

  void commitIfDirty() {
    if (dirty) {
      database.commit();
      historyFile.flush();
      journalFile.flush();
      dirty = false;
    }
  }

  private void publishStatus() {
    try {
      StatusFile.write(directory.status(), records.values());
    } catch (IOException e) {
      log.warn("publishing {} failed: {}", directory.status(), e.toString());
    }
  }

  RunSnapshot snapshot() {
    return new RunSnapshot(plan.experiment(), directory.root(), Instant.ofEpochMilli(millis()),
        statuses(records.values()), statuses(removed));
  }

  private List<LearnerStatus> statuses(Collection<LearnerRecord> of) {
    List<LearnerStatus> statuses = new ArrayList<>(of.size());
    for (LearnerRecord r : of) {
      statuses.add(new LearnerStatus(r.name(), r.kind(), r.state(), r.npoints(), r.loss(),
          r.failures(), r.lastError(), directory.snapshot(r.name()), history.get(r.name())));
    }
    return statuses;
  }

  private static void notify(List<RunListener> listeners, RunSnapshot snapshot, boolean last) {
    for (RunListener listener : listeners) {
      try {
        if (last) {
          listener.onProgress(snapshot);
          listener.onFinish(snapshot);
        } else {
          listener.onProgress(snapshot);
        }
      } catch (RuntimeException e) {
        log.warn("run listener {} failed: {}", listener, e.toString());
      }
    }
  }

  private long millis() {
    return clock.millis();
  }

  // ExecutionPlan.explain() shortens fingerprints the same way (io.adaptive.plan.Fingerprint), so
  // that a fingerprint named here can be found in the plan's text (plan.txt) as it is; change both.
  private static String abbreviate(String fingerprint) {
    return fingerprint.length() <= 12 ? fingerprint
        : fingerprint.substring(0, 4) + "…" + fingerprint.substring(fingerprint.length() - 4);
  }
}
