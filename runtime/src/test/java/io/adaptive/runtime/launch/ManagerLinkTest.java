/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.runtime.protocol.Hello;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker's first connection to its manager: a manager greeting many new workers at once closes
 * those beyond its cap, so the first connection is tried again a few times before giving up.
 */
final class ManagerLinkTest {

  @TempDir Path dir;

  @Test
  void connect_firstConnectionsClosedUnanswered_triesAgainAndClaims() throws Exception {
    try (ServerSocket manager = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger connections = new AtomicInteger();
      CompletableFuture<String> greeting = CompletableFuture.supplyAsync(() -> {
        try {
          while (true) {
            Socket socket = manager.accept();
            if (connections.incrementAndGet() < ManagerLink.FIRST_ATTEMPTS) {
              socket.close(); // over the cap: closed before the greeting is read
              continue;
            }
            String hello = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                US_ASCII)).readLine();
            OutputStream out = socket.getOutputStream();
            out.write("OK\n".getBytes(US_ASCII));
            out.flush();
            return hello;
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      try (ManagerLink link = ManagerLink.connect(assignment(manager.getLocalPort()),
          new Hello("l0", "job-1", "f00d"))) {
        assertThat(greeting.get(10, TimeUnit.SECONDS)).startsWith("HELLO ").contains("s3cret");
        assertThat(connections.get()).isEqualTo(ManagerLink.FIRST_ATTEMPTS);
      }
    }
  }

  @Test
  void connect_noManagerAtAll_givesUpAfterItsAttempts() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    int free = port;
    assertThatThrownBy(() -> ManagerLink.connect(assignment(free), new Hello("l0", "j", "f")))
        .isInstanceOf(IOException.class);
  }

  private WorkerAssignment assignment(int port) {
    return new WorkerAssignment(dir, List.of("l0"), "job-1", "127.0.0.1:" + port, "s3cret",
        Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ZERO, PointPolicy.RETRY,
        PointPolicy.SKIP);
  }
}
