/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import io.adaptive.backend.batch.CommandResult;
import io.adaptive.backend.batch.Diagnosis;
import io.adaptive.backend.batch.JobArrays;
import io.adaptive.backend.batch.JobDescription;
import io.adaptive.backend.batch.Scheduler;
import io.adaptive.backend.batch.SchedulerJob;
import io.adaptive.backend.batch.SchedulerOutputException;
import io.adaptive.backend.batch.SchedulerState;
import io.adaptive.backend.batch.StatusQuery;
import io.adaptive.plan.ResourceShape;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * SLURM's dialect (checked against 22.05): {@code #SBATCH} directives, {@code sbatch --parsable},
 * one {@code squeue} with a delimited format per poll, {@code scancel}.
 *
 * @param signalLead how long before the walltime ends the job script gets USR1
 *     ({@code --signal=B:USR1@<lead>}); at most half the walltime is used
 * @param maxArrayTasks the most tasks per job array; 0 to submit every job on its own
 */
record SlurmScheduler(Duration signalLead, int maxArrayTasks) implements Scheduler {

  /** The squeue format: id, name, state, reason, nodes, comment; the comment last. */
  static final String FORMAT = "%i|%j|%T|%r|%N|%k";

  // Options the backend sets itself: a second value would lose the job or its walltime warning.
  private static final Map<String, String> OWN_OPTIONS = Map.of(
      "--job-name", "it names jobs to find them again", "-J", "it names jobs to find them again",
      "--comment", "it tags jobs with their run", "--output", "the job's log is the run's",
      "-o", "the job's log is the run's", "--open-mode", "the job's log is appended to",
      "--signal", "set the warning's lead with Slurm.backend().signalLead(..)",
      "--array", "it makes arrays itself: Slurm.backend().jobArrays(true)",
      "-a", "it makes arrays itself: Slurm.backend().jobArrays(true)");

  SlurmScheduler {
    Objects.requireNonNull(signalLead, "signalLead");
    if (maxArrayTasks != 0 && maxArrayTasks < 2) {
      throw new IllegalArgumentException("maxArrayTasks " + maxArrayTasks + " is neither 0 (no"
          + " arrays) nor 2 or more");
    }
  }

  /** One job at a time: no arrays. */
  SlurmScheduler(Duration signalLead) {
    this(signalLead, 0);
  }

  @Override
  public Optional<JobArrays> jobArrays() {
    return maxArrayTasks == 0 ? Optional.empty() : Optional.of(new SlurmJobArrays(maxArrayTasks));
  }

  @Override
  public String name() {
    return "SLURM";
  }

  @Override
  public String scriptSuffix() {
    return "sbatch";
  }

  @Override
  public List<String> directives(JobDescription job) {
    ResourceShape shape = job.resources();
    List<String> options = new ArrayList<>();
    options.add("--job-name=" + job.name());
    options.add("--comment=" + job.comment());
    options.add("--output=" + pathValue(job.output()));
    options.add("--open-mode=append");
    options.add("--nodes=" + shape.nodes());
    options.add("--ntasks=" + shape.tasks());
    options.add("--cpus-per-task=" + shape.cpusPerTask());
    options.add("--mem=" + memoryPerNodeMib(shape) + "M");
    options.add("--time=" + time(shape.walltime()));
    if (!shape.partition().isEmpty()) {
      options.add("--partition=" + shape.partition());
    }
    if (!shape.account().isEmpty()) {
      options.add("--account=" + shape.account());
    }
    if (!shape.qos().isEmpty()) {
      options.add("--qos=" + shape.qos());
    }
    if (shape.gpus() > 0) {
      options.add("--gres=gpu:" + shape.gpus());
    }
    if (shape.exclusive()) {
      options.add("--exclusive");
    }
    if (!shape.constraint().isEmpty()) {
      options.add("--constraint=" + shape.constraint());
    }
    options.add("--no-requeue");
    options.add("--signal=B:USR1@" + leadSeconds(shape.walltime()));
    List<String> lines = new ArrayList<>();
    options.forEach(option -> lines.add("#SBATCH " + option));
    for (String raw : shape.schedulerOptions()) {
      lines.add(raw.startsWith("#SBATCH") ? raw : "#SBATCH " + raw);
    }
    return lines;
  }

  /** sbatch reads a directive's value up to white space unless it is in double quotes. */
  private static String pathValue(Path path) {
    String text = path.toString();
    return text.chars().anyMatch(Character::isWhitespace) ? "\"" + text + "\"" : text;
  }

  /** {@code --mem} is per node: the job's memory split evenly over its nodes, in MiB, rounded up. */
  static long memoryPerNodeMib(ResourceShape shape) {
    long mib = shape.memory().toMibCeil();
    return (mib + shape.nodes() - 1) / shape.nodes();
  }

  /** {@code D-HH:MM:SS}, rounded up to whole minutes (SLURM's resolution). */
  static String time(Duration walltime) {
    long minutes = (walltime.toSeconds() + 59) / 60;
    return String.format(Locale.ROOT, "%d-%02d:%02d:00", minutes / (24 * 60),
        minutes / 60 % 24, minutes % 60);
  }

  /** The warning's lead in seconds: as configured, but at most half the (rounded) walltime. */
  long leadSeconds(Duration walltime) {
    long limit = (walltime.toSeconds() + 59) / 60 * 60;
    return Math.max(1, Math.min(signalLead.toSeconds(), limit / 2));
  }

  @Override
  public String jobIdExpression() {
    return "\"${SLURM_JOB_ID}\"";
  }

  @Override
  public List<String> otherTasksLauncher(ResourceShape resources) {
    // Checked on 22.05: a step inside the batch allocation needs no --overlap, since the batch
    // script holds no step CPUs; --export=ALL keeps the exports even under sbatch --export=NONE.
    return List.of("srun", "--ntasks=" + (resources.tasks() - 1),
        "--cpus-per-task=" + resources.cpusPerTask(), "--export=ALL");
  }

  @Override
  public List<String> check(String learner, ResourceShape shape) {
    List<String> problems = new ArrayList<>();
    if (shape.tasks() > 0 && shape.cores() % shape.tasks() != 0) {
      problems.add(String.format(Locale.ROOT, "learner '%s' asks for cores(%d) over tasks(%d),"
          + " which do not split evenly into CPUs per task; ask for a multiple of %d cores",
          learner, shape.cores(), shape.tasks(), shape.tasks()));
    }
    text(problems, learner, "partition", shape.partition());
    text(problems, learner, "account", shape.account());
    text(problems, learner, "qos", shape.qos());
    text(problems, learner, "constraint", shape.constraint());
    for (String raw : shape.schedulerOptions()) {
      String option = raw.startsWith("#SBATCH") ? raw.substring("#SBATCH".length()).strip() : raw;
      String key = option.split("[= ]", 2)[0];
      if (!option.startsWith("-")) {
        problems.add(String.format(Locale.ROOT, "learner '%s' passes scheduler option '%s', which"
            + " is not an sbatch option; write it as in an #SBATCH line, e.g. --mail-type=END",
            learner, raw));
      } else if (OWN_OPTIONS.containsKey(key)) {
        problems.add(String.format(Locale.ROOT, "learner '%s' passes scheduler option '%s', which"
            + " the SLURM backend sets itself (%s); remove it", learner, raw,
            OWN_OPTIONS.get(key)));
      } else if (option.contains("\n")) {
        problems.add(String.format(Locale.ROOT, "learner '%s' passes a scheduler option with a"
            + " line break: '%s'; pass one option per entry", learner, raw));
      }
    }
    return problems;
  }

  private static void text(List<String> problems, String learner, String field, String value) {
    if (value.chars().anyMatch(Character::isWhitespace)) {
      problems.add(String.format(Locale.ROOT, "learner '%s' asks for %s '%s', which holds white"
          + " space, so an #SBATCH line cannot carry it; remove the spaces", learner, field,
          value));
    }
  }

  /** {@code sinfo}: partitions, their time limits, CPUs and memory per node. */
  @Override
  public List<String> queuesCommand() {
    return SlurmPartitions.COMMAND;
  }

  @Override
  public List<String> checkQueues(CommandResult queues, String learner, ResourceShape shape) {
    return SlurmPartitions.parse(queues).check(learner, shape);
  }

  @Override
  public List<String> submitCommand(Path script) {
    return List.of("sbatch", "--parsable", script.toString());
  }

  @Override
  public String parseSubmitted(CommandResult result) {
    // --parsable prints "<id>" or "<id>;<cluster>"; unlike the human sentence it does not change
    // between SLURM versions or locales, so it is the only sbatch output we parse.
    String text = result.stdout().strip();
    String id = text.split(";", 2)[0].strip();
    if (!id.matches("[0-9]+(_[0-9]+)?")) {
      throw new SchedulerOutputException("sbatch --parsable printed '" + abbreviate(text)
          + "' instead of a job id such as '29' or '29;cluster'");
    }
    return id;
  }

  @Override
  public List<String> statusCommand(StatusQuery query) {
    return List.of("squeue", "--noheader", "--array", "--states=all", "--users=" + query.user(),
        "--format=" + FORMAT);
  }

  @Override
  public List<SchedulerJob> parseStatus(CommandResult result) {
    if (result.timedOut()) {
      // The runner's own note comes last; what the killed processes said before it varies.
      List<String> lines = result.stderr().strip().lines().toList();
      throw new SchedulerOutputException("squeue timed out: "
          + (lines.isEmpty() ? "" : lines.get(lines.size() - 1)));
    }
    if (!result.succeeded()) {
      throw new SchedulerOutputException("squeue failed with exit code " + result.exitCode() + ": "
          + abbreviate(result.stderr().strip()));
    }
    List<SchedulerJob> jobs = new ArrayList<>();
    for (String line : result.stdout().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      // At most 6 fields: the comment is last, so a '|' inside it cannot break the parse.
      String[] fields = line.split("\\|", 6);
      if (fields.length < 6 || fields[0].isBlank() || fields[2].isBlank()) {
        throw new SchedulerOutputException("squeue printed '" + abbreviate(line) + "', not"
            + " '<id>|<name>|<state>|<reason>|<nodes>|<comment>' as asked by --format=" + FORMAT);
      }
      String state = fields[2].strip().split(" ", 2)[0];
      String comment = fields[5].strip();
      List<String> ids;
      try {
        ids = SqueueIds.expand(fields[0].strip());
      } catch (IllegalArgumentException e) {
        throw new SchedulerOutputException("squeue printed '" + abbreviate(line) + "': "
            + e.getMessage());
      }
      for (String id : ids) {
        jobs.add(new SchedulerJob(id, fields[1].strip(), state(state), state,
            fields[3].strip(), fields[4].strip(), comment.equals("(null)") ? "" : comment,
            SchedulerJob.NO_EXIT_STATUS));
      }
    }
    return jobs;
  }

  /** SLURM's long state names ({@code %T}) in the shared vocabulary. */
  static SchedulerState state(String slurm) {
    return switch (slurm) {
      case "PENDING", "RESV_DEL_HOLD" -> SchedulerState.PENDING;
      case "CONFIGURING" -> SchedulerState.CONFIGURING;
      case "RUNNING", "SIGNALING", "RESIZING" -> SchedulerState.RUNNING;
      case "COMPLETING", "STAGE_OUT" -> SchedulerState.COMPLETING;
      case "SUSPENDED", "STOPPED" -> SchedulerState.SUSPENDED;
      case "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "SPECIAL_EXIT" -> SchedulerState.REQUEUED;
      case "COMPLETED" -> SchedulerState.COMPLETED;
      case "FAILED" -> SchedulerState.FAILED;
      case "CANCELLED" -> SchedulerState.CANCELLED;
      case "TIMEOUT" -> SchedulerState.TIMEOUT;
      case "DEADLINE" -> SchedulerState.DEADLINE;
      case "OUT_OF_MEMORY" -> SchedulerState.OUT_OF_MEMORY;
      case "NODE_FAIL" -> SchedulerState.NODE_FAIL;
      case "BOOT_FAIL" -> SchedulerState.BOOT_FAIL;
      case "PREEMPTED" -> SchedulerState.PREEMPTED;
      default -> SchedulerState.OTHER;
    };
  }

  @Override
  public List<String> cancelCommand(List<String> jobIds) {
    List<String> command = new ArrayList<>(List.of("scancel"));
    command.addAll(jobIds);
    return command;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Observed on 22.05: SLURM treats SIGKILL to the whole job as a cancel (TERM, then KILL after
   * {@code KillWait}), so the job ends within KillWait even if its worker hangs; sending KILL to
   * the batch step alone ({@code --batch}) instead leaves the worker JVM running without a job.
   */
  @Override
  public List<String> killCommand(List<String> jobIds) {
    List<String> command = new ArrayList<>(List.of("scancel", "--signal=KILL", "--full"));
    command.addAll(jobIds);
    return command;
  }

  @Override
  public Diagnosis diagnose(CommandResult failed) {
    String text = failed.stderr() + "\n" + failed.stdout();
    for (String transientError : List.of("Socket timed out", "Unable to contact slurm controller",
        "temporarily unable", "Resource temporarily unavailable",
        "Job violates accounting/QOS policy", "QOSMaxSubmitJobPerUserLimit",
        "AssocMaxSubmitJobLimit")) {
      if (text.contains(transientError)) {
        return Diagnosis.transientError();
      }
    }
    for (String[] permanent : PERMANENT) {
      if (text.contains(permanent[0])) {
        return Diagnosis.permanent(permanent[1]);
      }
    }
    return Diagnosis.unknown();
  }

  private static final String[][] PERMANENT = {
      {"Invalid partition name specified", "use a partition that exists (sinfo --summarize lists"
          + " them, the default marked *), or leave partition(..) out for the default"},
      {"Invalid account or account/partition combination specified", "see which accounts and"
          + " partitions you may use: sacctmgr show associations user=$USER"},
      {"Invalid qos specification", "see which QOS you may use: sacctmgr show associations"
          + " user=$USER format=account,partition,qos"},
      {"Requested node configuration is not available", "no node has what the job asks for"
          + " (cores, memory, GPUs, constraint, nodes); compare with sinfo --Node --long and ask"
          + " for less"},
      {"Invalid generic resource (gres) specification", "this cluster has no such GPUs; check"
          + " sinfo --format='%P %G', or remove gpus(..)"},
      {"Invalid feature specification", "no node has this feature; see sinfo --format='%P %f'"},
      {"Requested time limit is invalid", "the walltime exceeds the partition's limit; see"
          + " sinfo --format='%P %l' and lower walltime(..) or pick another partition"},
      {"Memory specification can not be satisfied", "no node has this much memory; see"
          + " sinfo --format='%P %m' (MB per node) and lower memory(..)"},
      {"More processors requested than permitted", "ask for fewer cores(..), or more nodes(..)"},
      {"Node count specification invalid", "ask for fewer nodes(..); see sinfo --summarize"},
      {"Invalid job array specification", "the array has more tasks than this cluster's"
          + " MaxArraySize allows (scontrol show config | grep MaxArraySize); set"
          + " Slurm.backend().maxArrayTasks(..) to at most that value"},
  };

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
