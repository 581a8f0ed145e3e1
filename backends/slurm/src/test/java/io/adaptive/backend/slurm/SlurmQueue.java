/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the tests themselves ask the real SLURM, with the real commands (never the driver's
 * wrappers, whose calls are counted): the jobs of one test, found by the test's directory in their
 * script path or working directory, so that no naming scheme of the backend is assumed.
 */
final class SlurmQueue {

  private static final String SQUEUE = CommandWrappers.real("squeue");
  private static final String SCANCEL = CommandWrappers.real("scancel");

  private SlurmQueue() {}

  /** One job as squeue shows it. */
  record Job(String id, String state, String reason, String name, String command, String workDir) {

    boolean alive() {
      return switch (state) {
        case "PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "SUSPENDED", "STOPPED",
            "REQUEUED", "RESIZING", "SIGNALING" -> true;
        default -> false;
      };
    }
  }

  /**
   * Every job (of every state still known) whose script or working directory is under {@code dir};
   * each task of a job array on its own ({@code --array}), as {@code <array>_<index>}.
   */
  static List<Job> jobsUnder(Path dir) throws IOException, InterruptedException {
    String prefix = dir.toAbsolutePath().toString();
    List<Job> jobs = new ArrayList<>();
    for (String line : run(SQUEUE, "--noheader", "--array", "--states=all",
        "--format=%i|%T|%r|%j|%Z|%o")
        .lines().toList()) {
      String[] f = line.split("\\|", 6);
      if (f.length == 6 && (f[4].startsWith(prefix) || f[5].startsWith(prefix))) {
        jobs.add(new Job(f[0].strip(), f[1], f[2], f[3], f[5], f[4]));
      }
    }
    return jobs;
  }

  static List<Job> aliveUnder(Path dir) throws IOException, InterruptedException {
    return jobsUnder(dir).stream().filter(Job::alive).toList();
  }

  /** Cancels every job of the test that still lives; for {@code @AfterEach}. */
  static void cancelUnder(Path dir) throws IOException, InterruptedException {
    List<String> ids = aliveUnder(dir).stream().map(Job::id).toList();
    if (!ids.isEmpty()) {
      List<String> command = new ArrayList<>(List.of(SCANCEL));
      command.addAll(ids);
      run(command.toArray(String[]::new));
    }
  }

  /** {@code scancel} with the real command, optionally with a signal ({@code -s KILL}). */
  static void scancel(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(SCANCEL));
    command.addAll(List.of(args));
    run(command.toArray(String[]::new));
  }

  /**
   * The pid of the worker JVM that the job runs: a java process with {@code SLURM_JOB_ID} set to
   * the job's id in its environment.
   */
  static Optional<Long> workerJvm(String jobId) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .filter(p -> environment(p.pid()).contains("\0SLURM_JOB_ID=" + jobId + "\0"))
        .map(ProcessHandle::pid).findFirst();
  }

  /**
   * Kills every process of the job (its batch shell and the worker JVM) with SIGKILL at once, as a
   * node that dies would: nobody writes an exit file. ({@code scancel --signal=KILL} will not do:
   * SLURM 22.05 turns a job-wide KILL into a cancel, which sends SIGTERM first.)
   *
   * @return how many processes were killed
   */
  static int killJobProcesses(String jobId) {
    List<ProcessHandle> processes = ProcessHandle.allProcesses()
        .filter(p -> environment(p.pid()).contains("\0SLURM_JOB_ID=" + jobId + "\0")).toList();
    processes.forEach(ProcessHandle::destroyForcibly);
    return processes.size();
  }

  /** The environment of process {@code pid}, each variable between NUL characters. */
  static String environment(long pid) {
    try {
      return "\0" + new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish in 60 s");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": "
          + text);
    }
    return text;
  }
}
