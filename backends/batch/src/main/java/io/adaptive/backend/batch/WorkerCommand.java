/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import io.adaptive.plan.ResourceShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command a job runs: the user's relaunch command with the JVM's heap sized from the job's
 * memory instead of the driver's.
 *
 * <p>The rule: each JVM of the job (one per task) gets {@code -Xmx} of {@value #HEAP_PERCENT} % of
 * its share of the job's memory ({@code memory / tasks}, in whole MiB, rounded down, at least
 * {@value #MIN_HEAP_MIB} MiB). The rest is for what the JVM needs beside its heap (metaspace,
 * thread stacks, code cache, direct buffers) and for the job script itself, so that the scheduler's
 * memory limit is not hit by a full heap. The driver's own heap options ({@code -Xmx}, {@code -Xms},
 * {@code -XX:MaxRAMPercentage}, {@code -XX:InitialRAMPercentage}, {@code -XX:MinRAMPercentage},
 * {@code -XX:MaxRAM}) are removed: they were chosen for the driver's machine, not for the job.
 */
final class WorkerCommand {

  /** The heap's share of a JVM's memory, in percent. */
  static final int HEAP_PERCENT = 75;

  /** The smallest heap given, in MiB, however little memory the job asks for. */
  static final long MIN_HEAP_MIB = 64;

  // Options whose value is the next word: the main class comes only after them.
  private static final Set<String> WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p",
      "--module-path", "--upgrade-module-path", "--add-modules", "--limit-modules",
      "--add-opens", "--add-exports", "--add-reads", "--patch-module", "--enable-native-access");

  private WorkerCommand() {}

  /**
   * {@code relaunch} with its heap options replaced.
   *
   * @param relaunch the user's program as it was started: java, JVM options, main class, arguments
   * @param java the java executable to use instead of {@code relaunch}'s first word; empty to keep it
   * @param resources the job's shape: its memory and tasks size the heap
   */
  static List<String> of(List<String> relaunch, String java, ResourceShape resources) {
    if (relaunch.isEmpty()) {
      throw new IllegalArgumentException("the relaunch command is empty; expected java, its"
          + " options, the main class and the program's arguments");
    }
    List<String> command = new ArrayList<>();
    command.add(java.isEmpty() ? relaunch.get(0) : java);
    command.add("-Xmx" + heapMib(resources) + "m");
    boolean options = true;
    for (int i = 1; i < relaunch.size(); i++) {
      String word = relaunch.get(i);
      if (options && isHeapOption(word)) {
        continue;
      }
      command.add(word);
      if (options && WITH_VALUE.contains(word) && i + 1 < relaunch.size()) {
        command.add(relaunch.get(++i));
      } else if (options && (word.equals("-jar") || word.equals("-m") || word.equals("--module")
          || !word.startsWith("-"))) {
        options = false; // the main class, jar or module: the program's own arguments follow
      }
    }
    return List.copyOf(command);
  }

  /** The heap of each JVM of a job of this shape, in MiB. */
  static long heapMib(ResourceShape resources) {
    long perTask = resources.memory().toMibCeil() / Math.max(1, resources.tasks());
    return Math.max(MIN_HEAP_MIB, perTask * HEAP_PERCENT / 100);
  }

  private static boolean isHeapOption(String word) {
    return word.startsWith("-Xmx") || word.startsWith("-Xms")
        || word.startsWith("-XX:MaxRAMPercentage=") || word.startsWith("-XX:InitialRAMPercentage=")
        || word.startsWith("-XX:MinRAMPercentage=") || word.startsWith("-XX:MaxRAM=");
  }
}
