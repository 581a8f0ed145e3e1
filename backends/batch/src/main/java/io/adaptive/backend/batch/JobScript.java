/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import io.adaptive.plan.ResourceShape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the bash script of one job attempt: the scheduler's directives, then a wrapper that
 * records the job's start, runs the worker JVM as a background child (never {@code exec}: the shell
 * must outlive it to write the exit file), passes the walltime warning (USR1) on to the worker,
 * which saves and exits 7, forwards TERM, waits until the worker has really exited and records its
 * status. The JVM's direct parent is a subshell that ignores TERM and USR1 while it waits: bash
 * 5.2 lost the status of a child that ended while a trapped signal interrupted {@code wait}
 * (SLURM's cancel signals every process of the job at once), and wrote 255.
 *
 * <p>The text depends only on its inputs, so golden files can pin it.
 */
final class JobScript {

  /** The variable that tells a multi-task job's processes how many tasks the job has. */
  static final String TASKS = "ADAPTIVE_TASKS";
  /** The variable that names the file where a multi-task job's evaluators meet the worker. */
  static final String RENDEZVOUS = "ADAPTIVE_RENDEZVOUS";
  /** The variable that selects the role of a relaunched program. */
  static final String ROLE = "ADAPTIVE_ROLE";

  private JobScript() {}

  /**
   * The script text.
   *
   * @param scheduler the dialect of the directives and the job id
   * @param description the job's name, comment, output and shape
   * @param learner the learner's name (or a pack's names separated by spaces), for the header
   * @param runDirectory absolute; the script changes into it
   * @param environment the worker's variables, exported in this order
   * @param files where the start, walltime and exit files go
   * @param command the worker's command line, heap already sized
   */
  static String render(Scheduler scheduler, JobDescription description, String learner,
      Path runDirectory, Map<String, String> environment, JobFiles files, List<String> command) {
    ResourceShape resources = description.resources();
    List<String> lines = new ArrayList<>();
    lines.add("#!/usr/bin/env bash");
    lines.addAll(scheduler.directives(description));
    lines.add("#");
    lines.add("# adaptive-java: job " + files.job() + " of learner " + oneLine(learner) + ".");
    lines.add("# Kept for debugging. The job writes " + files.job() + ".start when it starts and "
        + files.job() + ".exit (\"<status>[ walltime]\")");
    lines.add("# when its worker has ended, both next to this script.");
    lines.add("");
    lines.add("_adaptive_job_id=" + scheduler.jobIdExpression());
    lines.add("_adaptive_files=" + Shell.quote(files.directory().resolve(files.job()).toString()));
    wrapper(lines, runDirectory);
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      lines.add(export(variable.getKey(), variable.getValue()));
    }
    for (Map.Entry<String, String> variable : resources.environment().entrySet()) {
      lines.add(export(variable.getKey(), variable.getValue()));
    }
    if (resources.tasks() > 1) {
      lines.add(export(TASKS, Integer.toString(resources.tasks())));
      lines.add(export(RENDEZVOUS, files.evaluators().toString()));
    }
    worker(lines, scheduler, resources, command);
    return String.join("\n", lines) + "\n";
  }

  /**
   * One job of a job array: the learner (or pack) it runs, its worker's variables and its files.
   *
   * @param learner the learner's name, or a pack's names separated by spaces
   * @param environment the worker's variables, exported in this order
   * @param files where the job's start, walltime and exit files go
   */
  record ArrayTask(String learner, Map<String, String> environment, JobFiles files) {}

  /**
   * The script of a job array whose task {@code i} runs {@code tasks.get(i)}: the array's
   * directives, then a {@code case} on the task's index that sets that job's files and variables,
   * then the same wrapper as {@link #render} (start, walltime and exit files, signals, the worker
   * JVM). Every job of an array has the same resources and worker command.
   *
   * @param directives the array's directive lines, complete
   * @param resources the shape every job of the array has
   * @param command the worker's command line, heap already sized
   */
  static String renderArray(Scheduler scheduler, JobArrays arrays, List<String> directives,
      List<ArrayTask> tasks, ResourceShape resources, Path runDirectory, List<String> command) {
    List<String> lines = new ArrayList<>();
    lines.add("#!/usr/bin/env bash");
    lines.addAll(directives);
    lines.add("#");
    lines.add("# adaptive-java: a job array of " + tasks.size() + " jobs; the case below gives"
        + " each task (by its index) its job.");
    lines.add("# Kept for debugging. Each job writes <job>.start when it starts and <job>.exit"
        + " (\"<status>[ walltime]\")");
    lines.add("# when its worker has ended, both next to this script; <job>."
        + scheduler.scriptSuffix() + " links here.");
    lines.add("");
    lines.add("_adaptive_job_id=" + arrays.taskIdExpression());
    lines.add("case " + arrays.indexExpression() + " in");
    for (int i = 0; i < tasks.size(); i++) {
      ArrayTask task = tasks.get(i);
      JobFiles files = task.files();
      lines.add("  " + i + ") # job " + files.job() + " of learner " + oneLine(task.learner()));
      lines.add("    _adaptive_files="
          + Shell.quote(files.directory().resolve(files.job()).toString()));
      for (Map.Entry<String, String> variable : task.environment().entrySet()) {
        lines.add("    " + export(variable.getKey(), variable.getValue()));
      }
      if (resources.tasks() > 1) {
        lines.add("    " + export(RENDEZVOUS, files.evaluators().toString()));
      }
      lines.add("    ;;");
    }
    lines.add("  *)");
    lines.add("    echo \"adaptive-java: this script has no job for array task "
        + arrays.indexExpression().replace("\"", "") + "\" >&2");
    lines.add("    exit 1");
    lines.add("    ;;");
    lines.add("esac");
    wrapper(lines, runDirectory);
    for (Map.Entry<String, String> variable : resources.environment().entrySet()) {
      lines.add(export(variable.getKey(), variable.getValue()));
    }
    if (resources.tasks() > 1) {
      lines.add(export(TASKS, Integer.toString(resources.tasks())));
    }
    worker(lines, scheduler, resources, command);
    return String.join("\n", lines) + "\n";
  }

  /** The state, the signal and exit handlers, the change into the run directory, the start file. */
  private static void wrapper(List<String> lines, Path runDirectory) {
    lines.add("_adaptive_walltime=''");
    lines.add("_adaptive_terminated=''");
    lines.add("_adaptive_tasks=''");
    lines.add("");
    lines.add("_adaptive_write() { # file, line: written atomically (a temporary file, then a rename)");
    lines.add("  printf '%s\\n' \"$2\" > \"$1.$$.tmp\" && mv -f \"$1.$$.tmp\" \"$1\"");
    lines.add("}");
    lines.add("_adaptive_signal_worker() { # signal: to the worker JVM, once it has started");
    lines.add("  [ ! -e \"$_adaptive_files.pid\" ] || kill -\"$1\" \"$(cat \"$_adaptive_files.pid\")\" 2>/dev/null");
    lines.add("}");
    lines.add("_adaptive_on_usr1() { # the walltime warning: the worker saves its learner, exits 7");
    lines.add("  _adaptive_walltime=' walltime'");
    lines.add("  _adaptive_write \"$_adaptive_files.walltime\" \"$(date +%s)\"");
    lines.add("  _adaptive_signal_worker USR1");
    lines.add("}");
    lines.add("_adaptive_on_term() { # cancelled, or the hard limit: the worker saves and stops");
    lines.add("  _adaptive_terminated=1");
    lines.add("  _adaptive_signal_worker TERM");
    lines.add("  [ -z \"$_adaptive_tasks\" ] || kill -TERM \"$_adaptive_tasks\" 2>/dev/null");
    lines.add("}");
    lines.add("_adaptive_on_exit() { # whatever ends the script: an exit file, then the evaluators");
    lines.add("  _adaptive_status=$?");
    lines.add("  [ -e \"$_adaptive_files.exit\" ] || _adaptive_write \"$_adaptive_files.exit\" \"$_adaptive_status$_adaptive_walltime\"");
    lines.add("  [ -z \"$_adaptive_tasks\" ] || { kill -TERM \"$_adaptive_tasks\"; wait \"$_adaptive_tasks\"; } 2>/dev/null");
    lines.add("}");
    lines.add("trap _adaptive_on_usr1 USR1");
    lines.add("trap _adaptive_on_term TERM");
    lines.add("trap _adaptive_on_exit EXIT");
    lines.add("");
    lines.add("cd " + Shell.quote(runDirectory.toAbsolutePath().toString()) + " || exit 1");
    lines.add("_adaptive_write \"$_adaptive_files.start\" \"$(hostname) $(date +%s) $_adaptive_job_id\"");
    lines.add("");
  }

  /** The prelude, then the worker JVM (and a multi-task job's evaluators), waited for. */
  private static void worker(List<String> lines, Scheduler scheduler, ResourceShape resources,
      List<String> command) {
    if (!resources.prelude().isEmpty()) {
      lines.add("");
      lines.add("# prelude, from resources()");
      lines.addAll(resources.prelude());
    }
    lines.add("");
    lines.add("# A warning or a cancel that came before the worker started: it never starts.");
    lines.add("[ -z \"$_adaptive_walltime\" ] || exit 7");
    lines.add("[ -z \"$_adaptive_terminated\" ] || exit 143");
    lines.add("# The worker JVM runs under a subshell that waits for it with TERM and USR1 ignored and");
    lines.add("# writes the exit file: a signal that comes while bash waits can make it lose the status.");
    lines.add("(");
    lines.add("  " + Shell.words(command) + " &");
    lines.add("  echo $! > \"$_adaptive_files.pid\"");
    lines.add("  trap '' TERM USR1");
    lines.add("  wait $!");
    lines.add("  _adaptive_status=$?");
    lines.add("  [ ! -e \"$_adaptive_files.walltime\" ] || _adaptive_walltime=' walltime'");
    lines.add("  _adaptive_write \"$_adaptive_files.exit\" \"$_adaptive_status$_adaptive_walltime\"");
    lines.add(") &");
    lines.add("_adaptive_runner=$!");
    if (resources.tasks() > 1) {
      List<String> launcher = scheduler.otherTasksLauncher(resources);
      lines.add(ROLE + "=evaluator " + Shell.words(launcher) + " " + Shell.words(command) + " &");
      lines.add("_adaptive_tasks=$!");
    }
    lines.add("");
    lines.add("# A trapped signal ends 'wait' early: wait again while the worker's subshell runs.");
    lines.add("while kill -0 \"$_adaptive_runner\" 2>/dev/null; do wait \"$_adaptive_runner\"; done");
    lines.add("read -r _adaptive_status _ < \"$_adaptive_files.exit\"");
    lines.add("exit \"${_adaptive_status:-1}\"");
  }

  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }

  private static String export(String name, String value) {
    if (!Shell.isVariableName(name)) {
      throw new IllegalArgumentException("environment variable name '" + name + "' is not valid"
          + " in a shell; use letters, digits and '_', not starting with a digit");
    }
    return "export " + name + "=" + Shell.quote(value);
  }
}
