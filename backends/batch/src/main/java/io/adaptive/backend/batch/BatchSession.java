/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import io.adaptive.plan.ResourceShape;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.JobRequest;
import io.adaptive.runtime.spi.JobStatus;
import io.adaptive.runtime.spi.PartialSubmissionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch backend at work: submits job scripts, tracks the jobs with one status query per poll,
 * and cancels them in batches. Thread-safe; commands run outside the lock.
 */
final class BatchSession implements BackendSession {

  private static final Logger log = LoggerFactory.getLogger(BatchSession.class);

  /** Attempts of a submission or a cancel that fails transiently. */
  static final int ATTEMPTS = 5;
  /** Attempts of the cancels sent by {@link #close()}, which must not wait long. */
  static final int CLOSE_ATTEMPTS = 2;
  /** Most ids per cancel or kill command. */
  static final int BATCH = 100;
  /** A snapshot younger than this serves {@link #adopt} without a new query. */
  private static final long ADOPT_SNAPSHOT_MILLIS = 5_000;
  /** Cancels that come within this time go out in one command. */
  private static final long CANCEL_GATHER_MILLIS = 100;

  private final Scheduler scheduler;
  private final BatchSettings settings;
  private final CommandRunner runner;
  private final Backoff backoff;
  private final Outcomes outcomes;
  private final LongSupplier clock;
  private final ScheduledExecutorService canceller;

  private final Map<String, TrackedJob> jobs = new LinkedHashMap<>();
  private final Map<Path, String> tags = new HashMap<>();
  private final Set<String> toCancel = new LinkedHashSet<>();
  private final Set<String> toKill = new LinkedHashSet<>();
  private final Set<String> unknownStates = new HashSet<>();
  private List<SchedulerJob> snapshot;
  private long snapshotMillis;
  private boolean flushScheduled;
  private boolean closed;
  private long sequence;

  BatchSession(Scheduler scheduler, BatchSettings settings, CommandRunner runner, Backoff backoff,
      LongSupplier clock) {
    this.scheduler = scheduler;
    this.settings = settings;
    this.runner = runner;
    this.backoff = backoff;
    this.outcomes = new Outcomes(settings.exitFileGrace());
    this.clock = clock;
    this.canceller = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "adaptive-" + scheduler.name().toLowerCase(Locale.ROOT)
          + "-cancel");
      thread.setDaemon(true);
      return thread;
    });
  }

  // ---------------------------------------------------------------------------------- submit

  @Override
  public String submit(JobRequest request) {
    PreparedJob job;
    synchronized (this) {
      String tag = admit(request, request.learner());
      job = PreparedJob.of(scheduler, settings, request, tag, ++sequence,
          request.launch().command());
    }
    try {
      job.write();
    } catch (IOException e) {
      throw new SubmissionException("cannot write the job script of learner '" + request.learner()
          + "' to " + job.files().script() + ": " + e + "\n  fix: make the run directory writable",
          request.learner(), job.files().script());
    }
    String id = submitWithRetries(new Target("learner '" + request.learner() + "'",
        request.learner(), job.files().script(), job.description().comment(),
        request.resources(), job.tag()));
    synchronized (this) {
      String prefix = RunTag.namePrefix(settings.namePrefix(), job.tag());
      jobs.put(id, new TrackedJob(id, request.learner(), job.files(), prefix, job.tag()));
    }
    log.debug("submitted job {} ({}) of learner {}: {}", request.job(), id, request.learner(),
        job.files().script());
    return id;
  }

  /**
   * Refuses a submission to a closed session or of a shape this scheduler cannot run; else the tag
   * of the request's run. Called holding this session's lock.
   *
   * @param learners whom a refusal names: the learner, or the learners of an array
   */
  private String admit(JobRequest request, String learners) {
    if (closed) {
      throw new IllegalStateException("the " + scheduler.name() + " backend session is closed");
    }
    List<String> problems = scheduler.check(request.learner(), request.resources());
    if (!problems.isEmpty()) {
      throw new SubmissionException(String.join("\n", problems), learners, null);
    }
    return tags.computeIfAbsent(request.runDirectory().toAbsolutePath(), RunTag::of);
  }

  /**
   * What one submission command submits, for the messages and the search after a timeout.
   *
   * @param what {@code learner 'x'}, or the learners of a job array
   * @param learner the learner's name (a pack's or an array's names, separated by spaces)
   * @param script the job script
   * @param comment the comment every job (or task) of the submission carries
   * @param resources the shape, for the values a scheduler may refuse
   * @param tag the run tag
   */
  private record Target(String what, String learner, Path script, String comment,
      ResourceShape resources, String tag) {}

  // ---------------------------------------------------------------------------- submitAll

  /** True if the scheduler makes job arrays: then a turn's jobs go in a few {@code sbatch} calls. */
  @Override
  public boolean submitsInGroups() {
    return scheduler.jobArrays().isPresent();
  }

  /**
   * Submits the jobs of one shape, run directory and command together as job arrays of up to
   * {@link JobArrays#maxTasks()} tasks, if the scheduler offers arrays; a job without such a
   * companion is submitted alone, as is every job without arrays. A failed array fails each of
   * its jobs with the same exception; the other arrays and jobs are still submitted.
   */
  @Override
  public List<String> submitAll(List<JobRequest> requests) {
    Optional<JobArrays> arrays = scheduler.jobArrays();
    if (arrays.isEmpty() || requests.size() < 2) {
      return BackendSession.super.submitAll(requests);
    }
    List<Object> shapes = requests.stream().<Object>map(r -> List.of(
        r.runDirectory().toAbsolutePath(), r.resources(), r.launch().command())).toList();
    String[] ids = new String[requests.size()];
    Arrays.fill(ids, "");
    Map<Integer, RuntimeException> failures = new TreeMap<>();
    for (List<Integer> chunk : PreparedArray.chunks(shapes, arrays.get().maxTasks())) {
      try {
        if (chunk.size() == 1) {
          ids[chunk.get(0)] = submit(requests.get(chunk.get(0)));
        } else {
          List<String> made = submitArray(arrays.get(),
              chunk.stream().map(requests::get).toList());
          for (int k = 0; k < chunk.size(); k++) {
            ids[chunk.get(k)] = made.get(k);
          }
        }
      } catch (RuntimeException e) {
        chunk.forEach(i -> failures.put(i, e));
      }
    }
    if (!failures.isEmpty()) {
      throw new PartialSubmissionException(List.of(ids), failures);
    }
    return List.of(ids);
  }

  /** Submits {@code requests} (2 or more, one shape) as one job array; the tasks' ids in order. */
  private List<String> submitArray(JobArrays arrays, List<JobRequest> requests) {
    JobRequest first = requests.get(0);
    String learners = requests.stream().map(JobRequest::learner)
        .collect(Collectors.joining(" "));
    PreparedArray array;
    synchronized (this) {
      String tag = admit(first, learners);
      array = PreparedArray.of(scheduler, arrays, settings, requests, tag, sequence + 1,
          first.launch().command());
      sequence += requests.size();
    }
    // A job may run a pack of learners: the array has as many tasks as jobs.
    String what = String.format(Locale.ROOT, "the job array of %d jobs for learners %s",
        requests.size(), requests.stream().limit(3).map(r -> "'" + r.learner() + "'")
            .collect(Collectors.joining(", ")) + (requests.size() > 3 ? ", ..." : ""));
    try {
      array.write();
    } catch (IOException e) {
      throw new SubmissionException("cannot write the script of " + what + " to "
          + array.script() + ": " + e + "\n  fix: make the run directory writable", learners,
          array.script());
    }
    String arrayId = arrays.arrayJobId(submitWithRetries(new Target(what, learners,
        array.script(), array.description().comment(), first.resources(), array.tag())));
    List<String> ids = new ArrayList<>();
    synchronized (this) {
      String prefix = RunTag.namePrefix(settings.namePrefix(), array.tag());
      for (int i = 0; i < requests.size(); i++) {
        String id = arrays.taskId(arrayId, i);
        ids.add(id);
        jobs.put(id, new TrackedJob(id, requests.get(i).learner(), array.jobs().get(i).files(),
            prefix, array.tag()));
      }
    }
    log.debug("submitted {} as job array {} ({} tasks): {}", what, arrayId, requests.size(),
        array.script());
    return ids;
  }

  private String submitWithRetries(Target target) {
    Path script = target.script();
    List<String> command = scheduler.submitCommand(script);
    String tool = command.get(0);
    CommandResult result = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      result = runner.run(command);
      if (result.succeeded()) {
        try {
          return scheduler.parseSubmitted(result);
        } catch (SchedulerOutputException e) {
          // It may well have made the job: look before anything else, never submit twice.
          Optional<String> made = findSubmitted(target);
          if (made.isPresent()) {
            return made.get();
          }
          throw new SubmissionException(String.format(Locale.ROOT, "%s printed no job id for"
              + " %s: %s%n  fix: run it by hand to see what it prints: %s%n  script kept"
              + " at %s", tool, target.what(), e.getMessage(), String.join(" ", command),
              script), target.learner(), script);
        }
      }
      if (result.timedOut()) {
        // A submission that timed out on the client may have succeeded on the server.
        Optional<String> made = findSubmitted(target);
        if (made.isPresent()) {
          log.info("{} timed out for {}, but the job was made: {}", tool, target.what(),
              made.get());
          return made.get();
        }
      } else {
        Diagnosis diagnosis = scheduler.diagnose(result);
        if (diagnosis.kind() != Diagnosis.Kind.TRANSIENT) {
          throw refused(target, tool, result, diagnosis);
        }
      }
      if (attempt < ATTEMPTS) {
        log.info("{} failed transiently for {} (attempt {} of {}); retrying", tool,
            target.what(), attempt, ATTEMPTS);
        try {
          backoff.pause(attempt);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new SubmissionException(String.format(Locale.ROOT, "%s failed %d times for %s"
        + " with errors that usually pass (a busy or unreachable controller, a per-user limit);"
        + " the last one:%n%s%n  fix: check that the scheduler answers, e.g. %s; the learner's"
        + " job is submitted again later%n  script kept at %s", tool, ATTEMPTS, target.what(),
        quoted(result), String.join(" ", scheduler.statusCommand(query(target.tag()))), script),
        target.learner(), script);
  }

  private SubmissionException refused(Target target, String tool, CommandResult result,
      Diagnosis diagnosis) {
    Path script = target.script();
    String fix = diagnosis.kind() == Diagnosis.Kind.PERMANENT ? diagnosis.fix()
        : "read the message above; to see more, submit the kept script by hand: "
            + String.join(" ", scheduler.submitCommand(script));
    String values = requested(target.resources());
    return new SubmissionException(String.format(Locale.ROOT, "%s refused %s (exit code"
        + " %d)%n%s%n%s  fix: %s%n  script kept at %s", tool, target.what(), result.exitCode(),
        quoted(result), values.isEmpty() ? "" : "  from resources(): " + values + "\n", fix,
        script), target.learner(), script);
  }

  /** The values of the shape that a scheduler may refuse, as the user wrote them. */
  private static String requested(ResourceShape shape) {
    List<String> values = new ArrayList<>();
    if (!shape.partition().isEmpty()) {
      values.add("partition '" + shape.partition() + "'");
    }
    if (!shape.account().isEmpty()) {
      values.add("account '" + shape.account() + "'");
    }
    if (!shape.qos().isEmpty()) {
      values.add("qos '" + shape.qos() + "'");
    }
    if (!shape.constraint().isEmpty()) {
      values.add("constraint '" + shape.constraint() + "'");
    }
    if (shape.gpus() > 0) {
      values.add("gpus(" + shape.gpus() + ")");
    }
    if (!shape.schedulerOptions().isEmpty()) {
      values.add("schedulerOptions " + shape.schedulerOptions());
    }
    return String.join(", ", values);
  }

  /** The last lines of a command's error output (or its output), indented, as the tool wrote them. */
  private static String quoted(CommandResult result) {
    String text = result.stderr().isBlank() ? result.stdout() : result.stderr();
    List<String> lines = text.strip().lines().toList();
    return lines.subList(Math.max(0, lines.size() - 5), lines.size()).stream()
        .map(line -> "  " + line).collect(Collectors.joining("\n"));
  }

  /** The id of the job that a submission of {@code target} made, found by one status query. */
  private Optional<String> findSubmitted(Target target) {
    CommandResult result = runner.run(scheduler.statusCommand(query(target.tag())));
    try {
      String prefix = RunTag.namePrefix(settings.namePrefix(), target.tag());
      for (SchedulerJob listed : scheduler.parseStatus(result)) {
        if (TrackedJob.isOfRun(listed, prefix, target.tag())
            && listed.comment().equals(target.comment())) {
          return Optional.of(listed.id());
        }
      }
    } catch (SchedulerOutputException e) {
      log.warn("could not look for the job of a failed submission: {}", e.getMessage());
    }
    return Optional.empty();
  }

  private StatusQuery query(String tag) {
    return new StatusQuery(settings.user(), RunTag.namePrefix(settings.namePrefix(), tag),
        List.of());
  }

  // ------------------------------------------------------------------------------------ adopt

  @Override
  public boolean adopt(String jobId, JobRequest request) {
    String tag;
    synchronized (this) {
      TrackedJob known = jobs.get(jobId);
      if (known != null) {
        return !known.decided();
      }
      tag = tags.computeIfAbsent(request.runDirectory().toAbsolutePath(), RunTag::of);
    }
    JobFiles files = JobFiles.of(request.runDirectory(), request.job(), scheduler.scriptSuffix());
    if (files.readExit().isPresent()) {
      return false; // its worker has ended: nothing left to track
    }
    String prefix = RunTag.namePrefix(settings.namePrefix(), tag);
    TrackedJob job = new TrackedJob(jobId, request.learner(), files, prefix, tag);
    List<SchedulerJob> listed = recentSnapshot(prefix);
    if (listed != null) {
      Optional<SchedulerJob> seen = listed.stream().filter(job::matches).findFirst();
      if (seen.isEmpty() || seen.get().state().terminal()) {
        return false;
      }
      job.lastSeen = seen.get();
    }
    // listed == null: the scheduler did not answer; track it, and let the polls decide.
    synchronized (this) {
      jobs.put(jobId, job);
    }
    return true;
  }

  /** A snapshot at most a few seconds old, or a new one; null if the query failed. */
  private List<SchedulerJob> recentSnapshot(String prefix) {
    synchronized (this) {
      if (snapshot != null && clock.getAsLong() - snapshotMillis < ADOPT_SNAPSHOT_MILLIS) {
        return snapshot;
      }
    }
    CommandResult result = runner.run(scheduler.statusCommand(
        new StatusQuery(settings.user(), prefix, List.of())));
    try {
      List<SchedulerJob> listed = scheduler.parseStatus(result);
      synchronized (this) {
        snapshot = listed;
        snapshotMillis = clock.getAsLong();
      }
      return listed;
    } catch (SchedulerOutputException e) {
      log.warn("the {} status query failed while adopting jobs: {}", scheduler.name(),
          e.getMessage());
      return null;
    }
  }

  // ------------------------------------------------------------------------------------- poll

  @Override
  public Map<String, JobStatus> poll() {
    List<TrackedJob> open;
    StatusQuery query;
    synchronized (this) {
      open = jobs.values().stream().filter(job -> !job.decided()).toList();
      if (open.isEmpty()) {
        return statuses();
      }
      // The run's jobs share one tag per run directory; a session serves one run directory.
      TrackedJob first = open.get(0);
      query = new StatusQuery(settings.user(), first.namePrefix,
          open.stream().map(job -> job.id).sorted().toList());
    }
    CommandResult result = runner.run(scheduler.statusCommand(query));
    List<SchedulerJob> listed = null;
    String failure = "";
    try {
      listed = scheduler.parseStatus(result);
    } catch (SchedulerOutputException e) {
      failure = e.getMessage();
      if (result.succeeded()) {
        log.warn("the {} status query printed what cannot be read: {}", scheduler.name(),
            failure);
      }
    }
    long now = clock.getAsLong();
    synchronized (this) {
      if (listed != null) {
        snapshot = listed;
        snapshotMillis = now;
      }
      Map<String, JobStatus> stale = new HashMap<>();
      for (TrackedJob job : open) {
        if (listed == null) {
          stale.put(job.id, stale(job, failure, now));
          continue;
        }
        SchedulerJob seen = listed.stream().filter(job::matches).findFirst().orElse(null);
        if (seen != null && seen.state() == SchedulerState.OTHER
            && unknownStates.add(seen.schedulerState())) {
          log.warn("{} reports job {} in state '{}', which this version does not know; it is"
              + " taken as alive", scheduler.name(), job.id, seen.schedulerState());
        }
        job.status = outcomes.decide(job, seen, now);
      }
      Map<String, JobStatus> statuses = statuses();
      statuses.putAll(stale);
      return statuses;
    }
  }

  /** The last status, marked stale; an exit file still counts, since it needs no scheduler. */
  private JobStatus stale(TrackedJob job, String failure, long now) {
    Optional<JobFiles.ExitRecord> exit = job.files.readExit();
    if (exit.isPresent()) {
      job.status = outcomes.decide(job, job.lastSeen, now);
      return job.status;
    }
    String first = failure.lines().findFirst().orElse("").strip();
    if (first.length() > 200) {
      first = first.substring(0, 200) + "...";
    }
    String detail = (job.status.detail().isEmpty() ? "" : job.status.detail() + "; ")
        + "stale: the status query failed at "
        + Instant.ofEpochMilli(now).truncatedTo(ChronoUnit.SECONDS) + " (" + first
        + "), so nothing is concluded from it";
    return new JobStatus(job.id, job.status.state(), job.status.exitStatus(), detail,
        job.status.infrastructure());
  }

  private Map<String, JobStatus> statuses() {
    Map<String, JobStatus> statuses = new HashMap<>();
    jobs.forEach((id, job) -> statuses.put(id, job.status));
    return statuses;
  }

  // ---------------------------------------------------------------------------- cancel, kill

  @Override
  public void cancel(String jobId) {
    request(jobId, toCancel);
  }

  @Override
  public void kill(String jobId) {
    request(jobId, toKill);
  }

  private synchronized void request(String jobId, Set<String> pending) {
    TrackedJob job = jobs.get(jobId);
    if (job == null || job.decided()) {
      return;
    }
    // Recorded before the command runs, so that a CANCELLED state can be told from someone else's.
    job.cancelRequested = true;
    pending.add(jobId);
    if (!flushScheduled && !closed) {
      flushScheduled = true;
      canceller.schedule(() -> flush(ATTEMPTS), CANCEL_GATHER_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Sends the gathered cancels and kills, at most {@value #BATCH} ids per command. */
  private void flush(int attempts) {
    List<String> cancels;
    List<String> kills;
    synchronized (this) {
      flushScheduled = false;
      cancels = new ArrayList<>(toCancel);
      kills = new ArrayList<>(toKill);
      toCancel.clear();
      toKill.clear();
      cancels.removeAll(kills); // a kill supersedes a cancel
    }
    for (int from = 0; from < cancels.size(); from += BATCH) {
      runWithRetries(scheduler.cancelCommand(cancels.subList(from,
          Math.min(cancels.size(), from + BATCH))), attempts);
    }
    for (int from = 0; from < kills.size(); from += BATCH) {
      runWithRetries(scheduler.killCommand(kills.subList(from,
          Math.min(kills.size(), from + BATCH))), attempts);
    }
  }

  /** A cancel is confirmed by a later poll, never by its exit code; transient errors are retried. */
  private void runWithRetries(List<String> command, int attempts) {
    for (int attempt = 1; attempt <= attempts; attempt++) {
      CommandResult result = runner.run(command);
      if (result.succeeded()) {
        return;
      }
      if (!result.timedOut() && scheduler.diagnose(result).kind() != Diagnosis.Kind.TRANSIENT) {
        return; // logged by the runner; the next polls show what became of the jobs
      }
      if (attempt < attempts) {
        try {
          backoff.pause(attempt);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------ close

  /** How long {@link #close()} waits for jobs to end by themselves before cancelling them. */
  private static final long ENDING_BY_ITSELF_MILLIS = 5_000;

  @Override
  public void close() {
    List<TrackedJob> open;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      open = jobs.values().stream().filter(job -> !job.decided() && !job.cancelRequested)
          .toList();
    }
    // A run ends when its last learner reports its goal, while that worker is still exiting: its
    // job ends by itself a moment later (its exit file says so), and cancelling it would record a
    // finished learner as CANCELLED. Only jobs still without an exit file after a short wait are
    // cancelled.
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ENDING_BY_ITSELF_MILLIS);
    List<TrackedJob> running = new ArrayList<>(open);
    while (true) {
      running.removeIf(job -> Files.exists(job.files.exit()));
      if (running.isEmpty() || System.nanoTime() > until) {
        break;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    synchronized (this) {
      for (TrackedJob job : running) {
        job.cancelRequested = true;
        toCancel.add(job.id);
      }
    }
    // Bounded: the cancels already on their way, then this one with a single retry.
    canceller.shutdown();
    try {
      canceller.awaitTermination(runner.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush(CLOSE_ATTEMPTS);
  }
}
