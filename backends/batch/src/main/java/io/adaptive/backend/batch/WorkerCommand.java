/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import io.adaptive.plan.ResourceShape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The command a job runs: the user's relaunch command with the JVM's heap sized from the job's
 * memory instead of the driver's, and the workers' own JVM options ({@link
 * BatchSettings#javaOptions()}) after the driver's.
 *
 * <p>The rule: each JVM of the job (one per task) gets {@code -Xmx} of {@value #HEAP_PERCENT} % of
 * its share of the job's memory ({@code memory / tasks}, in whole MiB, rounded down, at least
 * {@value #MIN_HEAP_MIB} MiB). The rest is for what the JVM needs beside its heap (metaspace,
 * thread stacks, code cache, direct buffers) and for the job script itself, so that the scheduler's
 * memory limit is not hit by a full heap. The driver's own heap options ({@code -Xmx}, {@code -Xms},
 * {@code -XX:MaxRAMPercentage}, {@code -XX:InitialRAMPercentage}, {@code -XX:MinRAMPercentage},
 * {@code -XX:MaxRAM}) are removed: they were chosen for the driver's machine, not for the job.
 * So are the options that make the JVM write a class-data archive or class list at its exit
 * ({@code -XX:ArchiveClassesAtExit}, {@code -XX:DumpLoadedClassList}): every job would write the
 * driver's one file at once, and a torn archive is worse than none. A driver that makes an AppCDS
 * archive this way makes it of its own classes; the jobs use it through the driver's
 * {@code -XX:SharedArchiveFile}.
 *
 * <p>A job starts in the run directory, not where the driver was started, so relative paths of the
 * class path, the module path, {@code -jar} and the java executable are made absolute against the
 * driver's working directory: {@code java -cp target/app.jar Main} works as typed.
 */
final class WorkerCommand {

  /** The heap's share of a JVM's memory, in percent. */
  static final int HEAP_PERCENT = 75;

  /** The smallest heap given, in MiB, however little memory the job asks for. */
  static final long MIN_HEAP_MIB = 64;

  // Options whose value is the next word: the main class comes only after them.
  private static final Set<String> PATH_LISTS = Set.of("-cp", "-classpath", "--class-path", "-p",
      "--module-path", "--upgrade-module-path");

  private static final Set<String> WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p",
      "--module-path", "--upgrade-module-path", "--add-modules", "--limit-modules",
      "--add-opens", "--add-exports", "--add-reads", "--patch-module", "--enable-native-access");

  private WorkerCommand() {}

  /**
   * {@code relaunch} with its heap options replaced and {@code options} after its own.
   *
   * @param relaunch the user's program as it was started: java, JVM options, main class, arguments
   * @param java the java executable to use instead of {@code relaunch}'s first word; empty to keep it
   * @param options JVM options for the job, put after the driver's (see {@link #checkOptions})
   * @param resources the job's shape: its memory and tasks size the heap
   */
  static List<String> of(List<String> relaunch, String java, List<String> options,
      ResourceShape resources) {
    if (relaunch.isEmpty()) {
      throw new IllegalArgumentException("the relaunch command is empty; expected java, its"
          + " options, the main class and the program's arguments");
    }
    List<String> command = new ArrayList<>();
    String executable = java.isEmpty() ? relaunch.get(0) : java;
    command.add(executable.contains("/") ? absolute(executable) : executable); // else: on PATH
    command.add("-Xmx" + heapMib(resources) + "m");
    boolean inOptions = true;
    for (int i = 1; i < relaunch.size(); i++) {
      String word = relaunch.get(i);
      if (inOptions && (isHeapOption(word) || writesAtExit(word))) {
        continue;
      }
      if (inOptions && endsOptions(word)) {
        // The main class, jar or module: the workers' options go last among the JVM's, and the
        // program's own arguments follow.
        command.addAll(options);
        inOptions = false;
        command.add(word);
        if (word.equals("-jar") && i + 1 < relaunch.size()) {
          command.add(absolute(relaunch.get(++i)));
        }
        continue;
      }
      command.add(word);
      if (inOptions && WITH_VALUE.contains(word) && i + 1 < relaunch.size()) {
        String value = relaunch.get(++i);
        command.add(PATH_LISTS.contains(word) ? absoluteList(value) : value);
      }
    }
    if (inOptions) {
      command.addAll(options); // no main class: a launcher that finds it itself
    }
    return List.copyOf(command);
  }

  private static String absoluteList(String paths) {
    List<String> entries = new ArrayList<>();
    for (String entry : paths.split(java.io.File.pathSeparator, -1)) {
      entries.add(entry.isEmpty() ? entry : absolute(entry));
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static String absolute(String path) {
    return Path.of(path).toAbsolutePath().normalize().toString();
  }

  /** The heap of each JVM of a job of this shape, in MiB. */
  static long heapMib(ResourceShape resources) {
    long perTask = resources.memory().toMibCeil() / Math.max(1, resources.tasks());
    return Math.max(MIN_HEAP_MIB, perTask * HEAP_PERCENT / 100);
  }

  /** Whether {@code word}, met among the JVM options, ends them: a main class, jar or module. */
  private static boolean endsOptions(String word) {
    return !word.startsWith("-") || word.equals("-jar") || word.equals("-m")
        || word.equals("--module");
  }

  /**
   * Checks JVM options meant for the workers ({@link BatchSettings#javaOptions()}).
   *
   * @throws IllegalArgumentException naming the option and the fix, if one does not start with
   *     {@code -} or is not one word, sets the heap (sized from the job's memory), writes a class
   *     archive or list at exit (every job would write the one file), or names the class path,
   *     module path, a jar or a module (what the workers run is the driver's program)
   */
  static void checkOptions(List<String> options) {
    for (String option : options) {
      Objects.requireNonNull(option, "a java option is null");
      String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
      if (!option.startsWith("-") || !option.equals(option.strip())) {
        throw new IllegalArgumentException("java option '" + option + "' is not a JVM option:"
            + " each starts with '-' and is one word; an option with a value is written"
            + " --name=value, e.g. javaOptions(\"-XX:TieredStopAtLevel=4\","
            + " \"--add-opens=java.base/java.lang=ALL-UNNAMED\")");
      }
      if (isHeapOption(option)) {
        throw new IllegalArgumentException("java option '" + option + "' sets the heap, which"
            + " each job sizes from its learner's memory (" + HEAP_PERCENT + " % of it); set the"
            + " memory instead, e.g. resources(r -> r.memory(Memory.gib(8)))");
      }
      if (writesAtExit(option)) {
        throw new IllegalArgumentException("java option '" + option + "' would make every job"
            + " write that one file at its exit; make the archive from the driver alone, whose"
            + " -XX:ArchiveClassesAtExit the jobs do not get, and give the jobs the driver's"
            + " -XX:SharedArchiveFile");
      }
      if (PATH_LISTS.contains(name) || name.equals("-jar") || name.equals("-m")
          || name.equals("--module")) {
        throw new IllegalArgumentException("java option '" + option + "' would change what the"
            + " workers run; they run the driver's own program, with its class path: remove it");
      }
      if (WITH_VALUE.contains(option)) {
        throw new IllegalArgumentException("java option '" + option + "' needs its value in the"
            + " same word: write " + option + "=<value>");
      }
    }
  }

  private static boolean writesAtExit(String word) {
    return word.startsWith("-XX:ArchiveClassesAtExit=")
        || word.startsWith("-XX:DumpLoadedClassList=");
  }

  private static boolean isHeapOption(String word) {
    return word.startsWith("-Xmx") || word.startsWith("-Xms")
        || word.startsWith("-XX:MaxRAMPercentage=") || word.startsWith("-XX:InitialRAMPercentage=")
        || word.startsWith("-XX:MinRAMPercentage=") || word.startsWith("-XX:MaxRAM=");
  }
}
