/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Memory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one implementation of {@link Resources}. A null number, memory or walltime means "not said":
 * {@code compile()} fills it from {@link io.adaptive.plan.Defaults}, so the defaults live in one
 * place and a plan never holds a null.
 */
record ResourcesValue(
    Integer cores,
    Integer nodes,
    Integer tasks,
    Memory memory,
    Duration walltime,
    String partition,
    String account,
    String qos,
    Integer gpus,
    boolean exclusiveNodes,
    String constraint,
    SortedMap<String, String> environment,
    List<String> prelude,
    List<String> schedulerOptions)
    implements Resources {

  static final ResourcesValue NONE = new ResourcesValue(null, null, null, null, null, "", "", "", null,
      false, "", new TreeMap<>(), List.of(), List.of());

  ResourcesValue {
    environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
    prelude = List.copyOf(prelude);
    schedulerOptions = List.copyOf(schedulerOptions);
  }

  @Override
  public Resources cores(int cores) {
    return new ResourcesValue(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusiveNodes, constraint, environment, prelude, schedulerOptions);
  }

  @Override
  public Resources nodes(int nodes) {
    return new ResourcesValue(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusiveNodes, constraint, environment, prelude, schedulerOptions);
  }

  @Override
  public Resources tasks(int tasks) {
    return new ResourcesValue(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusiveNodes, constraint, environment, prelude, schedulerOptions);
  }

  @Override
  public Resources memory(Memory memory) {
    Objects.requireNonNull(memory, "memory");
    return new ResourcesValue(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusiveNodes, constraint, environment, prelude, schedulerOptions);
  }

  @Override
  public Resources walltime(Duration walltime) {
    Objects.requireNonNull(walltime, "walltime");
    return new ResourcesValue(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusiveNodes, constraint, environment, prelude, schedulerOptions);
  }

  @Override
  public Resources partition(String partition) {
    Objects.requireNonNull(partition, "partition");
    return new ResourcesValue(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusiveNodes, constraint, environment, prelude, schedulerOptions);
  }

  @Override
  public Resources account(String account) {
    Objects.requireNonNull(account, "account");
    return new ResourcesValue(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusiveNodes, constraint, environment, prelude, schedulerOptions);
  }

  @Override
  public Resources qos(String qos) {
    Objects.requireNonNull(qos, "qos");
    return new ResourcesValue(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusiveNodes, constraint, environment, prelude, schedulerOptions);
  }

  @Override
  public Resources gpus(int gpus) {
    return new ResourcesValue(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusiveNodes, constraint, environment, prelude, schedulerOptions);
  }

  @Override
  public Resources exclusive() {
    return new ResourcesValue(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        true, constraint, environment, prelude, schedulerOptions);
  }

  @Override
  public Resources constraint(String constraint) {
    Objects.requireNonNull(constraint, "constraint");
    return new ResourcesValue(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusiveNodes, constraint, environment, prelude, schedulerOptions);
  }

  @Override
  public Resources env(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    SortedMap<String, String> more = new TreeMap<>(environment);
    more.put(name, value);
    return new ResourcesValue(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusiveNodes, constraint, more, prelude, schedulerOptions);
  }

  @Override
  public Resources prelude(String line) {
    Objects.requireNonNull(line, "line");
    return new ResourcesValue(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusiveNodes, constraint, environment, plus(prelude, line), schedulerOptions);
  }

  @Override
  public Resources schedulerOption(String option) {
    Objects.requireNonNull(option, "option");
    return new ResourcesValue(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusiveNodes, constraint, environment, prelude, plus(schedulerOptions, option));
  }

  private static List<String> plus(List<String> list, String element) {
    List<String> more = new ArrayList<>(list);
    more.add(element);
    return more;
  }
}
