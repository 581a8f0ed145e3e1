/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import io.adaptive.AdaptiveException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The rendezvous file of a multi-task job: the worker writes {@code <host>:<port>} to it, and
 * {@value #ENDED} when it ends; evaluators wait for it. Written to a temporary sibling and renamed,
 * so a reader on any node sees the whole address or nothing.
 */
final class Rendezvous {

  /** What the file says once the worker has ended: evaluators still waiting give up. */
  static final String ENDED = "ended";
  private static final long POLL_MILLIS = 100;

  private Rendezvous() {}

  /** Publishes {@code address} ({@code host:port}) in {@code file}, replacing what it held. */
  static void publish(Path file, String address) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(temporary, address + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Waits until {@code file} holds an address, and returns it.
   *
   * @throws AdaptiveException if it does not appear within {@code timeout}, or says the worker
   *     has ended
   * @throws InterruptedException if interrupted while waiting
   */
  static String await(Path file, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String content = read(file);
      if (content.equals(ENDED)) {
        throw new AdaptiveException("the worker of this job ended before this evaluator connected"
            + " (the rendezvous file " + file + " says '" + ENDED + "'); nothing is left to"
            + " evaluate");
      }
      if (content.lastIndexOf(':') > 0) {
        return content;
      }
      if (System.nanoTime() > deadline) {
        throw new AdaptiveException("no worker published its address in the rendezvous file "
            + file + " (" + Role.RENDEZVOUS + ") within " + timeout + "; check that the worker"
            + " task started (its output is in the same job log) and that every task sees the"
            + " file on a shared file system, or wait longer with "
            + Role.RENDEZVOUS_TIMEOUT_MILLIS);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      return ""; // not there yet, or being replaced: look again
    }
  }
}
