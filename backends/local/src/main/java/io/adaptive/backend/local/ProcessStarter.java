/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import io.adaptive.runtime.spi.JobRequest;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
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
    process.onExit().thenAccept(ended -> onExit.accept(ended.exitValue()));
    return new Started() {
      @Override
      public int exitStatus() {
        return process.isAlive() ? -1 : process.exitValue();
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
    };
  }
}
