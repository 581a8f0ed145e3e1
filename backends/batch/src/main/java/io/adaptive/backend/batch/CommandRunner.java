/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scheduler commands: the only code that starts {@code sbatch}, {@code squeue} and friends.
 * Every call has a timeout, after which the command and its children are killed; a failure is
 * logged with its exit code, standard output and error. Never throws for a failed command: the
 * caller reads the {@link CommandResult}.
 */
final class CommandRunner {

  private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

  private final List<Path> executables;
  private final Duration timeout;

  /**
   * @param executables directories searched for a command's executable before {@code PATH}, and
   *     put first on the commands' {@code PATH}; empty for {@code PATH} alone
   * @param timeout how long a command may run before it is killed
   */
  CommandRunner(List<Path> executables, Duration timeout) {
    this.executables = List.copyOf(executables);
    this.timeout = timeout;
  }

  /** Runs {@code command} to its end or its timeout. */
  CommandResult run(List<String> command) {
    List<String> resolved = new ArrayList<>(command);
    resolved.set(0, resolve(command.get(0)));
    ProcessBuilder builder = new ProcessBuilder(resolved);
    if (!executables.isEmpty()) {
      Map<String, String> environment = builder.environment();
      StringBuilder path = new StringBuilder();
      executables.forEach(directory -> path.append(directory).append(File.pathSeparator));
      path.append(environment.getOrDefault("PATH", ""));
      environment.put("PATH", path.toString());
    }
    CommandResult result;
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      Collector stdout = new Collector(process.getInputStream());
      Collector stderr = new Collector(process.getErrorStream());
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        // Children first: a killed shell leaves its children holding the output pipes open.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
      String errors = stderr.text();
      if (!finished) {
        errors += (errors.isEmpty() ? "" : "\n") + "(killed after its timeout of "
            + timeout.toMillis() + " ms)";
      }
      result = new CommandResult(command, finished ? process.exitValue() : -1, stdout.text(),
          errors, !finished);
    } catch (IOException e) {
      result = new CommandResult(command, 127, "", "cannot run " + resolved.get(0) + ": "
          + e.getMessage(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = new CommandResult(command, -1, "", "interrupted while running " + command.get(0),
          true);
    }
    if (!result.succeeded()) {
      log.warn("{} failed: exit code {}{}; stdout: '{}'; stderr: '{}'", String.join(" ", command),
          result.exitCode(), result.timedOut() ? " (timed out)" : "", result.stdout().strip(),
          result.stderr().strip());
    }
    return result;
  }

  /** How long each command may run. */
  Duration timeout() {
    return timeout;
  }

  private String resolve(String executable) {
    if (executable.contains(File.separator)) {
      return executable;
    }
    for (Path directory : executables) {
      Path candidate = directory.resolve(executable);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return executable;
  }

  /** Reads a stream to its end on a thread of its own, so that neither pipe fills up. */
  private static final class Collector {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;

    Collector(InputStream stream) {
      thread = new Thread(() -> {
        byte[] buffer = new byte[8192];
        try (stream) {
          for (int n; (n = stream.read(buffer)) >= 0; ) {
            synchronized (bytes) {
              bytes.write(buffer, 0, n);
            }
          }
        } catch (IOException e) {
          // the process was killed: keep what came
        }
      }, "adaptive-command-output");
      thread.setDaemon(true);
      thread.start();
    }

    String text() throws InterruptedException {
      thread.join(2000);
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
