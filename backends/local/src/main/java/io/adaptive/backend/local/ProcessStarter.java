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
import java.util.function.IntConsumer;

/** Starts each job as a child process: the user's program again, in worker role. */
final class ProcessStarter implements Starter {

  @Override
  public Started start(JobRequest request, IntConsumer onExit) throws IOException {
    Files.createDirectories(request.log().toAbsolutePath().getParent());
    ProcessBuilder builder = new ProcessBuilder(request.launch().command())
        .redirectErrorStream(true)
        .redirectOutput(Redirect.appendTo(request.log().toFile()))
        .redirectInput(Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(request.launch().environment());
    Process process = builder.start();
    writePidFile(request, process.toHandle());
    process.onExit().thenAccept(ended -> onExit.accept(ended.exitValue()));
    return new ProcessJob(process.toHandle(), () -> process.isAlive() ? -1 : process.exitValue());
  }

  @Override
  public Started adopt(JobRequest request, IntConsumer onExit) {
    Path pidFile = pidFile(request);
    ProcessHandle process;
    try {
      String[] fields = Files.readString(pidFile, StandardCharsets.UTF_8).trim().split(" ");
      process = ProcessHandle.of(Long.parseLong(fields[0]))
          .filter(p -> p.info().startInstant().map(Instant::toEpochMilli)
              .map(start -> start == Long.parseLong(fields[1])).orElse(false))
          .filter(ProcessHandle::isAlive)
          .orElse(null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (process == null) {
      return null;
    }
    // Not our child: its exit status cannot be known, only that it ended.
    process.onExit().thenRun(() -> onExit.accept(-1));
    return new ProcessJob(process, () -> -1);
  }

  /** A job's process, started by this session or adopted from an earlier one. */
  private record ProcessJob(ProcessHandle process, java.util.function.IntSupplier exit)
      implements Started {

    @Override
    public int exitStatus() {
      return exit.getAsInt();
    }

    @Override
    public boolean isAlive() {
      return process.isAlive();
    }

    @Override
    public void stop() {
      process.destroy();
    }

    @Override
    public void kill() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  // "<pid> <start epoch millis>": the start time tells a reused pid from the job's own process.
  private static void writePidFile(JobRequest request, ProcessHandle process) throws IOException {
    long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    Files.writeString(pidFile(request), process.pid() + " " + start + "\n", StandardCharsets.UTF_8);
  }

  private static Path pidFile(JobRequest request) {
    return request.log().resolveSibling(request.log().getFileName() + ".pid");
  }
}
