/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import io.adaptive.runtime.spi.JobRequest;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Starts each job as child processes: the user's program again, in worker role, and for a job of
 * several tasks one more process per task in evaluator role, all writing to the job's log. The
 * job's processes stop and are killed together; the job ends when its worker has ended and its
 * evaluators are gone too.
 */
final class ProcessStarter implements Starter {

  /** Every task runs on this machine, so the worker is reached on the loopback interface. */
  private static final String LOOPBACK = "127.0.0.1";

  @Override
  public Started start(JobRequest request, IntConsumer onExit) throws IOException {
    Files.createDirectories(request.log().toAbsolutePath().getParent());
    if (request.tasks() > 1) {
      Files.createDirectories(request.rendezvousFile().getParent());
      Files.deleteIfExists(request.rendezvousFile()); // a stale address would mislead evaluators
    }
    Process worker = start(request, request.taskEnvironment(0, LOOPBACK));
    List<Process> evaluators = new ArrayList<>();
    try {
      for (int task = 1; task < request.tasks(); task++) {
        evaluators.add(start(request, request.taskEnvironment(task, LOOPBACK)));
      }
    } catch (IOException | RuntimeException e) {
      worker.destroyForcibly();
      evaluators.forEach(Process::destroyForcibly);
      throw e;
    }
    List<ProcessHandle> helpers = evaluators.stream().map(Process::toHandle).toList();
    writePidFile(request, worker.toHandle(), helpers);
    // Evaluators normally leave when their worker says goodbye; one still waiting for the
    // rendezvous (a worker that ended early) is stopped, so the job's cores free up together.
    worker.onExit().thenCompose(ended -> {
      helpers.forEach(ProcessHandle::destroy);
      return CompletableFuture.allOf(
          helpers.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new));
    }).thenRun(() -> onExit.accept(worker.exitValue()));
    return new ProcessJob(worker.toHandle(), helpers,
        () -> worker.isAlive() ? -1 : worker.exitValue());
  }

  private static Process start(JobRequest request, Map<String, String> environment)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(request.launch().command())
        .redirectErrorStream(true)
        .redirectOutput(Redirect.appendTo(request.log().toFile()))
        .redirectInput(Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(request.resources().environment()); // the user's env(..)
    builder.environment().putAll(environment);
    return builder.start();
  }

  @Override
  public Started adopt(JobRequest request, IntConsumer onExit) {
    Path pidFile = pidFile(request);
    List<ProcessHandle> processes = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(pidFile, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          processes.add(running(line.trim().split(" ")));
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (processes.isEmpty() || processes.get(0) == null) {
      return null;
    }
    ProcessHandle worker = processes.get(0);
    List<ProcessHandle> helpers = processes.subList(1, processes.size()).stream()
        .filter(java.util.Objects::nonNull).toList();
    // Not our child: its exit status cannot be known, only that it ended.
    worker.onExit().thenRun(() -> {
      helpers.forEach(ProcessHandle::destroy);
      onExit.accept(-1);
    });
    return new ProcessJob(worker, helpers, () -> -1);
  }

  /** The process a pid file line names, if it still runs and is the same process; else null. */
  private static ProcessHandle running(String[] fields) {
    long start = Long.parseLong(fields[1]);
    return ProcessHandle.of(Long.parseLong(fields[0]))
        .filter(p -> p.info().startInstant().map(Instant::toEpochMilli)
            .map(started -> started == start).orElse(false))
        .filter(ProcessHandle::isAlive)
        .orElse(null);
  }

  /** A job's processes, started by this session or adopted from an earlier one. */
  private record ProcessJob(ProcessHandle worker, List<ProcessHandle> evaluators,
      java.util.function.IntSupplier exit) implements Started {

    @Override
    public int exitStatus() {
      return exit.getAsInt();
    }

    @Override
    public boolean isAlive() {
      return all().anyMatch(ProcessHandle::isAlive);
    }

    @Override
    public void stop() {
      all().forEach(ProcessHandle::destroy);
    }

    @Override
    public void kill() {
      all().forEach(process -> {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      });
    }

    private Stream<ProcessHandle> all() {
      return Stream.concat(Stream.of(worker), evaluators.stream());
    }
  }

  // One line per process, the worker first: "<pid> <start epoch millis>"; the start time tells a
  // reused pid from the job's own process.
  private static void writePidFile(JobRequest request, ProcessHandle worker,
      List<ProcessHandle> evaluators) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (ProcessHandle process : Stream.concat(Stream.of(worker), evaluators.stream()).toList()) {
      long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
      lines.append(process.pid()).append(' ').append(start).append('\n');
    }
    Files.writeString(pidFile(request), lines, StandardCharsets.UTF_8);
  }

  private static Path pidFile(JobRequest request) {
    return request.log().resolveSibling(request.log().getFileName() + ".pid");
  }
}
