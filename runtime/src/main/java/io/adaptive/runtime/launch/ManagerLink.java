/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import io.adaptive.runtime.protocol.ClaimRefusedException;
import io.adaptive.runtime.protocol.Hello;
import io.adaptive.runtime.protocol.ProtocolClient;
import io.adaptive.runtime.store.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's link to its run manager that survives the manager's absence: when the connection
 * breaks, the worker goes on computing and saving while a background thread reconnects with
 * exponential backoff (1 s doubling to 30 s), to the address the newest manager published in the
 * run directory. Progress reports made while disconnected are dropped (the next one supersedes
 * them); the final report is retried for a bounded time.
 */
final class ManagerLink implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ManagerLink.class);
  private static final long FIRST_BACKOFF_MILLIS = 1_000;
  private static final long MAX_BACKOFF_MILLIS = 30_000;

  /** Sends one message on a connected client. */
  interface Message {
    void send(ProtocolClient client) throws IOException;
  }

  private final WorkerAssignment assignment;
  private final Hello hello;
  private final Path addressFile;
  private volatile ProtocolClient client;
  private volatile ClaimRefusedException refused;
  private volatile boolean closed;
  private Thread reconnector;

  private ManagerLink(WorkerAssignment assignment, Hello hello, ProtocolClient client) {
    this.assignment = assignment;
    this.hello = hello;
    this.addressFile = new RunDirectory(assignment.store()).managerAddress();
    this.client = client;
  }

  /**
   * Connects and claims the learner; the first connection must succeed, within {@value
   * #FIRST_ATTEMPTS} attempts 0.25, 0.5 and 1 s apart (a manager greeting many new workers at once
   * closes those beyond its cap of waiting connections).
   *
   * @throws ClaimRefusedException if the manager refuses the claim
   * @throws IOException if no manager can be reached
   */
  static ManagerLink connect(WorkerAssignment assignment, Hello hello) throws IOException {
    long pauseMillis = 250;
    for (int attempt = 1; ; attempt++) {
      try {
        return new ManagerLink(assignment, hello,
            ProtocolClient.connect(assignment.manager(), assignment.secret(), hello));
      } catch (IOException e) {
        if (attempt == FIRST_ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        pauseMillis *= 2;
      }
    }
  }

  /** Attempts at the first connection before the worker gives up. */
  static final int FIRST_ATTEMPTS = 4;

  /**
   * Sends {@code message} if connected; otherwise drops it and lets the reconnection go on.
   *
   * @throws ClaimRefusedException if a manager refused this worker after a reconnection: another
   *     job may hold the learner now, so the worker must stop
   */
  void send(Message message) {
    if (refused != null) {
      throw refused;
    }
    ProtocolClient current = client;
    if (current == null) {
      return;
    }
    try {
      message.send(current);
    } catch (IOException e) {
      lost(current, e);
    }
  }

  /**
   * Sends {@code message}, reconnecting for up to {@code patience} if needed.
   *
   * @return true if it was sent
   * @throws ClaimRefusedException as {@link #send}
   */
  boolean deliver(Message message, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      if (refused != null) {
        throw refused;
      }
      ProtocolClient current = client;
      if (current != null) {
        try {
          message.send(current);
          return true;
        } catch (IOException e) {
          lost(current, e);
        }
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** True while a manager is connected. */
  boolean isConnected() {
    return client != null;
  }

  private synchronized void lost(ProtocolClient broken, IOException cause) {
    if (client != broken) {
      return;
    }
    client = null;
    broken.abandon();
    log.warn("lost the run manager ({}); computing and saving on, reconnecting in the background",
        cause.toString());
    if (reconnector == null || !reconnector.isAlive()) {
      reconnector = new Thread(this::reconnect, "adaptive-reconnect");
      reconnector.setDaemon(true);
      reconnector.start();
    }
  }

  private void reconnect() {
    long backoff = FIRST_BACKOFF_MILLIS;
    while (!closed) {
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        return;
      }
      String address = publishedAddress();
      try {
        client = ProtocolClient.connect(address, assignment.secret(), hello);
        log.info("reconnected to the run manager at {}", address);
        return;
      } catch (ClaimRefusedException e) {
        log.error("the run manager at {} refused this worker: {}", address, e.getMessage());
        refused = e;
        return;
      } catch (IOException | RuntimeException e) {
        log.debug("reconnecting to {} failed: {}", address, e.toString());
      }
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
    }
  }

  private String publishedAddress() {
    try {
      String address = Files.readString(addressFile, StandardCharsets.UTF_8).trim();
      return address.isEmpty() ? assignment.manager() : address;
    } catch (IOException e) {
      return assignment.manager();
    }
  }

  @Override
  public void close() {
    closed = true;
    if (reconnector != null) {
      reconnector.interrupt();
    }
    ProtocolClient current = client;
    if (current != null) {
      current.close();
    }
  }
}
