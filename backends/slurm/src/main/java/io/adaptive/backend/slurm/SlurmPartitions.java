/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import io.adaptive.backend.batch.CommandResult;
import io.adaptive.backend.batch.SchedulerOutputException;
import io.adaptive.plan.ResourceShape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The cluster's partitions as {@code sinfo} describes them, read once before a run, and the shapes
 * they cannot take: a partition that does not exist, a walltime above its limit (the job would
 * stay PENDING for ever), more CPUs or memory per node than any of its nodes has.
 *
 * <p>sinfo prints a line per partition and node state; a partition's figures are the largest of its
 * lines. A figure sinfo gives only as a lower bound ({@code 8+}: nodes differ) is not checked.
 */
final class SlurmPartitions {

  /** The columns: name ({@code *} marks the default), time limit, CPUs per node, memory (MB). */
  static final List<String> COMMAND =
      List.of("sinfo", "--noheader", "--format=%P|%l|%c|%m");

  private static final Pattern TIME = Pattern.compile("(\\d+-)?\\d+(:\\d+){0,2}");

  private record Partition(String name, OptionalLong limitSeconds, OptionalLong cpus,
      OptionalLong memoryMib) {}

  private final Map<String, Partition> partitions;
  private final String defaultName;

  private SlurmPartitions(Map<String, Partition> partitions, String defaultName) {
    this.partitions = partitions;
    this.defaultName = defaultName;
  }

  /**
   * The partitions in the output of {@link #COMMAND}.
   *
   * @throws SchedulerOutputException if a line does not have the four columns, or none is printed
   */
  static SlurmPartitions parse(CommandResult result) {
    Map<String, Partition> partitions = new LinkedHashMap<>();
    String defaultName = "";
    for (String line : result.stdout().strip().split("\n")) {
      String[] columns = line.strip().split("\\|", -1);
      if (columns.length != 4 || columns[0].isEmpty()) {
        throw new SchedulerOutputException("sinfo printed '" + line + "', not name|time limit|"
            + "CPUs|memory");
      }
      String name = columns[0];
      if (name.endsWith("*")) {
        name = name.substring(0, name.length() - 1);
        defaultName = name;
      }
      Partition line1 = new Partition(name, seconds(columns[1]), count(columns[2]),
          count(columns[3]));
      partitions.merge(name, line1, (a, b) -> new Partition(a.name(),
          larger(a.limitSeconds(), b.limitSeconds()), larger(a.cpus(), b.cpus()),
          larger(a.memoryMib(), b.memoryMib())));
    }
    return new SlurmPartitions(partitions, defaultName);
  }

  /** Every reason a job of {@code shape} cannot run here, each with the value and the fix. */
  List<String> check(String learner, ResourceShape shape) {
    List<String> problems = new ArrayList<>();
    String name = shape.partition().isEmpty() ? defaultName : shape.partition();
    Partition partition = partitions.get(name);
    if (partition == null) {
      if (!shape.partition().isEmpty()) {
        problems.add(String.format(Locale.ROOT, "learner '%s' asks for partition '%s', which"
            + " this cluster does not have (sinfo lists: %s); use one of them%s", learner, name,
            String.join(", ", partitions.keySet()), defaultName.isEmpty() ? ""
                : ", or leave partition(..) out for the default '" + defaultName + "'"));
      }
      return problems; // no default partition: sbatch decides
    }
    if (partition.limitSeconds().isPresent()
        && shape.walltime().toSeconds() > partition.limitSeconds().getAsLong()) {
      String limit = SlurmScheduler.time(Duration.ofSeconds(partition.limitSeconds().getAsLong()));
      problems.add(String.format(Locale.ROOT, "learner '%s' asks for walltime %s, above the"
          + " limit %s of partition '%s', so its jobs would stay PENDING for ever; ask for"
          + " walltime(..) of at most %s, or another partition", learner,
          SlurmScheduler.time(shape.walltime()), limit, name, limit));
    }
    long coresPerNode = (shape.cores() + shape.nodes() - 1) / shape.nodes();
    if (partition.cpus().isPresent() && coresPerNode > partition.cpus().getAsLong()) {
      problems.add(String.format(Locale.ROOT, "learner '%s' asks for %d cores on each of its %d"
          + " node(s), but the nodes of partition '%s' have at most %d CPUs; ask for fewer"
          + " cores, or more nodes(..)", learner, coresPerNode, shape.nodes(), name,
          partition.cpus().getAsLong()));
    }
    long memoryPerNode = SlurmScheduler.memoryPerNodeMib(shape);
    if (partition.memoryMib().isPresent() && memoryPerNode > partition.memoryMib().getAsLong()) {
      problems.add(String.format(Locale.ROOT, "learner '%s' asks for %d MiB of memory on each of"
          + " its %d node(s), but the nodes of partition '%s' have at most %d MiB; ask for less"
          + " memory(..), or more nodes(..)", learner, memoryPerNode, shape.nodes(), name,
          partition.memoryMib().getAsLong()));
    }
    return problems;
  }

  /**
   * sinfo's time limit in seconds: {@code minutes}, {@code minutes:seconds},
   * {@code hours:minutes:seconds}, {@code days-hours[:minutes[:seconds]]}; none for
   * {@code infinite} and anything else.
   */
  static OptionalLong seconds(String limit) {
    if (!TIME.matcher(limit).matches()) {
      return OptionalLong.empty();
    }
    int dash = limit.indexOf('-');
    long days = dash < 0 ? 0 : Long.parseLong(limit.substring(0, dash));
    long[] parts = Arrays.stream(limit.substring(dash + 1).split(":"))
        .mapToLong(Long::parseLong).toArray();
    long hours = 0;
    long minutes = 0;
    long seconds = 0;
    if (dash >= 0) {
      hours = parts[0];
      minutes = parts.length > 1 ? parts[1] : 0;
      seconds = parts.length > 2 ? parts[2] : 0;
    } else if (parts.length == 3) {
      hours = parts[0];
      minutes = parts[1];
      seconds = parts[2];
    } else {
      minutes = parts[0];
      seconds = parts.length > 1 ? parts[1] : 0;
    }
    return OptionalLong.of(((days * 24 + hours) * 60 + minutes) * 60 + seconds);
  }

  private static OptionalLong count(String text) {
    return text.matches("\\d+") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
  }

  private static OptionalLong larger(OptionalLong a, OptionalLong b) {
    if (a.isEmpty() || b.isEmpty()) {
      return OptionalLong.empty(); // unknown on some nodes: not checked
    }
    return OptionalLong.of(Math.max(a.getAsLong(), b.getAsLong()));
  }
}
