/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import io.adaptive.plan.ResourceShape;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code #PBS} lines of a job script, from a learner's {@link ResourceShape}
 * (batch-systems.md §4.7). Every field of the shape either becomes a directive or is refused by
 * {@link #problems} before anything is submitted; nothing is dropped silently.
 */
final class PbsDirectives {

  // OpenPBS custom host resources, e.g. model=skylake or model=skylake:bigmem=true
  private static final Pattern PBS_RESOURCES =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=[A-Za-z0-9_.+-]+(:[A-Za-z_][A-Za-z0-9_]*=[A-Za-z0-9_.+-]+)*");
  // Torque node properties, e.g. skylake or skylake:ib
  private static final Pattern TORQUE_PROPERTIES =
      Pattern.compile("[A-Za-z0-9_-]+(:[A-Za-z0-9_-]+)*");

  private PbsDirectives() {}

  /**
   * What {@code shape} asks that PBS of this flavour cannot express; each problem names the
   * learner, the value and the fix. Empty if every field can be rendered.
   */
  static List<String> problems(String learner, ResourceShape shape, Flavour flavour) {
    List<String> problems = new ArrayList<>();
    String who = "learner '" + learner + "'";
    if (!shape.qos().isEmpty()) {
      problems.add(String.format(Locale.ROOT, "%s asks for qos('%s'), but PBS has no quality of"
          + " service; remove qos(..), or give your site's equivalent as a raw option, e.g."
          + " schedulerOptions(\"-l qos=%s\") if the site defines such a resource", who,
          shape.qos(), shape.qos()));
    }
    int nodes = shape.nodes();
    if (shape.cores() % nodes != 0) {
      problems.add(String.format(Locale.ROOT, "%s asks for cores(%d) on nodes(%d): PBS gives"
          + " every node the same number of CPUs, and %d does not split evenly over %d; use a"
          + " multiple of %d, e.g. cores(%d)", who, shape.cores(), nodes, shape.cores(), nodes,
          nodes, (shape.cores() / nodes + 1) * nodes));
    }
    if (shape.tasks() > 1 && shape.tasks() % nodes != 0) {
      problems.add(String.format(Locale.ROOT, "%s asks for tasks(%d) on nodes(%d): PBS gives"
          + " every node the same number of MPI processes; use a multiple of %d, e.g. tasks(%d)",
          who, shape.tasks(), nodes, nodes, (shape.tasks() / nodes + 1) * nodes));
    }
    if (shape.gpus() % nodes != 0) {
      problems.add(String.format(Locale.ROOT, "%s asks for gpus(%d) on nodes(%d): PBS gives"
          + " every node the same number of GPUs; use a multiple of %d, e.g. gpus(%d)", who,
          shape.gpus(), nodes, nodes, (shape.gpus() / nodes + 1) * nodes));
    }
    String constraint = shape.constraint();
    if (!constraint.isEmpty()) {
      if (flavour == Flavour.OPENPBS && !PBS_RESOURCES.matcher(constraint).matches()) {
        problems.add(String.format(Locale.ROOT, "%s asks for constraint('%s'), but OpenPBS"
            + " selects nodes by host resources added to each select chunk; give them as"
            + " resource=value pairs joined by ':', e.g. constraint(\"model=skylake\")", who,
            constraint));
      } else if (flavour == Flavour.TORQUE && !TORQUE_PROPERTIES.matcher(constraint).matches()) {
        problems.add(String.format(Locale.ROOT, "%s asks for constraint('%s'), but Torque"
            + " selects nodes by properties added to nodes=N:ppn=M; give them as names joined"
            + " by ':', e.g. constraint(\"skylake:ib\")", who, constraint));
      }
    }
    for (String option : shape.schedulerOptions()) {
      if (option.contains("\n") || option.contains("\r")) {
        problems.add(String.format(Locale.ROOT, "%s has a scheduler option with a line break:"
            + " '%s'; give each #PBS option as its own list element", who,
            option.replace("\n", "\\n").replace("\r", "\\r")));
      }
    }
    return problems;
  }

  /**
   * The {@code #PBS} lines, in this order: name, resources, walltime, queue, account, output,
   * output kept live (OpenPBS), not rerunnable, no mail, then the raw options
   * unchanged. Assumes {@link #problems} is empty.
   *
   * @param name the job name ({@code -N})
   * @param output where PBS copies the job's standard output and error when it ends (absolute)
   */
  static List<String> render(String name, Path output, ResourceShape shape, Flavour flavour) {
    List<String> lines = new ArrayList<>();
    lines.add("-N " + name);
    int nodes = shape.nodes();
    long memory = shape.memory().toMibCeil();
    String constraint = shape.constraint().isEmpty() ? "" : ":" + shape.constraint();
    if (flavour == Flavour.OPENPBS) {
      StringBuilder select = new StringBuilder().append("-l select=").append(nodes)
          .append(":ncpus=").append(shape.cores() / nodes)
          .append(shape.tasks() % nodes == 0 ? ":mpiprocs=" + shape.tasks() / nodes : "")
          .append(":mem=").append(ceilDiv(memory, nodes)).append("mb");
      if (shape.gpus() > 0) {
        select.append(":ngpus=").append(shape.gpus() / nodes);
      }
      lines.add(select.append(constraint).toString());
      if (nodes > 1 || shape.exclusive()) {
        lines.add("-l place=" + (nodes > 1 ? "scatter" : "pack")
            + (shape.exclusive() ? ":excl" : ""));
      }
    } else {
      lines.add("-l nodes=" + nodes + ":ppn=" + shape.cores() / nodes
          + (shape.gpus() > 0 ? ":gpus=" + shape.gpus() / nodes : "") + constraint);
      lines.add("-l mem=" + memory + "mb");
      if (shape.exclusive()) {
        lines.add("-n"); // Torque's node-exclusive flag
      }
    }
    lines.add("-l walltime=" + walltime(shape.walltime()));
    if (!shape.partition().isEmpty()) {
      lines.add("-q " + shape.partition());
    }
    if (!shape.account().isEmpty()) {
      lines.add("-A " + shape.account());
    }
    lines.add("-j oe");
    lines.add("-o " + output);
    if (flavour == Flavour.OPENPBS) {
      // d: written straight to the -o file while the job runs (PBS Pro 19+, OpenPBS), so the run
      // manager can read the log live; without it PBS spools and copies the file at the end.
      lines.add("-k oed");
    }
    lines.add("-r n");
    lines.add("-m n");
    lines.addAll(shape.schedulerOptions());
    return lines.stream().map(line -> "#PBS " + line).toList();
  }

  /** {@code HH:MM:SS}, rounded up to whole seconds; hours go beyond 99 if need be. */
  static String walltime(Duration walltime) {
    long seconds = walltime.getSeconds() + (walltime.getNano() > 0 ? 1 : 0);
    return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
        seconds % 60);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
