/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import io.adaptive.backend.batch.CommandResult;
import io.adaptive.backend.batch.Diagnosis;
import io.adaptive.backend.batch.JobDescription;
import io.adaptive.backend.batch.Scheduler;
import io.adaptive.backend.batch.SchedulerJob;
import io.adaptive.backend.batch.SchedulerOutputException;
import io.adaptive.backend.batch.StatusQuery;
import io.adaptive.plan.ResourceShape;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PBS's dialect: {@code #PBS} directives, {@code qsub}, {@code qstat -f}, {@code qdel},
 * {@code qsig}. Immutable but for the set of held jobs already warned of; thread-safe.
 *
 * <p>One status command per poll. On OpenPBS it is {@code qstat -f -x <ids>}: with {@code -x},
 * qstat reports the live jobs and the finished ones that are still in the server's history in the
 * same call, so the {@code qstat -f} for live jobs and the {@code qstat -f -x} follow-up for jobs
 * that disappeared (batch-systems.md §4.3) are one server request, not two. Torque has no
 * {@code -x}; it keeps finished jobs as C for {@code keep_completed} seconds, so
 * {@code qstat -f <ids>} sees them. Ids the server has forgotten are reported on standard error
 * with a non-zero exit code; the others are still printed and read.
 */
final class PbsScheduler implements Scheduler {

  private static final Logger log = LoggerFactory.getLogger(PbsScheduler.class);

  /** Environment variable that carries the core's comment, since qsub has no comment option. */
  static final String COMMENT_VARIABLE = "ADAPTIVE_JOB_COMMENT";

  private static final Pattern JOB_ID = Pattern.compile("[0-9]+(\\[[0-9]*\\])?(\\.[A-Za-z0-9._-]+)?");
  // qstat's words for one id it does not know or no longer shows; the other ids are still printed.
  private static final Pattern PER_ID_MESSAGE = Pattern.compile(
      "qstat: (Unknown Job Id( Error)? \\S+|\\S+ Job has finished, use -x or -H to obtain"
          + " historical job information)\\s*");
  // Torque's exit code for an unknown id (PBSE_UNKJOBID 15001, modulo 256); slurm-wlm-torque's
  // qstat exits with it and prints nothing.
  private static final int TORQUE_UNKNOWN_ID_EXIT = 153;

  private static final List<String> TRANSIENT = List.of("connection refused",
      "cannot connect to server", "communication failure", "server busy", "try again",
      "temporarily unavailable", "timed out", "timeout", "end of file", "pbs_iff",
      "maximum number of jobs already in queue", "would exceed", "per-user limit");

  private final Flavour flavour;
  private final String user;
  private final Clock clock;
  // The one mutable part: which held jobs were warned of, so that each is warned of once.
  private final Set<String> warnedHeld = ConcurrentHashMap.newKeySet();

  /**
   * @param user whose jobs count: the user part of {@code Job_Owner} must equal it
   * @param clock the time now in the PBS server's zone, to tell a job at its walltime limit
   */
  PbsScheduler(Flavour flavour, String user, Clock clock) {
    this.flavour = Objects.requireNonNull(flavour, "flavour");
    this.user = Objects.requireNonNull(user, "user");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  Flavour flavour() {
    return flavour;
  }

  @Override
  public String name() {
    return flavour == Flavour.OPENPBS ? "PBS" : "Torque";
  }

  @Override
  public String scriptSuffix() {
    return "pbs";
  }

  @Override
  public List<String> directives(JobDescription job) {
    List<String> lines = new ArrayList<>(
        PbsDirectives.render(job.name(), job.output(), job.resources(), flavour));
    if (!job.comment().isEmpty()) {
      // After -N: qstat -f shows it in Variable_List, which is how a job is recognised again.
      lines.add(1, "#PBS -v " + COMMENT_VARIABLE + "=" + job.comment());
    }
    return lines;
  }

  @Override
  public String jobIdExpression() {
    // slurm-wlm-torque's wrappers leave PBS_JOBID empty and set only SLURM_JOB_ID (§4.10).
    return "${PBS_JOBID:-${SLURM_JOB_ID:-}}";
  }

  @Override
  public List<String> otherTasksLauncher(ResourceShape resources) {
    return List.of();
  }

  @Override
  public List<String> check(String learner, ResourceShape resources) {
    List<String> problems = new ArrayList<>();
    if (resources.tasks() > 1) {
      problems.add(String.format(Locale.ROOT, "learner '%s' asks for tasks(%d), but the PBS"
          + " backend starts one process per job: PBS has no launcher that every site has"
          + " (pbsdsh and mpiexec differ between installations); use tasks(1) with more"
          + " cores(..), or the SLURM backend", learner, resources.tasks()));
    }
    problems.addAll(PbsDirectives.problems(learner, resources, flavour));
    return problems;
  }

  @Override
  public List<String> submitCommand(Path script) {
    return List.of("qsub", script.toString());
  }

  @Override
  public String parseSubmitted(CommandResult result) {
    String id = result.stdout().strip();
    if (!JOB_ID.matcher(id).matches()) {
      throw new SchedulerOutputException(String.format(Locale.ROOT, "qsub printed no job id:"
          + " expected one line such as '4211.pbs01', got '%s' (standard error: '%s'); check"
          + " that 'qsub' on the PATH is PBS's (which qsub)", abbreviate(result.stdout()),
          abbreviate(result.stderr())));
    }
    return id;
  }

  @Override
  public List<String> statusCommand(StatusQuery query) {
    List<String> command = new ArrayList<>(List.of("qstat", "-f"));
    if (flavour == Flavour.OPENPBS && !query.jobIds().isEmpty()) {
      command.add("-x");
    }
    command.addAll(query.jobIds());
    return command;
  }

  @Override
  public List<SchedulerJob> parseStatus(CommandResult result) {
    if (result.timedOut()) {
      throw new SchedulerOutputException("qstat did not answer in time (" + result.command()
          + "); the last known states are kept");
    }
    if (result.exitCode() != 0) {
      List<String> other = result.stderr().lines().filter(line -> !line.isBlank())
          .filter(line -> !PER_ID_MESSAGE.matcher(line).matches()).toList();
      boolean onlyUnknownIds = other.isEmpty()
          && (!result.stderr().isBlank() || result.exitCode() == TORQUE_UNKNOWN_ID_EXIT);
      if (!onlyUnknownIds) {
        throw new SchedulerOutputException(String.format(Locale.ROOT, "qstat failed with exit"
            + " code %d: '%s'; the last known states are kept", result.exitCode(),
            abbreviate(result.stderr().isBlank() ? result.stdout() : result.stderr())));
      }
    }
    List<SchedulerJob> jobs = new ArrayList<>();
    for (QstatJob job : QstatParser.parseOwnedBy(result.stdout(), user)) {
      if (PbsStates.moved(job)) {
        continue; // the job lives on another server now: as good as vanished here
      }
      PbsStates.Reading reading = PbsStates.read(job, clock);
      if (job.state().equals("H") && warnedHeld.add(job.id())) {
        log.warn("PBS job {} ({}) is held: it will not start by itself; release it with qrls {},"
            + " or cancel its learner", job.id(), job.name(), job.id());
      }
      jobs.add(new SchedulerJob(job.id(), job.name(), reading.state(), job.state(),
          reading.reason(), job.get("exec_host"), comment(job), reading.exitStatus()));
    }
    return jobs;
  }

  /** The core's comment from {@code Variable_List} ({@code ...,ADAPTIVE_JOB_COMMENT=...,...}). */
  static String comment(QstatJob job) {
    Matcher m = Pattern.compile("(?:^|,)" + COMMENT_VARIABLE + "=([^,]*)")
        .matcher(job.get("Variable_List"));
    return m.find() ? m.group(1) : "";
  }

  @Override
  public List<String> cancelCommand(List<String> jobIds) {
    List<String> command = new ArrayList<>(List.of("qdel"));
    command.addAll(jobIds);
    return command;
  }

  @Override
  public List<String> killCommand(List<String> jobIds) {
    // qsig -s KILL reaches the job's processes at once; qdel would wait kill_delay after SIGTERM.
    List<String> command = new ArrayList<>(List.of("qsig", "-s", "KILL"));
    command.addAll(jobIds);
    return command;
  }

  @Override
  public Diagnosis diagnose(CommandResult failed) {
    if (failed.timedOut()) {
      return Diagnosis.transientError();
    }
    String text = (failed.stderr() + "\n" + failed.stdout()).toLowerCase(Locale.ROOT);
    String tool = failed.command().isEmpty() ? "qsub" : failed.command().get(0);
    if (tool.equals("qdel") && !text.isBlank() && text.lines().filter(l -> !l.isBlank())
        .allMatch(l -> l.contains("unknown job id") || l.contains("job has finished")
            || l.contains("request invalid for state of job"))) {
      // Cancelling a job that is gone or ending is done; retrying cannot change that, and the
      // next poll confirms it (batch-systems.md §4.5). The other ids of the call were handled.
      return Diagnosis.permanent("nothing to do: the job has ended or is ending already");
    }
    if (TRANSIENT.stream().anyMatch(text::contains)) {
      return Diagnosis.transientError();
    }
    if (text.contains("unknown queue")) {
      return Diagnosis.permanent("see which queues exist: qstat -Q");
    }
    if (text.contains("exceeds queue resource limits") || text.contains("exceeds complex")
        || text.contains("insufficient amount of resource")) {
      return Diagnosis.permanent("ask for less, or use a queue that allows it: qstat -Qf <queue>"
          + " shows its resources_max");
    }
    if (text.contains("unknown resource") || text.contains("illegal attribute or resource")) {
      return Diagnosis.permanent("check the raw options in schedulerOptions(..) and the"
          + " constraint: qmgr -c 'list resource' shows the resources this server knows");
    }
    if (text.contains("account")) {
      return Diagnosis.permanent("check the account in resources().account(..) with your site");
    }
    if (text.contains("unauthorized request") || text.contains("bad uid")) {
      return Diagnosis.permanent("this user may not submit to that queue; ask your site's"
          + " administrators, or use another queue");
    }
    if (text.contains("illegal -n value")) { // -N, lower-cased
      return Diagnosis.permanent("the job name must start with a letter");
    }
    return Diagnosis.unknown();
  }

  private static String abbreviate(String text) {
    String t = text.strip();
    return t.length() > 300 ? t.substring(0, 300) + "…" : t;
  }

  @Override
  public String toString() {
    return flavour.factory;
  }
}
