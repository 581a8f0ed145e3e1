/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.Memory;
import io.adaptive.plan.ResourceShape;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scheduler for tests of the batch core: fake commands {@code tsub}, {@code tstat} and
 * {@code tdel}; status lines {@code <id>|<name>|<state>|<comment>} with {@link SchedulerState}
 * names. Scripts run without a scheduler get their job id from {@code TEST_JOB_ID}. Its queues, if
 * a queues command is given, are the lines that command prints; {@code garbage} among them makes
 * them unreadable.
 *
 * @param queuesCommand what {@link #queuesCommand()} returns; empty: queues are not checked
 */
record TestScheduler(List<String> queuesCommand) implements Scheduler {

  TestScheduler() {
    this(List.of());
  }

  @Override
  public List<String> checkQueues(CommandResult queues, String learner, ResourceShape resources) {
    List<String> names = List.of(queues.stdout().strip().split("\n"));
    if (names.contains("garbage")) {
      throw new SchedulerOutputException("tqueues printed garbage");
    }
    return resources.partition().isEmpty() || names.contains(resources.partition()) ? List.of()
        : List.of("learner '" + learner + "' asks for queue '" + resources.partition()
            + "', which TEST lacks");
  }

  @Override
  public String name() {
    return "TEST";
  }

  @Override
  public String scriptSuffix() {
    return "job";
  }

  @Override
  public List<String> directives(JobDescription job) {
    return List.of("#TEST name=" + job.name(), "#TEST comment=" + job.comment(),
        "#TEST output=" + job.output(), "#TEST cores=" + job.resources().cores());
  }

  @Override
  public String jobIdExpression() {
    return "\"${TEST_JOB_ID:-local}\"";
  }

  @Override
  public List<String> otherTasksLauncher(ResourceShape resources) {
    // Runs the other tasks as one more local process: enough to see the evaluator role.
    return List.of("env", "TEST_OTHER_TASKS=" + (resources.tasks() - 1));
  }

  @Override
  public List<String> check(String learner, ResourceShape resources) {
    return resources.gpus() > 0 ? List.of("learner '" + learner + "' asks for gpus("
        + resources.gpus() + "), which TEST has not; remove gpus(..)") : List.of();
  }

  @Override
  public List<String> submitCommand(Path script) {
    return List.of("tsub", script.toString());
  }

  @Override
  public String parseSubmitted(CommandResult result) {
    String id = result.stdout().strip();
    if (!id.matches("[0-9]+")) {
      throw new SchedulerOutputException("tsub printed '" + id + "'");
    }
    return id;
  }

  @Override
  public List<String> statusCommand(StatusQuery query) {
    return List.of("tstat", query.user());
  }

  @Override
  public List<SchedulerJob> parseStatus(CommandResult result) {
    if (!result.succeeded()) {
      throw new SchedulerOutputException("tstat failed: " + result.stderr().strip());
    }
    List<SchedulerJob> jobs = new ArrayList<>();
    for (String line : result.stdout().strip().lines().toList()) {
      String[] fields = line.split("\\|", 4);
      if (fields.length < 4) {
        throw new SchedulerOutputException("tstat printed '" + line + "'");
      }
      jobs.add(new SchedulerJob(fields[0], fields[1], SchedulerState.valueOf(fields[2]), fields[2],
          "", "", fields[3], SchedulerJob.NO_EXIT_STATUS));
    }
    return jobs;
  }

  @Override
  public List<String> cancelCommand(List<String> jobIds) {
    List<String> command = new ArrayList<>(List.of("tdel"));
    command.addAll(jobIds);
    return command;
  }

  @Override
  public List<String> killCommand(List<String> jobIds) {
    List<String> command = new ArrayList<>(List.of("tdel", "-9"));
    command.addAll(jobIds);
    return command;
  }

  @Override
  public Diagnosis diagnose(CommandResult failed) {
    if (failed.stderr().contains("busy")) {
      return Diagnosis.transientError();
    }
    if (failed.stderr().contains("no such queue")) {
      return Diagnosis.permanent("use a queue that exists");
    }
    return Diagnosis.unknown();
  }

  /** The plan's default shape with these cores, tasks, memory and environment. */
  static ResourceShape shape(int cores, int tasks, Memory memory, Map<String, String> environment,
      List<String> prelude) {
    ResourceShape d = Defaults.RESOURCES;
    return new ResourceShape(cores, d.nodes(), tasks, memory, Duration.ofMinutes(10),
        d.partition(), d.account(), d.qos(), d.gpus(), d.exclusive(), d.constraint(),
        new TreeMap<>(environment), prelude, d.schedulerOptions());
  }
}
